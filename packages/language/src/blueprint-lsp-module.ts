/**
 * The LSP module on top of the core services (blueprint-module.ts): hover, completion, code actions,
 * formatting... for the language server, and the CLI's `fmt` and `--fix`. Kept apart so that what
 * only parses, links and validates (`@blueprint/language/core`, the CLI's check) never loads
 * `langium/lsp` and vscode-languageserver.
 */
import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type LangiumSharedServices, type PartialLangiumServices
} from 'langium/lsp';
import { BlueprintCoreModule, hostModule, sharedModules, type BlueprintServiceOptions, type BlueprintServices } from './blueprint-module.js';
import { ServiceBlueprintGeneratedModule } from './generated/module.js';
import { BlueprintCodeActionProvider } from './lsp/blueprint-code-actions.js';
import { BlueprintCodeLensProvider } from './lsp/blueprint-code-lens.js';
import { BlueprintCompletionProvider } from './lsp/blueprint-completion-provider.js';
import { BlueprintDefinitionProvider } from './lsp/blueprint-definition-provider.js';
import { BlueprintDocumentLinkProvider } from './lsp/blueprint-document-links.js';
import { BlueprintDocumentSymbolProvider } from './lsp/blueprint-document-symbols.js';
import { BlueprintFoldingRangeProvider } from './lsp/blueprint-folding-ranges.js';
import { BlueprintFormatter } from './lsp/blueprint-formatter.js';
import { BlueprintHoverProvider } from './lsp/blueprint-hover-provider.js';
import { BlueprintReferencesProvider } from './lsp/blueprint-references-provider.js';
import { BlueprintRenameProvider } from './lsp/blueprint-rename-provider.js';
import { BlueprintSemanticTokenProvider } from './lsp/blueprint-semantic-tokens.js';
import { registerValidationChecks } from './validation/blueprint-validator.js';

/** The core services with the LSP features, for the language server (and the CLI's `fmt` and `--fix`). */
export const BlueprintLspModule: Module<BlueprintServices, PartialLangiumServices> = {
    lsp: {
        CodeActionProvider: services => new BlueprintCodeActionProvider(services),
        CodeLensProvider: services => new BlueprintCodeLensProvider(services),
        CompletionProvider: services => new BlueprintCompletionProvider(services),
        DefinitionProvider: services => new BlueprintDefinitionProvider(services),
        DocumentLinkProvider: services => new BlueprintDocumentLinkProvider(services),
        DocumentSymbolProvider: services => new BlueprintDocumentSymbolProvider(services),
        FoldingRangeProvider: services => new BlueprintFoldingRangeProvider(services),
        Formatter: () => new BlueprintFormatter(),
        HoverProvider: services => new BlueprintHoverProvider(services),
        ReferencesProvider: services => new BlueprintReferencesProvider(services),
        RenameProvider: services => new BlueprintRenameProvider(services),
        SemanticTokenProvider: services => new BlueprintSemanticTokenProvider(services)
    }
};

/**
 * Creates the shared services and the Blueprint language services with the LSP features, for the
 * language server. `context.fileSystemProvider` is `NodeFileSystem` in Node and `EmptyFileSystem`
 * in tests of in-memory text.
 */
export function createBlueprintServices(context: DefaultSharedModuleContext, options: BlueprintServiceOptions = {}): {
    shared: LangiumSharedServices;
    Blueprint: BlueprintServices;
} {
    const shared = inject(createDefaultSharedModule(context), ...sharedModules(options));
    const Blueprint = inject(createDefaultModule({ shared }), ServiceBlueprintGeneratedModule, BlueprintCoreModule, BlueprintLspModule, hostModule(options));
    shared.ServiceRegistry.register(Blueprint);
    registerValidationChecks(Blueprint);
    return { shared, Blueprint };
}
