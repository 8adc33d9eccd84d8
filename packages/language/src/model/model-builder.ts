/**
 * Derives the BlueprintModel from a linked Blueprint AST node. This is the only place where the
 * AST is interpreted for consumers outside the language package; unresolved references are simply
 * left out (the validator reports them).
 */
import type { Reference } from 'langium';
import * as ast from '../generated/ast.js';
import type {
    BlueprintModel, FlowKind, LaneKind, LineKind, ModelActor, ModelChannel, ModelEvidence, ModelFlow, ModelLane,
    ModelLine, ModelMetric, ModelPersona, ModelSegment, ModelStage, ModelStep, SourceRange, StandardLaneKind
} from './blueprint-model.js';
import { LINE_LABELS, STANDARD_LANES, STANDARD_LANE_LABELS } from './blueprint-model.js';
import { toTimeSpan, type TimeSpan } from './time.js';

const ARROW_KINDS: Readonly<Record<ast.Arrow, FlowKind>> = {
    '->': 'sequence',
    '<->': 'two-way',
    '~>': 'hand-off',
    '=>': 'escalation'
};

export function buildBlueprintModel(blueprint: ast.Blueprint): BlueprintModel {
    const file = blueprint.$container;
    const members = blueprint.members;
    const steps = members.filter(ast.isStep);
    const lanes = computeLaneOrder(blueprint, steps);
    const laneIndex = new Map(lanes.map((lane, index) => [lane.id, index]));
    const lines = computeLines(blueprint, lanes);
    const stepLane = new Map(steps.map(step => [step, laneIdOf(step)]));

    const flows = buildFlows(members.filter(ast.isFlow), lines, laneIndex, stepLane);
    const flowCrossesInteraction = new Set<string>();
    for (const flow of flows) {
        if (flow.crosses.includes('interaction')) {
            flowCrossesInteraction.add(flow.from);
            flowCrossesInteraction.add(flow.to);
        }
    }

    const evidenceItems = members.filter(ast.isEvidenceItem);
    const evidenceByStep = new Map<string, string[]>();
    for (const item of evidenceItems) {
        const stepName = item.step?.ref?.name;
        if (stepName) pushTo(evidenceByStep, stepName, item.label ?? item.name);
    }

    const declaresStart = steps.some(step => step.properties.some(p => ast.isBoundaryMarker(p) && p.kind === 'start'));
    const modelSteps = steps.map((step, index) =>
        buildStep(step, stepLane.get(step)!, evidenceByStep.get(step.name) ?? [],
            declaresStart ? hasMarker(step, 'start') : index === 0,
            flowCrossesInteraction.has(step.name)));

    const evidence: ModelEvidence[] = [];
    for (const step of steps) {
        const inlineEvidence = step.properties.filter(ast.isEvidenceProperty);
        inlineEvidence.forEach((property, index) => evidence.push({
            id: inlineEvidence.length === 1 ? `${step.name}.evidence` : `${step.name}.evidence${index + 1}`,
            label: property.label ?? '',
            step: step.name,
            stage: refName(step.stages[0]),
            inline: true
        }));
    }
    for (const item of evidenceItems) {
        evidence.push({
            id: item.name,
            label: item.label ?? item.name,
            step: item.step?.ref?.name,
            stage: item.stage?.ref?.name ?? item.step?.ref?.stages[0]?.ref?.name,
            inline: false
        });
    }

    const visible = [...file.elements.filter(ast.isDeclaration), ...members.filter(ast.isDeclaration)];
    const referenced = collectReferencedDeclarations(blueprint);
    const declarations = uniqueByName([...visible, ...referenced]);

    const tolerance = members.find(ast.isTotalTolerance);
    return {
        id: blueprint.name,
        title: blueprint.title ?? blueprint.name,
        description: members.find(ast.isDescription)?.text,
        tolerance: timeSpanOf(tolerance?.time),
        lanes,
        lines,
        stages: orderStages(declarations.filter(ast.isStage), steps),
        actors: declarations.filter(ast.isPerformer).map((node): ModelActor => ({
            id: node.name, label: node.label ?? node.name, kind: ast.isActor(node) ? 'actor' : 'system'
        })),
        channels: declarations.filter(ast.isChannel).map((node): ModelChannel => ({
            id: node.name, label: node.label ?? node.name, distance: node.distance, selfService: node.selfService
        })),
        segments: declarations.filter(ast.isSegment).map((node): ModelSegment => ({ id: node.name, label: node.label ?? node.name })),
        personas: declarations.filter(ast.isPersona).map((node): ModelPersona => ({
            id: node.name, label: node.label ?? node.name, segment: node.segment?.ref?.name
        })),
        steps: modelSteps,
        evidence,
        flows,
        metrics: members.filter(ast.isMetric).map(buildMetric),
        imports: file.imports.map(i => i.path)
    };
}

