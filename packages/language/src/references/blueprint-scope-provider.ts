/**
 * Scopes for Blueprint: a file sees its own declarations, the top-level declarations of the files it
 * imports directly, and the built-in library. Every level is a hash map (MapScope), cached per
 * document and reference type (the imported levels shared by the files that import the same files),
 * so linking stays linear in the size of the file; Langium's default scopes walk streams and make
 * linking quadratic in one file.
 */
import {
    AstUtils, DefaultScopeProvider, DocumentCache, EMPTY_SCOPE, MapScope, MultiMap, type AstNode, type AstNodeDescription, type LangiumDocument,
    type LangiumDocuments, type ReferenceInfo, type Scope, type URI
} from 'langium';
import type { BlueprintCoreServices } from '../blueprint-module.js';
import { isBlueprint, type BlueprintFile } from '../generated/ast.js';
import type { BuiltinLibrary } from '../workspace/builtin-library.js';
import { importedUris } from '../workspace/imports.js';

/** The key of a document's imports in `fileImports`. */
const IMPORTS = 'imports';

export class BlueprintScopeProvider extends DefaultScopeProvider {
    private readonly builtins: BuiltinLibrary;
    private readonly fileScopes: DocumentCache<string, Scope>;
    /** Per document, the files it imports (their URIs as strings, not itself): the same for each reference type's scope. */
    private readonly fileImports: DocumentCache<string, readonly string[]>;
    private readonly documents: LangiumDocuments;
    /** Per reference type and set of imported files, their declarations over the built-ins (see `importedScope`). */
    private readonly importedScopes = new Map<string, { readonly imports: ReadonlySet<string>; readonly scope: Scope }>();

    constructor(services: BlueprintCoreServices) {
        super(services);
        this.builtins = services.workspace.BuiltinLibrary;
        this.documents = services.shared.workspace.LangiumDocuments;
        // A file's scope holds its own symbols and those of the files it imports: it is evicted when
        // the file changes or is deleted (DocumentCache does that) and when any file it imports does,
        // before the relinking of the build that follows; so is every shared scope of imported files
        // that holds a changed one (a file that appears, too: it was left out while missing).
        this.fileScopes = new DocumentCache(services.shared);
        this.fileImports = new DocumentCache(services.shared);
        services.shared.workspace.DocumentBuilder.onUpdate((changed, deleted) => this.evictImporters([...changed, ...deleted]));
    }

    override getScope(context: ReferenceInfo): Scope {
        const referenceType = this.referenceTypeOf(context);
        if (!referenceType) return EMPTY_SCOPE;
        const document = AstUtils.getDocument(context.container);
        // Asked per reference: no provider closure per call.
        const cached = this.fileScopes.get(document.uri, referenceType);
        if (cached) return cached;
        const scope = this.createFileScope(document, referenceType);
        this.fileScopes.set(document.uri, referenceType, scope);
        return scope;
    }

    /**
     * Completion in partial text may ask with a container whose type has no such reference: after
     * `flow ->` it asks for the Flow's `source` on a FlowLink. The property's name still tells the
     * reference type when one type of the grammar owns it; otherwise there is nothing to offer.
     */
    private referenceTypeOf(context: ReferenceInfo): string | undefined {
        const own = this.reflection.getTypeMetaData(context.container.$type).properties[context.property]?.referenceType;
        if (own) return own;
        const candidates = new Set(this.reflection.getAllTypes()
            .map(type => this.reflection.getTypeMetaData(type).properties[context.property]?.referenceType)
            .filter((type): type is string => type !== undefined));
        return candidates.size === 1 ? [...candidates][0] : undefined;
    }

    private createFileScope(document: LangiumDocument, referenceType: string): Scope {
        const imports = this.fileImports.get(document.uri, IMPORTS,
            () => importedUris(document).map(uri => uri.toString()).filter(uri => uri !== document.uri.toString()));
        const importedScope = this.importedScope(imports, referenceType);
        const local: AstNodeDescription[] = [];
        const root = document.parseResult.value as BlueprintFile;
        // Local symbols are keyed by container: the file holds declarations, each blueprint its members.
        this.addLocal(document, root, referenceType, local);
        for (const element of root.elements) if (isBlueprint(element)) this.addLocal(document, element, referenceType, local);
        return local.length > 0 ? new MapScope(local, importedScope) : importedScope;
    }

    /** The local symbols of `container` that `referenceType` can name, added to `local`. */
    private addLocal(document: LangiumDocument, container: AstNode, referenceType: string, local: AstNodeDescription[]): void {
        const symbols = document.localSymbols;
        if (!symbols) return;
        // Langium's table is a MultiMap: its array, without a stream per container and type.
        const descriptions = symbols instanceof MultiMap ? symbols.get(container) : symbols.getStream(container).toArray();
        for (let index = 0; index < descriptions.length; index++) {
            if (this.reflection.isSubtype(descriptions[index].type, referenceType)) local.push(descriptions[index]);
        }
    }

    /**
     * What the files `imports` declare, over the built-in library: the same for every file that
     * imports them (a thousand files importing one shared file built it a thousand times per type).
     */
    private importedScope(imports: readonly string[], referenceType: string): Scope {
        const key = `${referenceType}\n${[...new Set(imports)].sort().join('\n')}`;
        let entry = this.importedScopes.get(key);
        if (!entry) {
            const builtinScope = new MapScope(this.ofType(this.builtins.descriptions, referenceType));
            const uris = new Set(imports);
            const scope = uris.size > 0 ? new MapScope(this.indexManager.allElements(referenceType, uris), builtinScope) : builtinScope;
            this.importedScopes.set(key, entry = { imports: uris, scope });
        }
        return entry.scope;
    }

    private evictImporters(changed: URI[]): void {
        if (changed.length === 0) return;
        const keys = new Set(changed.map(uri => uri.toString()));
        for (const [key, entry] of this.importedScopes) {
            if ([...entry.imports].some(uri => keys.has(uri))) this.importedScopes.delete(key);
        }
        for (const document of this.documents.all) {
            if (importedUris(document).some(uri => keys.has(uri.toString()))) this.fileScopes.clear(document.uri);
        }
    }

    private ofType(descriptions: Iterable<AstNodeDescription>, referenceType: string): AstNodeDescription[] {
        return [...descriptions].filter(d => this.reflection.isSubtype(d.type, referenceType));
    }
}
