/**
 * Reacts to the extension's messages: shows, updates or keeps the diagram, selects steps, fits,
 * zooms and exports. Messages are handled one at a time, in order, because each may wait for
 * Sprotty to render.
 */
import type { BlueprintLayout, DiagramDiffResult, DiagramHighlights, DiagramParams } from '@blueprint/diagram';
import { inject, injectable } from 'inversify';
import { EMPTY_ROOT, RequestExportSvgAction, TYPES, type IActionDispatcher } from 'sprotty';
import { CenterAction, FitToScreenAction, SelectAction, SetViewportAction, type Bounds } from 'sprotty-protocol';
import { buildGraph, elementId } from './graph-builder.js';
import { ExtensionConnection } from './extension-connection.js';
import type { BlueprintModelSource } from './model-source.js';
import type { ExtensionToWebviewMessage, HighlightMode } from './protocol.js';
import { StatusOverlay } from './status-overlay.js';
import { WebviewStateStore } from './webview-state.js';

const FIT_PADDING = 24;
const ZOOM_STEP = 1.25;

interface ShownDiagram {
    readonly uri: string;
    readonly layout: BlueprintLayout;
    readonly highlights?: DiagramHighlights;
}

@injectable()
export class DiagramController {
    @inject(TYPES.ModelSource) protected readonly modelSource!: BlueprintModelSource;
    @inject(TYPES.IActionDispatcher) protected readonly dispatcher!: IActionDispatcher;
    @inject(ExtensionConnection) protected readonly connection!: ExtensionConnection;
    @inject(StatusOverlay) protected readonly status!: StatusOverlay;
    @inject(WebviewStateStore) protected readonly state!: WebviewStateStore;

    private shown?: ShownDiagram;
    private selected = new Set<string>();
    private highlightMode: HighlightMode = 'none';
    /** While a comparison is shown, live diagrams wait here. */
    private comparison?: { readonly pendingLive?: DiagramParams };
    private queue: Promise<void> = Promise.resolve();

    start(): void {
        this.status.show({ kind: 'waiting' });
        this.connection.listen(message => this.enqueue(() => this.handle(message)));
        window.addEventListener('pagehide', () => this.state.flush());
        this.connection.post({ kind: 'ready' });
    }

