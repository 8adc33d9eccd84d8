/**
 * What the webview keeps in `vscode.setState`, so a panel that was hidden (and whose page VS Code
 * destroyed) comes back at the same scroll and zoom.
 */
import { inject, injectable } from 'inversify';
import type { Viewport } from 'sprotty-protocol';
import { BlueprintTypes, type VsCodeApi } from './vscode-api.js';

export interface WebviewState {
    /** The document the viewport belongs to. */
    readonly uri?: string;
    readonly viewport?: Viewport;
}

/** Writes at most this often while the user pans or zooms. */
const SAVE_DELAY_MS = 150;

@injectable()
export class WebviewStateStore {
    @inject(BlueprintTypes.VsCodeApi) protected readonly vscode!: VsCodeApi;

    private state?: WebviewState;
    private saveTimer?: ReturnType<typeof setTimeout>;

    get current(): WebviewState {
        if (!this.state) {
            this.state = readState(this.vscode.getState());
        }
        return this.state;
    }

    /** The saved viewport, when it belongs to this document. */
    viewportFor(uri: string): Viewport | undefined {
        const state = this.current;
        return state.uri === uri ? state.viewport : undefined;
    }

    setDocument(uri: string): void {
        if (this.current.uri !== uri) {
            this.state = { uri };
            this.flush();
        }
    }

    setViewport(viewport: Viewport): void {
        const previous = this.current.viewport;
        if (previous && previous.zoom === viewport.zoom && previous.scroll.x === viewport.scroll.x && previous.scroll.y === viewport.scroll.y) {
            return;
        }
        this.state = { ...this.current, viewport: { scroll: { x: viewport.scroll.x, y: viewport.scroll.y }, zoom: viewport.zoom } };
        if (this.saveTimer === undefined) {
            this.saveTimer = setTimeout(() => this.flush(), SAVE_DELAY_MS);
        }
    }

    flush(): void {
        if (this.saveTimer !== undefined) {
            clearTimeout(this.saveTimer);
            this.saveTimer = undefined;
        }
        this.vscode.setState(this.current);
    }
}

function readState(raw: unknown): WebviewState {
    if (typeof raw !== 'object' || raw === null) {
        return {};
    }
    const candidate = raw as { uri?: unknown; viewport?: { scroll?: { x?: unknown; y?: unknown }; zoom?: unknown } };
    const uri = typeof candidate.uri === 'string' ? candidate.uri : undefined;
    const viewport = candidate.viewport;
    if (viewport && typeof viewport.zoom === 'number' && viewport.zoom > 0
        && typeof viewport.scroll?.x === 'number' && typeof viewport.scroll.y === 'number') {
        return { uri, viewport: { scroll: { x: viewport.scroll.x, y: viewport.scroll.y }, zoom: viewport.zoom } };
    }
    return { uri };
}
