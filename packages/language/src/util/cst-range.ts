/**
 * The range of a CST node as Langium's `range` gives it, without leaving a cached copy behind.
 * A composite node caches its range when asked (a range and, from its leaves, two positions: 120
 * bytes), and the composites a step's range is read through (the member, the step, its lane) keep
 * them for the document's lifetime: 240 bytes per step once the model or the outline was built.
 * Leaves hold their positions as numbers, so reading through to them costs nothing kept.
 */
import { isCompositeCstNode, type CstNode } from 'langium';
import type { Range } from 'vscode-languageserver';

export function cstRange(node: CstNode): Range {
    if (!isCompositeCstNode(node)) return node.range;
    const first = visibleChild(node.content, 0, 1);
    const last = visibleChild(node.content, node.content.length - 1, -1);
    if (!first || !last) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = cstRange(first).start;
    const end = cstRange(last).end;
    // As Langium's: a node whose last part ends before it starts (error recovery) ends where it starts.
    return { start, end: end.line < start.line ? start : end };
}

/** The first child that is not hidden (whitespace, comments) going from `from` in `direction`, or the outermost child if all are. */
function visibleChild(children: readonly CstNode[], from: number, direction: 1 | -1): CstNode | undefined {
    for (let index = from; index >= 0 && index < children.length; index += direction) if (!children[index].hidden) return children[index];
    return children[from];
}
