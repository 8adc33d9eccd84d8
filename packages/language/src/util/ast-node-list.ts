/**
 * The nodes of a document's AST, listed once for the passes of a build that each visit them all in
 * the same order: local scopes, linking and validation (three walks of every node per file were a
 * tenth of a 1,000-file check's time besides parsing). The list is kept per root node: a new parse
 * makes a new root, and an edit in place (in-place-token-edit.ts) changes a value, never the tree's
 * shape, so a listed tree stays listed right. The parser lists it as it compacts the tree's arrays
 * (one walk fewer per file); validation, the last of those passes, lets it go.
 */
import type { AstNode } from 'langium';
import { forEachAstNode } from './ast-walk.js';

const lists = new WeakMap<AstNode, readonly AstNode[]>();

/** `root` and everything it contains, in `forEachAstNode`'s order (pre-order). */
export function astNodeList(root: AstNode): readonly AstNode[] {
    let nodes = lists.get(root);
    if (!nodes) {
        const listed: AstNode[] = [];
        forEachAstNode(root, node => { listed.push(node); });
        lists.set(root, nodes = listed);
    }
    return nodes;
}

/** Takes `nodes` as the list of `root`'s tree: they must be what `astNodeList` would list (the parser's walk in the same order). */
export function rememberAstNodeList(root: AstNode, nodes: readonly AstNode[]): void {
    lists.set(root, nodes);
}

/** Lets the list of `root`'s tree go: the next pass that asks lists it again. */
export function releaseAstNodeList(root: AstNode): void {
    lists.delete(root);
}
