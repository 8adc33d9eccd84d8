/** Go to definition: on references (Langium's own) and on import paths, which lead to the imported file. */
import { expectGoToDefinition } from 'langium/test';
import { describe, expect, it } from 'vitest';
import type { LocationLink } from 'vscode-languageserver';
import { createServices, freshUri } from './helpers.js';
import { validateText } from '../../helpers/validate-text.js';

const services = createServices();

async function definitionAt(text: string, line: number, character: number, files: Record<string, string>, name = 'main'): Promise<{ links: LocationLink[] | undefined; uri: string }> {
    const uri = freshUri(name);
    const document = await validateText(services, text, uri, files);
    const links = await services.lsp.DefinitionProvider!.getDefinition(document, { textDocument: { uri: uri.toString() }, position: { line, character } });
    return { links, uri: uri.toString() };
}

describe('go to definition on an import path', () => {
    const SHARED = '// Shared declarations\nactor Clerk "Clerk"\nstage Pay "Pay"\n';
    const TEXT = 'import "./shared.blueprint"\nimport "shared"\nimport "missing"\nblueprint B {\n    customer A "a" by Clerk\n}\n';

    it('opens the imported file from anywhere on the path, quotes included', async () => {
        for (const character of [7, 8, 15, 26, 27]) {
            const { links, uri } = await definitionAt(TEXT, 0, character, { 'shared.blueprint': SHARED });
            expect(links, `at ${character}`).toEqual([{
                targetUri: new URL('shared.blueprint', uri).toString(),
                targetRange: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } },
                targetSelectionRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
                originSelectionRange: { start: { line: 0, character: 7 }, end: { line: 0, character: 27 } }
            }]);
        }
    });

    it('resolves a path without the extension', async () => {
        const { links, uri } = await definitionAt(TEXT, 1, 10, { 'shared.blueprint': SHARED });
        expect(links?.map(link => link.targetUri)).toEqual([new URL('shared.blueprint', uri).toString()]);
    });

    it('offers nothing for a missing file or on the keyword', async () => {
        expect((await definitionAt(TEXT, 2, 10, { 'shared.blueprint': SHARED })).links).toBeUndefined();
        expect((await definitionAt(TEXT, 0, 3, { 'shared.blueprint': SHARED })).links ?? []).toEqual([]);
    });

    it('still leads from a reference to its declaration in the imported file', async () => {
        const { links, uri } = await definitionAt(TEXT, 4, 25, { 'shared.blueprint': SHARED });
        expect(links?.map(link => [link.targetUri, link.targetSelectionRange.start.line])).toEqual([[new URL('shared.blueprint', uri).toString(), 1]]);
    });
});

describe('a built-in channel', () => {
    it('has no definition or declaration to go to: its in-memory document opens in no editor', async () => {
        const text = 'blueprint B {\n    customer A "a" via app\n    frontstage F "f" via app\n}\n';
        const uri = freshUri('main');
        const document = await validateText(services, text, uri);
        const position = { line: 1, character: 24 };
        expect(await services.lsp.DefinitionProvider!.getDefinition(document, { textDocument: { uri: uri.toString() }, position })).toBeUndefined();
        const references = await services.lsp.ReferencesProvider!.findReferences(document, { textDocument: { uri: uri.toString() }, position, context: { includeDeclaration: true } });
        expect(references.map(location => `${location.uri === uri.toString() ? 'main' : location.uri} ${location.range.start.line}`)).toEqual(['main 1', 'main 2']);
    });
});

describe('go to definition in one file', () => {
    it('leads from a flow\'s step to the step', async () => {
        await expectGoToDefinition(services)({
            text: 'blueprint B {\n    customer <|A|> "a"\n    frontstage F "f"\n    flow <|>A -> F\n}\n',
            index: 0, rangeIndex: 0, disposeAfterCheck: true
        });
    });
});
