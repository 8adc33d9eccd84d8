/**
 * Every prefix of a real blueprint is what an editor holds while someone types it. None of them may
 * crash validation, the model, or the editor features: they get diagnostics, never exceptions.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createBlueprintServices } from '@blueprint/language';
import { analyseBlueprint } from '@blueprint/model';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { diagnosticText } from '../helpers/diagnostic-text.js';

const { Blueprint } = createBlueprintServices({ ...EmptyFileSystem });
const source = readFileSync(fileURLToPath(new URL('../../examples/credit-card-hotline.blueprint', import.meta.url)), 'utf8');

/** Cut points: every line end, and every token boundary in two regions (steps; flows and metrics). */
function cutPoints(text: string): number[] {
    const points = new Set<number>();
    const flows = text.indexOf('    flow ');
    for (let i = 0; i < text.length; i++) {
        const tokenRegion = (i > 1000 && i < 1800) || i > flows;
        if (text[i] === '\n' || (tokenRegion && /[\s"{}]/.test(text[i]))) points.add(i);
    }
    return [...points];
}

const INTERNAL_ERROR = /error occurred|Cannot read prop|undefined is not|is not a function/i;

describe('partial input while typing', () => {
    it('validates, builds the model, analyses, hovers, lenses and formats every prefix without an exception', async () => {
        const builtin = Blueprint.workspace.BuiltinLibrary.document;
        await Blueprint.shared.workspace.DocumentBuilder.build([builtin]);
        let count = 0;
        for (const cut of cutPoints(source)) {
            const text = source.slice(0, cut);
            const uri = URI.parse(`memory:///typing-${count++}.blueprint`);
            const document = Blueprint.shared.workspace.LangiumDocumentFactory.fromString(text, uri);
            Blueprint.shared.workspace.LangiumDocuments.addDocument(document);
            await Blueprint.shared.workspace.DocumentBuilder.build([document], { validation: true });
            const internal = (document.diagnostics ?? []).filter(d => INTERNAL_ERROR.test(diagnosticText(d)));
            expect(internal, `prefix of ${cut} characters`).toEqual([]);
            const model = Blueprint.model.BlueprintModelProvider.getDocumentModel(document);
            if (model) analyseBlueprint(model);
            const lastLine = Math.max(0, text.split('\n').length - 2);
            await Blueprint.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: uri.toString() }, position: { line: lastLine, character: 10 } });
            await Blueprint.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: uri.toString() } });
            await Blueprint.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: uri.toString() } });
            const end = document.textDocument.positionAt(text.length);
            await Blueprint.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: uri.toString() }, position: end });
            await Blueprint.lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument: { uri: uri.toString() } });
            await Blueprint.lsp.CodeActionProvider!.getCodeActions(document, { textDocument: { uri: uri.toString() }, range: { start: end, end }, context: { diagnostics: document.diagnostics ?? [] } });
            await Blueprint.lsp.Formatter!.formatDocument(document, { textDocument: { uri: uri.toString() }, options: { tabSize: 4, insertSpaces: true } });
            Blueprint.shared.workspace.LangiumDocuments.deleteDocument(uri);
        }
        expect(count).toBeGreaterThan(200);
    }, 120_000);

    it('survives odd characters, control bytes and unbalanced quotes with diagnostics', async () => {
        const inputs = [
            '\u0000\u0001\u0002 blueprint',
            'blueprint X "unterminated {',
            'blueprint X "X" { customer A "A" via } } }',
            '\uFEFFblueprint X "X" { customer A "😀 émoji \u202E rtl" { start end } }',
            'blueprint X "X" {\n' + '    customer A "A"\n'.repeat(3),
            '/* never closed',
            'flow -> -> ->',
            '"'.repeat(1000),
            'blueprint 中文 "中文" { customer 取号 "取号" { start end } }'
        ];
        for (const [index, text] of inputs.entries()) {
            const uri = URI.parse(`memory:///odd-${index}.blueprint`);
            const document = Blueprint.shared.workspace.LangiumDocumentFactory.fromString(text, uri);
            Blueprint.shared.workspace.LangiumDocuments.addDocument(document);
            await Blueprint.shared.workspace.DocumentBuilder.build([document], { validation: true });
            expect((document.diagnostics ?? []).filter(d => INTERNAL_ERROR.test(diagnosticText(d))), JSON.stringify(text.slice(0, 40))).toEqual([]);
            Blueprint.model.BlueprintModelProvider.getDocumentModel(document);
        }
    });
});
