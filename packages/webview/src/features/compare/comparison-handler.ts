/**
 * The comparison with an older version: drawn with the diff's classes (added, changed, removed)
 * and a banner; live updates wait until "Live" returns to the live diagram.
 */
import type { DiagramDiffResult, DiagramParams } from '@blueprint/protocol';
import { inject, injectable } from 'inversify';
import { TYPES, type IActionDispatcher, type IActionHandler } from 'sprotty';
import type { Action } from 'sprotty-protocol';
import { ActionQueue } from '../../base/action-queue.js';
import { DiagramState } from '../../base/diagram-state.js';
import { buildGraph } from '../../graph-builder.js';
import type { BlueprintModelSource } from '../../model-source.js';
import { StatusOverlay } from '../../status-overlay.js';
import { DiagramHandler } from '../diagram/diagram-handler.js';
import { FitDiagramAction } from '../viewport/actions.js';
import { ExitComparisonAction, ShowComparisonAction } from './actions.js';

@injectable()
export class ComparisonHandler implements IActionHandler {
    @inject(TYPES.ModelSource) protected readonly modelSource!: BlueprintModelSource;
    @inject(TYPES.IActionDispatcher) protected readonly dispatcher!: IActionDispatcher;
    @inject(ActionQueue) protected readonly queue!: ActionQueue;
    @inject(DiagramState) protected readonly state!: DiagramState;
    @inject(StatusOverlay) protected readonly status!: StatusOverlay;
    @inject(DiagramHandler) protected readonly live!: DiagramHandler;

    handle(action: Action): void {
        if (action.kind === ShowComparisonAction.KIND) {
            const { title, result } = action as ShowComparisonAction;
            this.queue.waitFor(this.show(title, result));
        } else if (action.kind === ExitComparisonAction.KIND) {
            this.queue.waitFor(this.exit());
        }
    }

    protected async show(title: string, result: DiagramDiffResult): Promise<void> {
        if (!result.layout) return;
        const shown = this.state.shown;
        const live: DiagramParams | undefined = this.state.comparison?.pendingLive
            ?? (shown ? { uri: shown.uri, version: 0, layout: shown.layout, language: shown.language, stale: false, errors: 0, highlights: shown.highlights } : undefined);
        this.state.comparison = { layout: result.layout, language: result.language, pendingLive: live };
        document.body.dataset.comparing = 'true';
        await this.modelSource.updateModel(buildGraph(result.layout, { classes: result.classes }));
        await this.dispatcher.dispatch(FitDiagramAction.create({ animate: false }));
        this.status.show({ kind: 'diff', title, changes: result.summary.changes, risks: result.summary.risks });
    }

    protected async exit(): Promise<void> {
        const pending = this.state.comparison?.pendingLive;
        this.state.comparison = undefined;
        delete document.body.dataset.comparing;
        if (pending) {
            // Redraw from scratch: the comparison replaced the graph.
            await this.live.show(pending, undefined, true);
        }
    }
}
