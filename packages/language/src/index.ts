/** Public surface of the Blueprint language package. */
import './node-compat.js';

export * from './blueprint-module.js';
export * as ast from './generated/ast.js';
export { buildBlueprintModel, type BlueprintStructure, type ModelOptions, type StructureStep } from './model/model-builder.js';
export type { BlueprintModelProvider } from './model/model-provider.js';
export * from './validation/rules.js';
export { parseRuleSettings, type RuleSettings } from './validation/rule-settings.js';
export { CONFIG_FILE_NAME, findConfigFile, parseConfigText, type BlueprintConfig } from './workspace/config-file.js';
export { INTERNAL_ERROR_CODE, logInternalErrorToConsole, type InternalErrorLog } from './validation/internal-errors.js';
export { BUILTIN_URI } from './workspace/builtin-library.js';
export { FIX_ALL_KIND, safeFixesOf } from './lsp/blueprint-code-actions.js';
export { BLUEPRINT_EXTENSION, resolveImportUri, importedUris, importPathProblem } from './workspace/imports.js';
export * from './workspace/load.js';
export {
    DEFAULT_MAX_FILE_BYTES, MAX_FILE_SIZE_VARIABLE, decodeBlueprintBytes, maxFileBytes, parseFileSizeMiB, setMaxFileBytes, tooLargeReason
} from './workspace/file-limits.js';
export { FileProblems } from './workspace/file-problems.js';
export { BlueprintDocumentFactory } from './workspace/blueprint-document-factory.js';
export { FILE_PROBLEM_CODE } from './validation/blueprint-document-validator.js';
export type { BlueprintAnalysisProvider } from './analysis/analysis-provider.js';
