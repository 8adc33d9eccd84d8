/**
 * The one rule for "customer-visible", used by validation, hover, analysis, diff and reports: the
 * lanes above the line of visibility (by position, so custom lanes placed there count; without the
 * line, down to the frontstage lane), and touchpoints wherever they are drawn.
 */
import type { BlueprintModel, ModelStep } from './blueprint-model.js';

/** The lanes the customer sees. Compute it once per model and pass it to `isStepCustomerVisible`. */
export function visibleLaneIds(model: Pick<BlueprintModel, 'lanes' | 'lines'>): Set<string> {
    const visibility = model.lines.find(line => line.kind === 'visibility');
    const lastVisible = visibility
        ? model.lanes.findIndex(lane => lane.id === visibility.above)
        : model.lanes.findIndex(lane => lane.id === 'frontstage');
    return new Set(model.lanes.slice(0, lastVisible + 1).map(lane => lane.id));
}

/** A step is customer-visible when its lane is one of `visibleLanes` (of its model) or it is a touchpoint. */
export function isStepCustomerVisible(step: Pick<ModelStep, 'touchpoint' | 'lane'>, visibleLanes: ReadonlySet<string>): boolean {
    return step.touchpoint || visibleLanes.has(step.lane);
}
