import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import type { CodeAction, CodeActionParams, Command } from 'vscode-languageserver';
import type { BlueprintServices } from '../blueprint-module.js';

export class BlueprintCodeActionProvider implements CodeActionProvider {
    constructor(_services: BlueprintServices) {}

    getCodeActions(_document: LangiumDocument, _params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        return [];
    }
}
