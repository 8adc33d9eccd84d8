/**
 * Scopes for Blueprint: a file sees its own declarations, the top-level declarations of the files it
 * imports directly, and the built-in library. Every level is a hash map (MapScope), cached per
 * document and reference type, so linking stays linear in the size of the file; Langium's default
 * scopes walk streams and make linking quadratic in one file.
 */
import {
    AstUtils, DefaultScopeProvider, DocumentCache, EMPTY_SCOPE, MapScope, type AstNodeDescription, type LangiumDocument,
    type LangiumDocuments, type ReferenceInfo, type Scope, type URI
} from 'langium';
import type { BlueprintCoreServices } from '../blueprint-module.js';
import { isBlueprint, type BlueprintFile } from '../generated/ast.js';
import type { BuiltinLibrary } from '../workspace/builtin-library.js';
import { importedUris } from '../workspace/imports.js';

export class BlueprintScopeProvider extends DefaultScopeProvider {
    private readonly builtins: BuiltinLibrary;
    private readonly fileScopes: DocumentCache<string, Scope>;
    private readonly documents: LangiumDocuments;

    constructor(services: BlueprintCoreServices) {
        super(services);
        this.builtins = services.workspace.BuiltinLibrary;
        this.documents = services.shared.workspace.LangiumDocuments;
        // A file's scope holds its own symbols and those of the files it imports: it is evicted when
        // the file changes or is deleted (DocumentCache does that) and when any file it imports does,
        // before the relinking of the build that follows.
        this.fileScopes = new DocumentCache(services.shared);
        services.shared.workspace.DocumentBuilder.onUpdate((changed, deleted) => this.evictImporters([...changed, ...deleted]));
    }

    override getScope(context: ReferenceInfo): Scope {
        const referenceType = this.referenceTypeOf(context);
        if (!referenceType) return EMPTY_SCOPE;
        const document = AstUtils.getDocument(context.container);
        return this.fileScopes.get(document.uri, referenceType, () => this.createFileScope(document, referenceType));
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
        const builtinScope = new MapScope(this.ofType(this.builtins.descriptions, referenceType));
        const imports = new Set(importedUris(document).map(uri => uri.toString()));
        imports.delete(document.uri.toString());
        const importedScope = imports.size > 0
            ? new MapScope(this.indexManager.allElements(referenceType, imports), builtinScope)
            : builtinScope;
        const local: AstNodeDescription[] = [];
        const root = document.parseResult.value as BlueprintFile;
        // Local symbols are keyed by container: the file holds declarations, each blueprint its members.
        for (const container of [root, ...root.elements.filter(isBlueprint)]) {
            for (const description of document.localSymbols?.getStream(container) ?? []) {
                if (this.reflection.isSubtype(description.type, referenceType)) local.push(description);
            }
        }
        return new MapScope(local, importedScope);
    }

    private evictImporters(changed: URI[]): void {
        if (changed.length === 0) return;
        const keys = new Set(changed.map(uri => uri.toString()));
        for (const document of this.documents.all) {
            if (importedUris(document).some(uri => keys.has(uri.toString()))) this.fileScopes.clear(document.uri);
        }
    }

    private ofType(descriptions: Iterable<AstNodeDescription>, referenceType: string): AstNodeDescription[] {
        return [...descriptions].filter(d => this.reflection.isSubtype(d.type, referenceType));
    }
}
