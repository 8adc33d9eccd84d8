/**
 * The diagram preview: one webview panel that shows the blueprint of the active `.blueprint` editor
 * (like Markdown's preview, it follows the editor). The language server lays the diagram out after
 * each validated build of the previewed document and sends it as `blueprint/diagram`; the panel
 * forwards it to the webview, at most once per `blueprint.preview.debounceMs`.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
    DiagramCloseNotification, DiagramNotification, DiagramOpenNotification, WorkbookExportRequest, patchForReceiver, resolveFromSender,
    type DiagramDiffResult, type DiagramOpenParams, type DiagramParams, type HeldDiagram, type WorkbookExportResult
} from '@blueprint/protocol';
import { webviewHtml } from '@blueprint/webview';
import type { ExtensionToWebviewMessage, WebviewToExtensionMessage } from '@blueprint/protocol';
import { LANGUAGE_ID } from '../client-options.js';
import { saveAtomically, temporaryName } from './atomic-save.js';
import { debounce } from './debounce.js';
import { exportPreviewDiagram } from './diagram-export.js';
import { findStep, stepsAtPosition } from './step-at-position.js';
import { parsePreviewTheme, withThemeOverride } from './theme-override.js';
import { workspaceOutputRefusal } from '../output-target-vscode.js';

export const PREVIEW_VIEW_TYPE = 'blueprint.preview';
const PREVIEW_OPEN_CONTEXT = 'blueprintPreviewOpen';

export class BlueprintPreview implements vscode.Disposable, vscode.WebviewPanelSerializer {
    private panel?: vscode.WebviewPanel;
    private panelDisposables: vscode.Disposable[] = [];
    private readonly disposables: vscode.Disposable[] = [];
    /** The previewed document. */
    private document?: vscode.Uri;
    /** The latest diagram of that document (kept for cursor lookups and for a reloaded page). */
    private diagram?: DiagramParams;
    /** The layout the server patches next (the last one it sent with geometry). */
    private fromServer?: HeldDiagram;
    /** The layout the page holds, which the next diagram posted to it patches. */
    private onPage?: HeldDiagram;
    private webviewReady = false;
    /** A comparison to show as soon as the page is ready. */
    private pendingComparison?: ExtensionToWebviewMessage;
    private readonly forwardDiagram = debounce<DiagramParams>(params => this.postDiagram(params), () => this.debounceMs());

    constructor(
        private readonly context: vscode.ExtensionContext,
        private readonly client: BaseLanguageClient,
        private readonly clientStarted: Promise<void>
    ) {
        this.disposables.push(
            client.onNotification(DiagramNotification.method, (params: DiagramParams) => this.onDiagram(params)),
            vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, this),
            vscode.commands.registerCommand('blueprint.openPreview', (uri?: vscode.Uri) => this.open(uri, false)),
            vscode.commands.registerCommand('blueprint.openPreviewToSide', (uri?: vscode.Uri) => this.open(uri, true)),
            vscode.commands.registerCommand('blueprint.preview.fit', () => this.post({ kind: 'fit' })),
            vscode.commands.registerCommand('blueprint.preview.exportSvg', () => this.post({ kind: 'exportSvg' })),
            vscode.commands.registerCommand('blueprint.preview.highlightCriticalPath', () => this.post({ kind: 'highlight', mode: 'criticalPath' })),
            vscode.commands.registerCommand('blueprint.preview.highlightFailPoints', () => this.post({ kind: 'highlight', mode: 'failPoints' })),
            vscode.commands.registerCommand('blueprint.preview.clearHighlights', () => this.post({ kind: 'highlight', mode: 'none' })),
            vscode.commands.registerCommand('blueprint.preview.exitComparison', () => this.post({ kind: 'exitDiff' })),
            vscode.window.onDidChangeActiveTextEditor(editor => this.followEditor(editor)),
            vscode.window.onDidChangeTextEditorSelection(event => this.onSelection(event.textEditor)),
            vscode.workspace.onDidChangeConfiguration(event => {
                if (event.affectsConfiguration('blueprint.preview.theme')) {
                    this.render();
                }
            })
        );
    }

    /** Opens (or reveals) the preview of `uri`, or of the active blueprint editor. */
    async open(uri: vscode.Uri | undefined, toTheSide: boolean): Promise<void> {
        const target = uri ?? activeBlueprintEditor()?.document.uri;
        if (!target) {
            void vscode.window.showInformationMessage('Open a .blueprint file to preview its diagram.');
            return;
        }
        const column = toTheSide ? vscode.ViewColumn.Beside : (vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.One);
        if (this.panel) {
            this.panel.reveal(column, toTheSide);
        } else {
            const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Blueprint Preview', { viewColumn: column, preserveFocus: toTheSide }, this.webviewOptions());
            this.adopt(panel);
        }
        await this.showDocument(target);
    }

    /** Restores a preview after a reload; `state` is what the webview saved (`{ uri, viewport }`). */
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
        const uri = typeof state === 'object' && state !== null && typeof (state as { uri?: unknown }).uri === 'string'
            ? vscode.Uri.parse((state as { uri: string }).uri)
            : activeBlueprintEditor()?.document.uri;
        if (this.panel) {
            // Only one preview: a second restored panel is closed.
            panel.dispose();
            return;
        }
        panel.webview.options = this.webviewOptions();
        this.adopt(panel);
        if (uri) {
            await this.showDocument(uri);
        }
    }

    dispose(): void {
        this.panel?.dispose();
        this.forwardDiagram.cancel();
        vscode.Disposable.from(...this.disposables).dispose();
    }

    private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
        return {
            enableScripts: true,
            // The page loads only the bundled webview script and style sheet.
            localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'dist'), vscode.Uri.joinPath(this.context.extensionUri, 'media')],
            // The page is rebuilt when shown again; the webview restores zoom and scroll from its state.
            retainContextWhenHidden: false,
            enableFindWidget: false
        };
    }

    private adopt(panel: vscode.WebviewPanel): void {
        this.panel = panel;
        panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'media', 'blueprint-file.svg');
        this.panelDisposables.push(
            panel.webview.onDidReceiveMessage((message: WebviewToExtensionMessage) => this.onMessage(message)),
            panel.onDidDispose(() => this.onPanelDisposed())
        );
        void vscode.commands.executeCommand('setContext', PREVIEW_OPEN_CONTEXT, true);
        this.render();
    }

    /** (Re)loads the page; it answers `ready`, and then gets the current diagram. */
    private render(): void {
        if (!this.panel) {
            return;
        }
        const webview = this.panel.webview;
        const dist = vscode.Uri.joinPath(this.context.extensionUri, 'dist');
        const nonce = createNonce();
        const html = webviewHtml({
            scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
            styleUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.css')).toString(),
            cspSource: webview.cspSource,
            nonce,
            title: this.panel.title
        });
        this.webviewReady = false;
        this.onPage = undefined;
        webview.html = withThemeOverride(html, parsePreviewTheme(vscode.workspace.getConfiguration('blueprint.preview').get('theme')), nonce);
    }

    private async showDocument(uri: vscode.Uri): Promise<void> {
        if (this.document?.toString() === uri.toString()) {
            return;
        }
        const previous = this.document;
        this.document = uri;
        this.diagram = undefined;
        this.fromServer = undefined;
        this.forwardDiagram.cancel();
        if (this.panel) {
            this.panel.title = `Preview ${basename(uri)}`;
        }
        await this.clientStarted;
        if (previous) {
            await this.client.sendNotification(DiagramCloseNotification.method, { uri: previous.toString() } satisfies DiagramOpenParams);
        }
        await this.client.sendNotification(DiagramOpenNotification.method, { uri: uri.toString(), patches: true } satisfies DiagramOpenParams);
    }

    private followEditor(editor: vscode.TextEditor | undefined): void {
        if (this.panel && editor?.document.languageId === LANGUAGE_ID) {
            void this.showDocument(editor.document.uri);
        }
    }

    private onDiagram(received: DiagramParams): void {
        if (!this.panel || received.uri !== this.document?.toString()) {
            return;
        }
        const resolved = resolveFromSender(this.fromServer, received);
        if (!resolved) {
            // A patch without its base: ask again, and the server answers with the whole diagram.
            void this.client.sendNotification(DiagramOpenNotification.method, { uri: received.uri, patches: true } satisfies DiagramOpenParams);
            return;
        }
        const { params } = resolved;
        this.fromServer = resolved.held;
        const first = this.diagram === undefined;
        this.diagram = params;
        if (first) {
            // The first diagram of a document shows at once (with the cursor's step in view); later edits are debounced.
            this.postDiagram(params, this.cursorSteps(params));
        } else {
            this.forwardDiagram(params);
        }
    }

    /** The steps at the cursor of the previewed document's editor, for the page to open on. */
    private cursorSteps(params: DiagramParams): string[] | undefined {
        const editor = vscode.window.visibleTextEditors.find(candidate => candidate.document.uri.toString() === params.uri);
        if (!editor || !params.layout) {
            return undefined;
        }
        const { line, character } = editor.selection.active;
        const steps = stepsAtPosition(params.layout, { line, character });
        return steps.length > 0 ? steps : undefined;
    }

    private onSelection(editor: vscode.TextEditor): void {
        if (!this.panel || !this.diagram?.layout || editor.document.uri.toString() !== this.document?.toString()) {
            return;
        }
        const { line, character } = editor.selection.active;
        this.post({ kind: 'select', ids: stepsAtPosition(this.diagram.layout, { line, character }) });
    }

    private onMessage(message: WebviewToExtensionMessage): void {
        switch (message?.kind) {
            case 'ready':
                this.webviewReady = true;
                this.onPage = undefined;
                if (this.diagram) {
                    this.postDiagram(this.diagram, this.cursorSteps(this.diagram));
                }
                if (this.pendingComparison) {
                    this.post(this.pendingComparison);
                    this.pendingComparison = undefined;
                }
                return;
            case 'needDiagram':
                // The page could not apply a patch (it missed its base): it gets the whole diagram.
                this.onPage = undefined;
                if (this.diagram) this.postDiagram(this.diagram);
                return;
            case 'reveal':
                void this.reveal(String(message.id));
                return;
            case 'exportedSvg':
                // The webview's export button: the file is drawn from the layout, in the format the user picks.
                void exportPreviewDiagram({
                    layout: this.diagram?.layout,
                    source: this.document,
                    extensionUri: this.context.extensionUri,
                    webviewSvg: typeof message.svg === 'string' ? message.svg : '',
                    save: (target, content) => this.saveFile(target, content),
                    requestWorkbook: params => this.client.sendRequest(WorkbookExportRequest.method, params) as Promise<WorkbookExportResult>
                });
                return;
        }
    }

    /** Shows the step in the text: opens the document beside the preview and selects the step. */
    private async reveal(id: string): Promise<void> {
        const range = findStep(this.diagram?.layout, id)?.range;
        if (!range || !this.document) {
            return;
        }
        const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
        const visible = vscode.window.visibleTextEditors.find(editor => editor.document.uri.toString() === this.document?.toString());
        const editor = await vscode.window.showTextDocument(this.document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One });
        // Anchor at the end, cursor at the start: the step's header stays where the eye lands.
        editor.selection = new vscode.Selection(selection.end, selection.start);
        editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }

    /** Writes one exported file without ever losing the one it replaces; false (and a message) on failure. */
    private async saveFile(target: vscode.Uri, content: Uint8Array): Promise<boolean> {
        // The save dialog lets one pick the blueprint itself: never write a drawing over a blueprint source.
        const refusal = await workspaceOutputRefusal(target, this.document ? [this.document] : [], 'the exported diagram');
        if (refusal) {
            void vscode.window.showErrorMessage(`Blueprint: ${refusal}.`);
            return false;
        }
        const temporary = vscode.Uri.joinPath(target, '..', temporaryName(basename(target), uniqueSuffix()));
        try {
            await saveAtomically(vscode.workspace.fs, target, temporary, content);
            return true;
        } catch (error) {
            void vscode.window.showErrorMessage(`Blueprint: could not save the diagram to ${vscode.workspace.asRelativePath(target)}: ${error instanceof Error ? error.message : String(error)}`);
            return false;
        }
    }

    /** Shows a comparison (from the "Compare with Git" commands) in the preview, opening it if needed. */
    async showComparison(uri: vscode.Uri, title: string, result: DiagramDiffResult): Promise<void> {
        this.pendingComparison = { kind: 'diff', title, result };
        await this.open(uri, true);
        if (this.webviewReady) {
            this.post(this.pendingComparison);
            this.pendingComparison = undefined;
        }
    }

    /** Posts a diagram to the page, as a patch of the layout it holds when it holds one. */
    private postDiagram(params: DiagramParams, focus?: string[]): void {
        if (!this.panel || !this.webviewReady) return;
        const step = patchForReceiver(this.onPage, params);
        this.onPage = step.held;
        this.post({ kind: 'diagram', params: step.params, ...(focus ? { focus } : {}) });
    }

    private post(message: ExtensionToWebviewMessage): void {
        // Before `ready` the page does not listen yet; it gets the current diagram when it is.
        if (this.panel && this.webviewReady) {
            void this.panel.webview.postMessage(message);
        }
    }

    private onPanelDisposed(): void {
        const document = this.document;
        this.panel = undefined;
        this.document = undefined;
        this.diagram = undefined;
        this.fromServer = undefined;
        this.onPage = undefined;
        this.webviewReady = false;
        this.forwardDiagram.cancel();
        vscode.Disposable.from(...this.panelDisposables).dispose();
        this.panelDisposables = [];
        void vscode.commands.executeCommand('setContext', PREVIEW_OPEN_CONTEXT, false);
        if (document) {
            void this.clientStarted.then(() => this.client.sendNotification(DiagramCloseNotification.method, { uri: document.toString() } satisfies DiagramOpenParams));
        }
    }

    private debounceMs(): number {
        const value = vscode.workspace.getConfiguration('blueprint.preview').get<number>('debounceMs', 300);
        return typeof value === 'number' && Number.isFinite(value) ? value : 300;
    }
}

function activeBlueprintEditor(): vscode.TextEditor | undefined {
    const editor = vscode.window.activeTextEditor;
    return editor?.document.languageId === LANGUAGE_ID ? editor : undefined;
}

function basename(uri: vscode.Uri): string {
    return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** A CSP nonce from the Web Crypto API, which both extension hosts (Node and web worker) have. */
function createNonce(): string {
    const bytes = crypto.getRandomValues(new Uint8Array(18));
    return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
}

/** Eight hex digits for a temporary file's name (Web Crypto: the web extension has no node:crypto). */
function uniqueSuffix(): string {
    return Array.from(crypto.getRandomValues(new Uint8Array(4)), byte => byte.toString(16).padStart(2, '0')).join('');
}
