/**
 * Rebuilds what a changed file affects, beyond Langium's own tracking:
 * - a file reported as changed may be gone by the time it is read (saved by rename, `git checkout`):
 *   rebuilding it would fail to read it and take the whole update down. Such files count as deleted;
 * - an importer is relinked and revalidated when an imported file appears, disappears or changes
 *   (new declarations to resolve, BP003 for a missing file, BP004 for a new cycle), even if none of
 *   its references pointed there before;
 * - every document is revalidated when a `blueprint.config.json` changes (its rules apply to them);
 * - a file imported from outside the workspace folders (a file opened on its own, an import of
 *   `../elsewhere`) is read from disk and built with its importer, instead of being reported
 *   missing (BP003) while it exists.
 */
import {
    DefaultDocumentBuilder, DocumentState, UriUtils, type BuildOptions, type FileSystemProvider, type LangiumDocument, type LangiumSharedCoreServices,
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

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: CancellationToken): Promise<void> {
        // Parsed first (Langium's first phase, which then skips them) to know what they import.
        await this.runCancelable(documents, DocumentState.Parsed, cancelToken, document => this.langiumDocumentFactory.update(document, cancelToken));
        const imported = await this.loadMissingImports(documents);
        return super.buildDocuments(imported.length > 0 ? [...documents, ...imported] : documents, options, cancelToken);
    }

    /** The files `documents` import (transitively) that exist but are no documents yet, read from disk. */
    private async loadMissingImports(documents: LangiumDocument[]): Promise<LangiumDocument[]> {
        const loaded: LangiumDocument[] = [];
        const seen = new Set<string>();
        let importers = documents;
        while (importers.length > 0) {
            const missing = importers.flatMap(importedUris).filter(uri => {
                const key = uri.toString();
                if (seen.has(key) || this.langiumDocuments.hasDocument(uri)) return false;
                seen.add(key);
                return true;
            });
            if (missing.length === 0) break;
            // A file that does not exist stays BP003 of its importer.
            const present = await Promise.all(missing.map(uri => this.fileSystem.exists(uri).catch(() => false)));
            const found = missing.filter((_, index) => present[index]);
            importers = (await Promise.all(found.map(uri => this.langiumDocuments.getOrCreateDocument(uri).catch(() => undefined))))
                .filter((document): document is LangiumDocument => document !== undefined);
            loaded.push(...importers);
        }
        return loaded;
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
