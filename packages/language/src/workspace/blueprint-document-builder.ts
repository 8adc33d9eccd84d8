/**
 * Rebuilds what depends on a changed file beyond Langium's own tracking:
 * - an importer is relinked and revalidated when an imported file appears, disappears or changes
 *   (new declarations to resolve, BP003 for a missing file, BP004 for a new cycle), even if none of
 *   its references pointed there before;
 * - every document is revalidated when a `blueprint.config.json` changes (its rules apply to them).
 */
import { DefaultDocumentBuilder, DocumentState, UriUtils, type LangiumDocument, type URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { CONFIG_FILE_NAME } from './config-file.js';
import { importedUris } from './imports.js';

export class BlueprintDocumentBuilder extends DefaultDocumentBuilder {
    override async update(changed: URI[], deleted: URI[], cancelToken?: CancellationToken): Promise<void> {
        if ([...changed, ...deleted].some(uri => UriUtils.basename(uri) === CONFIG_FILE_NAME)) {
            for (const document of this.langiumDocuments.all) this.resetToState(document, DocumentState.IndexedReferences);
        }
        return super.update(changed, deleted, cancelToken);
    }

    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        return super.shouldRelink(document, changedUris) || importedUris(document).some(uri => changedUris.has(uri.toString()));
    }
}
