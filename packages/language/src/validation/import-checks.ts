/** Imports: the file exists, is a blueprint file, and imports do not form a cycle. */
import { AstUtils, UriUtils, type FileSystemProvider, type LangiumDocuments, type URI, type ValidationAcceptor } from 'langium';
import type { BlueprintCoreServices } from '../blueprint-module.js';
import type * as ast from '../generated/ast.js';
import { similarWords } from '../util/similar-words.js';
import { importedUris, importPathProblem, resolveImportUri } from '../workspace/imports.js';
import { Rules } from './rules.js';

/**
 * The `data` of a BP003 error whose file gives the importer nothing (missing, unnamable, not a
 * blueprint): the names it would declare cannot resolve, so the validator folds those errors into it.
 */
export const IMPORT_UNAVAILABLE = { importUnavailable: true } as const;

export function isUnavailableImport(data: unknown): boolean {
    return typeof data === 'object' && data !== null && (data as { importUnavailable?: unknown }).importUnavailable === true;
}

const EXTENSION = '.blueprint';

export class ImportChecks {
    private readonly documents: LangiumDocuments;
    private readonly fileSystem: FileSystemProvider;

    constructor(services: BlueprintCoreServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.fileSystem = services.shared.workspace.FileSystemProvider;
    }

    checkImport(imp: ast.Import, accept: ValidationAcceptor): void {
        const document = AstUtils.getDocument(imp);
        if (!imp.path) {
            accept('error', 'An import needs a path, e.g. import "shared/actors.blueprint".', { node: imp, code: Rules.missingImport.id });
            return;
        }
        const problem = importPathProblem(imp.path);
        const target = resolveImportUri(document.uri, imp.path);
        if (problem || !target) {
            accept('error', `The import path cannot name a file: ${problem ?? 'it is not a valid path'}.`,
                { node: imp, property: 'path', code: Rules.missingImport.id, data: IMPORT_UNAVAILABLE });
            return;
        }
        if (target.toString() === document.uri.toString()) {
            accept('error', 'A file cannot import itself.', { node: imp, property: 'path', code: Rules.missingImport.id });
            return;
        }
        if (!this.documents.hasDocument(target)) {
            const near = this.similarImport(imp.path, target, document.uri);
            accept('error', `Cannot find the imported file '${imp.path}' (looked for ${target.scheme === 'file' ? target.fsPath : target.toString()})${near ? `; did you mean '${near}'?` : '.'}`, {
                node: imp, property: 'path', code: Rules.missingImport.id,
                data: near ? { ...IMPORT_UNAVAILABLE, fix: { title: `Change to '${near}'`, newText: JSON.stringify(near) } } : IMPORT_UNAVAILABLE
            });
            return;
        }
        // A `.blueprint` name says nothing about the content (a symbolic link to /etc/passwd passes that test).
        const imported = this.documents.getDocument(target);
        const syntaxErrors = imported ? imported.parseResult.lexerErrors.length + imported.parseResult.parserErrors.length : 0;
        if (syntaxErrors > 0) {
            accept('error', `The imported file '${imp.path}' is not a blueprint file: it does not parse (${syntaxErrors} syntax error${syntaxErrors === 1 ? '' : 's'}).`,
                { node: imp, property: 'path', code: Rules.missingImport.id, data: IMPORT_UNAVAILABLE });
            return;
        }
        const cycle = this.findCycle(target, document.uri.toString());
        if (cycle) {
            accept('warning', `Import cycle: ${[document.uri, ...cycle].map(uri => uri.path.split('/').pop()).join(' → ')}.`,
                { node: imp, property: 'path', code: Rules.cyclicImport.id });
        }
    }

    /**
     * The import path as it would name the blueprint file beside the missing one with the closest
     * name (`hotel-shred` → `hotel-shared`), written as the path was (with or without `.blueprint`):
     * from the documents the workspace holds and the files in that folder.
     */
    private similarImport(path: string, target: URI, importer: URI): string | undefined {
        const folder = UriUtils.dirname(target);
        const names = new Set<string>();
        for (const document of this.documents.all) {
            if (UriUtils.equals(UriUtils.dirname(document.uri), folder)) names.add(UriUtils.basename(document.uri));
        }
        try {
            for (const entry of this.fileSystem.readDirectorySync(folder)) if (entry.isFile) names.add(UriUtils.basename(entry.uri));
        } catch {
            // A folder that cannot be listed (or no file system, in the browser): the workspace's documents only.
        }
        names.delete(UriUtils.basename(importer));
        const stem = (name: string) => name.endsWith(EXTENSION) ? name.slice(0, -EXTENSION.length) : name;
        const candidates = [...names].filter(name => name.endsWith(EXTENSION)).map(stem);
        const written = path.slice(path.lastIndexOf('/') + 1);
        const [near] = similarWords(stem(written), candidates, 1);
        if (near === undefined) return undefined;
        return path.slice(0, path.length - written.length) + near + (written.endsWith(EXTENSION) ? EXTENSION : '');
    }

    /** A path of imports from `start` back to `origin`, if there is one (depth first, each file once). */
    private findCycle(start: import('langium').URI, origin: string): import('langium').URI[] | undefined {
        const visited = new Set<string>();
        const visit = (uri: import('langium').URI, path: import('langium').URI[]): import('langium').URI[] | undefined => {
            const key = uri.toString();
            if (key === origin) return [...path, uri];
            if (visited.has(key)) return undefined;
            visited.add(key);
            const document = this.documents.getDocument(uri);
            if (!document) return undefined;
            for (const next of importedUris(document)) {
                const found = visit(next, [...path, uri]);
                if (found) return found;
            }
            return undefined;
        };
        return visit(start, []);
    }
}
