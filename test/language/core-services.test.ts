/**
 * The language services in two modules, as Langium splits its own: the core (parse, scope,
 * validate, model) that the CLI uses, and the LSP module on top for the language server. The core
 * has no LSP services at all, and reports exactly what the full services report.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBlueprintCoreServices, createBlueprintServices, loadAndValidate, type BlueprintCoreServices } from '@blueprint/language';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { describe, expect, test } from 'vitest';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const files = [...readdirSync(EXAMPLES), ...readdirSync(join(EXAMPLES, 'invalid')).map(name => `invalid/${name}`)]
    .filter(name => name.endsWith('.blueprint')).sort();

async function report(services: BlueprintCoreServices): Promise<string[]> {
    const { documents } = await loadAndValidate(services, files.map(name => URI.file(join(EXAMPLES, name))));
    return documents.flatMap(document => {
        const model = services.model.BlueprintModelProvider.getDocumentModel(document);
        return [
            `${document.uri.path.split('/').slice(-2).join('/')}: ${model?.steps.length ?? 0} steps`,
            ...(document.diagnostics ?? []).map(d => `  ${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`)
        ];
    });
}

describe('core and LSP services', () => {
    test('the core services have no LSP services; the full ones add them', () => {
        const core = createBlueprintCoreServices(NodeFileSystem, { batch: true }).Blueprint;
        const full = createBlueprintServices(NodeFileSystem, { batch: true }).Blueprint;
        expect((core as Partial<typeof full>).lsp).toBeUndefined();
        expect(full.lsp.HoverProvider).toBeDefined();
        expect(full.lsp.Formatter).toBeDefined();
    });

    test('both validate every example, valid and invalid, alike: the same models and diagnostics', async () => {
        const core = await report(createBlueprintCoreServices(NodeFileSystem, { batch: true }).Blueprint);
        const full = await report(createBlueprintServices(NodeFileSystem, { batch: true }).Blueprint);
        expect(files.length).toBeGreaterThan(20);
        expect(core.filter(line => line.startsWith('  BP')).length).toBeGreaterThan(20);
        expect(core).toEqual(full);
    });
});
