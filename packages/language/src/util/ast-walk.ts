/**
 * Plain loops over the AST for the per-edit passes (linking, the reference index, validation).
 * Langium's `streamAst`/`streamReferences` build an iterator object, a state object and a result
 * object per node and per property: at 1,000 steps they were the largest self time of a keystroke
 * and much of its garbage. These visit the same nodes in the same order (pre-order, properties in
 * key order, arrays in index order) with one explicit stack, so deep documents cannot overflow it.
 */
import { isAstNode, isMultiReference, isReference, type AstNode, type ReferenceInfo } from 'langium';

/** Visits `root` and everything it contains, pre-order; `visit` returning `false` skips the node's children. */
export function forEachAstNode(root: AstNode, visit: (node: AstNode) => boolean | void): void {
    const stack: AstNode[] = [root];
    while (stack.length > 0) {
        const node = stack.pop()!;
        if (visit(node) === false) continue;
        // The children go straight onto the stack and are then reversed there, so the first is
        // visited next: a scratch array emptied per node would get a new backing store each time,
        // and an array iterator per list; both were most of a keystroke's garbage from these walks.
        const first = stack.length;
        for (const key in node) {
            if (key.charCodeAt(0) === 36 /* $ */) continue;
            const value = (node as unknown as Record<string, unknown>)[key];
            if (Array.isArray(value)) {
                for (let index = 0; index < value.length; index++) {
                    const element: unknown = value[index];
                    if (isAstNode(element)) stack.push(element);
                }
            } else if (isAstNode(value)) {
                stack.push(value);
            }
        }
        for (let low = first, high = stack.length - 1; low < high; low++, high--) {
            const swap = stack[low];
            stack[low] = stack[high];
            stack[high] = swap;
        }
    }
}

/** Calls `visit` for each cross-reference held by `node` (not by its children), in property order. */
export function forEachReference(node: AstNode, visit: (info: ReferenceInfo) => void): void {
    for (const property in node) {
        if (property.charCodeAt(0) === 36 /* $ */) continue;
        const value = (node as unknown as Record<string, unknown>)[property];
        if (isReference(value) || isMultiReference(value)) {
            visit({ reference: value, container: node, property });
        } else if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                const element: unknown = value[index];
                if (isReference(element) || isMultiReference(element)) visit({ reference: element, container: node, property, index });
            }
        }
    }
}

/** How many nodes a per-edit pass visits between two checks for cancellation (and chances to yield). */
export const NODES_PER_INTERRUPT_CHECK = 256;
