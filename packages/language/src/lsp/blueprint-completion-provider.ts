import { DefaultCompletionProvider } from 'langium/lsp';
import type { BlueprintServices } from '../blueprint-module.js';

export class BlueprintCompletionProvider extends DefaultCompletionProvider {
    constructor(services: BlueprintServices) {
        super(services);
    }
}
