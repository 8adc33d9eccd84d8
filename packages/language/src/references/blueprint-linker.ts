/**
 * Linking errors with a "did you mean": the names in scope closest to a misspelt reference
 * (`via brnch` → `branch`). The code action provider offers the same names as quick fixes.
 * References are `BlueprintReference`s (smaller, see blueprint-reference.ts); linked, they share
 * their target's name string.
 */
import {
    Cancellation, DefaultLinker, interruptAndCheck, type AstNode, type AstNodeDescription, type CstNode, type LangiumDocument, type LinkingError,
    type Reference, type ReferenceInfo, type ScopeProvider
} from 'langium';
import { BlueprintReference } from './blueprint-reference.js';
import { forEachReference, NODES_PER_INTERRUPT_CHECK } from '../util/ast-walk.js';
import { astNodeList } from '../util/ast-node-list.js';
import { similarWords } from '../util/similar-words.js';

export class BlueprintLinker extends DefaultLinker {
    /** Langium's loop, without a stream and an `await` per node (see ast-walk.ts), over the build's node list (ast-node-list.ts); the profiler still gets Langium's. */
    override async link(document: LangiumDocument, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) return super.link(document, cancelToken);
        const nodes = astNodeList(document.parseResult.value);
        const visit = (reference: ReferenceInfo) => this.doLink(reference, document);
        for (let index = 0; index < nodes.length; index++) {
            if (index % NODES_PER_INTERRUPT_CHECK === 0) await interruptAndCheck(cancelToken);
            const node = nodes[index];
            // Most nodes (times, properties, remedies…) can hold no reference: their properties are not walked.
            if (this.mayHoldReferences(node.$type)) forEachReference(node, visit);
        }
        // Pushed one by one, the list has up to half its length spare; it lives as long as the document.
        document.references = document.references.slice();
    }

    /** Per node type, whether the grammar gives it a cross-reference property. */
    private readonly referenceHolders = new Map<string, boolean>();

    private mayHoldReferences(type: string): boolean {
        let holds = this.referenceHolders.get(type);
        if (holds === undefined) {
            const properties = this.reflection.getTypeMetaData(type).properties;
            // A type the reflection does not know is walked as before.
            holds = Object.keys(properties).length === 0 || Object.values(properties).some(property => property.referenceType !== undefined);
            this.referenceHolders.set(type, holds);
        }
        return holds;
    }

    override buildReference(node: AstNode, property: string, refNode: CstNode | undefined, refText: string): Reference {
        return new BlueprintReference(this.referenceResolver, node, property, refNode, refText);
    }

    protected override doLink(refInfo: ReferenceInfo, document: LangiumDocument): void {
        super.doLink(refInfo, document);
        if (refInfo.reference instanceof BlueprintReference) refInfo.reference.shareTargetName();
    }

    override unlink(document: LangiumDocument): void {
        const others = document.references.filter(reference => !(reference instanceof BlueprintReference));
        for (const reference of document.references) if (reference instanceof BlueprintReference) reference.unlink();
        document.references = others;
        super.unlink(document);
    }

    protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const error = super.createLinkingError(refInfo, targetDescription);
        if (targetDescription) return error;
        const suggestions = similarReferenceNames(this.scopeProvider, refInfo);
        if (suggestions.length === 0) return error;
        const list = suggestions.map(name => `'${name}'`);
        return { ...error, message: `${error.message}${SUGGESTION_LEAD}${list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} or ${list.at(-1)}`}?` };
    }
}

/** How a linking error's message offers the names in scope closest to what was written. */
export const SUGGESTION_LEAD = ' Did you mean ';

/** Names in the reference's scope within a few edits of what was written, closest first. */
export function similarReferenceNames(scopeProvider: ScopeProvider, refInfo: ReferenceInfo): string[] {
    const written = refInfo.reference.$refText;
    if (!written) return [];
    const names = scopeProvider.getScope(refInfo).getAllElements().map(description => description.name);
    return similarWords(written, names);
}
