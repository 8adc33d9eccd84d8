/** Resolving `import "path"` statements to document URIs. */
import { UriUtils, type LangiumDocument, type URI } from 'langium';
import type { BlueprintFile, Import } from '../generated/ast.js';

export const BLUEPRINT_EXTENSION = '.blueprint';

/**
 * Why an import path cannot name a file, or undefined when it can: a lone surrogate cannot be
 * encoded in a URI (`encodeURIComponent` throws), and control characters name no real file.
 */
export function importPathProblem(path: string): string | undefined {
    if (/[\ud800-\udfff]/u.test(path)) return 'it holds an unpaired surrogate character, which no file name can';
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(path)) return 'it holds a control character, which no file name should';
    return undefined;
}

/**
 * Import paths are relative to the importing file; the `.blueprint` extension may be left out.
 * Undefined for a path that names no file (see `importPathProblem`).
 */
export function resolveImportUri(importer: URI, path: string): URI | undefined {
    if (importPathProblem(path)) return undefined;
    const withExtension = path.endsWith(BLUEPRINT_EXTENSION) ? path : path + BLUEPRINT_EXTENSION;
    return UriUtils.resolvePath(UriUtils.dirname(importer), withExtension);
}

/**
 * Each import's resolved URI, for the importer and path it was resolved with: a build asks for a
 * document's imports in every phase (loading, scopes, relinking, checks), and resolving a path is a
 * `dirname`, a join and an encoding. Checked against both on use, as a path edited in place (a
 * keystroke in the import's string) changes the same node.
 */
const resolvedImports = new WeakMap<Import, { readonly importer: URI; readonly path: string; readonly uri: URI | undefined }>();

function resolvedImport(importer: URI, imp: Import): URI | undefined {
    const known = resolvedImports.get(imp);
    if (known && known.importer === importer && known.path === imp.path) return known.uri;
    const uri = resolveImportUri(importer, imp.path);
    resolvedImports.set(imp, { importer, path: imp.path, uri });
    return uri;
}

/** The URIs a document imports directly, in order, without duplicates. */
export function importedUris(document: LangiumDocument): URI[] {
    const root = document.parseResult?.value as BlueprintFile | undefined;
    const seen = new Set<string>();
    const uris: URI[] = [];
    for (const imp of root?.imports ?? []) {
        if (!imp.path) continue;
        const uri = resolvedImport(document.uri, imp);
        if (uri && !seen.has(uri.toString())) {
            seen.add(uri.toString());
            uris.push(uri);
        }
    }
    return uris;
}
