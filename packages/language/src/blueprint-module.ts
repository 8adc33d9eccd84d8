/**
 * Dependency injection for the Blueprint language, in Langium's style: the generated module, the
 * default modules, and Blueprint's own services, one concern per file.
 */
import {
    inject, type Module, type PartialLangiumCoreServices
} from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type LangiumServices,
    type LangiumSharedServices, type PartialLangiumServices, type PartialLangiumSharedServices
} from 'langium/lsp';
import { BlueprintGeneratedSharedModule, ServiceBlueprintGeneratedModule } from './generated/module.js';
import { BlueprintCodeActionProvider } from './lsp/blueprint-code-actions.js';
import { BlueprintCodeLensProvider } from './lsp/blueprint-code-lens.js';
import { BlueprintCompletionProvider } from './lsp/blueprint-completion-provider.js';
import { BlueprintDocumentLinkProvider } from './lsp/blueprint-document-links.js';
import { BlueprintDocumentSymbolProvider } from './lsp/blueprint-document-symbols.js';
import { BlueprintFormatter } from './lsp/blueprint-formatter.js';
import { BlueprintHoverProvider } from './lsp/blueprint-hover-provider.js';
import { BlueprintSemanticTokenProvider } from './lsp/blueprint-semantic-tokens.js';
import { BlueprintModelProvider } from './model/model-provider.js';
import { BlueprintAnalysisProvider } from './analysis/analysis-provider.js';
import { createBlueprintParser } from './parser/blueprint-parser.js';
import { BlueprintLexerErrorMessageProvider } from './parser/blueprint-lexer-errors.js';
import { BlueprintParserErrorMessageProvider } from './parser/blueprint-parser-errors.js';
import { BlueprintLinker } from './references/blueprint-linker.js';
import { BlueprintScopeProvider } from './references/blueprint-scope-provider.js';
import { BlueprintDocumentValidator } from './validation/blueprint-document-validator.js';
import { BlueprintValidationRegistry, logInternalErrorToConsole, type InternalErrorLog } from './validation/internal-errors.js';
import { registerValidationChecks } from './validation/blueprint-validator.js';
import { RuleConfiguration } from './validation/rule-configuration.js';
import { BatchIndexManager } from './workspace/batch-index-manager.js';
import { BlueprintWorkspaceManager } from './workspace/blueprint-workspace-manager.js';
import { BlueprintDocumentBuilder } from './workspace/blueprint-document-builder.js';
import { BlueprintDocumentFactory } from './workspace/blueprint-document-factory.js';
import { BlueprintAstNodeDescriptionProvider, BlueprintReferenceDescriptionProvider } from './workspace/node-descriptions.js';
import { BuiltinLibrary } from './workspace/builtin-library.js';
import { FileProblems } from './workspace/file-problems.js';

/** Services Blueprint adds to Langium's. */
export type BlueprintAddedServices = {
    model: {
        BlueprintModelProvider: BlueprintModelProvider;
        BlueprintAnalysisProvider: BlueprintAnalysisProvider;
    };
    validation: {
        RuleConfiguration: RuleConfiguration;
    };
    workspace: {
        BuiltinLibrary: BuiltinLibrary;
        FileProblems: FileProblems;
    };
};

export type BlueprintServices = LangiumServices & BlueprintAddedServices;

export const BlueprintModule: Module<BlueprintServices, PartialLangiumServices & PartialLangiumCoreServices & BlueprintAddedServices> = {
    model: {
        BlueprintModelProvider: services => new BlueprintModelProvider(services.shared, services.validation.RuleConfiguration),
        BlueprintAnalysisProvider: services => new BlueprintAnalysisProvider(services.shared, services.model.BlueprintModelProvider)
    },
    parser: {
        LangiumParser: services => createBlueprintParser(services),
        ParserErrorMessageProvider: services => new BlueprintParserErrorMessageProvider(services),
        LexerErrorMessageProvider: () => new BlueprintLexerErrorMessageProvider()
    },
    references: {
        Linker: services => new BlueprintLinker(services),
        ScopeProvider: services => new BlueprintScopeProvider(services)
    },
    validation: {
        DocumentValidator: services => new BlueprintDocumentValidator(services),
        RuleConfiguration: services => new RuleConfiguration(services.shared)
    },
    workspace: {
        AstNodeDescriptionProvider: services => new BlueprintAstNodeDescriptionProvider(services),
        ReferenceDescriptionProvider: services => new BlueprintReferenceDescriptionProvider(services),
        BuiltinLibrary: services => new BuiltinLibrary(services),
        FileProblems: () => new FileProblems()
    },
    lsp: {
        CodeActionProvider: services => new BlueprintCodeActionProvider(services),
        CodeLensProvider: services => new BlueprintCodeLensProvider(services),
        CompletionProvider: services => new BlueprintCompletionProvider(services),
        DocumentLinkProvider: services => new BlueprintDocumentLinkProvider(services),
        DocumentSymbolProvider: services => new BlueprintDocumentSymbolProvider(services),
        Formatter: () => new BlueprintFormatter(),
        HoverProvider: services => new BlueprintHoverProvider(services),
        SemanticTokenProvider: services => new BlueprintSemanticTokenProvider(services)
    }
};

export const BlueprintSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        WorkspaceManager: services => new BlueprintWorkspaceManager(services),
        LangiumDocumentFactory: services => new BlueprintDocumentFactory(services),
        DocumentBuilder: services => new BlueprintDocumentBuilder(services)
    }
};

export interface BlueprintServiceOptions {
    /** One-shot batch use (CLI, benchmarks): no reverse-reference index, which only an editor needs. */
    readonly batch?: boolean;
    /** Where the stack trace of a check that crashed goes (the user sees one diagnostic); the console by default. */
    readonly logInternalError?: InternalErrorLog;
    /** Shared with the host's file system provider, which records the files it could not use. */
    readonly fileProblems?: FileProblems;
}

const BatchSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        IndexManager: services => new BatchIndexManager(services)
    }
};

/**
 * Creates the shared services and the Blueprint language services. `context.fileSystemProvider`
 * is `NodeFileSystem` in Node (CLI, server) and `EmptyFileSystem` in tests of in-memory text.
 */
export function createBlueprintServices(context: DefaultSharedModuleContext, options: BlueprintServiceOptions = {}): {
    shared: LangiumSharedServices;
    Blueprint: BlueprintServices;
} {
    const shared = options.batch
        ? inject(createDefaultSharedModule(context), BlueprintGeneratedSharedModule, BlueprintSharedModule, BatchSharedModule)
        : inject(createDefaultSharedModule(context), BlueprintGeneratedSharedModule, BlueprintSharedModule);
    const fileProblems = options.fileProblems ?? new FileProblems();
    const hostModule: Module<BlueprintServices, PartialLangiumServices & { workspace: { FileProblems: FileProblems } }> = {
        validation: { ValidationRegistry: services => new BlueprintValidationRegistry(services, options.logInternalError ?? logInternalErrorToConsole) },
        workspace: { FileProblems: () => fileProblems }
    };
    const Blueprint = inject(createDefaultModule({ shared }), ServiceBlueprintGeneratedModule, BlueprintModule, hostModule);
    shared.ServiceRegistry.register(Blueprint);
    registerValidationChecks(Blueprint);
    return { shared, Blueprint };
}
