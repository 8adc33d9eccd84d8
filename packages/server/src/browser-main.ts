/**
 * The Blueprint language server in a web worker (VS Code for the web: vscode.dev, github.dev): files
 * are read through the editor (client-file-system.ts) and layouts run in this worker, which is
 * already off the editor's thread. Bundled as one classic script, so it can start from a blob URL.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startBlueprintServer } from './blueprint-server.js';
import { ClientFileSystemProvider } from './client-file-system.js';
import { InProcessLayoutRunner } from './layout-runner.js';

// The worker global scope; typed by what the reader needs, since this package compiles without the DOM lib.
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
const fileSystem = new ClientFileSystemProvider(connection);
startBlueprintServer({ connection, fileSystem: () => fileSystem, layoutRunner: new InProcessLayoutRunner() });
