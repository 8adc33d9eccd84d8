#!/usr/bin/env node
/**
 * The Blueprint language server over stdio (`--stdio`) or Node IPC (`--node-ipc`). The same script,
 * started as a worker thread, is the diagram layout worker: the server is bundled into one file,
 * so the worker cannot be a separate one.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createBlueprintServices } from '@blueprint/language';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystemProvider } from 'langium/node';
import { DiagramDiffRequest, type DiagramDiffParams } from '@blueprint/diagram';
import { computeDiagramDiff } from './diagram-diff.js';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { DiagramBridge } from './diagram-bridge.js';
import { LAYOUT_WORKER_ROLE, WorkerLayoutRunner } from './layout-runner.js';
import { runLayoutWorker } from './layout-worker.js';
import { WorkspaceFileSystemProvider } from './workspace-file-system.js';

if (!isMainThread && (workerData as { role?: string } | undefined)?.role === LAYOUT_WORKER_ROLE) {
    runLayoutWorker(parentPort!);
} else {
    startServer();
}

function startServer(): void {
    const connection = createConnection(ProposedFeatures.all);
    // Stack traces of crashed checks go to the client's output channel; the user sees one diagnostic.
    const logInternalError = (context: string, error: unknown) => connection.console.error(`${context}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    const { shared, Blueprint } = createBlueprintServices(
        { connection, fileSystemProvider: () => new WorkspaceFileSystemProvider(() => Blueprint.workspace.FileProblems, message => connection.console.warn(message)) },
        { logInternalError });
    // process.argv[1] is this script both when run directly and when bundled and forked by an editor.
    new DiagramBridge({ shared, modelProvider: Blueprint.model.BlueprintModelProvider }, connection,
        new WorkerLayoutRunner(process.argv[1], reason => connection.console.warn(`Diagram layout worker unavailable (${reason}); laying out on the main thread.`)));
    connection.onRequest(DiagramDiffRequest, (params: DiagramDiffParams) => computeDiagramDiff(params, {
        documents: shared.workspace.LangiumDocuments,
        modelProvider: Blueprint.model.BlueprintModelProvider,
        fileSystem: () => new NodeFileSystemProvider()
    }));
    startLanguageServer(shared);
}
