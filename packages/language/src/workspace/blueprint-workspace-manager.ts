/** Loads the built-in library along with the workspace's files. */
import { DefaultWorkspaceManager, type LangiumDocument, type WorkspaceFolder } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { BlueprintServices } from '../blueprint-module.js';

export class BlueprintWorkspaceManager extends DefaultWorkspaceManager {
    private readonly sharedServices: LangiumSharedServices;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.sharedServices = services;
    }

    protected override async loadAdditionalDocuments(folders: WorkspaceFolder[], collector: (document: LangiumDocument) => void): Promise<void> {
        await super.loadAdditionalDocuments(folders, collector);
        const blueprint = this.sharedServices.ServiceRegistry.all.find(s => s.LanguageMetaData.languageId === 'blueprint') as BlueprintServices | undefined;
        if (blueprint) collector(blueprint.workspace.BuiltinLibrary.document);
    }
}
