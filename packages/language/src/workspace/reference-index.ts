/**
 * The reverse-reference index, kept as little as the editor needs between requests (memory per
 * step, issue 13). Langium stores a `ReferenceDescription` per cross-reference of every document
 * (3.4 per step, a third of a kilobyte per step with their segments and paths) although only
 * "find references" and rename read them. The linked AST already holds every reference with its
 * target, so this index keeps, per document, only the other documents it refers to (what the
 * builder asks to decide which documents to relink), and describes the references of the few
 * documents that can point at a target when a request asks.
 */
import {
    AstUtils, Cancellation, interruptAndCheck, UriUtils, isMultiReference, isReference, type AstNode, type AstNodeDescription,
    type LangiumDocument, type LangiumDocuments, type ReferenceDescription, type ReferenceInfo, type URI
} from 'langium';
import type { BlueprintReferenceDescriptionProvider } from './node-descriptions.js';
import { forEachAstNode, forEachReference, NODES_PER_INTERRUPT_CHECK } from '../util/ast-walk.js';

type CancellationToken = Cancellation.CancellationToken;

/** The descriptions a resolved reference points to (none for an unresolved one), as Langium's index records them. */
export function linkedTargets(info: ReferenceInfo): readonly AstNodeDescription[] {
    const reference = info.reference;
    if (reference.error || !reference.$refNode) return [];
    if (isReference(reference)) return reference.$nodeDescription ? [reference.$nodeDescription] : [];
    if (isMultiReference(reference)) return reference.items.map(item => item.$nodeDescription).filter(item => item !== undefined);
    return [];
}

export class LinkedReferenceIndex {
    /** Per indexed document (in the order first indexed, as Langium's map keeps them): the other documents its references resolve to. */
    private readonly targetDocuments = new Map<string, { readonly uri: URI; readonly targets: ReadonlySet<string> }>();

    constructor(
        private readonly documents: LangiumDocuments,
        private readonly descriptions: (uri: URI) => BlueprintReferenceDescriptionProvider
    ) {}

    async update(document: LangiumDocument, cancelToken: CancellationToken): Promise<void> {
        const own = document.uri.toString();
        const targets = new Set<string>();
        const nodes: AstNode[] = [];
        forEachAstNode(document.parseResult.value, node => { nodes.push(node); });
        for (let index = 0; index < nodes.length; index++) {
            if (index % NODES_PER_INTERRUPT_CHECK === 0) await interruptAndCheck(cancelToken);
            forEachReference(nodes[index], info => {
                for (const target of linkedTargets(info)) {
                    const uri = target.documentUri.toString();
                    if (uri !== own) targets.add(uri);
                }
            });
        }
        this.targetDocuments.set(own, { uri: document.uri, targets });
    }

    remove(uri: URI): void {
        this.targetDocuments.delete(uri.toString());
    }

    /** Whether the document's references resolve into one of the changed documents. */
    isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        const entry = this.targetDocuments.get(document.uri.toString());
        if (!entry) return false;
        for (const uri of entry.targets) if (changedUris.has(uri)) return true;
        return false;
    }

    /** The references to the node at `astNodePath` of the target's document, in Langium's order (document, then source order). */
    find(targetNode: AstNode, astNodePath: string): ReferenceDescription[] {
        const targetUri = AstUtils.getDocument(targetNode).uri;
        const target = targetUri.toString();
        const found: ReferenceDescription[] = [];
        for (const [key, { uri, targets }] of this.targetDocuments) {
            if (key !== target && !targets.has(target)) continue;
            const document = this.documents.getDocument(uri);
            if (!document) continue;
            const provider = this.descriptions(document.uri);
            forEachAstNode(document.parseResult.value, node => forEachReference(node, info => {
                if (!linkedTargets(info).some(item => this.isTarget(item, targetNode, targetUri, astNodePath))) return;
                for (const description of provider.createInfoDescriptions(info)) {
                    if (UriUtils.equals(description.targetUri, targetUri) && description.targetPath === astNodePath) found.push(description);
                }
            }));
        }
        return found;
    }

    /** The node itself, or (as Langium matches) the node at the same path of the same document. */
    private isTarget(item: AstNodeDescription, targetNode: AstNode, targetUri: URI, astNodePath: string): boolean {
        return item.node === targetNode || (UriUtils.equals(item.documentUri, targetUri) && item.path === astNodePath);
    }
}
