/** Public surface of the protocol package: Blueprint's messages beyond LSP. */
export * from './message-types.js';
export * from './workspace-files.js';
export * from './record-patch.js';
export * from './diagram-stream.js';
export * from './patched-layouts.js';
export * from './diagram.js';
export * from './webview-messages.js';
export * from './assistant-tools.js';
export * from './workbook-export.js';
