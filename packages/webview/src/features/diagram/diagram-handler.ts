/**
 * Shows the live diagram: a new document opens at 100 % with the cursor's (or the start) step in
 * view, an edit updates the model in place, a stale update without geometry keeps the last good
 * diagram under a banner. While a comparison is shown, live diagrams wait. A diagram may come as a
 * patch of the one before (see @blueprint/protocol's diagram-stream); one the page cannot apply is
 * asked for again whole.
 */
import { resolveFromSender, type DiagramParams } from '@blueprint/protocol';
import { inject, injectable } from 'inversify';
import { EMPTY_ROOT, TYPES, type IActionDispatcher, type IActionHandler } from 'sprotty';
import type { Action } from 'sprotty-protocol';
import { ActionQueue } from '../../base/action-queue.js';
import { DiagramState } from '../../base/diagram-state.js';
import { ExtensionConnection } from '../../extension-connection.js';
import { buildGraph } from '../../graph-builder.js';
import type { BlueprintModelSource } from '../../model-source.js';
import type { BlueprintGraphSchema } from '../../schema.js';
import { StatusOverlay } from '../../status-overlay.js';
import { WebviewStateStore } from '../../webview-state.js';
import { ShowStepsAction } from '../viewport/actions.js';
import { startStep } from '../viewport/initial-viewport.js';
import { ShowDiagramAction } from './actions.js';

@injectable()
export class DiagramHandler implements IActionHandler {
    @inject(TYPES.ModelSource) protected readonly modelSource!: BlueprintModelSource;
    @inject(TYPES.IActionDispatcher) protected readonly dispatcher!: IActionDispatcher;
    @inject(ActionQueue) protected readonly queue!: ActionQueue;
    @inject(DiagramState) protected readonly state!: DiagramState;
    @inject(StatusOverlay) protected readonly status!: StatusOverlay;
    @inject(WebviewStateStore) protected readonly saved!: WebviewStateStore;
    @inject(ExtensionConnection) protected readonly connection!: ExtensionConnection;

    handle(action: Action): void {
        if (action.kind !== ShowDiagramAction.KIND) return;
        const { focus } = action as ShowDiagramAction;
        // Patches are applied as they arrive, also while a comparison is shown: each patches the one before.
        const resolved = resolveFromSender(this.state.live, (action as ShowDiagramAction).params);
        if (!resolved) {
            this.connection.post({ kind: 'needDiagram' });
            return;
        }
        this.state.live = resolved.held;
        const { params } = resolved;
        if (this.state.comparison) {
            this.state.comparison = { ...this.state.comparison, pendingLive: params };
            return;
        }
        this.queue.waitFor(this.show(params, focus));
    }

    /** Draws `params` (also used when a comparison ends); `redraw` replaces the model even for the same document. */
    async show(params: DiagramParams, focus?: readonly string[], redraw = false): Promise<void> {
        const shown = this.state.shown;
        const sameDocument = shown?.uri === params.uri;
        // A stale update without geometry keeps the diagram already on screen.
        const layout = params.layout ?? (params.stale && sameDocument ? shown?.layout : undefined);
        if (!layout) {
            if (shown) {
                this.state.shown = undefined;
                await this.modelSource.setModel(EMPTY_ROOT);
            }
            this.saved.setDocument(params.uri);
            this.status.show({ kind: 'empty', errors: params.errors, message: params.message });
            return;
        }
        const steps = new Set(layout.steps.map(step => step.id));
        this.state.selected = new Set([...(sameDocument ? this.state.selected : [])].filter(id => steps.has(id)));
        // A stale update keeps the highlights of the layout it shows.
        const highlights = params.layout ? params.highlights : (sameDocument ? shown?.highlights : undefined);
        const graph: BlueprintGraphSchema = { ...buildGraph(layout, { selected: this.state.selected }), highlights };
        this.saved.setDocument(params.uri);
        const language = params.layout ? params.language : shown?.language;
        this.state.shown = { uri: params.uri, layout, highlights, language };
        if (sameDocument && !redraw) {
            await this.modelSource.updateModel(graph);
        } else {
            const viewport = this.saved.viewportFor(params.uri);
            await this.modelSource.setModel(viewport ? { ...graph, scroll: viewport.scroll, zoom: viewport.zoom } : graph);
            if (!viewport) {
                // Readable at once: 100 %, with the cursor's step or the start of the journey on screen.
                const wanted = (focus ?? []).filter(id => steps.has(id));
                const target = wanted.length > 0 ? wanted : [startStep(layout)?.id].filter((id): id is string => id !== undefined);
                await this.dispatcher.dispatch(ShowStepsAction.create(target, { zoom: 1, animate: false, preferOrigin: true }));
            }
        }
        this.status.show(params.stale ? { kind: 'stale', errors: params.errors, message: params.message } : { kind: 'fresh' });
    }
}
