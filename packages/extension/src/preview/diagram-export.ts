/**
 * The preview's export: the user picks SVG, PNG or PDF (whole drawing or fitted to pages) and a
 * file. The picture is drawn from the laid-out diagram, not from the webview's DOM, so a selection
 * or a temporary highlight never ends up in it. In VS Code for the web (no Node, so no export
 * bundle) the preview saves the SVG its page drew, as before. No Node built-in is imported here:
 * this file is part of the web extension too.
 */
import * as vscode from 'vscode';
import type { BlueprintLayout } from '@blueprint/diagram';

type ExportBundle = typeof import('./export-bundle.js');

interface ExportChoice extends vscode.QuickPickItem {
    readonly format: 'svg' | 'png' | 'pdf' | 'xlsx' | 'csv';
    readonly page?: 'a4' | 'a3' | 'slide';
}

const CHOICES: readonly ExportChoice[] = [
    { label: 'SVG', description: 'vector image, whole diagram', format: 'svg' },
    { label: 'PNG', description: 'picture for slides and documents', format: 'png' },
    { label: 'PDF', description: 'vector, selectable text, one page', format: 'pdf' },
    { label: 'PDF on A4 pages', description: 'wide blueprints split with lane headers repeated', format: 'pdf', page: 'a4' },
    { label: 'PDF on A3 pages', format: 'pdf', page: 'a3' },
    { label: 'PDF on 16:9 slides', format: 'pdf', page: 'slide' },
    // The review's tables, from the blueprint's text (the diagram does not hold them).
    { label: 'Excel workbook', description: 'steps, touchpoints, fail points, standards, time, hand-offs', format: 'xlsx' },
    { label: 'CSV', description: 'the steps table, UTF-8', format: 'csv' }
];

const FILTERS: Readonly<Record<ExportChoice['format'], Record<string, string[]>>> = {
    svg: { 'SVG image': ['svg'] }, png: { 'PNG image': ['png'] }, pdf: { 'PDF document': ['pdf'] },
    xlsx: { 'Excel workbook': ['xlsx'] }, csv: { 'CSV table': ['csv'] }
};

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
    const defaultUri = source ? source.with({ path: source.path.replace(/\.blueprint$/, '') + '.' + choice.format }) : undefined;
    const target = await vscode.window.showSaveDialog({ defaultUri, filters: FILTERS[choice.format], title: 'Export Blueprint Diagram' });
    if (!target) return;
    const dist = vscode.Uri.joinPath(extensionUri, 'dist');
    // Loaded on demand: fonts, the PDF writer and the WebAssembly renderer stay out of activation.
    const bundle = loadBundle(vscode.Uri.joinPath(dist, 'export.cjs').fsPath) as ExportBundle;
    const distDirectory = dist.fsPath;
    const format = choice.format;
    const image = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Blueprint: exporting ${choice.label}…` },
        async () => {
            if (format !== 'xlsx' && format !== 'csv') return bundle.exportDiagram(layout, format, choice.page, distDirectory);
            if (!source) throw new Error('the preview shows no file');
            return bundle.exportWorkbook(source.toString(), await documentText(source), format);
        });
    const targets = image.files.length === 1 ? [target]
        : image.files.map((_file, index) => target.with({ path: target.path.replace(/(\.\w+)?$/, `-${index + 1}$1`) }));
    for (const [index, file] of image.files.entries()) {
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
    const target = await vscode.window.showSaveDialog({ defaultUri, filters: FILTERS.svg, title: 'Export Blueprint Diagram' });
    if (!target) return;
    if (!(await save(target, new TextEncoder().encode(svg)))) return;
    void vscode.window.showInformationMessage(`Blueprint: diagram saved to ${vscode.workspace.asRelativePath(target)}.`);
}
