/**
 * Linking errors with a "did you mean": the names in scope closest to a misspelt reference
 * (`via brnch` → `branch`). The code action provider offers the same names as quick fixes.
 */
import {
    Cancellation, DefaultLinker, interruptAndCheck, isMultiReference, isReference, type AstNode, type AstNodeDescription, type LangiumDocument,
    type LinkingError, type ReferenceInfo, type ScopeProvider
} from 'langium';
import { NODES_PER_INTERRUPT_CHECK, pushChildren } from '../util/ast-walk.js';
import { similarWords } from '../util/similar-words.js';

export class BlueprintLinker extends DefaultLinker {
    /** Links every reference as Langium's `link` does, in the same order, without a stream and a promise per node. */
    override async link(document: LangiumDocument, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) return super.link(document, cancelToken);
        const stack: AstNode[] = [document.parseResult.value];
        let visited = 0;
        while (stack.length > 0) {
            if (cancelToken !== Cancellation.CancellationToken.None && ++visited % NODES_PER_INTERRUPT_CHECK === 0) await interruptAndCheck(cancelToken);
            const node = stack.pop()!;
            for (const property of Object.keys(node)) {
                if (property.startsWith('$')) continue;
                const value = (node as unknown as Record<string, unknown>)[property];
                if (isReference(value) || isMultiReference(value)) this.doLink({ reference: value, container: node, property }, document);
                else if (Array.isArray(value)) {
                    value.forEach((element, index) => {
                        if (isReference(element) || isMultiReference(element)) this.doLink({ reference: element, container: node, property, index }, document);
                    });
                }
            }
            pushChildren(node, stack);
        }
    }

    protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const error = super.createLinkingError(refInfo, targetDescription);
        if (targetDescription) return error;
        const suggestions = similarReferenceNames(this.scopeProvider, refInfo);
        if (suggestions.length === 0) return error;
        const list = suggestions.map(name => `'${name}'`);
        return { ...error, message: `${error.message} Did you mean ${list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} or ${list.at(-1)}`}?` };
    }
}

/** Names in the reference's scope within a few edits of what was written, closest first. */
export function similarReferenceNames(scopeProvider: ScopeProvider, refInfo: ReferenceInfo): string[] {
    const written = refInfo.reference.$refText;
    if (!written) return [];
    const names = scopeProvider.getScope(refInfo).getAllElements().map(description => description.name);
    return similarWords(written, names);
}
