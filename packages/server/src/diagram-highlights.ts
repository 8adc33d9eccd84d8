/**
 * What the preview can highlight on demand: the critical path, i.e. the worst case (steps, and the
 * flows between consecutive steps of it, as the layout names them) and the steps with fail points.
 * The time analysis comes from the language's cache, shared with lenses and hovers.
 */
import type { BlueprintLayout } from '@blueprint/diagram';
import type { DiagramHighlights } from '@blueprint/protocol';
import type { BlueprintModel, TimeAnalysis } from '@blueprint/model';

export function computeHighlights(model: BlueprintModel, time: TimeAnalysis, layout: BlueprintLayout): DiagramHighlights {
    const critical = time.criticalPath;
    const steps = critical?.steps ?? [];
    return {
        criticalPath: steps,
        criticalFlows: criticalFlowsOf(layout.flows, steps),
        failPoints: model.steps.filter(step => step.failPoints.length > 0).map(step => step.id),
        criticalSeconds: critical?.totalSeconds,
        unknownSteps: critical?.unknownSteps.length
    };
}

/**
 * The flows between consecutive steps of the critical path. A label edit keeps both the routed
 * flows (the same list: the placement was reused) and the path: the answer of last time is kept
 * with the list, for that path.
 */
function criticalFlowsOf(flows: BlueprintLayout['flows'], steps: readonly string[]): readonly string[] {
    const known = criticalFlowsByFlows.get(flows);
    if (known && known.steps.length === steps.length && known.steps.every((step, index) => step === steps[index])) return known.flows;
    const consecutive = new Set(steps.slice(1).map((to, index) => `${steps[index]}\u0000${to}`));
    const criticalFlows = flows
        .filter(flow => flow.kind !== 'evidence'
            && (consecutive.has(`${flow.from}\u0000${flow.to}`) || (flow.kind === 'two-way' && consecutive.has(`${flow.to}\u0000${flow.from}`))))
        .map(flow => flow.id);
    criticalFlowsByFlows.set(flows, { steps: [...steps], flows: criticalFlows });
    return criticalFlows;
}

const criticalFlowsByFlows = new WeakMap<BlueprintLayout['flows'], { readonly steps: readonly string[]; readonly flows: readonly string[] }>();
