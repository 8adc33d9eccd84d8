/** Public surface of the Blueprint language package. */
import './polyfills.js';

export * from './blueprint-module.js';
export * as ast from './generated/ast.js';
export * from './model/blueprint-model.js';
export { buildBlueprintModel } from './model/model-builder.js';
export { buildFlowGraph, reachableFrom, stepsReaching, type FlowGraph } from './model/flow-graph.js';
export * from './model/time.js';
export type { BlueprintModelProvider } from './model/model-provider.js';
export * from './validation/rules.js';
export { CONFIG_FILE_NAME, parseRuleSettings, type RuleSettings } from './validation/rule-configuration.js';
export { BUILTIN_URI } from './workspace/builtin-library.js';
export { BLUEPRINT_EXTENSION, resolveImportUri, importedUris } from './workspace/imports.js';
export * from './workspace/load.js';
export * from './analysis/time-analysis.js';
export * from './analysis/service-analysis.js';
export type { BlueprintAnalysisProvider } from './analysis/analysis-provider.js';
export { visibleLaneIds, isStepCustomerVisible } from './analysis/visibility.js';
