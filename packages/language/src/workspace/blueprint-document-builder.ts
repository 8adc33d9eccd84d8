/**
 * Rebuilds what a changed file affects, beyond Langium's own tracking:
 * - a file reported as changed may be gone by the time it is read (saved by rename, `git checkout`):
 *   rebuilding it would fail to read it and take the whole update down. Such files count as deleted;
 * - an importer is relinked and revalidated when an imported file appears, disappears or changes
 *   (new declarations to resolve, BP003 for a missing file, BP004 for a new cycle), even if none of
 *   its references pointed there before;
 * - every document is revalidated when a `blueprint.config.json` changes (its rules apply to them).
 */
import {
    DefaultDocumentBuilder, DocumentState, UriUtils, type FileSystemProvider, type LangiumDocument, type LangiumSharedCoreServices,
    type TextDocumentProvider, type URI
} from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { CONFIG_FILE_NAME } from './config-file.js';
import { importedUris } from './imports.js';

export class BlueprintDocumentBuilder extends DefaultDocumentBuilder {
    private readonly fileSystem: FileSystemProvider;
    private readonly openDocuments: TextDocumentProvider | undefined;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.fileSystem = services.workspace.FileSystemProvider;
        this.openDocuments = services.workspace.TextDocuments;
    }

    override async update(changed: URI[], deleted: URI[], cancelToken?: CancellationToken): Promise<void> {
        const present = await Promise.all(changed.map(uri => this.stillThere(uri)));
        const gone = changed.filter((_, index) => !present[index]);
        if ([...changed, ...deleted].some(uri => UriUtils.basename(uri) === CONFIG_FILE_NAME)) {
            for (const document of this.langiumDocuments.all) this.resetToState(document, DocumentState.IndexedReferences);
        }
        return super.update(changed.filter((_, index) => present[index]), [...deleted, ...gone], cancelToken);
    }

    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        return super.shouldRelink(document, changedUris) || importedUris(document).some(uri => changedUris.has(uri.toString()));
    }

    private async stillThere(uri: URI): Promise<boolean> {
        // An open document's text comes from the editor; a file outside `file:` is not ours to judge.
        if (uri.scheme !== 'file' || this.openDocuments?.get(uri.toString())) return true;
        return this.fileSystem.exists(uri).catch(() => false);
    }
}
