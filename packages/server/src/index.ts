/**
 * Public surface of the server package: what a host needs to run the Blueprint language server on a
 * connection of its choice (main.ts for Node, browser-main.ts for a web worker are the two shipped
 * hosts), and the handlers of Blueprint's requests beyond LSP, for hosts that wire their own.
 */
export { startBlueprintServer, type ServerHost } from './blueprint-server.js';
export { InProcessLayoutRunner, type LayoutRunner } from './layout-runner.js';
export { WorkerLayoutRunner, type LayoutRequest } from './worker-layout-runner.js';
export { ClientFileSystemProvider, type RequestSender } from './client-file-system.js';
export { DiagramBridge, type DiagramBridgeServices, type DiagramConnection } from './diagram-bridge.js';
export { computeDiagramDiff, type DiagramDiffServices } from './diagram-diff.js';
export { runAssistantTool, type AssistantToolServices } from './assistant-tools.js';
