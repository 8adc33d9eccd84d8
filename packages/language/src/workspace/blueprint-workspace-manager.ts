/**
 * Loads the built-in library along with the workspace's files. A file that vanishes or cannot be
 * read while the workspace loads is skipped with a warning: one bad file must not cost the editor
 * every feature.
 */
import { DefaultWorkspaceManager, type LangiumDocument, type Stream, type URI, type WorkspaceFolder } from 'langium';
import type { LangiumSharedCoreServices } from 'langium';
import type { BlueprintCoreServices } from '../blueprint-module.js';

export class BlueprintWorkspaceManager extends DefaultWorkspaceManager {
    private readonly sharedServices: LangiumSharedCoreServices;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.sharedServices = services;
    }

    protected override async loadWorkspaceDocuments(uris: Stream<URI>, collector: (document: LangiumDocument) => void): Promise<void> {
        await Promise.all(uris.toArray().map(async uri => {
            try {
                collector(await this.langiumDocuments.getOrCreateDocument(uri));
            } catch (error) {
                console.warn(`Blueprint: skipped ${uri.toString(true)}: ${error instanceof Error ? error.message : String(error)}`);
            }
        }));
    }

    protected override async loadAdditionalDocuments(folders: WorkspaceFolder[], collector: (document: LangiumDocument) => void): Promise<void> {
        await super.loadAdditionalDocuments(folders, collector);
        const blueprint = this.sharedServices.ServiceRegistry.all.find(s => s.LanguageMetaData.languageId === 'blueprint') as BlueprintCoreServices | undefined;
        if (blueprint) collector(blueprint.workspace.BuiltinLibrary.document);
    }
}
