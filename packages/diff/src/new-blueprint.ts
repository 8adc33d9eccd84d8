/**
 * A blueprint with no old version (a new file in a pull request) gets the same review as a changed
 * one: it is compared with an empty version of itself, so every step is added (green in the picture),
 * its time figures and warnings are listed, and `created` says what it holds.
 */
import type { BlueprintModel } from '@blueprint/model';
import type { BlueprintContents, ChangeSet, DiffDiagnostic } from './change-set.js';
import { diffBlueprints } from './diff-models.js';

/** The same blueprint with nothing in it: its vocabulary (lanes, lines, channels, language) stays, so only its content reads as added. */
export function emptyVersionOf(model: BlueprintModel): BlueprintModel {
    return {
        ...model, description: undefined, policies: [], tolerance: undefined, stages: [], actors: [], segments: [], personas: [],
        steps: [], evidence: [], flows: [], decisions: [], metrics: [], imports: [],
        lanes: model.lanes.filter(lane => lane.kind !== 'custom')
    };
}

export function diffNewBlueprint(model: BlueprintModel, options: { readonly diagnostics?: readonly DiffDiagnostic[] } = {}): ChangeSet {
    const changeSet = diffBlueprints(emptyVersionOf(model), model, options.diagnostics ? { diagnostics: { before: [], after: options.diagnostics } } : {});
    // Nothing is riskier than before when there was no before: what a new blueprint brings is reviewed as a whole.
    const changes = changeSet.changes.map(({ risk: _risk, ...change }) => change);
    return { ...changeSet, changes, summary: { ...changeSet.summary, risks: 0 }, created: contentsOf(model) };
}

function contentsOf(model: BlueprintModel): BlueprintContents {
    const stepsIn = (lane: string) => model.steps.filter(step => step.lane === lane).length;
    return {
        steps: model.steps.length,
        lanes: model.lanes.filter(lane => stepsIn(lane.id) > 0).map(lane => ({ id: lane.id, label: lane.label, steps: stepsIn(lane.id) })),
        flows: model.flows.length,
        stages: model.stages.length,
        touchpoints: model.steps.filter(step => step.touchpoint).length,
        failPoints: model.steps.reduce((sum, step) => sum + step.failPoints.length, 0)
    };
}
