/**
 * Langium's local symbols, gathered with a plain loop over the AST instead of a stream with an
 * `await` per node (see util/ast-walk.ts): the same nodes in the same order, on every keystroke.
 */
import {
    Cancellation, DefaultScopeComputation, interruptAndCheck, MultiMap, type AstNode, type AstNodeDescription, type LangiumDocument,
    type LocalSymbols
} from 'langium';
import { forEachAstNode, NODES_PER_INTERRUPT_CHECK } from '../util/ast-walk.js';

export class BlueprintScopeComputation extends DefaultScopeComputation {
    override async collectLocalSymbols(document: LangiumDocument,
        cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<LocalSymbols> {
        const root = document.parseResult.value;
        const nodes: AstNode[] = [];
        forEachAstNode(root, node => { if (node !== root) nodes.push(node); });
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        for (let index = 0; index < nodes.length; index++) {
            if (index % NODES_PER_INTERRUPT_CHECK === 0) await interruptAndCheck(cancelToken);
            this.addLocalSymbol(nodes[index], document, symbols);
        }
        return symbols;
    }
}
