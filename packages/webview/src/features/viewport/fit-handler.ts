import { inject, injectable } from 'inversify';
import type { IActionHandler } from 'sprotty';
import { FitToScreenAction, type Action } from 'sprotty-protocol';
import { DiagramState } from '../../base/diagram-state.js';
import { elementId } from '../../graph-builder.js';
import { FitDiagramAction } from './actions.js';

const FIT_PADDING = 24;

/** Fit needs explicit ids: with none, Sprotty fits the selection instead of the whole diagram. */
@injectable()
export class FitHandler implements IActionHandler {
    @inject(DiagramState) protected readonly state!: DiagramState;

    handle(action: Action): Action | void {
        const layout = this.state.drawnLayout;
        if (action.kind !== FitDiagramAction.KIND || !layout) return;
        const ids = [
            ...layout.lanes.map(lane => elementId.lane(lane.id)),
            ...layout.stages.map(stage => elementId.stage(stage.id)),
            ...layout.steps.map(step => step.id)
        ];
        return FitToScreenAction.create(ids, { padding: FIT_PADDING, maxZoom: 1, animate: (action as FitDiagramAction).animate });
    }
}
