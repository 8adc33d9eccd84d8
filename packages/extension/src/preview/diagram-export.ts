/**
 * The preview's export: the user picks a format from a list (pictures: SVG, PNG or PDF, whole
 * drawing or fitted to pages; files for other tools: draw.io, Mermaid; the review's tables: Excel,
 * CSV) and a file. Pictures and tool files are made from the laid-out diagram by the export bundle,
 * not from the webview's DOM, so a selection or a temporary highlight never ends up in them; the
 * tables come from the language server, which holds the blueprint's model and analysis
 * (`blueprint/workbook`). In VS Code for the web (no Node, so no export bundle) the preview saves
 * the SVG its page drew, as before: the web server answers `blueprint/workbook` too, but the
 * export from code-server's web host did not complete in the end-to-end test, so the tables are
 * not offered there yet. No Node built-in is imported here: this file is part of the web extension too.
 */
import * as vscode from 'vscode';
import type { BlueprintLayout } from '@blueprint/diagram';
import type { WorkbookExportParams, WorkbookExportResult, WorkbookFormat } from '@blueprint/protocol';
import { fromBase64 } from './base64.js';

type ExportBundle = typeof import('./export-bundle.js');

/** One row of the export list: what it is called, the file it proposes and how it is written. */
interface ExportChoice extends vscode.QuickPickItem {
    /** File name extension of the proposed file, without the dot. */
    readonly extension: string;
    /** The save dialog's filter: its name and extensions. */
    readonly filter: Readonly<Record<string, string[]>>;
    /** The files (one, or one per page). */
    readonly write: (from: ExportSource) => Promise<readonly Uint8Array[]>;
}

/** What a row draws from. */
interface ExportSource {
    readonly layout: BlueprintLayout;
    readonly source: vscode.Uri | undefined;
    /** The export bundle, loaded on first use, and the folder it sits in. */
    readonly bundle: { readonly load: () => ExportBundle; readonly distDirectory: string };
    readonly requestWorkbook: PreviewExport['requestWorkbook'];
}

function bundleOf(from: ExportSource): { readonly module: ExportBundle; readonly distDirectory: string } {
    return { module: from.bundle.load(), distDirectory: from.bundle.distDirectory };
}

const picture = (format: 'svg' | 'png' | 'pdf', page?: 'a4' | 'a3' | 'slide'): ExportChoice['write'] => async from => {
    const { module, distDirectory } = bundleOf(from);
    return (await module.exportDiagram(from.layout, format, page, distDirectory)).files;
};
const toolFile = (format: Parameters<ExportBundle['exportDocument']>[1]): ExportChoice['write'] =>
    async from => [bundleOf(from).module.exportDocument(from.layout, format)];
// The review's tables need the model and its analysis, which the diagram does not carry: the server has them.
const table = (format: WorkbookFormat): ExportChoice['write'] => async ({ source, requestWorkbook }) => {
    if (!source) throw new Error('the preview shows no file');
    const result = await requestWorkbook({ uri: source.toString(), format });
    if (result.data === undefined) throw new Error(result.error);
    return [fromBase64(result.data)];
};

const SVG_FILTER = { 'SVG image': ['svg'] }, PNG_FILTER = { 'PNG image': ['png'] }, PDF_FILTER = { 'PDF document': ['pdf'] };
const MERMAID_FILTER = { Mermaid: ['mmd', 'mermaid'] };

/** The export list, in the order shown; a new format is one more row. */
const CHOICES: readonly ExportChoice[] = [
    { label: 'SVG', description: 'vector image, whole diagram', extension: 'svg', filter: SVG_FILTER, write: picture('svg') },
    { label: 'PNG', description: 'picture for slides and documents', extension: 'png', filter: PNG_FILTER, write: picture('png') },
    { label: 'PDF', description: 'vector, selectable text, one page', extension: 'pdf', filter: PDF_FILTER, write: picture('pdf') },
    { label: 'PDF on A4 pages', description: 'wide blueprints split with lane headers repeated', extension: 'pdf', filter: PDF_FILTER, write: picture('pdf', 'a4') },
    { label: 'PDF on A3 pages', extension: 'pdf', filter: PDF_FILTER, write: picture('pdf', 'a3') },
    { label: 'PDF on 16:9 slides', extension: 'pdf', filter: PDF_FILTER, write: picture('pdf', 'slide') },
    { label: 'draw.io', description: 'editable in diagrams.net; Miro imports it', extension: 'drawio', filter: { 'draw.io diagram': ['drawio'] }, write: toolFile('drawio') },
    { label: 'Mermaid', description: 'flowchart for GitHub and wiki Markdown', extension: 'mmd', filter: MERMAID_FILTER, write: toolFile('mermaid') },
    { label: 'Mermaid swimlanes', description: 'swimlane-beta, Mermaid 11.16 or later', extension: 'mmd', filter: MERMAID_FILTER, write: toolFile('mermaid-swimlane') },
    { label: 'Excel workbook', description: 'steps, touchpoints, fail points, standards, time, hand-offs', extension: 'xlsx', filter: { 'Excel workbook': ['xlsx'] }, write: table('xlsx') },
    { label: 'CSV', description: 'the steps table, UTF-8', extension: 'csv', filter: { 'CSV table': ['csv'] }, write: table('csv') }
];

