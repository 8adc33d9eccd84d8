/**
 * Langium's parser with a cheaper CST builder. `CstNodeBuilder.addHiddenNodes` runs before every
 * token and, at a fresh composite node, walks up the tree with an `indexOf` over each parent's
 * children, even when there are no hidden tokens (comments) to place: 11.6 % of a 50,000-step check.
 * With no tokens the walk cannot insert anything, so skipping it changes nothing but the time.
 * The builder also folds the node of a rule that only chooses another (fold-rule-call-nodes.ts),
 * and the AST's lists are compacted after the parse (compact-ast-arrays.ts): memory per step.
 * Every node of a type gets the same hidden class (uniform-node-shapes.ts).
 */
import { CstNodeBuilder, createLangiumParser, type LangiumCoreServices, type LangiumParser } from 'langium';
import type { IToken } from 'chevrotain';
import { BlueprintParserErrorMessageProvider } from './blueprint-parser-errors.js';
import { compactAstArrays } from './compact-ast-arrays.js';
import { foldRuleCallNode } from './fold-rule-call-nodes.js';
import { makeNodeShapesUniform } from './uniform-node-shapes.js';

type HiddenTokens = Parameters<CstNodeBuilder['addHiddenNodes']>[0];

class CommentAwareCstNodeBuilder extends CstNodeBuilder {
    override addHiddenNodes(tokens: HiddenTokens): void {
        if (tokens.length > 0) super.addHiddenNodes(tokens);
    }

    override construct(item: Parameters<CstNodeBuilder['construct']>[0]): void {
        const closing = this.current;
        super.construct(item);
        foldRuleCallNode(closing);
    }
}

export function createBlueprintParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    // `nodeBuilder` is private in Langium and only used while parsing, so it can be swapped here.
    (parser as unknown as { nodeBuilder: CstNodeBuilder }).nodeBuilder = new CommentAwareCstNodeBuilder();
    makeNodeShapesUniform(parser, services.Grammar, services.shared.AstReflection);
    // Chevrotain keeps the token vector of the last parse until the next one: 15 token objects per
    // step of the largest document (1.4 KB a step, the language server's biggest single item after
    // the CST). Nothing reads them after the parse (the CST has its own copies), so let them go.
    const chevrotain = (parser as unknown as { wrapper: { input: IToken[] } }).wrapper;
    // Some syntax errors are explained by the tokens before the one at fault (a label in the middle of a flow's chain).
    const messages = services.parser.ParserErrorMessageProvider;
    if (messages instanceof BlueprintParserErrorMessageProvider) messages.readTokensWith(() => chevrotain.input);
    const parse = parser.parse.bind(parser);
    parser.parse = ((...args: Parameters<LangiumParser['parse']>) => {
        try {
            const result = parse(...args);
            compactAstArrays(result.value);
            return result;
        } finally {
            chevrotain.input = [];
        }
    }) as LangiumParser['parse'];
    return parser;
}
