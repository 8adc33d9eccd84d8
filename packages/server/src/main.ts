#!/usr/bin/env node
/**
 * The Blueprint language server over stdio (`--stdio`) or Node IPC (`--node-ipc`). The same script,
 * started as a worker thread, is the diagram layout worker: the server is bundled into one file,
 * so the worker cannot be a separate one.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createBlueprintServices } from '@blueprint/language';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem, NodeFileSystemProvider } from 'langium/node';
import { DiagramDiffRequest, type DiagramDiffParams } from '@blueprint/diagram';
import { computeDiagramDiff } from './diagram-diff.js';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { DiagramBridge } from './diagram-bridge.js';
import { LAYOUT_WORKER_ROLE, WorkerLayoutRunner } from './layout-runner.js';
import { runLayoutWorker } from './layout-worker.js';

if (!isMainThread && (workerData as { role?: string } | undefined)?.role === LAYOUT_WORKER_ROLE) {
    runLayoutWorker(parentPort!);
} else {
    startServer();
}

function startServer(): void {
    const connection = createConnection(ProposedFeatures.all);
    const { shared, Blueprint } = createBlueprintServices({ connection, ...NodeFileSystem });
    // process.argv[1] is this script both when run directly and when bundled and forked by an editor.
    new DiagramBridge({ shared, modelProvider: Blueprint.model.BlueprintModelProvider, analysisProvider: Blueprint.model.BlueprintAnalysisProvider }, connection,
        new WorkerLayoutRunner(process.argv[1], reason => connection.console.warn(`Diagram layout worker unavailable (${reason}); laying out on the main thread.`)));
    connection.onRequest(DiagramDiffRequest, (params: DiagramDiffParams) => computeDiagramDiff(params, {
        documents: shared.workspace.LangiumDocuments,
        modelProvider: Blueprint.model.BlueprintModelProvider,
        fileSystem: () => new NodeFileSystemProvider()
    }));
    startLanguageServer(shared);
}
