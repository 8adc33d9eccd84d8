/**
 * The parser's memory savings change nothing a feature can see (issue 13): against Langium's own
 * parser on the same text (every example, the invalid ones with their syntax errors, a generated
 * blueprint), the folded CST has the same leaves, each resolving to the same assignment and AST
 * node, every AST node's `$cstNode` covers the same text and range, and the compacted AST lists hold the same values.
 * The features that read ranges through to the leaves (so that no composite node keeps a cached
 * range) give what Langium's `range` gives: folding ranges, semantic tokens, the model's step ranges.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ast, createBlueprintServices, type BlueprintServices } from '@blueprint/language';
import { AstUtils, CstUtils, EmptyFileSystem, GrammarUtils, URI, createLangiumParser, isCompositeCstNode, isReference, type AstNode } from 'langium';
import { AbstractSemanticTokenProvider, DefaultFoldingRangeProvider, type SemanticTokenNodeOptions } from 'langium/lsp';
import { listExamples } from '../diagram/diagram-helpers.js';
import { generateBlueprint } from '../bench/generate.mjs';

const { Blueprint, shared } = createBlueprintServices({ ...EmptyFileSystem });
const langiumParser = createLangiumParser(Blueprint);

/** Blueprint's semantic tokens with ranges as Langium's `node.range` gives them. */
function tokensWithLangiumRanges(): AbstractSemanticTokenProvider {
    const Tokens = Blueprint.lsp.SemanticTokenProvider!.constructor as new (services: BlueprintServices) => AbstractSemanticTokenProvider;
    const provider = new Tokens(Blueprint);
    const open = provider as unknown as { highlightNode(options: SemanticTokenNodeOptions): void; highlightToken(options: object): void };
    open.highlightNode = options => open.highlightToken({ range: options.node.range, type: options.type, modifier: options.modifier });
    return provider;
}
let documents = 0;

const INVALID = path.resolve(__dirname, '../../examples/invalid');
const texts: Array<[string, string]> = [
    ...listExamples().map((file): [string, string] => [path.basename(file), readFileSync(file, 'utf8')]),
    ...readdirSync(INVALID).filter(name => name.endsWith('.blueprint')).map((name): [string, string] => [`invalid/${name}`, readFileSync(path.join(INVALID, name), 'utf8')]),
    ['generated', generateBlueprint(200, 'Generated', { branching: true })],
    ['half-typed', 'blueprint B "b" {\n    customer a "A" in S { evidence\n    flow a -> \n    frontstage'],
    ['comments', '// heading\nblueprint B "b" { // after the brace\n    /* before */ customer a "A" { start end } // after\n}\n']
];

/** What a feature can read of the CST: each leaf with its text, place, assignment and AST node. */
function leaves(root: AstNode) {
    return [...CstUtils.streamCst(root.$cstNode!)].filter(node => !isCompositeCstNode(node)).map(leaf => ({
        text: leaf.text, offset: leaf.offset, hidden: leaf.hidden, range: leaf.range,
        assignment: GrammarUtils.findAssignment(leaf)?.feature, astNode: leaf.astNode.$type, astOffset: leaf.astNode.$cstNode?.offset
    }));
}

/** Each AST node: its type, the text and range of its CST node, its values (references by their text). */
function nodes(root: AstNode) {
    return AstUtils.streamAst(root).map(node => {
        const values = Object.fromEntries(Object.entries(node).filter(([key]) => !key.startsWith('$')).map(([key, value]) => [key,
            Array.isArray(value) ? value.map(shown) : shown(value)]));
        return { type: node.$type, text: node.$cstNode?.text, range: node.$cstNode?.range, values };
    }).toArray();
}

function shown(value: unknown): unknown {
    if (isReference(value)) return `ref ${value.$refText} @${value.$refNode?.offset}`;
    if (typeof value === 'object' && value !== null && '$type' in value) return `node ${(value as AstNode).$type}`;
    return value;
}

describe('the CST and AST kept per document', () => {
    it.each(texts)('%s: same leaves, assignments, node texts and values as Langium\'s parser', (_name, text) => {
        const ours = Blueprint.parser.LangiumParser.parse(text);
        const theirs = langiumParser.parse(text);
        expect(ours.parserErrors.map(e => e.message)).toEqual(theirs.parserErrors.map(e => e.message));
        expect(leaves(ours.value)).toEqual(leaves(theirs.value));
        expect(nodes(ours.value)).toEqual(nodes(theirs.value));
    });

    it.each(texts)('%s: folding ranges, semantic tokens and model ranges as with Langium\'s ranges', async (_name, text) => {
        const uri = URI.parse(`memory:///cst-memory/${documents++}.blueprint`);
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document]);
        const params = { textDocument: { uri: uri.toString() } };
        expect(await Blueprint.lsp.FoldingRangeProvider!.getFoldingRanges(document, params))
            .toEqual(await new DefaultFoldingRangeProvider(Blueprint).getFoldingRanges(document, params));
        expect((await Blueprint.lsp.SemanticTokenProvider!.semanticHighlight(document, params)).data)
            .toEqual((await tokensWithLangiumRanges().semanticHighlight(document, params)).data);
        const blueprint = (document.parseResult.value as ast.BlueprintFile).elements.find(ast.isBlueprint);
        const model = blueprint && Blueprint.model.BlueprintModelProvider.getModel(blueprint);
        for (const step of blueprint?.members.filter(ast.isStep).filter(step => step.name) ?? []) {
            expect(model!.steps.find(s => s.id === step.name && s.range?.start.line === step.$cstNode!.range.start.line)?.range).toEqual(step.$cstNode!.range);
        }
        shared.workspace.LangiumDocuments.deleteDocument(uri);
    });

    it('keeps no semantic tokens between requests, and highlights the same again', async () => {
        const document = shared.workspace.LangiumDocumentFactory.fromString(generateBlueprint(100), URI.parse(`memory:///cst-memory/${documents++}.blueprint`));
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document]);
        const provider = Blueprint.lsp.SemanticTokenProvider!;
        const params = { textDocument: { uri: document.uri.toString() } };
        const first = (await provider.semanticHighlight(document, params)).data;
        const held = provider as unknown as { tokensBuilders: Map<string, unknown>; currentTokensBuilder?: unknown; currentDocument?: unknown };
        expect([held.tokensBuilders.size, held.currentTokensBuilder, held.currentDocument]).toEqual([0, undefined, undefined]);
        expect(first.length).toBeGreaterThan(5 * 500); // several tokens of five numbers per step
        expect((await provider.semanticHighlight(document, params)).data).toEqual(first);
        const range = { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } };
        expect((await provider.semanticHighlightRange(document, { ...params, range })).data.length).toBeGreaterThan(0);
        expect(held.tokensBuilders.size).toBe(0);
        shared.workspace.LangiumDocuments.deleteDocument(document.uri);
    });

    it('folds the node of a rule that only chooses another: one composite node per step, not two', () => {
        const text = generateBlueprint(100);
        const count = (root: AstNode) => [...CstUtils.streamCst(root.$cstNode!)].filter(isCompositeCstNode).length;
        const ours = count(Blueprint.parser.LangiumParser.parse(text).value);
        const theirs = count(langiumParser.parse(text).value);
        // Each step, flow, metric and step property lost its wrapper.
        expect(theirs - ours).toBeGreaterThanOrEqual(100 + 30 + 10 + 90);
    });
});
