/**
 * Local symbols gathered as Langium's scope computation gathers them (every named node, visible in
 * its container), without a stream and a promise per node: see `util/ast-walk.ts`.
 */
import { Cancellation, DefaultScopeComputation, interruptAndCheck, MultiMap, type AstNode, type AstNodeDescription, type LangiumDocument, type LocalSymbols } from 'langium';
import { NODES_PER_INTERRUPT_CHECK, pushChildren } from '../util/ast-walk.js';

export class BlueprintScopeComputation extends DefaultScopeComputation {
    override async collectLocalSymbols(document: LangiumDocument, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<LocalSymbols> {
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        const stack: AstNode[] = [];
        pushChildren(document.parseResult.value, stack);
        let visited = 0;
        while (stack.length > 0) {
            if (cancelToken !== Cancellation.CancellationToken.None && ++visited % NODES_PER_INTERRUPT_CHECK === 0) await interruptAndCheck(cancelToken);
            const node = stack.pop()!;
            this.addLocalSymbol(node, document, symbols);
            pushChildren(node, stack);
        }
        return symbols;
    }
}
