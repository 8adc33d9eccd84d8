/** Public surface of the Blueprint language package: the core (core.ts) and the LSP services on top. */
export * from './core.js';
export * from './blueprint-lsp-module.js';
export { FIX_ALL_KIND, safeFixesOf } from './lsp/blueprint-code-actions.js';
