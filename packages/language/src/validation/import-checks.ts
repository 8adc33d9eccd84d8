/** Imports: the file exists, is a blueprint file, and imports do not form a cycle. */
import { AstUtils, type LangiumDocuments, type ValidationAcceptor } from 'langium';
import type { BlueprintCoreServices } from '../blueprint-module.js';
import type { FileProblems } from '../workspace/file-problems.js';
import type * as ast from '../generated/ast.js';
import { importedUris, importPathProblem, resolveImportUri } from '../workspace/imports.js';
import { Rules } from './rules.js';

export class ImportChecks {
    private readonly documents: LangiumDocuments;
    private readonly fileProblems: FileProblems;

    constructor(services: BlueprintCoreServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.fileProblems = services.workspace.FileProblems;
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
            accept('error', `The import path cannot name a file: ${problem ?? 'it is not a valid path'}.`, { node: imp, property: 'path', code: Rules.missingImport.id });
            return;
        }
        if (target.toString() === document.uri.toString()) {
            accept('error', 'A file cannot import itself.', { node: imp, property: 'path', code: Rules.missingImport.id });
            return;
        }
        if (!this.documents.hasDocument(target)) {
            accept('error', `Cannot find the imported file '${imp.path}' (looked for ${target.scheme === 'file' ? target.fsPath : target.toString()}).`,
                { node: imp, property: 'path', code: Rules.missingImport.id });
            return;
        }
        // Read as empty text (binary, too large, unreadable): say why here, where the import is.
        const fileProblem = this.fileProblems.get(target);
        if (fileProblem) {
            accept('error', `The imported file '${imp.path}' cannot be used as a blueprint: ${fileProblem}.`,
                { node: imp, property: 'path', code: Rules.missingImport.id });
            return;
        }
        // A `.blueprint` name says nothing about the content (a symbolic link to /etc/passwd passes that test).
        const imported = this.documents.getDocument(target);
        const syntaxErrors = imported ? imported.parseResult.lexerErrors.length + imported.parseResult.parserErrors.length : 0;
        if (syntaxErrors > 0) {
            accept('error', `The imported file '${imp.path}' is not a blueprint file: it does not parse (${syntaxErrors} syntax error${syntaxErrors === 1 ? '' : 's'}).`,
                { node: imp, property: 'path', code: Rules.missingImport.id });
            return;
        }
        const cycle = this.findCycle(target, document.uri.toString());
        if (cycle) {
            accept('warning', `Import cycle: ${[document.uri, ...cycle].map(uri => uri.path.split('/').pop()).join(' → ')}.`,
                { node: imp, property: 'path', code: Rules.cyclicImport.id });
        }
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
