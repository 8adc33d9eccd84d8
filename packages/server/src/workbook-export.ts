/**
 * `blueprint/workbook`: the review's tables of a document as the server already built them (the
 * model and the analysis its diagnostics, code lenses and diagram use), written as .xlsx or as the
 * steps table in CSV. The same in the Node server and in the web worker (exceljs runs in both);
 * the writers are loaded on the first export, not when the server starts.
 */
import type { BlueprintAnalysisProvider, BlueprintModelProvider } from '@blueprint/language';
import type { WorkbookExportParams, WorkbookExportResult } from '@blueprint/protocol';
import { toBase64 } from '@blueprint/tools';
import { DocumentState, URI, type DocumentBuilder, type LangiumSharedCoreServices } from 'langium';

export interface WorkbookExportServices {
    readonly shared: LangiumSharedCoreServices;
    readonly modelProvider: BlueprintModelProvider;
    readonly analysisProvider: BlueprintAnalysisProvider;
}

export async function exportWorkbook(params: WorkbookExportParams, services: WorkbookExportServices): Promise<WorkbookExportResult> {
    const uri = URI.parse(params.uri);
    const { LangiumDocuments, DocumentBuilder, WorkspaceManager, TextDocuments } = services.shared.workspace;
    await WorkspaceManager.ready;
    // A document opened just now is added by the build its notification started: wait for that build.
    if (!LangiumDocuments.hasDocument(uri) && TextDocuments?.get(params.uri)) await validated(DocumentBuilder, uri);
    if (!LangiumDocuments.hasDocument(uri)) return { error: 'the file is not open in the language server' };
    // The version the editor shows, linked and validated.
    await DocumentBuilder.waitUntil(DocumentState.Validated, uri);
    const document = LangiumDocuments.getDocument(uri);
    const model = document && services.modelProvider.getDocumentModel(document);
    if (!document || !model) return { error: 'the file holds no blueprint (only shared declarations)' };
    const analysis = services.analysisProvider.getDocumentAnalysis(document);
    const { exportCsv, exportXlsx } = await import('@blueprint/export/workbook');
    const bytes = params.format === 'xlsx' ? await exportXlsx(model, analysis) : new TextEncoder().encode(exportCsv(model, 'steps', analysis));
    return { data: toBase64(bytes) };
}

function validated(builder: DocumentBuilder, uri: URI): Promise<void> {
    return new Promise(resolve => {
        const listener = builder.onDocumentPhase(DocumentState.Validated, document => {
            if (document.uri.toString() !== uri.toString()) return;
            listener.dispose();
            resolve();
        });
    });
}
