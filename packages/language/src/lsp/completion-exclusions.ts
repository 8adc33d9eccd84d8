/**
 * What completion leaves out because the validator would flag it or it means nothing: a flow from
 * a step to itself (BP022), a name already in the list being written, a step as its own remedy, a
 * clause or property a step has once (BP019, BP023), a second metric target.
 * The document's AST may be partial while the user types, so everything here reads names
 * (`$refText`) and positions, never resolved references.
 */
import { AstUtils, GrammarAST, type AstNode, type Reference, type ReferenceInfo } from 'langium';
import type { CompletionContext } from 'langium/lsp';
import * as ast from '../generated/ast.js';

/** Names a cross-reference at the cursor should not be completed with. */
export function excludedReferenceNames(refInfo: ReferenceInfo, context: CompletionContext): Set<string> {
    const excluded = new Set<string>();
    const add = (ref: Reference | undefined) => { if (ref?.$refText && !atCursor(ref, context)) excluded.add(ref.$refText); };
    const container = refInfo.container;
    const flow = AstUtils.getContainerOfType(container, ast.isFlow);
    if (flow && refInfo.property === 'target') {
        // Each link starts where the previous one ends: the step just before the arrow is the source.
        add(previousStepOfLink(flow, context));
        return excluded;
    }
    const branching = AstUtils.getContainerOfType(container, ast.isBranching);
    if (branching && (refInfo.property === 'target' || refInfo.property === 'join')) {
        add(branching.step);
        if (refInfo.property === 'target') branching.branches.forEach(branch => add(branch.target));
        return excluded;
    }
    if (ast.isLaneRef(container) && ast.isLaneOrder(container.$container)) {
        container.$container.lanes.forEach(lane => add(lane.custom));
        return excluded;
    }
    if (refInfo.property === 'segments' || refInfo.property === 'steps') {
        (container as unknown as Record<string, Reference[] | undefined>)[refInfo.property]?.forEach(add);
    }
    const remedy = AstUtils.getContainerOfType(container, ast.isRemedy);
    const ownStep = remedy && AstUtils.getContainerOfType(remedy, ast.isStep);
    // A corrective sub-process is made of other steps than the one that fails.
    if (ownStep?.name) excluded.add(ownStep.name);
    return excluded;
}

/** Whether a keyword at the cursor would repeat what the enclosing node already says once. */
export function isRepeatedKeyword(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
    const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name;
    const node = context.node;
    if (rule === ast.Step.$type) {
        const step = AstUtils.getContainerOfType(node, ast.isStep);
        const property = STEP_CLAUSE_OF_KEYWORD[keyword.value];
        return !!step && !!property && step[property].some(ref => !atCursor(ref, context));
    }
    if (rule && SINGLE_PROPERTIES.has(rule)) {
        const step = AstUtils.getContainerOfType(node, ast.isStep);
        // Only the keyword that starts the property: `tolerance` in `duration 2 min tolerance 5` is its own.
        if (!step || !isFirstKeywordOf(keyword)) return false;
        return step.properties.some(property => property.$type === rule && !nodeAtCursor(property, context)
            && (!ast.isBoundaryMarker(property) || property.kind === keyword.value));
    }
    if (rule === ast.Metric.$type && keyword.value === 'target') {
        const metric = AstUtils.getContainerOfType(node, ast.isMetric);
        return !!metric && metric.targets.some(target => !nodeAtCursor(target, context));
    }
    if (rule === ast.LaneRef.$type || rule === 'StandardLane') {
        const order = AstUtils.getContainerOfType(node, ast.isLaneOrder);
        return !!order && order.lanes.some(lane => lane.standard === keyword.value && !nodeAtCursor(lane, context));
    }
    return false;
}

const STEP_CLAUSE_OF_KEYWORD: Readonly<Record<string, 'stages' | 'performers' | 'channels'>> = { in: 'stages', by: 'performers', via: 'channels' };

/** Step properties that count once (BP023), and markers that say nothing more the second time. */
const SINGLE_PROPERTIES: ReadonlySet<string> = new Set([
    ast.DurationProperty.$type, ast.WaitProperty.$type, ast.MomentOfTruth.$type, ast.EmotionProperty.$type,
    ast.BoundaryMarker.$type, ast.IndependentMarker.$type
]);

function isFirstKeywordOf(keyword: GrammarAST.Keyword): boolean {
    const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
    const first = rule && AstUtils.streamAllContents(rule).find(GrammarAST.isKeyword);
    // `start | end` are alternatives of one assignment: both are first.
    return first === keyword || (ast.BoundaryMarker.$type === rule?.name);
}

/** The step a flow link at the cursor leads from: the last complete target before it, else the flow's source. */
function previousStepOfLink(flow: ast.Flow, context: CompletionContext): Reference | undefined {
    let previous: Reference | undefined = flow.source;
    for (const link of flow.links) {
        const end = link.target?.$refNode?.end;
        if (link.target?.$refText && end !== undefined && end <= context.tokenOffset && !atCursor(link.target, context)) previous = link.target;
    }
    return previous;
}

/** Whether a reference is the one being completed (the cursor's token lies within it). */
function atCursor(ref: Reference, context: CompletionContext): boolean {
    const node = ref.$refNode;
    return !!node && node.offset <= context.tokenOffset && context.tokenOffset <= node.end;
}

function nodeAtCursor(node: AstNode, context: CompletionContext): boolean {
    const cst = node.$cstNode;
    return !!cst && cst.offset <= context.tokenOffset && context.tokenOffset < cst.end;
}
