import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { expectSemanticToken, highlightHelper } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { createServices } from './helpers.js';

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
});
