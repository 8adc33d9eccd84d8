/**
 * Dependency injection for the Blueprint language, in Langium's style: the generated module, the
 * default modules, and Blueprint's own services, one concern per file. Split as Langium splits its
 * own: a core module (parse, scope, validate, model) for the CLI and any host without an editor,
 * here, and an LSP module (hover, completion, code actions, formatting...) on top for the language
 * server in blueprint-lsp-module.ts: this file loads neither `langium/lsp` nor vscode-languageserver.
 */
import {
    createDefaultCoreModule, createDefaultSharedCoreModule, inject, type DefaultSharedCoreModuleContext,
    type LangiumCoreServices, type LangiumSharedCoreServices, type Module, type PartialLangiumCoreServices,
    type PartialLangiumSharedCoreServices
} from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { BlueprintGeneratedSharedModule, ServiceBlueprintGeneratedModule } from './generated/module.js';
import { BlueprintModelProvider } from './model/model-provider.js';
import { BlueprintAnalysisProvider } from './analysis/analysis-provider.js';
import { createBlueprintParser } from './parser/blueprint-parser.js';
import { BlueprintLexerErrorMessageProvider } from './parser/blueprint-lexer-errors.js';
import { BlueprintParserErrorMessageProvider } from './parser/blueprint-parser-errors.js';
import { BlueprintLinker } from './references/blueprint-linker.js';
import { BlueprintValueConverter } from './parser/blueprint-value-converter.js';
import { BlueprintScopeComputation } from './references/blueprint-scope-computation.js';
import { BlueprintScopeProvider } from './references/blueprint-scope-provider.js';
import { BlueprintDocumentValidator } from './validation/blueprint-document-validator.js';
import { BlueprintValidationRegistry, logInternalErrorToConsole, type InternalErrorLog } from './validation/internal-errors.js';
import { registerValidationChecks } from './validation/blueprint-validator.js';
import { RuleConfiguration } from './validation/rule-configuration.js';
import { BatchIndexManager } from './workspace/batch-index-manager.js';
import { BlueprintIndexManager } from './workspace/blueprint-index-manager.js';
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

/** Parse, scope, validate, model: what the CLI needs. */
export type BlueprintCoreServices = LangiumCoreServices & BlueprintAddedServices;

/** The core services with the LSP features, for the language server (and the CLI's `fmt` and `--fix`): see blueprint-lsp-module.ts. */
export type BlueprintServices = LangiumServices & BlueprintAddedServices;

export const BlueprintCoreModule: Module<BlueprintCoreServices, PartialLangiumCoreServices & BlueprintAddedServices> = {
    model: {
        BlueprintModelProvider: services => new BlueprintModelProvider(services.shared, services.validation.RuleConfiguration),
        BlueprintAnalysisProvider: services => new BlueprintAnalysisProvider(services.shared, services.model.BlueprintModelProvider)
    },
    parser: {
        LangiumParser: services => createBlueprintParser(services),
        ParserErrorMessageProvider: services => new BlueprintParserErrorMessageProvider(services),
        LexerErrorMessageProvider: () => new BlueprintLexerErrorMessageProvider(),
        ValueConverter: () => new BlueprintValueConverter()
    },
    references: {
        Linker: services => new BlueprintLinker(services),
        ScopeComputation: services => new BlueprintScopeComputation(services),
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
    }
};

export const BlueprintSharedModule: Module<LangiumSharedCoreServices, PartialLangiumSharedCoreServices> = {
    workspace: {
        WorkspaceManager: services => new BlueprintWorkspaceManager(services),
        LangiumDocumentFactory: services => new BlueprintDocumentFactory(services),
        DocumentBuilder: services => new BlueprintDocumentBuilder(services),
        IndexManager: services => new BlueprintIndexManager(services)
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

const BatchSharedModule: Module<LangiumSharedCoreServices, PartialLangiumSharedCoreServices> = {
    workspace: {
        IndexManager: services => new BatchIndexManager(services)
    }
};

/** What a host adds to the language services: where crashed checks are logged, the shared file problems (internal: for blueprint-lsp-module.ts). */
export function hostModule(options: BlueprintServiceOptions): Module<BlueprintCoreServices, PartialLangiumCoreServices & { workspace: { FileProblems: FileProblems } }> {
    const fileProblems = options.fileProblems ?? new FileProblems();
    return {
        validation: { ValidationRegistry: services => new BlueprintValidationRegistry(services, options.logInternalError ?? logInternalErrorToConsole) },
        workspace: { FileProblems: () => fileProblems }
    };
}

/** Blueprint's shared modules, with the batch index for one-shot runs (internal: for blueprint-lsp-module.ts). */
export function sharedModules(options: BlueprintServiceOptions): Array<Module<LangiumSharedCoreServices, PartialLangiumSharedCoreServices>> {
    return options.batch ? [BlueprintGeneratedSharedModule, BlueprintSharedModule, BatchSharedModule] : [BlueprintGeneratedSharedModule, BlueprintSharedModule];
}

/**
 * The core services (no LSP features): parse, link, validate and build models. `context.fileSystemProvider`
 * is `NodeFileSystem` in Node (CLI) and `EmptyFileSystem` for in-memory text.
 */
export function createBlueprintCoreServices(context: DefaultSharedCoreModuleContext, options: BlueprintServiceOptions = {}): {
    shared: LangiumSharedCoreServices;
    Blueprint: BlueprintCoreServices;
} {
    const shared = inject(createDefaultSharedCoreModule(context), ...sharedModules(options));
    const Blueprint = inject(createDefaultCoreModule({ shared }), ServiceBlueprintGeneratedModule, BlueprintCoreModule, hostModule(options));
    shared.ServiceRegistry.register(Blueprint);
    registerValidationChecks(Blueprint);
    return { shared, Blueprint };
}
