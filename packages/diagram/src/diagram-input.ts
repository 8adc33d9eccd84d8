/**
 * The layout input, computed in one place from the blueprint model: which boxes exist, what they
 * say, how big they are, and which edges join them. The layout only places what this produces.
 */
import { formatTimeSpan, type BlueprintModel, type ModelFlow, type ModelStep } from '@blueprint/language';
import type { LaidOutFlow, LaidOutStep } from './geometry.js';
import { estimateTextWidth, wrapText } from './text-measure.js';

export interface BoxMetrics {
    readonly fontSize: number;
    readonly lineHeight: number;
    /** Labels wrap to this width (pixels, text only). */
    readonly maxLabelWidth: number;
    readonly minBoxWidth: number;
    readonly padding: number;
    /** Height of the actor row above the label and of the tag row under it. */
    readonly metaRowHeight: number;
}

export const DEFAULT_BOX_METRICS: BoxMetrics = {
    fontSize: 12,
    lineHeight: 16,
    maxLabelWidth: 150,
    minBoxWidth: 110,
    padding: 8,
    metaRowHeight: 14
};

/** A step's box before placement: everything the layout reports except its position. */
export type DiagramBox = Omit<LaidOutStep, 'x' | 'y'>;

/** A flow before routing. */
export type DiagramEdge = Omit<LaidOutFlow, 'points'>;

export interface DiagramInput {
    readonly model: BlueprintModel;
    /** Steps, in model order (first of each id). */
    readonly steps: readonly DiagramBox[];
    /** Evidence boxes, each belonging to a step (`evidenceFor`). */
    readonly evidence: readonly DiagramBox[];
    readonly flows: readonly DiagramEdge[];
    /** Evidence box → its step, drawn as a plain connector. */
    readonly evidenceLinks: readonly DiagramEdge[];
    readonly evidenceLane?: string;
}

export function buildDiagramInput(model: BlueprintModel, metrics: BoxMetrics = DEFAULT_BOX_METRICS): DiagramInput {
    const laneIds = new Set(model.lanes.map(lane => lane.id));
    const stageIds = new Set(model.stages.map(stage => stage.id));
    const labelOf = new Map([...model.actors, ...model.channels, ...model.segments].map(item => [item.id, item.label]));
    const metricCount = new Map<string, number>();
    for (const metric of model.metrics) for (const step of metric.steps) metricCount.set(step, (metricCount.get(step) ?? 0) + 1);

    // Names can clash in a broken file; the first step of a name is the one drawn.
    const seen = new Set<string>();
    const steps: DiagramBox[] = [];
    for (const step of model.steps) {
        if (seen.has(step.id)) continue;
        seen.add(step.id);
        steps.push(stepBox(step, {
            lane: laneIds.has(step.lane) ? step.lane : model.lanes[model.lanes.length - 1].id,
            stage: step.stage !== undefined && stageIds.has(step.stage) ? step.stage : undefined,
            actor: step.actor === undefined ? undefined : labelOf.get(step.actor) ?? step.actor,
            metrics: metricCount.get(step.id) ?? 0
        }, metrics));
    }

    const evidenceLane = model.lanes.find(lane => lane.kind === 'evidence')?.id;
    const evidence: DiagramBox[] = [];
    const evidenceLinks: DiagramEdge[] = [];
    if (evidenceLane !== undefined) {
        const stageOf = new Map(steps.map(step => [step.id, step.stage]));
        for (const item of model.evidence) {
            if (item.step === undefined || !seen.has(item.step) || seen.has(item.id)) continue;
            seen.add(item.id);
            const lines = wrapText(item.label, metrics.maxLabelWidth, metrics.fontSize - 1);
            evidence.push({
                id: item.id, lane: evidenceLane, stage: stageOf.get(item.step), label: item.label, lines,
                ...boxSize(lines, metrics.fontSize - 1, 0, metrics),
                failPoint: false, waitPoint: false, moment: false, metrics: 0, segments: [], touchpoint: false,
                evidenceFor: item.step
            });
            evidenceLinks.push({ id: `${item.id}->${item.step}`, from: item.id, to: item.step, kind: 'evidence', loop: false });
        }
    }

    const flows: DiagramEdge[] = model.flows
        .filter(flow => seen.has(flow.from) && seen.has(flow.to))
        .map(flow => ({ id: flow.id, from: flow.from, to: flow.to, kind: flow.kind, label: flowLabel(flow), loop: flow.loop }));
    return { model, steps, evidence, flows, evidenceLinks, evidenceLane };
}

