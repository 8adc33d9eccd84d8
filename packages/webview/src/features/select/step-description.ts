/** What a screen reader says for a step: its label, lane and stage, and what is special about it. */
import { BlueprintGraph, LaneNode, StageNode, StepNode } from '../../model.js';
import { elementId } from '../../graph-builder.js';

export function describeStep(step: StepNode): string {
    const root = step.root;
    const lane = root.index.getById(elementId.lane(step.lane));
    const laneLabel = lane instanceof LaneNode ? lane.label : step.lane;
    const middle = step.position.x + step.size.width / 2;
    const stage = root instanceof BlueprintGraph
        ? root.children.find((child): child is StageNode => child instanceof StageNode
            && middle >= child.position.x && middle <= child.position.x + child.size.width)
        : undefined;
    const parts = [
        step.evidenceFor !== undefined ? `Evidence: ${step.label}` : step.label,
        `lane ${laneLabel}`,
        ...(stage ? [`stage ${stage.label}`] : []),
        ...(step.failPoint ? ['fail point'] : []),
        ...(step.waitPoint ? [step.waitTime ? `wait ${step.waitTime}` : 'wait point'] : []),
        ...(step.moment ? ['moment of truth'] : []),
        ...(step.emotion ? [`emotion ${step.emotion}`] : []),
        ...(step.actor ? [`by ${step.actor}`] : [])
    ];
    return parts.join(', ');
}
