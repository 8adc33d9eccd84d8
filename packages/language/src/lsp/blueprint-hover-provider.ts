import { AstNodeHoverProvider } from 'langium/lsp';
import type { AstNode, MaybePromise } from 'langium';
import type { BlueprintServices } from '../blueprint-module.js';

export class BlueprintHoverProvider extends AstNodeHoverProvider {
    constructor(services: BlueprintServices) {
        super(services);
    }

    protected getAstNodeHoverContent(_node: AstNode): MaybePromise<string | undefined> {
        return undefined;
    }
}
