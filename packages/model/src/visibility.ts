/** What the customer sees: lanes above the line of visibility, and touchpoints. */
import type { BlueprintModel, ModelStep } from './blueprint-model.js';

export function visibleLaneIds(model: BlueprintModel): Set<string> {
    const visibility = model.lines.find(line => line.kind === 'visibility');
    const lastVisible = visibility
        ? model.lanes.findIndex(lane => lane.id === visibility.above)
        : model.lanes.findIndex(lane => lane.id === 'frontstage');
    return new Set(model.lanes.slice(0, lastVisible + 1).map(lane => lane.id));
}

export function isStepCustomerVisible(step: ModelStep, visibleLanes: Set<string>): boolean {
    return step.touchpoint || visibleLanes.has(step.lane);
}
