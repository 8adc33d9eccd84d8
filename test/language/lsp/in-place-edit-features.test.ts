/**
 * The editor features on a document whose labels and comments were edited in place (no parse)
 * answer as on the same text opened fresh: hover, go to definition, formatting, semantic tokens,
 * document symbols and code lenses (which read the cached model and analysis). Nothing that
 * holds AST nodes across versions may keep a result of the text before the edits.
 */
import { CstUtils, isLeafCstNode, URI, type CstNode, type LangiumDocument } from 'langium';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { Position } from 'vscode-languageserver';
import { generateBlueprint } from '../../bench/generate.mjs';
import { OpenDocuments } from '../../helpers/open-documents.js';

const EXAMPLE = fileURLToPath(new URL('../../../examples/telecom-store.blueprint', import.meta.url));

/** What each feature answers for the document, at every token where a position matters. */
async function features(open: OpenDocuments, document: LangiumDocument): Promise<unknown> {
    const { lsp } = open.Blueprint;
    const textDocument = { uri: document.uri.toString() };
    const leaves = CstUtils.streamCst(document.parseResult.value.$cstNode!).filter((node): node is CstNode => isLeafCstNode(node)).toArray();
    const positions: Position[] = leaves.filter(leaf => !leaf.hidden).map(leaf => document.textDocument.positionAt(leaf.offset + 1));
    const hovers = [];
    const definitions = [];
    for (const position of positions) {
        hovers.push(await lsp.HoverProvider!.getHoverContent(document, { textDocument, position }));
        definitions.push(await lsp.DefinitionProvider!.getDefinition(document, { textDocument, position }));
    }
    const formatting = await lsp.Formatter!.formatDocument(document, { textDocument, options: { tabSize: 4, insertSpaces: true } });
    const tokens = (await lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument })).data;
    const symbols = await lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument });
    const lenses = await lsp.CodeLensProvider!.provideCodeLens(document, { textDocument });
    return { hovers, definitions, formatting, tokens, symbols, lenses };
}

/** Edits typed into labels and comments, each one applied in place. */
async function typeIntoLabels(open: OpenDocuments, uri: URI, text: string, edits: number): Promise<string> {
    let current = text;
    for (let edit = 0; edit < edits; edit++) {
        const labels = [...current.matchAll(/"[^"\\\n]*"/g)];
        const comments = [...current.matchAll(/\/\/[^\n]*/g)];
        const inComment = comments.length > 0 && edit % 4 === 3;
        const match = inComment ? comments[(edit * 7) % comments.length] : labels[(edit * 13) % labels.length];
        const at = match.index + (inComment ? match[0].length : 1 + (edit % Math.max(1, match[0].length - 1)));
        current = current.slice(0, at) + ['x', ' more', 'é', '中'][edit % 4] + current.slice(at);
        const before = open.factory.inPlaceUpdates;
        await open.change(uri, current);
        expect(open.factory.inPlaceUpdates).toBe(before + 1);
    }
    return current;
}

describe('editor features after edits applied in place', () => {
    test.each([
        ['an example', readFileSync(EXAMPLE, 'utf8')],
        ['a generated blueprint of 100 steps', generateBlueprint(100, 'Generated', { branching: true }).replace(/^(\s+flow .*)$/gm, '$1 // a flow')]
    ])('answer as on a freshly opened document: %s', async (_name, text) => {
        const uri = URI.parse('memory:///features.blueprint');
        const edited = new OpenDocuments();
        await edited.open([[uri, text]]);
        // The features once before the edits, so that anything they cache is there to go stale.
        await features(edited, edited.document(uri));
        const changed = await typeIntoLabels(edited, uri, text, 12);
        const fresh = new OpenDocuments();
        await fresh.open([[uri, changed]]);
        expect(fresh.factory.inPlaceUpdates).toBe(0);
        const answers = await features(edited, edited.document(uri));
        expect(answers).toEqual(await features(fresh, fresh.document(uri)));
        // The answers are about the new text: the last label typed shows up in the symbols or hovers.
        expect(JSON.stringify(answers)).toContain(' more');
    }, 120_000);
});
