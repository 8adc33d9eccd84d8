/** Public surface of the model package: the blueprint model and what is computed from it alone. */
export * from './blueprint-model.js';
export * from './i18n/localisation.js';
export { buildFlowGraph, reachableFrom, stepsReaching, type FlowGraph, type FlowGraphSource } from './flow-graph.js';
export * from './time.js';
export { visibleLaneIds, isStepCustomerVisible } from './visibility.js';
export * from './analysis/time-analysis.js';
export { pathText } from './analysis/path-text.js';
export * from './analysis/service-analysis.js';
export { sameData, type DataEquality } from './same-data.js';
