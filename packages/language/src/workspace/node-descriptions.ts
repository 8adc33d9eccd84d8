/**
 * Lean descriptions for scopes and the index (memory per step, issue 13). Descriptions of named
 * nodes (one per step, lane, actor…) that cost less memory than Langium's: its descriptions hold two closures and a context each, and compute the
 * selection segment up front although only navigation and symbols ever read it. Here both segments
 * are getters on a shared prototype, computed on first use; the fields are those Langium sets.
 * The path (`/elements@0/members@12`, a string of ~100 bytes per step kept for the document's
 * lifetime) is derived from the node when asked: linking reads the node, only "find references"
 * compares paths.
 */
import {
    AstUtils, Cancellation, CstUtils, interruptAndCheck, DefaultAstNodeDescriptionProvider, DefaultReferenceDescriptionProvider, UriUtils,
    type AstNode, type AstNodeDescription, type AstNodeLocator, type CstNode, type DocumentSegment, type LangiumCoreServices,
    type LangiumDocument, type NameProvider, type ReferenceDescription, type ReferenceInfo, type URI
} from 'langium';
import { forEachAstNode, forEachReference, NODES_PER_INTERRUPT_CHECK } from '../util/ast-walk.js';
import { linkedTargets } from './reference-index.js';

class LazyNodeDescription implements AstNodeDescription {
    private nameSegmentCache?: DocumentSegment | null;
    private selectionSegmentCache?: DocumentSegment | null;

    constructor(
        readonly node: AstNode,
        readonly name: string,
        readonly type: string,
        readonly documentUri: URI,
        private readonly names: NameProvider,
        private readonly locator: AstNodeLocator
    ) {}

    /** Not cached: kept, the paths would come back for every node a search compared. */
    get path(): string {
        return this.locator.getAstNodePath(this.node);
    }

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
        if (!name) throw new Error(`Node at path ${this.astNodeLocator.getAstNodePath(node)} has no name.`);
        return new LazyNodeDescription(node, name, node.$type, doc.uri, this.names, this.astNodeLocator);
    }
}

/**
 * The same for references (one per flow target, actor, stage… of every step), now described only
 * when "find references" or rename asks (reference-index.ts): the source path and the segment are
 * computed on first use.
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
        const items = linkedTargets(refInfo);
        if (items.length === 0) return [];
        const sourceUri = AstUtils.getDocument(refInfo.container).uri;
        const refNode = refInfo.reference.$refNode!;
        return items.map(item => new LazyReferenceDescription(sourceUri, item.documentUri, item.path,
            UriUtils.equals(item.documentUri, sourceUri), refInfo.container, refNode, this.locator));
    }
}
