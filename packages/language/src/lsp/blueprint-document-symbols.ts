import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import type { BlueprintServices } from '../blueprint-module.js';

export class BlueprintDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    constructor(services: BlueprintServices) {
        super(services);
    }
}
