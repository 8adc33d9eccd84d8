/**
 * The Blueprint language server on a connection, the same in Node and in the browser: Langium's
 * LSP services, the diagram bridge and the comparison request. Where files come from and where
 * layouts run is the host's choice (main.ts for Node, browser-main.ts for a web worker).
 */
import {
    AssistantToolRequest, DiagramDiffRequest, WorkbookExportRequest, type AssistantToolParams, type DiagramDiffParams, type WorkbookExportParams
} from '@blueprint/protocol';
import { createBlueprintServices, type FileProblems } from '@blueprint/language';
import type { FileSystemProvider } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import { DiagramBridge } from './diagram-bridge.js';
import { runAssistantTool } from './assistant-tools.js';
import { computeDiagramDiff } from './diagram-diff.js';
import { EditorSettings } from './editor-settings.js';
import { exportWorkbook } from './workbook-export.js';
import type { LayoutRunner } from './layout-runner.js';

export interface ServerHost {
    readonly connection: Connection;
    /** The workspace's files (also read for the old side of a comparison). */
    readonly fileSystem: () => FileSystemProvider;
    readonly layoutRunner: LayoutRunner;
    /** Files the host's file system could not use (see workspace-file-system.ts), reported on each file. */
    readonly fileProblems?: FileProblems;
}

export function startBlueprintServer(host: ServerHost): void {
    const { connection } = host;
    // Stack traces of crashed checks go to the client's output channel; the user sees one diagnostic.
    const logInternalError = (context: string, error: unknown) => connection.console.error(`${context}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    const { shared, Blueprint } = createBlueprintServices({ connection, fileSystemProvider: host.fileSystem }, { logInternalError, fileProblems: host.fileProblems });
    // blueprint.rules and blueprint.layout.* from the editor, applied without a restart.
    const settings = new EditorSettings(shared, Blueprint);
    settings.listen();
    new DiagramBridge({
        shared, modelProvider: Blueprint.model.BlueprintModelProvider, analysisProvider: Blueprint.model.BlueprintAnalysisProvider,
        spacing: () => settings.spacing
    }, connection, host.layoutRunner);
    connection.onRequest(DiagramDiffRequest.method, (params: DiagramDiffParams) => computeDiagramDiff(params, {
        documents: shared.workspace.LangiumDocuments,
        modelProvider: Blueprint.model.BlueprintModelProvider,
        fileSystem: host.fileSystem
    }));
    // The editor's language-model tools (check, analyse, render, …): see assistant-tools.ts.
    connection.onRequest(AssistantToolRequest.method, (params: AssistantToolParams) => runAssistantTool(params, {
        fileSystem: host.fileSystem,
        openText: uri => shared.workspace.TextDocuments.get(uri)?.getText()
    }));
    // The preview's Excel and CSV export, from the model and analysis held for the document.
    connection.onRequest(WorkbookExportRequest.method, (params: WorkbookExportParams) => exportWorkbook(params, {
        shared, modelProvider: Blueprint.model.BlueprintModelProvider, analysisProvider: Blueprint.model.BlueprintAnalysisProvider
    }));
    startLanguageServer(shared);
}
