/**
 * Messages between the VS Code extension and the diagram webview (`postMessage` in both directions).
 * The extension imports these types; the webview checks incoming data against them at runtime.
 */
import type { DiagramDiffResult, DiagramParams } from './diagram.js';
import type { ListPatch, RecordPatch } from './record-patch.js';

/** Extension → webview: show (or refresh) the diagram of a document. */
export interface DiagramMessage {
    readonly kind: 'diagram';
    readonly params: DiagramParams;
    /** The steps at the editor's cursor: a newly shown document opens with them in view (else the start step). */
    readonly focus?: readonly string[];
}

/** Extension → webview: the cursor moved in the text; highlight these steps and scroll them into view. */
export interface SelectMessage {
    readonly kind: 'select';
    readonly ids: string[];
}

/** Extension → webview: fit the whole diagram into the panel. */
export interface FitMessage {
    readonly kind: 'fit';
}

/** Extension → webview: answer with an `exportedSvg` message. */
export interface ExportSvgMessage {
    readonly kind: 'exportSvg';
}

/** What the diagram emphasises: nothing, the critical path, or the steps with fail points. */
export type HighlightMode = 'none' | 'criticalPath' | 'failPoints';

/** Extension → webview: highlight on demand (the toolbar toggles the same modes). */
export interface HighlightMessage {
    readonly kind: 'highlight';
    readonly mode: HighlightMode;
}

/** Extension → webview: show a comparison with an older version (from git) instead of the live diagram. */
export interface DiffMessage {
    readonly kind: 'diff';
    readonly title: string;
    readonly result: DiagramDiffResult;
}

/** Extension → webview: leave the comparison and show the live diagram again. */
export interface ExitDiffMessage {
    readonly kind: 'exitDiff';
}

export type ExtensionToWebviewMessage = DiagramMessage | SelectMessage | FitMessage | ExportSvgMessage | HighlightMessage
    | DiffMessage | ExitDiffMessage;

/** Webview → extension: posted once when the page has loaded and listens for messages. */
export interface ReadyMessage {
    readonly kind: 'ready';
}

/** Webview → extension: a step (or evidence box) was clicked; reveal it in the text. */
export interface RevealMessage {
    readonly kind: 'reveal';
    readonly id: string;
}

/**
 * Webview → extension: a standalone SVG of the current diagram with inlined styles. Sent as the answer
 * to `exportSvg` and also when the user presses the toolbar's export button. `svg` is empty when
 * there is no diagram to export.
 */
export interface ExportedSvgMessage {
    readonly kind: 'exportedSvg';
    readonly svg: string;
}

/**
 * Webview → extension: a diagram came as a patch of a layout the page does not hold (or one that does
 * not apply); the extension answers with the whole diagram.
 */
export interface NeedDiagramMessage {
    readonly kind: 'needDiagram';
}

export type WebviewToExtensionMessage = ReadyMessage | RevealMessage | ExportedSvgMessage | NeedDiagramMessage;

/** Runtime check of messages coming from the extension (the webview must not trust their shape). */
export function isExtensionToWebviewMessage(data: unknown): data is ExtensionToWebviewMessage {
    if (typeof data !== 'object' || data === null) {
        return false;
    }
    const message = data as { kind?: unknown; params?: unknown; ids?: unknown; mode?: unknown; title?: unknown; result?: unknown; focus?: unknown };
    switch (message.kind) {
        case 'diagram':
            return isDiagramParams(message.params)
                && (message.focus === undefined || (Array.isArray(message.focus) && message.focus.every(id => typeof id === 'string')));
        case 'select':
            return Array.isArray(message.ids) && message.ids.every(id => typeof id === 'string');
        case 'fit':
        case 'exportSvg':
            return true;
        case 'diff': {
            const result = message.result as Partial<DiagramDiffResult> | null | undefined;
            return typeof message.title === 'string' && typeof result === 'object' && result !== null
                && typeof result.layout === 'object' && result.layout !== null
                && typeof result.classes === 'object' && result.classes !== null && Array.isArray(result.changes);
        }
        case 'exitDiff':
            return true;
        case 'highlight':
            return message.mode === 'none' || message.mode === 'criticalPath' || message.mode === 'failPoints';
        default:
            return false;
    }
}

function isDiagramParams(value: unknown): value is DiagramParams {
    if (typeof value !== 'object' || value === null) {
        return false;
    }
    const params = value as Partial<Record<keyof DiagramParams, unknown>>;
    return typeof params.uri === 'string'
        && typeof params.stale === 'boolean'
        && (params.layout === undefined || (typeof params.layout === 'object' && params.layout !== null))
        && (params.patch === undefined || isRecordPatch(params.patch))
        && (params.errors === undefined || typeof params.errors === 'number')
        && (params.message === undefined || typeof params.message === 'string');
}

/** The shape of a patch (what `applyRecordPatch` walks); whether it applies is found when it is applied. */
function isRecordPatch(value: unknown): boolean {
    if (typeof value !== 'object' || value === null) return false;
    const patch = value as Partial<Record<keyof RecordPatch, unknown>>;
    const isRecord = (field: unknown) => typeof field === 'object' && field !== null && !Array.isArray(field);
    return typeof patch.base === 'number' && isRecord(patch.set) && Array.isArray(patch.unset) && isRecord(patch.lists)
        && Object.values(patch.lists as object).every(list => isRecord(list) && Array.isArray((list as ListPatch).upsert))
        && (patch.movedWith === undefined || Array.isArray(patch.movedWith));
}
