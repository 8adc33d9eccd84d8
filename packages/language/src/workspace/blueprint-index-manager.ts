/**
 * Langium's index answers `allElements(type, uris)` by filtering the keys of every indexed document:
 * each file's scope asks for the few files it imports, so a workspace of n files did n × n work
 * (on a 1,000-file check, more than the linking itself). This index looks the files up directly
 * and returns them in the order Langium would (the order the files were first indexed).
 */
import { DefaultIndexManager, stream, type AstNodeDescription, type LangiumDocument, type Stream, type URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';

export class BlueprintIndexManager extends DefaultIndexManager {
    /** When each indexed file was first indexed: the position Langium's map of documents keeps it in. */
    private readonly indexedAt = new Map<string, number>();
    private indexed = 0;

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
}
