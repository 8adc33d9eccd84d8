import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { setInterruptionPeriod } from 'langium';
import { expectSemanticToken, highlightHelper } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { generateBlueprint } from '../../bench/generate.mjs';
import { createServices, freshUri } from './helpers.js';

const services = createServices();
const highlight = highlightHelper(services);

const TEXT = `blueprint <|Shop|> {
    stage <|Order|> "Order"
    actor <|Clerk|> "Clerk"
    segment <|Gold|> "Gold"
    lane <|Delivery|> "Delivery" below support
    <|customer|> <|Ask|> "Ask" in <|Order|> by <|Clerk|> via <|app|> for <|Gold|> {
        duration <|3|> <|min|> tolerance 5 min
    }
    lane <|Delivery|> <|Ship|> "Ship"
    flow <|Ask|> <|->|> <|Ship|>
    metric Quick "Quick" on <|Ask|> target <|<=|> 90 <|%|>
    lanes evidence, customer, frontstage, backstage, support, Delivery
}`;

describe('semantic tokens', () => {
    it('marks declarations and references by kind, lanes, time values, units and operators', async () => {
        const tokens = await highlight(TEXT);
        const expected: Array<[number, string]> = [
            [0, SemanticTokenTypes.namespace],
            [1, SemanticTokenTypes.namespace], [2, SemanticTokenTypes.class], [3, SemanticTokenTypes.enum],
            [4, SemanticTokenTypes.type],
            [5, SemanticTokenTypes.type], [6, SemanticTokenTypes.function], [7, SemanticTokenTypes.namespace],
            [8, SemanticTokenTypes.class], [9, SemanticTokenTypes.interface], [10, SemanticTokenTypes.enum],
            [11, SemanticTokenTypes.number], [12, SemanticTokenTypes.enumMember],
            [13, SemanticTokenTypes.type], [14, SemanticTokenTypes.function],
            [15, SemanticTokenTypes.function], [16, SemanticTokenTypes.operator], [17, SemanticTokenTypes.function],
            [18, SemanticTokenTypes.function], [19, SemanticTokenTypes.operator], [20, SemanticTokenTypes.enumMember]
        ];
        expect(tokens.ranges).toHaveLength(expected.length);
        for (const [rangeIndex, tokenType] of expected) {
            expectSemanticToken(tokens, { rangeIndex, tokenType: tokenType as SemanticTokenTypes });
        }
    });

    it('marks declarations and built-in references with modifiers', async () => {
        const tokens = await highlight(TEXT);
        const legend = services.lsp.SemanticTokenProvider!.tokenModifiers;
        const at = (rangeIndex: number) => tokens.tokens.find(token => token.offset === tokens.ranges[rangeIndex][0])!;
        expect(at(6).tokenModifiers & legend[SemanticTokenModifiers.declaration]).not.toBe(0);
        expect(at(15).tokenModifiers & legend[SemanticTokenModifiers.declaration]).toBe(0);
        expect(at(9).tokenModifiers & legend[SemanticTokenModifiers.defaultLibrary]).not.toBe(0);
    });

    it('uses only token types of the standard legend', async () => {
        const tokens = await highlight(TEXT);
        const standard = new Set<string>(Object.values(SemanticTokenTypes));
        expect(tokens.tokens.length).toBeGreaterThan(20);
        for (const token of tokens.tokens) expect(standard.has(token.tokenType)).toBe(true);
    });

    it('answers a range request and a whole-file request sent together as it answers each alone', async () => {
        // VS Code sends both when a file opens. Langium yields while walking the tree (here at every
        // check), and its provider keeps the request's state in shared fields.
        const shared = services.shared;
        const document = shared.workspace.LangiumDocumentFactory.fromString(generateBlueprint(40), freshUri('concurrent'));
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document]);
        const provider = services.lsp.SemanticTokenProvider!;
        const params = { textDocument: { uri: document.uri.toString() } };
        const range = { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } };
        const wholeAlone = (await provider.semanticHighlight(document, params)).data;
        const rangeAlone = (await provider.semanticHighlightRange(document, { ...params, range })).data;
        expect(rangeAlone.length).toBeGreaterThan(0);
        expect(rangeAlone.length).toBeLessThan(wholeAlone.length);
        setInterruptionPeriod(0);
        try {
            const [rangeTogether, wholeTogether] = await Promise.all([
                provider.semanticHighlightRange(document, { ...params, range }),
                provider.semanticHighlight(document, params)
            ]);
            expect(rangeTogether.data).toEqual(rangeAlone);
            expect(wholeTogether.data).toEqual(wholeAlone);
        } finally {
            setInterruptionPeriod(10);
            shared.workspace.LangiumDocuments.deleteDocument(document.uri);
        }
    });

    it('keeps no answer once it is sent (the editor has it; 0.46 KB per step were held until the next request)', async () => {
        setFlagsFromString('--expose-gc');
        const gc = runInNewContext('gc') as () => void;
        const shared = services.shared;
        const document = shared.workspace.LangiumDocumentFactory.fromString(generateBlueprint(40), freshUri('kept'));
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document]);
        const provider = services.lsp.SemanticTokenProvider!;
        const params = { textDocument: { uri: document.uri.toString() } };
        const range = { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } };
        try {
            const sent = [new WeakRef((await provider.semanticHighlight(document, params)).data),
                new WeakRef((await provider.semanticHighlightRange(document, { ...params, range })).data)];
            // WeakRefs hold their targets until the task that made them ends.
            await new Promise(resolve => setTimeout(resolve, 0));
            gc();
            expect(sent.map(ref => ref.deref() === undefined)).toEqual([true, true]);
        } finally {
            shared.workspace.LangiumDocuments.deleteDocument(document.uri);
        }
    });
});
