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
    const children: AstNode[] = [];
    while (stack.length > 0) {
        const node = stack.pop()!;
        if (visit(node) === false) continue;
        for (const key in node) {
            if (key.charCodeAt(0) === 36 /* $ */) continue;
            const value = (node as unknown as Record<string, unknown>)[key];
            if (Array.isArray(value)) {
                for (const element of value) if (isAstNode(element)) children.push(element);
            } else if (isAstNode(value)) {
                children.push(value);
            }
        }
        // Reversed onto the stack, so the first child is visited next.
        for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]);
        children.length = 0;
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
