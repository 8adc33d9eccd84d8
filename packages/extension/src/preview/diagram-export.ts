/**
 * The preview's export: the user picks a format from a list (pictures: SVG, PNG or PDF, whole
 * drawing or fitted to pages; files for other tools: draw.io, Mermaid) and a file. Everything is
 * made from the laid-out diagram, not from the webview's DOM, so a selection or a temporary
 * highlight never ends up in it. In VS Code for the web (no Node, so no export bundle) the preview
 * saves the SVG its page drew, as before. No Node built-in is imported here: this file is part of
 * the web extension too.
 */
import * as vscode from 'vscode';
import type { BlueprintLayout } from '@blueprint/diagram';

type ExportBundle = typeof import('./export-bundle.js');

/** One row of the export list: what it is called, the file it proposes and how the bundle writes it. */
interface ExportChoice extends vscode.QuickPickItem {
    /** File name extension of the proposed file, without the dot. */
    readonly extension: string;
    /** The save dialog's filter: its name and extensions. */
    readonly filter: Readonly<Record<string, string[]>>;
    /** The files (one, or one per page) in the export bundle. */
    readonly write: (bundle: ExportBundle, from: ExportSource) => Promise<readonly Uint8Array[]>;
}

/** What a row draws from: the preview's layout, and for the review's tables the blueprint's text. */
interface ExportSource {
    readonly layout: BlueprintLayout;
    readonly distDirectory: string;
    readonly source: vscode.Uri | undefined;
}

const picture = (format: 'svg' | 'png' | 'pdf', page?: 'a4' | 'a3' | 'slide'): ExportChoice['write'] =>
    async (bundle, { layout, distDirectory }) => (await bundle.exportDiagram(layout, format, page, distDirectory)).files;
const toolFile = (format: Parameters<ExportBundle['exportDocument']>[1]): ExportChoice['write'] =>
    async (bundle, { layout }) => [bundle.exportDocument(layout, format)];
// The review's tables come from the blueprint's text (the diagram does not hold them).
const table = (format: 'xlsx' | 'csv'): ExportChoice['write'] => async (bundle, { source }) => {
    if (!source) throw new Error('the preview shows no file');
    return (await bundle.exportWorkbook(source.toString(), await documentText(source), format)).files;
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
}

export async function exportPreviewDiagram({ layout, source, extensionUri, webviewSvg, save }: PreviewExport): Promise<void> {
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
    const bundle = loadBundle(vscode.Uri.joinPath(dist, 'export.cjs').fsPath) as ExportBundle;
    const distDirectory = dist.fsPath;
    const files = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Blueprint: exporting ${choice.label}…` },
        () => choice.write(bundle, { layout, distDirectory, source }));
    const targets = files.length === 1 ? [target]
        : files.map((_file, index) => target.with({ path: target.path.replace(/(\.\w+)?$/, `-${index + 1}$1`) }));
    for (const [index, file] of files.entries()) {
        if (!(await save(targets[index], file))) return;
    }
    void vscode.window.showInformationMessage(`Blueprint: diagram saved to ${targets.map(uri => vscode.workspace.asRelativePath(uri)).join(', ')}.`);
}

/** The text as the editor has it (unsaved edits included), else as saved. */
async function documentText(uri: vscode.Uri): Promise<string> {
    const open = vscode.workspace.textDocuments.find(document => document.uri.toString() === uri.toString());
    return open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
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
