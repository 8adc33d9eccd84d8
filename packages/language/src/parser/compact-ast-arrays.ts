/**
 * The parser fills each list of the AST (`stages`, `performers`, `properties`, `links`, `members`…)
 * by pushing onto an empty array, and V8 gives the first push room for 17 elements: 152 bytes for
 * a step's one stage, half a kilobyte per step in all, kept as long as the document is open. A
 * copy has exactly the room it needs (Langium compacts its CST children the same way). The empty
 * lists (a step's segments, most steps' channels) share one frozen array: nothing changes an AST
 * after its parse, and anything that tried would fail loudly instead of changing every node.
 * The walk lists the nodes too, for the passes of the build that follows (util/ast-node-list.ts).
 */
import type { AstNode } from 'langium';
import { forEachAstNode } from '../util/ast-walk.js';
import { rememberAstNodeList } from '../util/ast-node-list.js';

const EMPTY: readonly never[] = Object.freeze([]);

export function compactAstArrays(root: AstNode): void {
    const nodes: AstNode[] = [];
    forEachAstNode(root, node => {
        nodes.push(node);
        const properties = node as unknown as Record<string, unknown>;
        for (const key in properties) {
            if (key.charCodeAt(0) === 36 /* $ */) continue;
            const value = properties[key];
            if (Array.isArray(value)) properties[key] = value.length === 0 ? EMPTY : value.slice();
        }
    });
    rememberAstNodeList(root, nodes);
}
