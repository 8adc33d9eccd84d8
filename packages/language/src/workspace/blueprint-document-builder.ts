/**
 * A file reported as changed may be gone by the time it is read (saved by rename, `git checkout`):
 * rebuilding it would fail to read it and take the whole update down. Such files count as deleted.
 */
import { DefaultDocumentBuilder, type FileSystemProvider, type LangiumSharedCoreServices, type TextDocumentProvider, type URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';

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
        return super.update(changed.filter((_, index) => present[index]), [...deleted, ...gone], cancelToken);
    }

    private async stillThere(uri: URI): Promise<boolean> {
        // An open document's text comes from the editor; a file outside `file:` is not ours to judge.
        if (uri.scheme !== 'file' || this.openDocuments?.get(uri.toString())) return true;
        return this.fileSystem.exists(uri).catch(() => false);
    }
}
