import { expectFoldings } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { createServices, freshUri } from './helpers.js';
import { validateText } from '../../helpers/validate-text.js';

const services = createServices();

describe('document links', () => {
    it('links an import path to the imported file, inside the quotes', async () => {
        const uri = freshUri('main');
        const text = 'import "shared.blueprint"\nimport "missing"\nblueprint B {\n}\n';
        const document = await validateText(services, text, uri, { 'shared.blueprint': 'actor A "A"\n' });
        const links = await services.lsp.DocumentLinkProvider!.getDocumentLinks(document, { textDocument: { uri: document.textDocument.uri } });
        expect(links).toEqual([{
            range: { start: { line: 0, character: 8 }, end: { line: 0, character: 24 } },
            target: new URL('shared.blueprint', uri.toString()).toString(),
            tooltip: 'Open shared.blueprint'
        }]);
        expect(document.textDocument.getText(links[0].range)).toBe('shared.blueprint');
    });
});

describe('folding', () => {
    it('folds blueprint bodies, step bodies and multi-line comments, keeping the closing line visible', async () => {
        // Langium's default provider is enough: it folds nodes and comments of three lines or more.
        await expectFoldings(services)({
            text: `/* A comment
   over three
   lines */
blueprint B {
    customer A "a" {
        evidence "e"
        start
    }
    frontstage F "f"
}`,
            disposeAfterCheck: true,
            assert: foldings => {
                expect(foldings.map(f => [f.startLine, f.endLine, f.kind ?? 'region'])).toEqual([
                    [0, 1, 'comment'], [3, 8, 'region'], [4, 6, 'region']
                ]);
            }
        });
    });
});