    /** Runs after everything queued so far; a failure is reported and does not stop later work. */
    enqueue(task: () => Promise<void>): Promise<void> {
        this.queue = this.queue.then(task).catch(error => {
            console.error('Blueprint diagram:', error);
            this.status.show({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
        });
        return this.queue;
    }

    protected async handle(message: ExtensionToWebviewMessage): Promise<void> {
        switch (message.kind) {
            case 'diagram':
                if (this.comparison) {
                    this.comparison = { pendingLive: message.params };
                    return;
                }
                return this.showDiagram(message.params);
            case 'diff':
                return this.showComparison(message.title, message.result);
            case 'exitDiff':
                return this.exitComparison();
            case 'select':
                return this.select(message.ids);
            case 'fit':
                return this.fit(true);
            case 'exportSvg':
                return this.exportSvg();
            case 'highlight':
                return this.setHighlight(message.mode);
        }
    }

    protected async showDiagram(params: DiagramParams): Promise<void> {
        const sameDocument = this.shown?.uri === params.uri;
        // A stale update without geometry keeps the diagram already on screen.
        const layout = params.layout ?? (params.stale && sameDocument ? this.shown?.layout : undefined);
        if (!layout) {
            if (this.shown) {
                this.shown = undefined;
                await this.modelSource.setModel(EMPTY_ROOT);
            }
            this.state.setDocument(params.uri);
            this.status.show({ kind: 'empty', errors: params.errors, message: params.message });
            return;
        }
        if (!sameDocument) {
            this.selected.clear();
        }
        const steps = new Set(layout.steps.map(step => step.id));
        this.selected = new Set([...this.selected].filter(id => steps.has(id)));
        // A stale update keeps the highlights of the layout it shows.
        const highlights = params.layout ? params.highlights : (sameDocument ? this.shown?.highlights : undefined);
        const graph = buildGraph(layout, { selected: this.selected, highlight: this.highlightSets(highlights) });
        this.state.setDocument(params.uri);
        if (this.shown && sameDocument) {
            await this.modelSource.updateModel(graph);
        } else {
            const saved = this.state.viewportFor(params.uri);
            await this.modelSource.setModel(saved ? { ...graph, scroll: saved.scroll, zoom: saved.zoom } : graph);
            if (!saved) {
                this.shown = { uri: params.uri, layout, highlights };
                await this.fit(false);
            }
        }
        this.shown = { uri: params.uri, layout, highlights };
        this.status.show(params.stale ? { kind: 'stale', errors: params.errors, message: params.message } : { kind: 'fresh' });
    }

    protected async showComparison(title: string, result: DiagramDiffResult): Promise<void> {
        if (!result.layout) return;
        const live = this.comparison?.pendingLive ?? (this.shown ? { uri: this.shown.uri, version: 0, layout: this.shown.layout, stale: false, errors: 0, highlights: this.shown.highlights } : undefined);
        this.comparison = { pendingLive: live };
        document.body.dataset.comparing = 'true';
        await this.modelSource.updateModel(buildGraph(result.layout, { classes: result.classes }));
        await this.fit(false);
        this.status.show({ kind: 'diff', title, changes: result.summary.changes, risks: result.summary.risks });
    }

    /** Back from a comparison to the live diagram (the newest one that arrived meanwhile). */
    async exitComparison(): Promise<void> {
        const pending = this.comparison?.pendingLive;
        this.comparison = undefined;
        delete document.body.dataset.comparing;
        if (pending) {
            this.shown = undefined; // redraw from scratch: the comparison replaced the graph
            await this.showDiagram(pending);
        }
    }

    /** Highlights the critical path or the fail points (or nothing); the toolbar toggles the same modes. */
    async setHighlight(mode: HighlightMode): Promise<void> {
        this.highlightMode = mode;
        document.body.dataset.highlight = mode;
        const shown = this.shown;
        if (!shown || this.comparison) return;
        await this.modelSource.updateModel(buildGraph(shown.layout, { selected: this.selected, highlight: this.highlightSets(shown.highlights) }));
    }

    get highlight(): HighlightMode {
        return this.highlightMode;
    }

    private highlightSets(highlights: DiagramHighlights | undefined): { steps: ReadonlySet<string>; flows: ReadonlySet<string> } | undefined {
        if (this.highlightMode === 'none' || !highlights) return undefined;
        return this.highlightMode === 'criticalPath'
            ? { steps: new Set(highlights.criticalPath), flows: new Set(highlights.criticalFlows) }
            : { steps: new Set(highlights.failPoints), flows: new Set() };
    }

    protected async select(ids: readonly string[]): Promise<void> {
        const shown = this.shown;
        if (!shown) {
            return;
        }
        const steps = new Map(shown.layout.steps.map(step => [step.id, step]));
        const wanted = ids.filter(id => steps.has(id));
        this.selected = new Set(wanted);
        await this.dispatcher.dispatch(SelectAction.create({
            selectedElementsIDs: wanted,
            deselectedElementsIDs: [...steps.keys()].filter(id => !this.selected.has(id))
        }));
        if (wanted.length === 0) {
            return;
        }
        const viewport = await this.modelSource.getViewport();
        const visible: Bounds = {
            x: viewport.scroll.x,
            y: viewport.scroll.y,
            width: viewport.canvasBounds.width / viewport.zoom,
            height: viewport.canvasBounds.height / viewport.zoom
        };
        const offScreen = wanted.some(id => !contains(visible, steps.get(id)!));
        if (offScreen) {
            await this.dispatcher.dispatch(CenterAction.create(wanted, { animate: true, retainZoom: true }));
        }
    }

    async fit(animate: boolean): Promise<void> {
        const shown = this.shown;
        if (!shown) {
            return;
        }
        // Fit needs explicit ids: with none, Sprotty fits the selection instead of the whole diagram.
        const ids = [
            ...shown.layout.lanes.map(lane => elementId.lane(lane.id)),
            ...shown.layout.stages.map(stage => elementId.stage(stage.id)),
            ...shown.layout.steps.map(step => step.id)
        ];
        await this.dispatcher.dispatch(FitToScreenAction.create(ids, { padding: FIT_PADDING, maxZoom: 1, animate }));
    }

    async zoom(factor: number): Promise<void> {
        if (!this.shown) {
            return;
        }
        const viewport = await this.modelSource.getViewport();
        const zoom = viewport.zoom * factor;
        // Keep the centre of the panel where it is.
        const centerX = viewport.scroll.x + viewport.canvasBounds.width / 2 / viewport.zoom;
        const centerY = viewport.scroll.y + viewport.canvasBounds.height / 2 / viewport.zoom;
        const scroll = {
            x: centerX - viewport.canvasBounds.width / 2 / zoom,
            y: centerY - viewport.canvasBounds.height / 2 / zoom
        };
        const rootId = this.modelSource.model.id;
        await this.dispatcher.dispatch(SetViewportAction.create(rootId, { scroll, zoom }, { animate: true }));
    }

    zoomIn(): Promise<void> {
        return this.enqueue(() => this.zoom(ZOOM_STEP));
    }

    zoomOut(): Promise<void> {
        return this.enqueue(() => this.zoom(1 / ZOOM_STEP));
    }

    fitAll(): Promise<void> {
        return this.enqueue(() => this.fit(true));
    }

    /** Exports the current diagram; the model source posts the result to the extension. */
    requestExport(): Promise<void> {
        return this.enqueue(() => this.exportSvg());
    }

    protected async exportSvg(): Promise<void> {
        if (!this.shown) {
            this.connection.post({ kind: 'exportedSvg', svg: '' });
            return;
        }
        await this.dispatcher.dispatch(RequestExportSvgAction.create());
    }
}

function contains(outer: Bounds, inner: { x: number; y: number; width: number; height: number }): boolean {
    return inner.x >= outer.x && inner.y >= outer.y
        && inner.x + inner.width <= outer.x + outer.width
        && inner.y + inner.height <= outer.y + outer.height;
}
