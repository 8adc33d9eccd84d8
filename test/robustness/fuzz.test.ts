/**
 * Mutation fuzzing with a fixed seed: the examples, cut, spliced and sprinkled with hostile
 * characters, go through every stage an editor or the CLI runs: validation, the model, the
 * analysis, hover, completion, code actions, symbols, formatting, and (on every 25th input that
 * has a blueprint) layout and SVG. No exception may escape, no check may crash (an internal
 * diagnostic), and formatting may only change whitespace.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createBlueprintServices, INTERNAL_ERROR_CODE } from '@blueprint/language';
import { analyseBlueprint } from '@blueprint/model';
import { layoutBlueprint, renderSvg } from '@blueprint/diagram';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { diagnosticText } from '../helpers/diagnostic-text.js';

const SEED = 20261201;
const INPUTS = 2000;
const LAYOUT_EVERY = 25;

const examplesFolder = fileURLToPath(new URL('../../examples/', import.meta.url));
const examples = readdirSync(examplesFolder).filter(name => name.endsWith('.blueprint')).map(name => readFileSync(examplesFolder + name, 'utf8'));

const internalErrors: string[] = [];
const { Blueprint } = createBlueprintServices({ ...EmptyFileSystem }, { logInternalError: (context, error) => internalErrors.push(`${context}: ${String(error)}`) });

/** mulberry32: small, fast, and the same sequence everywhere. */
function generator(seed: number): () => number {
    return () => {
        seed = (seed + 0x6d2b79f5) | 0;
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const FRAGMENTS = [
    '{', '}', '"', '"label"', '->', '<->', '~>', '=>', 'flow', 'customer', 'frontstage', 'backstage', 'support', 'lane', 'evidence',
    'fail', 'prevention', 'recovery', 'wait', 'duration', 'tolerance', 'moment', 'emotion negative', 'metric', 'target', '>=', '<=',
    '%', 'min', 's', 'h', '0', '3.5', '999999999999', 'in', 'by', 'via', 'for', 'start', 'end', 'loop', 'import "x"', 'import "\ud800"',
    'blueprint', 'stage', 'actor', 'system', 'channel', 'segment', 'persona', 'line visibility', 'note', 'description', '/*', '*/', '//',
    '"\u202e\u0000\u001b[31m"', '"\\r# h\\n| x |"', '\t', '\n', '\r\n', ' ', 'A', 'Zz9', '中文', '😀'
];

function mutate(source: string, random: () => number): string {
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    const at = () => Math.floor(random() * (text.length + 1));
    let text = source;
    const edits = 1 + Math.floor(random() * 4);
    for (let i = 0; i < edits; i++) {
        const where = at();
        switch (Math.floor(random() * 6)) {
            case 0: text = text.slice(0, where); break; // typing stopped here
            case 1: text = text.slice(0, where) + text.slice(Math.min(text.length, where + 1 + Math.floor(random() * 40))); break;
            case 2: text = text.slice(0, where) + pick(FRAGMENTS) + text.slice(where); break;
            case 3: {
                const from = at();
                text = text.slice(0, where) + text.slice(from, from + Math.floor(random() * 200)) + text.slice(where);
                break;
            }
            case 4: text = text.slice(0, where) + String.fromCharCode(Math.floor(random() * 0x10000)) + text.slice(where + 1); break;
            default: {
                const lines = text.split('\n');
                const a = Math.floor(random() * lines.length), b = Math.floor(random() * lines.length);
                [lines[a], lines[b]] = [lines[b], lines[a]];
                text = lines.join('\n');
            }
        }
    }
    return text;
}

const withoutWhitespace = (text: string) => text.replace(/\s+/g, '');

describe('fuzzing every stage', () => {
    it(`${INPUTS} mutated examples: no exception, no crashed check, formatting changes only whitespace`, async () => {
        const random = generator(SEED);
        const failures: string[] = [];
        await Blueprint.shared.workspace.DocumentBuilder.build([Blueprint.workspace.BuiltinLibrary.document]);
        let layouts = 0;
        for (let index = 0; index < INPUTS; index++) {
            const text = mutate(examples[index % examples.length], random);
            const uri = URI.parse(`memory:///fuzz-${index}.blueprint`);
            let stage = 'parse';
            try {
                const document: LangiumDocument = Blueprint.shared.workspace.LangiumDocumentFactory.fromString(text, uri);
                Blueprint.shared.workspace.LangiumDocuments.addDocument(document);
                stage = 'validate';
                await Blueprint.shared.workspace.DocumentBuilder.build([document], { validation: true });
                const internal = (document.diagnostics ?? []).filter(d => d.code === INTERNAL_ERROR_CODE || /error occurred/i.test(diagnosticText(d)));
                if (internal.length > 0) failures.push(`#${index} validate: ${internal[0].message}`);
                stage = 'model';
                const model = Blueprint.model.BlueprintModelProvider.getDocumentModel(document);
                stage = 'analysis';
                if (model) analyseBlueprint(model);
                const textDocument = { uri: uri.toString() };
                const position = document.textDocument.positionAt(Math.floor(random() * (text.length + 1)));
                stage = 'hover';
                await Blueprint.lsp.HoverProvider!.getHoverContent(document, { textDocument, position });
                stage = 'completion';
                await Blueprint.lsp.CompletionProvider!.getCompletion(document, { textDocument, position });
                stage = 'code actions';
                await Blueprint.lsp.CodeActionProvider!.getCodeActions(document, { textDocument, range: { start: position, end: position }, context: { diagnostics: document.diagnostics ?? [] } });
                stage = 'symbols';
                await Blueprint.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument });
                stage = 'formatting';
                const edits = await Blueprint.lsp.Formatter!.formatDocument(document, { textDocument, options: { tabSize: 4, insertSpaces: true } });
                const formatted = TextDocument.applyEdits(TextDocument.create(uri.toString(), 'blueprint', 0, text), edits);
                if (withoutWhitespace(formatted) !== withoutWhitespace(text)) failures.push(`#${index} formatting changed more than whitespace`);
                if (model && index % LAYOUT_EVERY === 0) {
                    stage = 'layout';
                    const layout = await layoutBlueprint(model);
                    stage = 'svg';
                    renderSvg(layout);
                    layouts++;
                }
                Blueprint.shared.workspace.LangiumDocuments.deleteDocument(uri);
            } catch (error) {
                failures.push(`#${index} ${stage}: ${error instanceof Error ? error.stack?.split('\n').slice(0, 3).join(' | ') : String(error)} :: ${JSON.stringify(text.slice(0, 80))}`);
                Blueprint.shared.workspace.LangiumDocuments.deleteDocument(uri);
            }
        }
        expect(failures.slice(0, 10)).toEqual([]);
        expect(internalErrors.slice(0, 5)).toEqual([]);
        expect(layouts).toBeGreaterThan(INPUTS / LAYOUT_EVERY / 3);
    }, 300_000);
});
