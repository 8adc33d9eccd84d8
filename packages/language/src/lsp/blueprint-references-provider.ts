/**
 * Find references: Langium's, without the declaration of a built-in channel, which lives in an
 * in-memory document (`blueprint-builtin:`) that no editor can open; hover says it is built in.
 */
import type { LangiumDocument, LeafCstNode } from 'langium';
import { DefaultReferencesProvider } from 'langium/lsp';
import type { Location, ReferenceParams } from 'vscode-languageserver';
import { BUILTIN_URI } from '../workspace/builtin-library.js';

export class BlueprintReferencesProvider extends DefaultReferencesProvider {
    protected override getReferences(selectedNode: LeafCstNode, params: ReferenceParams, document: LangiumDocument): Location[] {
        const builtin = BUILTIN_URI.toString();
        return super.getReferences(selectedNode, params, document).filter(location => location.uri !== builtin);
    }
}