function buildStep(step: ast.Step, lane: string, extraEvidence: string[], start: boolean, crossesInteraction: boolean): ModelStep {
    const props = step.properties;
    const duration = props.find(ast.isDurationProperty);
    const wait = props.find(ast.isWaitProperty);
    const moment = props.find(ast.isMomentOfTruth);
    const emotion = props.find(ast.isEmotionProperty);
    const laneKind: LaneKind = step.standardLane ?? 'custom';
    const channel = refName(step.channels[0]);
    return {
        id: step.name,
        // While the user types, a step may have no label yet (the AST types say otherwise).
        label: step.label ?? step.name ?? '',
        lane,
        laneKind,
        stage: refName(step.stages[0]),
        actor: refName(step.performers[0]),
        channel,
        evidence: [...props.filter(ast.isEvidenceProperty).map(p => p.label ?? ''), ...extraEvidence],
        duration: timeSpanOf(duration?.time),
        durationTolerance: timeSpanOf(duration?.tolerance),
        wait: wait ? { expected: timeSpanOf(wait.expected), tolerance: timeSpanOf(wait.tolerance) } : undefined,
        failPoints: props.filter(ast.isFailPoint).map(fail => ({
            cause: fail.cause ?? '', preventions: [...fail.preventions], recoveries: [...fail.recoveries]
        })),
        moment: moment ? { reason: moment.reason } : undefined,
        emotion: emotion ? { feeling: emotion.feeling, note: emotion.note } : undefined,
        notes: props.filter(ast.isNoteProperty).map(p => p.text),
        segments: step.segments.map(refName).filter(isDefined),
        start,
        end: hasMarker(step, 'end'),
        touchpoint: laneKind === 'customer' && (crossesInteraction || channel !== undefined),
        range: rangeOf(step)
    };
}

function buildFlows(flowNodes: ast.Flow[], lines: ModelLine[], laneIndex: Map<string, number>,
    stepLane: Map<ast.Step, string>): ModelFlow[] {
    const flows: ModelFlow[] = [];
    const seen = new Map<string, number>();
    const lineBoundaries = lines.map(line => ({ kind: line.kind, index: laneIndex.get(line.above)! }));
    for (const flow of flowNodes) {
        let source = flow.source?.ref;
        for (const link of flow.links) {
            const target = link.target?.ref;
            if (source && target) {
                const pair = `${source.name}->${target.name}`;
                const count = (seen.get(pair) ?? 0) + 1;
                seen.set(pair, count);
                const from = laneIndex.get(stepLane.get(source) ?? laneIdOf(source)) ?? 0;
                const to = laneIndex.get(stepLane.get(target) ?? laneIdOf(target)) ?? 0;
                const [top, bottom] = from <= to ? [from, to] : [to, from];
                flows.push({
                    id: count === 1 ? pair : `${pair}#${count}`,
                    from: source.name,
                    to: target.name,
                    kind: ARROW_KINDS[link.arrow],
                    label: flow.label,
                    loop: flow.loop,
                    crosses: lineBoundaries.filter(b => b.index >= top && b.index < bottom).map(b => b.kind)
                });
            }
            source = target;
        }
    }
    return flows;
}

function buildMetric(metric: ast.Metric): ModelMetric {
    const target = metric.targets[0];
    return {
        id: metric.name,
        label: metric.label ?? metric.name,
        steps: metric.steps.map(refName).filter(isDefined),
        target: target && typeof target.value === 'number' ? {
            comparator: target.comparator,
            value: target.value,
            unit: target.unit ? (target.unit.percent ? '%' : target.unit.name) : undefined
        } : undefined
    };
}

/** Lane id used in the model: the standard lane kind, or the custom lane's name. */
export function laneIdOf(step: ast.Step): string {
    return step.standardLane ?? step.customLane?.ref?.name ?? step.customLane?.$refText ?? 'customer';
}

function laneRefId(ref: ast.LaneRef): string | undefined {
    return ref.standard ?? ref.custom?.ref?.name;
}

/**
 * Lanes top to bottom: the declared `lanes` order, or the canonical order; custom lanes not in a
 * declared order are placed above/below their anchor, or at the bottom.
 */
