/**
 * Language services with documents open as in an editor: the text lives in Langium's text
 * documents and every change goes through `DocumentBuilder.update`, as the language server does on
 * didOpen and didChange (so the document factory's `update` runs, with its in-place edits).
 */
import { BlueprintDocumentFactory, createBlueprintServices, type BlueprintServices } from '@blueprint/language';
import { EmptyFileSystem, type LangiumDocument, type URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { TextDocument } from 'vscode-languageserver-textdocument';

export class OpenDocuments {
    readonly shared: LangiumSharedServices;
    readonly Blueprint: BlueprintServices;
    private version = 0;

    constructor() {
        const { shared, Blueprint } = createBlueprintServices({ ...EmptyFileSystem });
        void Blueprint.workspace.BuiltinLibrary.document;
        this.shared = shared;
        this.Blueprint = Blueprint;
    }

    get factory(): BlueprintDocumentFactory {
        const factory = this.shared.workspace.LangiumDocumentFactory;
        if (!(factory instanceof BlueprintDocumentFactory)) throw new Error('not the Blueprint document factory');
        return factory;
    }

    document(uri: URI): LangiumDocument {
        const document = this.shared.workspace.LangiumDocuments.getDocument(uri);
        if (!document) throw new Error(`not open: ${uri.toString()}`);
        return document;
    }

    async open(files: ReadonlyArray<readonly [URI, string]>): Promise<void> {
        for (const [uri, text] of files) this.setText(uri, text);
        await this.shared.workspace.DocumentBuilder.update(files.map(([uri]) => uri), []);
    }

    /** The editor changed the text: Langium updates the existing document. */
    async change(uri: URI, text: string): Promise<LangiumDocument> {
        this.setText(uri, text);
        await this.shared.workspace.DocumentBuilder.update([uri], []);
        return this.document(uri);
    }

    /** The same text as a new document, parsed from scratch (the old one is dropped first). */
    async reopen(uri: URI, text: string): Promise<LangiumDocument> {
        this.setText(uri, text);
        await this.shared.workspace.DocumentBuilder.update([uri], [uri]);
        return this.document(uri);
    }

    private setText(uri: URI, text: string): void {
        this.shared.workspace.TextDocuments!.set(TextDocument.create(uri.toString(), 'blueprint', ++this.version, text));
    }
}
