/**
 * What the preview can highlight on demand: the critical path (steps, and the flows between
 * consecutive steps of it, as the layout names them) and the steps with fail points.
 */
import type { BlueprintLayout, DiagramHighlights } from '@blueprint/diagram';
import { analyseTime, type BlueprintModel } from '@blueprint/language';

export function computeHighlights(model: BlueprintModel, layout: BlueprintLayout): DiagramHighlights {
    const critical = analyseTime(model).criticalPath;
    const steps = critical?.steps ?? [];
    const consecutive = new Set(steps.slice(1).map((to, index) => `${steps[index]}\u0000${to}`));
    const criticalFlows = layout.flows
        .filter(flow => flow.kind !== 'evidence'
            && (consecutive.has(`${flow.from}\u0000${flow.to}`) || (flow.kind === 'two-way' && consecutive.has(`${flow.to}\u0000${flow.from}`))))
        .map(flow => flow.id);
    return {
        criticalPath: steps,
        criticalFlows,
        failPoints: model.steps.filter(step => step.failPoints.length > 0).map(step => step.id),
        criticalSeconds: critical?.totalSeconds,
        unknownSteps: critical?.unknownSteps.length
    };
}
