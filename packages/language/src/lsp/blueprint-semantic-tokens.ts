import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import type { AstNode } from 'langium';
import type { BlueprintServices } from '../blueprint-module.js';

export class BlueprintSemanticTokenProvider extends AbstractSemanticTokenProvider {
    constructor(services: BlueprintServices) {
        super(services);
    }

    protected highlightElement(_node: AstNode, _acceptor: SemanticTokenAcceptor): void {
    }
}
