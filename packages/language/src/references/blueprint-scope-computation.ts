/**
 * Local symbols gathered as Langium's scope computation gathers them (every named node below the
 * root, visible in its container, in the same order), without a stream and an `await` per node:
 * see `util/ast-walk.ts`; over the node list that linking and validation read too (`util/ast-node-list.ts`).
 */
import {
    Cancellation, DefaultScopeComputation, interruptAndCheck, MultiMap, type AstNode, type AstNodeDescription, type LangiumDocument,
    type LocalSymbols
} from 'langium';
import { NODES_PER_INTERRUPT_CHECK } from '../util/ast-walk.js';
import { astNodeList } from '../util/ast-node-list.js';

export class BlueprintScopeComputation extends DefaultScopeComputation {
    override async collectLocalSymbols(document: LangiumDocument,
        cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<LocalSymbols> {
        // The root comes first in the list, and holds no symbol of its own.
        const nodes = astNodeList(document.parseResult.value);
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        for (let index = 1; index < nodes.length; index++) {
            if (index % NODES_PER_INTERRUPT_CHECK === 1) await interruptAndCheck(cancelToken);
            this.addLocalSymbol(nodes[index], document, symbols);
        }
        return symbols;
    }
}