interface ResolvedStepParts {
    readonly lane: string;
    readonly stage?: string;
    readonly actor?: string;
    readonly metrics: number;
}

function stepBox(step: ModelStep, parts: ResolvedStepParts, metrics: BoxMetrics): DiagramBox {
    const lines = wrapText(step.label, metrics.maxLabelWidth, metrics.fontSize);
    const hasTagRow = step.channel !== undefined || step.segments.length > 0
        || step.failPoints.length > 0 || step.wait !== undefined || step.moment !== undefined
        || step.emotion !== undefined || parts.metrics > 0;
    const metaRows = (parts.actor !== undefined ? 1 : 0) + (hasTagRow ? 1 : 0);
    const size = boxSize(lines, metrics.fontSize, metaRows, metrics);
    // The actor and tag rows are drawn smaller (10 px) but may still be the widest row.
    const tagWidth = Math.max(
        hasTagRow ? estimateTextWidth(tagRowText(step, parts.metrics), metrics.fontSize - 2) : 0,
        parts.actor !== undefined ? estimateTextWidth(parts.actor, metrics.fontSize - 2) : 0
    ) + 2 * metrics.padding;
    return {
        id: step.id,
        lane: parts.lane,
        stage: parts.stage,
        label: step.label,
        lines,
        width: Math.ceil(Math.max(size.width, Math.min(tagWidth, 1.5 * metrics.maxLabelWidth + 2 * metrics.padding))),
        height: size.height,
        actor: parts.actor,
        channel: step.channel,
        failPoint: step.failPoints.length > 0,
        waitPoint: step.wait !== undefined,
        waitTime: step.wait?.expected ? formatTimeSpan(step.wait.expected) : undefined,
        moment: step.moment !== undefined,
        emotion: step.emotion?.feeling,
        metrics: parts.metrics,
        segments: step.segments,
        touchpoint: step.touchpoint,
        range: step.range
    };
}

/** The tag row as drawn (channel, segments, badges); only its width matters here. */
function tagRowText(step: ModelStep, metricCount: number): string {
    const parts: string[] = [];
    if (step.channel) parts.push(step.channel);
    for (const segment of step.segments) parts.push(`[${segment}]`);
    if (step.failPoints.length > 0) parts.push('F');
    if (step.wait) parts.push(`W ${step.wait.expected ? formatTimeSpan(step.wait.expected) : ''}`);
    if (step.moment) parts.push('MOT');
    if (step.emotion) parts.push('●');
    if (metricCount > 0) parts.push(`M${metricCount}`);
    return parts.join('  ');
}

function boxSize(lines: readonly string[], fontSize: number, metaRows: number, metrics: BoxMetrics): { width: number; height: number } {
    const textWidth = Math.max(...lines.map(line => estimateTextWidth(line, fontSize)));
    return {
        width: Math.ceil(Math.max(metrics.minBoxWidth, textWidth + 2 * metrics.padding)),
        height: Math.ceil(2 * metrics.padding + lines.length * metrics.lineHeight + metaRows * metrics.metaRowHeight)
    };
}

/** A flow's label with its share of the decision (`95 % · Resolved`) or a loop's repeat, so the diagram shows them. */
function flowLabel(flow: ModelFlow): string | undefined {
    const share = flow.share ? (flow.share.unit === '%' ? `${flow.share.value} %` : `×${flow.share.value}`) : undefined;
    const repeat = flow.repeat ? ('times' in flow.repeat ? `${flow.repeat.times}×` : `${Math.round(flow.repeat.probability * 1000) / 10} %`) : undefined;
    const parts = [share ?? repeat, flow.label].filter((part): part is string => part !== undefined && part !== '');
    return parts.length > 0 ? parts.join(' · ') : undefined;
}
