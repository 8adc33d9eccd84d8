/**
 * Linking errors with a "did you mean": the names in scope closest to a misspelt reference
 * (`via brnch` → `branch`). The code action provider offers the same names as quick fixes.
 */
import { DefaultLinker, type AstNodeDescription, type LinkingError, type ReferenceInfo, type ScopeProvider } from 'langium';
import { similarWords } from '../util/similar-words.js';

export class BlueprintLinker extends DefaultLinker {
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
