/**
 * A rule that only chooses between other rules (`BlueprintMember: Declaration | Step | …`,
 * `StepProperty: EvidenceProperty | …`) gets a CST node of its own around the chosen rule's node,
 * with the same text and no AST node of its own: two composite nodes per step, flow or property
 * (120 bytes each with their child lists, kept as long as the document). Folded: the chosen rule's
 * children move up into the outer node, which is the AST node's `$cstNode` either way.
 * Only an unassigned call to a parser rule is folded: it adds no feature that `findAssignment` or
 * `findNodeForProperty` could find, so every leaf resolves to the same assignment as before.
 */
import { AstUtils, GrammarAST, GrammarUtils, isCompositeCstNode, type CompositeCstNode, type CstNode } from 'langium';

export function foldRuleCallNode(node: CompositeCstNode): void {
    if (node.content.length !== 1) return;
    const inner = node.content[0];
    if (!isCompositeCstNode(inner) || !isUnassignedParserRuleCall(inner.grammarSource)) return;
    for (const child of inner.content) (child as { container?: CompositeCstNode }).container = node;
    // Langium's own builder replaces `content` the same way when it compacts a node's children.
    (node as unknown as { content: readonly CstNode[] }).content = inner.content;
}

/**
 * By grammar element: the grammar does not change, and `isDataTypeRule` walks the rule's whole
 * body (about 200 ms of a thread's parsing of 1,000 files when asked per CST node).
 */
const unassignedParserRuleCalls = new WeakMap<object, boolean>();

function isUnassignedParserRuleCall(element: unknown): boolean {
    if (!GrammarAST.isRuleCall(element)) return false;
    let known = unassignedParserRuleCalls.get(element);
    if (known === undefined) {
        const rule = element.rule.ref;
        known = GrammarAST.isParserRule(rule) && !GrammarUtils.isDataTypeRule(rule) && !rule.fragment
            && AstUtils.getContainerOfType(element, GrammarAST.isAssignment) === undefined;
        unassignedParserRuleCalls.set(element, known);
    }
    return known;
}
