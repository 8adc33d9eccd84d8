/**
 * Lean descriptions for scopes and the index (memory per step, issue 13). Descriptions of named
 * nodes (one per step, lane, actor…) that cost less memory than Langium's: its descriptions hold two closures and a context each, and compute the
 * selection segment up front although only navigation and symbols ever read it. Here both segments
 * are getters on a shared prototype, computed on first use; the fields are those Langium sets.
 */
import {
    AstUtils, Cancellation, CstUtils, interruptAndCheck, DefaultAstNodeDescriptionProvider, DefaultReferenceDescriptionProvider, isMultiReference, isReference, UriUtils,
    type AstNode, type AstNodeDescription, type AstNodeLocator, type CstNode, type DocumentSegment, type LangiumCoreServices,
    type LangiumDocument, type NameProvider, type ReferenceDescription, type ReferenceInfo, type URI
} from 'langium';
import { forEachAstNode, forEachReference, NODES_PER_INTERRUPT_CHECK } from '../util/ast-walk.js';

class LazyNodeDescription implements AstNodeDescription {
    private nameSegmentCache?: DocumentSegment | null;
    private selectionSegmentCache?: DocumentSegment | null;

    constructor(
        readonly node: AstNode,
        readonly name: string,
        readonly type: string,
        readonly documentUri: URI,
        readonly path: string,
        private readonly names: NameProvider
    ) {}

    get nameSegment(): DocumentSegment | undefined {
        if (this.nameSegmentCache === undefined) {
            this.nameSegmentCache = CstUtils.toDocumentSegment(this.names.getNameNode(this.node) ?? this.node.$cstNode) ?? null;
        }
        return this.nameSegmentCache ?? undefined;
    }

    get selectionSegment(): DocumentSegment | undefined {
        if (this.selectionSegmentCache === undefined) this.selectionSegmentCache = CstUtils.toDocumentSegment(this.node.$cstNode) ?? null;
        return this.selectionSegmentCache ?? undefined;
    }
}

export class BlueprintAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    private readonly names: NameProvider;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.names = services.references.NameProvider;
    }

    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const doc = document ?? AstUtils.getDocument(node);
        name ??= this.names.getName(node);
        const path = this.astNodeLocator.getAstNodePath(node);
        if (!name) throw new Error(`Node at path ${path} has no name.`);
        return new LazyNodeDescription(node, name, node.$type, doc.uri, path, this.names);
    }
}

/**
 * The same for the index of references (one per flow target, actor, stage… of every step): the
 * source path and the segment are computed on first use (find references, rename) instead of
 * building a path string and four objects per reference on every keystroke.
 */
class LazyReferenceDescription implements ReferenceDescription {
    private sourcePathCache?: string;
    private segmentCache?: DocumentSegment;

    constructor(
        readonly sourceUri: URI,
        readonly targetUri: URI,
        readonly targetPath: string,
        readonly local: boolean,
        private readonly source: AstNode,
        private readonly refNode: CstNode,
        private readonly locator: AstNodeLocator
    ) {}

    get sourcePath(): string {
        return this.sourcePathCache ??= this.locator.getAstNodePath(this.source);
    }

    get segment(): DocumentSegment {
        return this.segmentCache ??= CstUtils.toDocumentSegment(this.refNode);
    }
}

export class BlueprintReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    private readonly locator: AstNodeLocator;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.locator = services.workspace.AstNodeLocator;
    }

    /** Langium's loop, without a stream and an `await` per node (see ast-walk.ts). */
    override async createDescriptions(document: LangiumDocument, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        const nodes: AstNode[] = [];
        forEachAstNode(document.parseResult.value, node => { nodes.push(node); });
        const descriptions: ReferenceDescription[] = [];
        for (let index = 0; index < nodes.length; index++) {
            if (index % NODES_PER_INTERRUPT_CHECK === 0) await interruptAndCheck(cancelToken);
            forEachReference(nodes[index], reference => {
                if (!reference.reference.error) descriptions.push(...this.createInfoDescriptions(reference));
            });
        }
        return descriptions;
    }

    override createInfoDescriptions(refInfo: ReferenceInfo): ReferenceDescription[] {
        const reference = refInfo.reference;
        if (reference.error || !reference.$refNode) return [];
        const items = isReference(reference) ? (reference.$nodeDescription ? [reference.$nodeDescription] : [])
            : isMultiReference(reference) ? reference.items.map(item => item.$nodeDescription).filter(item => item !== undefined) : [];
        if (items.length === 0) return [];
        const sourceUri = AstUtils.getDocument(refInfo.container).uri;
        const refNode = reference.$refNode;
        return items.map(item => new LazyReferenceDescription(sourceUri, item.documentUri, item.path,
            UriUtils.equals(item.documentUri, sourceUri), refInfo.container, refNode, this.locator));
    }
}
