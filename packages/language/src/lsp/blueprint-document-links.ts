/** Links on `import "..."` paths, to the file the import resolves to (when the workspace has it). */
import type { LangiumDocument, LangiumDocuments, MaybePromise } from 'langium';
import { GrammarUtils } from 'langium';
import type { DocumentLinkProvider } from 'langium/lsp';
import type { DocumentLink, DocumentLinkParams } from 'vscode-languageserver';
import type { BlueprintServices } from '../blueprint-module.js';
import type { BlueprintFile } from '../generated/ast.js';
import { resolveImportUri } from '../workspace/imports.js';

export class BlueprintDocumentLinkProvider implements DocumentLinkProvider {
    private readonly documents: LangiumDocuments;

    constructor(services: BlueprintServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    getDocumentLinks(document: LangiumDocument, _params?: DocumentLinkParams): MaybePromise<DocumentLink[]> {
        const links: DocumentLink[] = [];
        for (const imp of (document.parseResult.value as BlueprintFile).imports) {
            const pathNode = imp.$cstNode && GrammarUtils.findNodeForProperty(imp.$cstNode, 'path');
            if (!imp.path || !pathNode) continue;
            const target = resolveImportUri(document.uri, imp.path);
            // A missing file is reported as BP003; a link to it would only lead nowhere.
            if (!target || !this.documents.hasDocument(target)) continue;
            const { start, end } = pathNode.range;
            links.push({
                // Inside the quotes, so the link reads as the path itself.
                range: { start: { line: start.line, character: start.character + 1 }, end: { line: end.line, character: end.character - 1 } },
                target: target.toString(),
                tooltip: `Open ${imp.path}`
            });
        }
        return links;
    }
}