export function computeLaneOrder(blueprint: ast.Blueprint, steps: ast.Step[] = blueprint.members.filter(ast.isStep)): ModelLane[] {
    const customLanes = uniqueByName([
        ...blueprint.members.filter(ast.isCustomLane),
        ...steps.map(step => step.customLane?.ref).filter(isDefined)
    ]);
    const customByName = new Map(customLanes.map(lane => [lane.name, lane]));
    const declared = blueprint.members.find(ast.isLaneOrder);
    const order: string[] = declared
        ? unique(declared.lanes.map(laneRefId).filter(isDefined))
        : [...STANDARD_LANES];
    for (const lane of STANDARD_LANES) {
        if (!order.includes(lane)) order.push(lane);
    }
    let pending = customLanes.filter(lane => !order.includes(lane.name));
    let progress = true;
    while (pending.length > 0 && progress) {
        progress = false;
        for (const lane of [...pending]) {
            const anchor = lane.anchor ? laneRefId(lane.anchor) : undefined;
            const anchorIndex = anchor === undefined ? -1 : order.indexOf(anchor);
            if (anchor === undefined || anchorIndex >= 0) {
                if (anchorIndex < 0) order.push(lane.name);
                else order.splice(lane.position === 'above' ? anchorIndex : anchorIndex + 1, 0, lane.name);
                pending = pending.filter(other => other !== lane);
                progress = true;
            }
        }
    }
    order.push(...pending.map(lane => lane.name));
    return order.map((id): ModelLane => {
        const custom = customByName.get(id);
        return custom
            ? { id, kind: 'custom', label: custom.label ?? custom.name }
            : { id, kind: id as StandardLaneKind, label: STANDARD_LANE_LABELS[id as StandardLaneKind] };
    });
}

function computeLines(blueprint: ast.Blueprint, lanes: ModelLane[]): ModelLine[] {
    const declared = new Map(blueprint.members.filter(ast.isLineDeclaration).map(line => [line.kind, line]));
    const index = (kind: StandardLaneKind) => lanes.findIndex(lane => lane.id === kind);
    const boundaryBelow = (laneIdx: number): [string, string | undefined] | undefined =>
        laneIdx < 0 ? undefined : [lanes[laneIdx].id, lanes[laneIdx + 1]?.id];
    const candidates: Array<[LineKind, [string, string | undefined] | undefined]> = [
        ['interaction', boundaryBelow(index('customer'))],
        ['visibility', index('backstage') > 0 ? boundaryBelow(index('backstage') - 1) : undefined],
        ['internal', boundaryBelow(index('backstage'))],
        ['implementation', declared.has('implementation') ? boundaryBelow(index('support')) : undefined]
    ];
    const lines: ModelLine[] = [];
    for (const [kind, boundary] of candidates) {
        if (!boundary) continue;
        const [above, below] = boundary;
        if (below === undefined && kind !== 'implementation') continue;
        if (lines.some(line => line.above === above)) continue;
        lines.push({ kind, label: declared.get(kind)?.label ?? LINE_LABELS[kind], above, below });
    }
    return lines.sort((a, b) => lanes.findIndex(l => l.id === a.above) - lanes.findIndex(l => l.id === b.above));
}

/** Stages in declaration order; stages used by steps but declared elsewhere come in order of first use. */
function orderStages(stages: ast.Stage[], steps: ast.Step[]): ModelStage[] {
    const ordered = [...stages];
    const known = new Set(ordered);
    for (const step of steps) {
        const stage = step.stages[0]?.ref;
        if (stage && !known.has(stage)) {
            known.add(stage);
            ordered.push(stage);
        }
    }
    return uniqueByName(ordered).map(stage => ({ id: stage.name, label: stage.label ?? stage.name }));
}

function collectReferencedDeclarations(blueprint: ast.Blueprint): ast.Declaration[] {
    const found: ast.Declaration[] = [];
    for (const member of blueprint.members) {
        if (ast.isStep(member)) {
            for (const ref of [...member.stages, ...member.performers, ...member.channels, ...member.segments, member.customLane]) {
                const target = ref?.ref;
                if (target && ast.isDeclaration(target)) found.push(target);
            }
        } else if (ast.isPersona(member) && member.segment?.ref) {
            found.push(member.segment.ref);
        }
    }
    return found;
}

/** Undefined while the value is still being typed (`duration }`): a half-written time is no time. */
function timeSpanOf(value: ast.TimeValue | undefined): TimeSpan | undefined {
    return value && typeof value.value === 'number' ? toTimeSpan(value.value, value.unit) : undefined;
}

function hasMarker(step: ast.Step, kind: 'start' | 'end'): boolean {
    return step.properties.some(p => ast.isBoundaryMarker(p) && p.kind === kind);
}

function rangeOf(node: ast.Step): SourceRange | undefined {
    const range = node.$cstNode?.range;
    return range ? { start: { ...range.start }, end: { ...range.end } } : undefined;
}

function refName(ref: Reference<ast.Declaration | ast.Step> | undefined): string | undefined {
    return ref?.ref?.name;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) list.push(value); else map.set(key, [value]);
}

function unique<T>(items: T[]): T[] {
    return [...new Set(items)];
}

function uniqueByName<T extends { name: string }>(items: T[]): T[] {
    const seen = new Set<string>();
    return items.filter(item => !seen.has(item.name) && seen.add(item.name));
}

function isDefined<T>(value: T | undefined): value is T {
    return value !== undefined;
}
