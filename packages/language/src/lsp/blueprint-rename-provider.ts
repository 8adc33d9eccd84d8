/**
 * Rename: Langium's, refusing what would break the files or cannot be edited: a new name that is
 * not a name (`two words`, a keyword, a number), one already taken by a declaration of the same kind
 * where the renamed one is seen (BP001 or a reference that changes meaning), and the built-in
 * channels, which live in no file the editor can change.
 */
import { AstUtils, CstUtils, type AstNode, type LangiumDocument, type LangiumDocuments, type URI } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import type { Lexer } from 'langium';
import { LSPErrorCodes, ResponseError, type CancellationToken, type PrepareRenameParams, type Range, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import type { BlueprintServices } from '../blueprint-module.js';
import * as ast from '../generated/ast.js';
import { BUILTIN_URI } from '../workspace/builtin-library.js';
import { importedUris } from '../workspace/imports.js';

export class BlueprintRenameProvider extends DefaultRenameProvider {
    private readonly lexer: Lexer;
    private readonly documents: LangiumDocuments;

    constructor(services: BlueprintServices) {
        super(services);
        this.lexer = services.parser.Lexer;
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    override prepareRename(document: LangiumDocument, params: PrepareRenameParams, cancelToken?: CancellationToken): Promise<Range | undefined> | Range | undefined {
        const target = this.targetAt(document, params.position);
        if (target && isBuiltin(target)) throw builtinError(target);
        return super.prepareRename(document, params, cancelToken);
    }

    override async rename(document: LangiumDocument, params: RenameParams, cancelToken?: CancellationToken): Promise<WorkspaceEdit | undefined> {
        const target = this.targetAt(document, params.position);
        if (target) {
            if (isBuiltin(target)) throw builtinError(target);
            const problem = this.nameProblem(params.newName) ?? this.collision(target, params.newName);
            if (problem) throw new ResponseError(LSPErrorCodes.RequestFailed, problem);
        }
        return super.rename(document, params, cancelToken);
    }

    /** The declaration renamed from `position` (on its name or on a reference to it). */
    private targetAt(document: LangiumDocument, position: RenameParams['position']): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(position), this.grammarConfig.nameRegexp);
        return leaf ? this.references.findDeclarations(leaf)[0] : undefined;
    }

    /** Why `name` cannot be written where a name goes, or undefined when it can. */
    private nameProblem(name: string): string | undefined {
        const { tokens, errors } = this.lexer.tokenize(name);
        if (errors.length === 0 && tokens.length === 1 && tokens[0].tokenType.name === 'ID' && tokens[0].image === name) return undefined;
        if (tokens.length === 1 && tokens[0].image === name && /^[a-z-]+$/.test(name)) {
            return `'${name}' is a keyword of the language, so it cannot be a name; pick another one (names are case-sensitive).`;
        }
        return `'${name}' is not a name: a name is one word of letters, digits and '_' with at least one letter, e.g. 'Pay_2'.`;
    }

    /**
     * A declaration of the same kind already called `name` in the file of the renamed one, in a file
     * that refers to it, or in what those import: the rename would duplicate a name or rebind references.
     */
    private collision(target: AstNode, name: string): string | undefined {
        const kind = namespaceOf(target);
        const uris = new Map<string, URI>();
        const add = (uri: URI) => uris.set(uri.toString(), uri);
        add(AstUtils.getDocument(target).uri);
        for (const reference of this.references.findReferences(target, { includeDeclaration: false })) add(reference.sourceUri);
        for (const uri of [...uris.values()]) {
            const document = this.documents.getDocument(uri);
            if (document) importedUris(document).forEach(add);
        }
        for (const uri of uris.values()) {
            const document = this.documents.getDocument(uri);
            if (!document) continue;
            for (const node of AstUtils.streamAst(document.parseResult.value)) {
                if (node === target || (node as { name?: unknown }).name !== name || namespaceOf(node) !== kind) continue;
                const line = (node.$cstNode?.range.start.line ?? 0) + 1;
                const file = uri.path.split('/').pop();
                return `'${name}' already names ${describe(node)} (line ${line} of ${file}); pick another name.`;
            }
        }
        return undefined;
    }
}

function isBuiltin(node: AstNode): boolean {
    return AstUtils.getDocument(node).uri.toString() === BUILTIN_URI.toString();
}

function builtinError(node: AstNode): ResponseError<void> {
    const channel = node as Partial<ast.Channel>;
    const name = channel.name ?? '';
    const traits = [channel.distance, channel.selfService ? 'self-service' : undefined].filter(Boolean).join(' ');
    return new ResponseError(LSPErrorCodes.RequestFailed,
        `'${name}' is a built-in channel and cannot be renamed; declare a channel of your own (channel My${name.charAt(0).toUpperCase()}${name.slice(1)} "…"${traits ? ` ${traits}` : ''}) and use that.`);
}

/** Kinds whose names share one namespace (as BP001 judges them): performers, and steps with evidence. */
function namespaceOf(node: AstNode): string {
    if (ast.isActor(node) || ast.isSystem(node)) return 'performer';
    if (ast.isStep(node) || ast.isEvidenceItem(node)) return 'step';
    return node.$type;
}

function describe(node: AstNode): string {
    return `the ${node.$type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`;
}