export interface PreviewExport {
    readonly layout: BlueprintLayout | undefined;
    /** The previewed .blueprint file: the proposed name sits beside it. */
    readonly source: vscode.Uri | undefined;
    readonly extensionUri: vscode.Uri;
    /** What the page drew, saved as it is where there is no export bundle (VS Code for the web). */
    readonly webviewSvg: string;
    /** Writes a file safely (atomically); false when it failed and the user was told. */
    readonly save: (target: vscode.Uri, content: Uint8Array) => Promise<boolean>;
    /** `blueprint/workbook` to the language server. */
    readonly requestWorkbook: (params: WorkbookExportParams) => Promise<WorkbookExportResult>;
}

export async function exportPreviewDiagram({ layout, source, extensionUri, webviewSvg, save, requestWorkbook }: PreviewExport): Promise<void> {
    if (!layout || !webviewSvg) {
        void vscode.window.showWarningMessage('Blueprint: there is no diagram to export yet (the blueprint has errors or is still loading).');
        return;
    }
    const loadBundle = nodeRequire();
    if (!loadBundle) {
        await saveWebviewSvg(webviewSvg, source, save);
        return;
    }
    const choice = await vscode.window.showQuickPick(CHOICES, { title: 'Export Blueprint Diagram', placeHolder: 'Format' });
    if (!choice) return;
    const defaultUri = source ? source.with({ path: source.path.replace(/\.blueprint$/, '') + '.' + choice.extension }) : undefined;
    const target = await vscode.window.showSaveDialog({ defaultUri, filters: { ...choice.filter }, title: 'Export Blueprint Diagram' });
    if (!target) return;
    const dist = vscode.Uri.joinPath(extensionUri, 'dist');
    // Loaded on demand: fonts, the PDF writer and the WebAssembly renderer stay out of activation.
    const bundle = { load: () => loadBundle(vscode.Uri.joinPath(dist, 'export.cjs').fsPath) as ExportBundle, distDirectory: dist.fsPath };
    let files: readonly Uint8Array[];
    try {
        files = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Blueprint: exporting ${choice.label}…` },
            () => choice.write({ layout, source, bundle, requestWorkbook }));
    } catch (error) {
        void vscode.window.showErrorMessage(`Blueprint: could not export ${choice.label}: ${error instanceof Error ? error.message : String(error)}`);
        return;
    }
    const targets = files.length === 1 ? [target]
        : files.map((_file, index) => target.with({ path: target.path.replace(/(\.\w+)?$/, `-${index + 1}$1`) }));
    for (const [index, file] of files.entries()) {
        if (!(await save(targets[index], file))) return;
    }
    void vscode.window.showInformationMessage(`Blueprint: diagram saved to ${targets.map(uri => vscode.workspace.asRelativePath(uri)).join(', ')}.`);
}

/** Node's `require` in the desktop extension host; undefined in the web worker extension host. */
function nodeRequire(): ((file: string) => unknown) | undefined {
    const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return isNode && typeof require === 'function' ? require : undefined;
}

async function saveWebviewSvg(svg: string, source: vscode.Uri | undefined, save: PreviewExport['save']): Promise<void> {
    const defaultUri = source ? source.with({ path: source.path.replace(/\.blueprint$/, '') + '.svg' }) : undefined;
    const target = await vscode.window.showSaveDialog({ defaultUri, filters: SVG_FILTER, title: 'Export Blueprint Diagram' });
    if (!target) return;
    if (!(await save(target, new TextEncoder().encode(svg)))) return;
    void vscode.window.showInformationMessage(`Blueprint: diagram saved to ${vscode.workspace.asRelativePath(target)}.`);
}
