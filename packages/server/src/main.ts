#!/usr/bin/env node
/**
 * The Blueprint language server in Node, over stdio (`--stdio`) or Node IPC (`--node-ipc`), reading
 * the local disk (other schemes through the editor) and laying out in a worker thread. The same script, started as a worker thread, is
 * that layout worker: the server is bundled into one file, so the worker cannot be a separate one.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { FileProblems } from '@blueprint/language';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startBlueprintServer } from './blueprint-server.js';
import { ClientFileSystemProvider } from './client-file-system.js';
import { runLayoutWorker } from './layout-worker.js';
import { SchemeFileSystemProvider } from './scheme-file-system.js';
import { WorkspaceFileSystemProvider } from './workspace-file-system.js';
import { LAYOUT_WORKER_ROLE, WorkerLayoutRunner } from './worker-layout-runner.js';

if (!isMainThread && (workerData as { role?: string } | undefined)?.role === LAYOUT_WORKER_ROLE) {
    runLayoutWorker(parentPort!);
} else {
    const connection = createConnection(ProposedFeatures.all);
    // Local files from the disk (unusable ones as empty text with a warning); a virtual workspace's through the editor.
    const fileProblems = new FileProblems();
    const local = new WorkspaceFileSystemProvider(() => fileProblems, message => connection.console.warn(message));
    const fileSystem = new SchemeFileSystemProvider(local, new ClientFileSystemProvider(connection));
    startBlueprintServer({
        connection,
        fileSystem: () => fileSystem,
        fileProblems,
        // process.argv[1] is this script both when run directly and when bundled and forked by an editor.
        layoutRunner: new WorkerLayoutRunner(process.argv[1], reason => connection.console.warn(`Diagram layout worker unavailable (${reason}); laying out on the main thread.`))
    });
}
