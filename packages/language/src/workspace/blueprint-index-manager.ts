/**
 * Langium's index answers `allElements(type, uris)` by filtering the keys of every indexed document:
 * each file's scope asks for the few files it imports, so a workspace of n files did n × n work
 * (on a 1,000-file check, more than the linking itself). This index looks the files up directly
 * and returns them in the order Langium would (the order the files were first indexed).
 * References are indexed by `LinkedReferenceIndex` (reference-index.ts): described on request
 * from the linked documents instead of kept per reference.
 */
import {
    Cancellation, DefaultIndexManager, stream, type AstNode, type AstNodeDescription, type LangiumDocument, type LangiumSharedCoreServices,
    type ReferenceDescription, type Stream, type URI
} from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { BlueprintReferenceDescriptionProvider } from './node-descriptions.js';
import { LinkedReferenceIndex } from './reference-index.js';

export class BlueprintIndexManager extends DefaultIndexManager {
    /** When each indexed file was first indexed: the position Langium's map of documents keeps it in. */
    private readonly indexedAt = new Map<string, number>();
    private indexed = 0;
    private readonly references: LinkedReferenceIndex;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.references = new LinkedReferenceIndex(services.workspace.LangiumDocuments,
            // Every language of the registry is Blueprint, whose provider describes one reference at a time.
            uri => services.ServiceRegistry.getServices(uri).workspace.ReferenceDescriptionProvider as BlueprintReferenceDescriptionProvider);
    }

    override allElements(nodeType?: string, uris?: Set<string>): Stream<AstNodeDescription> {
        if (!uris || uris.size * 4 > this.symbolIndex.size) return super.allElements(nodeType, uris);
        const present = [...uris].filter(uri => this.symbolIndex.has(uri));
        present.sort((a, b) => (this.indexedAt.get(a) ?? 0) - (this.indexedAt.get(b) ?? 0));
        return stream(present).flatMap(uri => this.getFileDescriptions(uri, nodeType));
    }

    override async updateContent(document: LangiumDocument, cancelToken?: CancellationToken): Promise<void> {
        const uri = document.uri.toString();
        if (!this.symbolIndex.has(uri)) this.indexedAt.set(uri, this.indexed++);
        await super.updateContent(document, cancelToken);
    }

    override removeContent(uri: URI): void {
        super.removeContent(uri);
        this.indexedAt.delete(uri.toString());
    }

    override async updateReferences(document: LangiumDocument, cancelToken: CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        await this.references.update(document, cancelToken);
    }

    override removeReferences(uri: URI): void {
        this.references.remove(uri);
    }

    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        return this.references.isAffected(document, changedUris);
    }

    override findAllReferences(targetNode: AstNode, astNodePath: string): Stream<ReferenceDescription> {
        return stream(this.references.find(targetNode, astNodePath));
    }
}
