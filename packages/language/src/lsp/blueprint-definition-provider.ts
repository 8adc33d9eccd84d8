/**
 * Go to definition: Langium's answer for references, plus import paths, which are plain strings to
 * the grammar: `import "./shared"` leads to the file it resolves to. A built-in channel has no
 * definition to go to: it lives in an in-memory document no editor can open (hover says it is built in).
 */
import { CstUtils, GrammarUtils, type CstNode, type LangiumDocument, type LangiumDocuments, type MaybePromise } from 'langium';
import { DefaultDefinitionProvider } from 'langium/lsp';
import { LocationLink, type CancellationToken, type DefinitionParams } from 'vscode-languageserver';
import type { BlueprintServices } from '../blueprint-module.js';
import { isImport } from '../generated/ast.js';
import { BUILTIN_URI } from '../workspace/builtin-library.js';
import { resolveImportUri } from '../workspace/imports.js';

export class BlueprintDefinitionProvider extends DefaultDefinitionProvider {
    private readonly documents: LangiumDocuments;

    constructor(services: BlueprintServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    override getDefinition(document: LangiumDocument, params: DefinitionParams, cancelToken?: CancellationToken): MaybePromise<LocationLink[] | undefined> {
        return this.importTarget(document, params) ?? super.getDefinition(document, params, cancelToken);
    }

    protected override async collectLocationLinks(sourceCstNode: CstNode, params: DefinitionParams): Promise<LocationLink[] | undefined> {
        const builtin = BUILTIN_URI.toString();
        const links = (await super.collectLocationLinks(sourceCstNode, params))?.filter(link => link.targetUri !== builtin);
        return links && links.length > 0 ? links : undefined;
    }

    /** The imported file when the position is on an import's path (its quotes included). */
    private importTarget(document: LangiumDocument, params: DefinitionParams): LocationLink[] | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const offset = document.textDocument.offsetAt(params.position);
        // Just after the closing quote still counts, as it does for names.
        const leaf = CstUtils.findLeafNodeAtOffset(root, offset) ?? CstUtils.findLeafNodeAtOffset(root, offset - 1);
        const imp = leaf?.astNode;
        if (!leaf || !isImport(imp) || !imp.path || leaf !== GrammarUtils.findNodeForProperty(imp.$cstNode, 'path')) return undefined;
        const target = resolveImportUri(document.uri, imp.path);
        // A missing file is reported as BP003; there is nothing to open.
        const targetDocument = target && this.documents.hasDocument(target) ? this.documents.getDocument(target) : undefined;
        if (!targetDocument) return undefined;
        const text = targetDocument.textDocument;
        const whole = { start: { line: 0, character: 0 }, end: text.positionAt(text.getText().length) };
        const start = { start: whole.start, end: whole.start };
        return [LocationLink.create(text.uri, whole, start, leaf.range)];
    }
}
