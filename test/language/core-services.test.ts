/**
 * The language services in two modules, as Langium splits its own: the core (parse, scope,
 * validate, model) that the CLI uses, and the LSP module on top for the language server. The core
 * has no LSP services at all, and reports exactly what the full services report. Its entry,
 * `@blueprint/language/core`, is the same core without loading any of the LSP code.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as language from '@blueprint/language';
import { createBlueprintCoreServices, createBlueprintServices, loadAndValidate, type BlueprintCoreServices } from '@blueprint/language';
import * as core from '@blueprint/language/core';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { beforeAll, describe, expect, test } from 'vitest';
import { ensureBuilt, REPO_ROOT } from '../cli/cli-harness.js';
import { loadedModules, LSP_MODULE } from '../helpers/loaded-modules.js';

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

describe('the core entry, @blueprint/language/core', () => {
    beforeAll(() => ensureBuilt());

    test('is the package without the LSP services: the same functions, and none of the LSP ones', () => {
        expect(core.createBlueprintCoreServices).toBe(language.createBlueprintCoreServices);
        expect(core.loadAndValidate).toBe(language.loadAndValidate);
        expect(core.ALL_RULES).toBe(language.ALL_RULES);
        const lspOnly = Object.keys(language).filter(name => !(name in core)).sort();
        expect(lspOnly).toEqual(['BlueprintLspModule', 'FIX_ALL_KIND', 'createBlueprintServices', 'safeFixesOf']);
    });

    test('loads neither langium/lsp nor vscode-languageserver; the full entry loads both', () => {
        const program = (entry: string) => ['--input-type=module', '-e', `const m = await import(${JSON.stringify(entry)}); console.log(typeof m.createBlueprintCoreServices);`];
        const coreRun = loadedModules(program('@blueprint/language/core'), REPO_ROOT);
        const fullRun = loadedModules(program('@blueprint/language'), REPO_ROOT);
        expect(coreRun.stdout.trim()).toBe('function');
        expect(coreRun.urls.some(url => url.includes('/langium/lib/parser/'))).toBe(true);
        expect(coreRun.urls.filter(url => LSP_MODULE.test(url))).toEqual([]);
        // The probe sees them where they are loaded.
        expect(fullRun.urls.some(url => url.includes('/langium/lib/lsp/'))).toBe(true);
        expect(fullRun.urls.some(url => url.includes('/node_modules/vscode-languageserver/'))).toBe(true);
    });
});
