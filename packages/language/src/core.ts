/**
 * `@blueprint/language/core`: the public surface without the LSP features: parse, link, validate,
 * build models. It loads neither `langium/lsp` nor vscode-languageserver, so a process that only
 * checks (the CLI's `check` and its worker threads) starts faster. `@blueprint/language` is this
 * plus the LSP services (blueprint-lsp-module.ts).
 */
import './node-compat.js';

export {
    BlueprintCoreModule, BlueprintSharedModule, createBlueprintCoreServices, type BlueprintAddedServices, type BlueprintCoreServices,
    type BlueprintServiceOptions, type BlueprintServices
} from './blueprint-module.js';
export * as ast from './generated/ast.js';
export { buildBlueprintModel, type ModelOptions } from './model/model-builder.js';
export type { BlueprintModelProvider } from './model/model-provider.js';
export * from './validation/rules.js';
export { parseRuleSettings, type RuleSettings } from './validation/rule-settings.js';
export { CONFIG_FILE_NAME, findConfigFile, parseConfigText, type BlueprintConfig } from './workspace/config-file.js';
export { INTERNAL_ERROR_CODE, logInternalErrorToConsole, type InternalErrorLog } from './validation/internal-errors.js';
export { BUILTIN_URI } from './workspace/builtin-library.js';
export { BLUEPRINT_EXTENSION, resolveImportUri, importedUris, importPathProblem } from './workspace/imports.js';
export * from './workspace/load.js';
export {
    DEFAULT_MAX_FILE_BYTES, MAX_FILE_SIZE_VARIABLE, decodeBlueprintBytes, maxFileBytes, parseFileSizeMiB, setMaxFileBytes, tooLargeReason
} from './workspace/file-limits.js';
export { FileProblems } from './workspace/file-problems.js';
export { BlueprintDocumentFactory } from './workspace/blueprint-document-factory.js';
export { FILE_PROBLEM_CODE } from './validation/blueprint-document-validator.js';
export type { BlueprintAnalysisProvider } from './analysis/analysis-provider.js';
