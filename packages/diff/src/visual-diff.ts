/**
 * The visual diff: the new diagram with added steps and flows green, changed ones amber, and the
 * removed ones drawn ghosted red where they were. One layout of the union of both versions is made
 * with the old layout as a hint, so unchanged steps stay where reviewers last saw them.
 */
import { annotateLayout, layoutBlueprint, renderSvg, withoutAnnotations, type BlueprintLayout, type SvgTheme } from '@blueprint/diagram';
import type { BlueprintModel, ModelFlow, ModelStep } from '@blueprint/model';
import type { ChangeSet } from './change-set.js';
import { diffLegendItems } from './diff-legend.js';

export interface VisualDiff {
    readonly layout: BlueprintLayout;
    /** `bp-added`, `bp-removed` or `bp-changed` per step or flow id of the layout. */
    readonly classes: ReadonlyMap<string, readonly string[]>;
}

export async function layoutDiff(before: BlueprintModel, after: BlueprintModel, changeSet: ChangeSet): Promise<VisualDiff> {
    const mapping = new Map(Object.entries(changeSet.stepMapping));
    const removedSteps: ModelStep[] = before.steps.filter(step => !mapping.has(step.id));
    const translate = (id: string) => mapping.get(id) ?? id;
    const afterFlowKeys = new Set(after.flows.map(flow => `${flow.from}\u0000${flow.to}`));
    const removedFlows: ModelFlow[] = before.flows
        .map(flow => ({ ...flow, from: translate(flow.from), to: translate(flow.to) }))
        .filter(flow => !afterFlowKeys.has(`${flow.from}\u0000${flow.to}`))
        .map(flow => ({ ...flow, id: `${flow.from}->${flow.to}` }));

    const afterStages = new Set(after.stages.map(stage => stage.id));
    const afterLanes = new Set(after.lanes.map(lane => lane.id));
    const union: BlueprintModel = {
        ...after,
        // Removed steps are not start or end steps of the new version, whatever they were.
        steps: [...after.steps, ...removedSteps.map(step => ({ ...step, start: false }))],
        flows: [...after.flows, ...removedFlows],
        stages: [...after.stages, ...before.stages.filter(stage => !afterStages.has(stage.id) && removedSteps.some(s => s.stage === stage.id))],
        lanes: [...after.lanes, ...before.lanes.filter(lane => !afterLanes.has(lane.id) && removedSteps.some(s => s.lane === lane.id))]
    };

    const classes = new Map<string, string[]>();
    const mark = (id: string, name: string) => {
        const list = classes.get(id) ?? [];
        if (!list.includes(name)) list.push(name);
        classes.set(id, list);
    };
    for (const step of removedSteps) mark(step.id, 'bp-removed');
    for (const flow of removedFlows) mark(flow.id, 'bp-removed');
    const afterFlowIds = new Set(after.flows.map(flow => flow.id));
    for (const change of changeSet.changes) {
        if (change.subject === 'flow' && afterFlowIds.has(change.id)) {
            // A changed share, repeat or kind is drawn on the flow itself: its line and its label.
            if (change.kind === 'added') mark(change.id, 'bp-added');
            else if (change.kind !== 'removed' && !classes.get(change.id)?.includes('bp-added')) mark(change.id, 'bp-changed');
        }
        if (change.subject !== 'step') continue;
        if (change.kind === 'added') mark(change.id, 'bp-added');
        // A pure rename changes only the id, which the picture does not show: nothing to see, so no amber.
        else if (change.kind !== 'removed' && change.kind !== 'renamed' && !classes.get(change.id)?.includes('bp-added')) mark(change.id, 'bp-changed');
    }
    const kinds = new Set([...classes.values()].flat());

    const oldLayout = await layoutBlueprint(before);
    const hint: BlueprintLayout = { ...oldLayout, steps: oldLayout.steps.map(step => ({ ...step, id: translate(step.id) })) };
    const layout = withDiffAnnotations(await layoutBlueprint(union, { previous: hint }), union, after,
        DIFF_KINDS.filter(kind => kinds.has(`bp-${kind}`)));
    // Evidence boxes follow the step they belong to.
    for (const step of layout.steps) {
        const owner = step.evidenceFor ? classes.get(step.evidenceFor) : undefined;
        if (owner && !classes.has(step.id)) classes.set(step.id, owner.filter(name => name !== 'bp-changed'));
    }
    return { layout, classes };
}

const DIFF_KINDS = ['added', 'changed', 'removed'] as const;

/**
 * The legend explains the diff's colours too (those the picture uses); the notes stay those of the union (removed steps keep
 * theirs); the headline is the new version's time, as `render` shows it (the union's paths mix both
 * versions, so their time is neither's).
 */
function withDiffAnnotations(layout: BlueprintLayout, union: BlueprintModel, after: BlueprintModel,
    kinds: ReadonlyArray<typeof DIFF_KINDS[number]>): BlueprintLayout {
    const bare = withoutAnnotations(layout);
    const annotated = annotateLayout(bare, union, undefined, diffLegendItems(after.language, kinds));
    const headline = annotateLayout(bare, after);
    return { ...annotated, width: Math.max(annotated.width, headline.width), processTime: headline.processTime };
}

export async function renderDiffSvg(before: BlueprintModel, after: BlueprintModel, changeSet: ChangeSet,
    options: { readonly theme?: SvgTheme } = {}): Promise<string> {
    const { layout, classes } = await layoutDiff(before, after, changeSet);
    return renderSvg(layout, { theme: options.theme, extraClasses: classes });
}
