/**
 * A cross-reference (3.4 per step: stage, performer, channel, flow ends…) with a slot for every
 * field that linking writes. Langium's reference object is created with six fields and receives
 * `_nodeDescription` when linked, which V8 stores in a separate property array (40 bytes more per
 * reference), and unlinking `delete`s it, which turns the object into a slow dictionary. The
 * behaviour is Langium's: `ref` resolves through the linker on first use.
 */
import {
    isLinkingError, type AstNode, type AstNodeDescription, type CstNode, type DefaultReference, type LinkingError, type RefResolving
} from 'langium';

export interface ReferenceResolver {
    resolveReference(reference: DefaultReference, node: AstNode, property: string): AstNode | undefined;
}

export class BlueprintReference implements DefaultReference {
    _ref: AstNode | LinkingError | typeof RefResolving | undefined = undefined;
    _nodeDescription: AstNodeDescription | undefined = undefined;

    constructor(
        private readonly resolver: ReferenceResolver,
        private readonly node: AstNode,
        private readonly property: string,
        readonly $refNode: CstNode | undefined,
        public $refText: string
    ) {}

    get ref(): AstNode | undefined {
        return this.resolver.resolveReference(this, this.node, this.property);
    }

    get $nodeDescription(): AstNodeDescription | undefined {
        return this._nodeDescription;
    }

    get error(): LinkingError | undefined {
        return isLinkingError(this._ref) ? this._ref : undefined;
    }

    /** Linked: the text written is the target's name, so keep the name's string instead of a copy of it. */
    shareTargetName(): void {
        const name = this._nodeDescription?.name;
        if (name !== undefined && name === this.$refText) this.$refText = name;
    }

    unlink(): void {
        this._ref = undefined;
        this._nodeDescription = undefined;
    }
}
