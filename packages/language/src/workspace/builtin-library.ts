/**
 * Built-in declarations every blueprint can use without importing them: the channel kinds from the
 * touchpoint material (remote, phone and face-to-face). They live in an in-memory document so that
 * linking, hover and references treat them like any other declaration.
 */
import { URI, type AstNodeDescription, type LangiumDocument } from 'langium';
import type { LangiumCoreServices } from 'langium';

export const BUILTIN_URI = URI.parse('blueprint-builtin:///channels.blueprint');

export const BUILTIN_SOURCE = `// Built-in channels. Declare your own with: channel Name "Label" remote|phone|face-to-face [self-service]
channel branch "Branch" face-to-face
channel onsite "On-site visit" face-to-face
channel store "Store" face-to-face
channel hotline "Hotline" phone
channel ivr "IVR" phone self-service
channel app "Mobile app" remote self-service
channel web "Web" remote self-service
channel atm "ATM" remote self-service
channel kiosk "Self-service terminal" remote self-service
channel sms "SMS" remote
channel email "Email" remote
channel chat "Chat" remote
channel mail "Post" remote
`;

export class BuiltinLibrary {
    private readonly services: LangiumCoreServices;
    private cachedDescriptions?: AstNodeDescription[];

    constructor(services: LangiumCoreServices) {
        this.services = services;
    }

    /** The built-in document, created and registered on first use. */
    get document(): LangiumDocument {
        const documents = this.services.shared.workspace.LangiumDocuments;
        const existing = documents.getDocument(BUILTIN_URI);
        if (existing) return existing;
        const document = this.services.shared.workspace.LangiumDocumentFactory.fromString(BUILTIN_SOURCE, BUILTIN_URI);
        documents.addDocument(document);
        return document;
    }

    /** Descriptions of all built-in declarations; the nodes stay in memory, so no index is needed. */
    get descriptions(): readonly AstNodeDescription[] {
        if (!this.cachedDescriptions) {
            const root = this.document.parseResult.value;
            const provider = this.services.workspace.AstNodeDescriptionProvider;
            const nameProvider = this.services.references.NameProvider;
            this.cachedDescriptions = [];
            for (const node of (root as unknown as { elements: Array<{ $type: string }> }).elements) {
                const name = nameProvider.getName(node as never);
                if (name) this.cachedDescriptions.push(provider.createDescription(node as never, name, this.document));
            }
        }
        return this.cachedDescriptions;
    }

    isBuiltin(uri: URI | string): boolean {
        return uri.toString() === BUILTIN_URI.toString();
    }
}
