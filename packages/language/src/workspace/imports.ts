/** Resolving `import "path"` statements to document URIs. */
import { UriUtils, type LangiumDocument, type URI } from 'langium';
import type { BlueprintFile } from '../generated/ast.js';

export const BLUEPRINT_EXTENSION = '.blueprint';

/** Import paths are relative to the importing file; the `.blueprint` extension may be left out. */
export function resolveImportUri(importer: URI, path: string): URI {
    const withExtension = path.endsWith(BLUEPRINT_EXTENSION) ? path : path + BLUEPRINT_EXTENSION;
    return UriUtils.resolvePath(UriUtils.dirname(importer), withExtension);
}

/** The URIs a document imports directly, in order, without duplicates. */
export function importedUris(document: LangiumDocument): URI[] {
    const root = document.parseResult?.value as BlueprintFile | undefined;
    const seen = new Set<string>();
    const uris: URI[] = [];
    for (const imp of root?.imports ?? []) {
        if (!imp.path) continue;
        const uri = resolveImportUri(document.uri, imp.path);
        if (!seen.has(uri.toString())) {
            seen.add(uri.toString());
            uris.push(uri);
        }
    }
    return uris;
}
