/**
 * The layout input, computed in one place from the blueprint model: which boxes exist, what they
 * say, how big they are, and which edges join them. Each box is sized for everything drawn in it:
 * the badges on top, the wrapped label, the actor, channel and segment chips below, wrapped into
 * rows; their positions inside the box are computed here too, so the SVG and the preview draw the
 * same thing. The layout only places what this produces.
 */
import { formatTimeSpan, localisation, type BlueprintModel, type DiagramStrings, type LegendKey, type ModelFlow, type ModelRemedy, type ModelStep, type TimeSpan } from '@blueprint/model';
import type { LaidOutFlow, LaidOutMark, LaidOutStep, MarkKind, StepDetails, StepRemedy, StepTime, Tone } from './geometry.js';
import { wrapText } from './line-breaking.js';
import { BADGE_NOTATION, CHIP_NOTATION, EMOTION_NOTATION, formatTarget, OVER_NOTATION, timeMark } from './notation.js';
import { estimateTextWidth, reservedTextWidth } from './text-measure.js';
import { documentCache, type LayoutCache } from './layout-cache.js';
import { namesRecoverySteps, NO_RECOVERY_FLOWS, recoveryFlows, type RecoveryFlows } from './recovery-flows.js';

export interface BoxMetrics {
    readonly fontSize: number;
    readonly lineHeight: number;
    /** Labels wrap to this width (pixels, text only). */
    readonly maxLabelWidth: number;
    readonly minBoxWidth: number;
    readonly padding: number;
    /** Height of a one-line badge or chip; its text is `markFontSize`. */
    readonly markHeight: number;
    readonly markFontSize: number;
    /** Space between two badges or chips, and between rows. */
    readonly markGap: number;
    /** Rows of badges and chips may widen the box up to this content width before they wrap. */
    readonly maxContentWidth: number;
}

export const DEFAULT_BOX_METRICS: BoxMetrics = {
    fontSize: 12,
    lineHeight: 16,
    maxLabelWidth: 150,
    minBoxWidth: 110,
    padding: 8,
    markHeight: 16,
    markFontSize: 10,
    markGap: 4,
    maxContentWidth: 225
};

/** Horizontal padding inside a badge or chip. */
const MARK_PADDING = 5;
/** Line height of a chip whose text wraps. */
const MARK_LINE_HEIGHT = 12;


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
    /** The flows and steps of fail points' corrective sub-processes (drawn apart from the main flow). */
    readonly recovery: RecoveryFlows;
    /** The legend, note and tooltip texts in the blueprint's language (as its lane and line names are). */
    readonly strings: DiagramStrings;
}

/** The diagram's texts for a blueprint: its language's table, English for an unknown one. */
export function diagramStrings(model: Pick<BlueprintModel, 'language'>): DiagramStrings {
    return localisation(model.language).diagram;
}

/**
 * With `cache` (one per document, see layout-cache.ts), a box whose step, names and numbers are
 * those it was built from last time is that box again, the same object: a label edit measures one box.
 */
export function buildDiagramInput(model: BlueprintModel, metrics: BoxMetrics = DEFAULT_BOX_METRICS, cache?: LayoutCache): DiagramInput {
    const boxes = documentCache(cache);
    boxes?.enter(`${model.language ?? ''}\u0000${JSON.stringify(metrics)}`);
    boxes?.steps.begin();
    boxes?.evidence.begin();
    const laneLabel = new Map(model.lanes.map(lane => [lane.id, lane.label]));
    const stageLabel = new Map(model.stages.map(stage => [stage.id, stage.label]));
    const names: Names = {
        actor: new Map(model.actors.map(item => [item.id, item.label])),
        channel: new Map(model.channels.map(item => [item.id, item.label])),
        segment: new Map(model.segments.map(item => [item.id, item.label])),
        step: new Map([...model.steps].reverse().map(item => [item.id, item.label ?? item.id]))
    };
    const strings = diagramStrings(model);
    const metricsOf = new Map<string, StepDetails['metrics'][number][]>();
    model.metrics.forEach((metric, index) => {
        const entry = { ref: `KPI ${index + 1}`, label: metric.label, target: metric.target ? formatTarget(metric.target) : undefined };
        for (const step of new Set(metric.steps)) metricsOf.set(step, [...(metricsOf.get(step) ?? []), entry]);
    });

    // Names can clash in a broken file; the first step of a name is the one drawn.
    const seen = new Set<string>();
    const steps: DiagramBox[] = [];
    const numbers = { fail: 0, note: 0 };
    for (const step of model.steps) {
        if (seen.has(step.id)) continue;
        seen.add(step.id);
        const lane = laneLabel.has(step.lane) ? step.lane : model.lanes[model.lanes.length - 1].id;
        const stage = step.stage !== undefined && stageLabel.has(step.stage) ? step.stage : undefined;
        const context = {
            lane: laneLabel.get(lane) ?? lane,
            stage: stage === undefined ? undefined : stageLabel.get(stage),
            metrics: metricsOf.get(step.id) ?? []
        };
        const build = () => stepBox(step, lane, stage, stepDetails(step, context, names, numbers, strings), metrics, strings);
        if (boxes) {
            const key = stepBoxKey(step, lane, stage, context, names, numbers);
            const before = { ...numbers };
            const box = boxes.steps.get(step.id, key, build);
            // A box taken from the cache numbered its fail points and notes as `stepDetails` would now.
            numbers.fail = before.fail + step.failPoints.length;
            numbers.note = before.note + (hasNote(step) ? 1 : 0);
            steps.push(box);
        } else {
            steps.push(build());
        }
    }

    const evidenceLane = model.lanes.find(lane => lane.kind === 'evidence')?.id;
    const evidence: DiagramBox[] = [];
    const evidenceLinks: DiagramEdge[] = [];
    if (evidenceLane !== undefined) {
        const stepById = new Map(steps.map(step => [step.id, step]));
        for (const item of model.evidence) {
            if (item.step === undefined || !seen.has(item.step) || seen.has(item.id)) continue;
            seen.add(item.id);
            const owner = stepById.get(item.step);
            const stage = owner?.stage;
            const laneName = laneLabel.get(evidenceLane) ?? evidenceLane;
            const stageName = stage === undefined ? undefined : stageLabel.get(stage);
            const build = (): DiagramBox => {
                const fontSize = metrics.fontSize - 1;
                const lines = wrapText(item.label, metrics.maxLabelWidth, fontSize);
                return {
                    id: item.id, lane: evidenceLane, stage, label: item.label, lines,
                    ...boxSize(lines, fontSize, 0, metrics),
                    labelTop: metrics.padding, lineHeight: metrics.lineHeight, fontSize, marks: [],
                    failPoint: false, waitPoint: false, moment: false, metrics: 0, segments: [], touchpoint: false,
                    evidenceFor: item.step,
                    details: { lane: laneName, stage: stageName, segments: [], failPoints: [], metrics: [], notes: [], evidenceOf: owner?.label }
                };
            };
            evidence.push(boxes
                ? boxes.evidence.get(item.id, [item.label, item.step, evidenceLane, stage, laneName, stageName, owner?.label], build)
                : build());
            evidenceLinks.push({ id: `${item.id}->${item.step}`, from: item.id, to: item.step, kind: 'evidence', loop: false });
        }
    }

    // Most blueprints name no recovery steps: no map of every step's fail point numbers per edit then.
    const recovery = model.steps.some(namesRecoverySteps)
        ? recoveryFlows(model, new Map(steps.map(box => [box.id, box.details.failPoints.map(fail => fail.ref)])))
        : NO_RECOVERY_FLOWS;
    const flows: DiagramEdge[] = [];
    for (const flow of model.flows) {
        if (seen.has(flow.from) && seen.has(flow.to)) flows.push(edgeOf(flow, recovery.flows.get(flow.id), recovery.entries.has(flow.id)));
    }
    boxes?.steps.end();
    boxes?.evidence.end();
    return { model, steps, evidence, flows, evidenceLinks, evidenceLane, recovery, strings };
}

interface Names {
    readonly actor: ReadonlyMap<string, string>;
    readonly channel: ReadonlyMap<string, string>;
    readonly segment: ReadonlyMap<string, string>;
    /** Step labels by id (the first step of a name), for the steps a remedy names. */
    readonly step: ReadonlyMap<string, string>;
}

/**
 * Everything `stepDetails` and `stepBox` read for a step besides the metrics and the language (the
 * cache's context): the step itself, its lane and stage and their names, the names of its actor,
 * channel, segments and of the steps its remedies name, its metrics, and the fail point and note
 * numbers it starts from. Change what those functions read, change this.
 */
function stepBoxKey(step: ModelStep, lane: string, stage: string | undefined, context: { lane: string; stage?: string; metrics: StepDetails['metrics'] },
    names: Names, numbers: { fail: number; note: number }): unknown {
    const remedySteps = step.failPoints.length === 0 ? [] : step.failPoints.map(fail => [...(fail.preventionDetails ?? []), ...(fail.recoveryDetails ?? [])]
        .map(item => (item?.steps ?? []).map(id => (id ? names.step.get(id) ?? id : null))));
    return [
        step, lane, stage ?? null, context.lane, context.stage ?? null, context.metrics,
        step.actor === undefined ? null : names.actor.get(step.actor) ?? null,
        step.channel === undefined ? null : names.channel.get(step.channel) ?? null,
        step.segments.map(segment => names.segment.get(segment) ?? null),
        remedySteps, numbers.fail, numbers.note
    ];
}

/** Whether a step gets a note number (`N1`…): a moment's reason, an emotion's note or remarks. */
function hasNote(step: ModelStep): boolean {
    return step.moment?.reason !== undefined || step.emotion?.note !== undefined || step.notes.length > 0;
}

function stepDetails(step: ModelStep, context: { lane: string; stage?: string; metrics: StepDetails['metrics'] }, names: Names,
    numbers: { fail: number; note: number }, strings: DiagramStrings): StepDetails {
    // A partial AST (text still being typed) can leave strings out: draw what is there.
    const remedy = (kind: StepRemedy['kind']) => (item: ModelRemedy): StepRemedy => ({
        kind, text: item.text ?? '',
        ...(item.pokaYoke ? { pokaYoke: item.pokaYoke, pokaYokeLabel: strings.notes.pokaYokeTypes[item.pokaYoke] ?? item.pokaYoke } : {}),
        steps: (item.steps ?? []).filter(Boolean).map(id => names.step.get(id) ?? id)
    });
    const failPoints = step.failPoints.map(fail => ({
        ref: `F${++numbers.fail}`, cause: fail.cause ?? '',
        ...(typeof fail.rate === 'number' ? { rate: formatRate(fail.rate) } : {}),
        preventions: (fail.preventions ?? []).filter(Boolean), recoveries: (fail.recoveries ?? []).filter(Boolean),
        remedies: [
            ...(fail.preventionDetails ?? []).filter(item => item?.text).map(remedy('prevention')),
            ...(fail.recoveryDetails ?? []).filter(item => item?.text).map(remedy('recovery'))
        ]
    }));
    return {
        lane: context.lane,
        stage: context.stage,
        actor: step.actor === undefined ? undefined : names.actor.get(step.actor) ?? step.actor,
        channel: step.channel === undefined ? undefined : names.channel.get(step.channel) ?? step.channel,
        segments: step.segments.map(segment => names.segment.get(segment) ?? segment),
        segmentChips: step.segments.map(segment => strings.notes.segmentChip(names.segment.get(segment) ?? segment)),
        failPoints,
        duration: step.duration ? stepTime(step.duration, step.durationTolerance) : undefined,
        wait: step.wait ? stepTime(step.wait.expected, step.wait.tolerance) : undefined,
        metrics: context.metrics,
        moment: step.moment ? { reason: step.moment.reason } : undefined,
        emotion: step.emotion ? { feeling: step.emotion.feeling, note: step.emotion.note } : undefined,
        notes: (step.notes ?? []).filter(Boolean),
        noteRef: hasNote(step) ? `N${++numbers.note}` : undefined
    };
}

/** A rate or probability (0..1) as people write it: `10 %`, `2.5 %`. */
export function formatRate(rate: number): string {
    return `${Math.round(rate * 1000) / 10} %`;
}

/** Shostack's time standard: over when the expected time is above the tolerance (as the validator warns). */
function stepTime(expected: TimeSpan | undefined, tolerance: TimeSpan | undefined): StepTime {
    const over = expected?.seconds !== undefined && tolerance?.seconds !== undefined && expected.seconds > tolerance.seconds;
    return { expected: expected ? formatTimeSpan(expected) : undefined, tolerance: tolerance ? formatTimeSpan(tolerance) : undefined, over };
}

interface MarkContent {
    readonly kind: MarkKind;
    readonly text: string;
    readonly tone: Tone;
    readonly variant?: string;
    readonly description: string;
}

/** English tooltips, for a call without the blueprint's strings. */
const EN_STRINGS = localisation('en').diagram;

/** The badges of a step, in the order drawn: what can go wrong first, then times, then what matters; tooltips in the blueprint's language. */
export function stepBadgeContents(details: StepDetails, strings: DiagramStrings = EN_STRINGS): MarkContent[] {
    const say = strings.tooltips;
    const badges: MarkContent[] = [];
    if (details.failPoints.length > 0) {
        const refs = details.failPoints.map(fail => fail.ref);
        badges.push({
            kind: 'fail', text: refs.length === 1 ? refs[0] : `F${refs.map(ref => ref.slice(1)).join(',')}`, tone: BADGE_NOTATION.fail.tone,
            description: details.failPoints.map(fail => say.failPoint(fail.ref, fail.cause)).join(say.separator)
        });
    }
    if (details.wait) {
        const { expected, tolerance, over } = details.wait;
        badges.push({
            kind: 'wait', text: `W${expected || tolerance ? ` ${timeMark(expected, tolerance, over)}` : ''}`,
            tone: over ? OVER_NOTATION.wait.tone : BADGE_NOTATION.wait.tone, variant: over ? 'over' : undefined,
            description: say.wait(expected, tolerance, over)
        });
    }
    if (details.duration?.expected) {
        const { expected, tolerance, over } = details.duration;
        badges.push({
            kind: 'duration', text: timeMark(expected, tolerance, over),
            tone: over ? OVER_NOTATION.duration.tone : BADGE_NOTATION.duration.tone, variant: over ? 'over' : undefined,
            description: say.duration(expected, tolerance, over)
        });
    }
    if (details.moment) badges.push({ kind: 'moment', text: 'MOT', tone: BADGE_NOTATION.moment.tone, description: say.moment });
    if (details.emotion) {
        const notation = EMOTION_NOTATION[details.emotion.feeling as keyof typeof EMOTION_NOTATION];
        badges.push({
            kind: 'emotion', text: notation?.sample ?? details.emotion.feeling, tone: notation?.tone ?? 'grey', variant: details.emotion.feeling,
            // As the legend says it; a feeling the grammar does not know (a broken file) as written.
            description: strings.legendEntries[`badge:emotion-${details.emotion.feeling}` as LegendKey] ?? `Customer emotion: ${details.emotion.feeling}`
        });
    }
    if (details.metrics.length > 0) {
        const refs = details.metrics.map(metric => metric.ref);
        badges.push({
            kind: 'metric', text: refs.length === 1 ? refs[0] : `KPI ${refs.map(ref => ref.slice(4)).join(',')}`, tone: BADGE_NOTATION.metric.tone,
            description: details.metrics.map(metric => say.metric(metric.ref, metric.label, metric.target)).join(say.separator)
        });
    }
    if (details.noteRef) badges.push({ kind: 'note', text: details.noteRef, tone: BADGE_NOTATION.note.tone, description: say.notes(details.noteRef) });
    return badges;
}

/** The chips of a step: who, through which channel, for which segments; tooltips in the blueprint's language. */
export function stepChipContents(details: StepDetails, strings: DiagramStrings = EN_STRINGS): MarkContent[] {
    const say = strings.tooltips;
    const chips: MarkContent[] = [];
    if (details.actor) chips.push({ kind: 'actor', text: details.actor, tone: CHIP_NOTATION.actor.tone, description: say.actor(details.actor) });
    // An actor that is its own channel (an app, a web site) is named once.
    if (details.channel && details.channel !== details.actor) chips.push({ kind: 'channel', text: details.channel, tone: CHIP_NOTATION.channel.tone, description: say.channel(details.channel) });
    details.segments.forEach((segment, index) => {
        // In the blueprint's language (`for VIP`, `仅限贵宾`); older details carry only the names.
        chips.push({ kind: 'segment', text: details.segmentChips?.[index] ?? `for ${segment}`, tone: CHIP_NOTATION.segment.tone, description: say.segment(segment) });
    });
    return chips;
}

function stepBox(step: ModelStep, lane: string, stage: string | undefined, details: StepDetails, metrics: BoxMetrics, strings: DiagramStrings): DiagramBox {
    const lines = wrapText(step.label, metrics.maxLabelWidth, metrics.fontSize);
    // Room for the widest likely font, so the label stays inside the box when drawn.
    const labelWidth = Math.max(...lines.map(line => reservedTextWidth(line, metrics.fontSize)));
    const badges = stepBadgeContents(details, strings);
    const chips = stepChipContents(details, strings);
    const minContent = metrics.minBoxWidth - 2 * metrics.padding;
    // The box grows for its badges and chips up to the widest content allowed, then they wrap.
    const rowWidth = (contents: MarkContent[]) => contents.reduce((sum, mark, index) => sum + markWidth(mark, metrics) + (index > 0 ? metrics.markGap : 0), 0);
    const contentWidth = Math.ceil(Math.max(minContent, labelWidth, Math.min(metrics.maxContentWidth, Math.max(rowWidth(badges), rowWidth(chips)))));

    const marks: LaidOutMark[] = [];
    let y = metrics.padding - 2;
    if (badges.length > 0) y = placeRows(badges, contentWidth, y, metrics, marks) + metrics.markGap;
    else y = metrics.padding;
    const labelTop = y;
    y += lines.length * metrics.lineHeight;
    if (chips.length > 0) y = placeRows(chips, contentWidth, y + metrics.markGap, metrics, marks) + metrics.padding - 2;
    else y += metrics.padding;

    return {
        id: step.id,
        lane,
        stage,
        label: step.label,
        lines,
        width: contentWidth + 2 * metrics.padding,
        height: Math.ceil(y),
        labelTop,
        lineHeight: metrics.lineHeight,
        fontSize: metrics.fontSize,
        marks,
        details,
        actor: details.actor,
        channel: step.channel,
        failPoint: step.failPoints.length > 0,
        waitPoint: step.wait !== undefined,
        waitTime: step.wait?.expected ? formatTimeSpan(step.wait.expected) : undefined,
        moment: step.moment !== undefined,
        emotion: step.emotion?.feeling,
        metrics: details.metrics.length,
        segments: step.segments,
        touchpoint: step.touchpoint,
        ...(step.independent ? { independent: true } : {}),
        range: step.range
    };
}

/** Badge text is bold, chip text regular. */
function markTextWidth(text: string, kind: MarkKind, metrics: BoxMetrics): number {
    return reservedTextWidth(text, metrics.markFontSize, !CHIP_KINDS.has(kind));
}

const CHIP_KINDS: ReadonlySet<MarkKind> = new Set(['actor', 'channel', 'segment']);

function markWidth(mark: MarkContent, metrics: BoxMetrics): number {
    return Math.ceil(markTextWidth(mark.text, mark.kind, metrics) + 2 * MARK_PADDING);
}

/**
 * Places marks in rows no wider than `contentWidth`, each row centred in the box; a mark wider
 * than a row on its own has its text wrapped. Returns the bottom of the last row.
 */
function placeRows(contents: readonly MarkContent[], contentWidth: number, top: number, metrics: BoxMetrics, out: LaidOutMark[]): number {
    const sized = contents.map(content => {
        let lines = [content.text];
        let width = markWidth(content, metrics);
        if (width > contentWidth) {
            const factor = markTextWidth(content.text, content.kind, metrics) / Math.max(1, estimateTextWidth(content.text, metrics.markFontSize));
            lines = wrapText(content.text, (contentWidth - 2 * MARK_PADDING) / factor, metrics.markFontSize);
            width = Math.ceil(Math.max(...lines.map(line => markTextWidth(line, content.kind, metrics))) + 2 * MARK_PADDING);
        }
        const height = lines.length === 1 ? metrics.markHeight : metrics.markHeight + (lines.length - 1) * MARK_LINE_HEIGHT;
        return { content, lines, width: Math.min(width, contentWidth), height };
    });
    const rows: Array<typeof sized> = [];
    let rowWidth = 0;
    for (const mark of sized) {
        const row = rows[rows.length - 1];
        if (row && rowWidth + metrics.markGap + mark.width <= contentWidth) {
            row.push(mark);
            rowWidth += metrics.markGap + mark.width;
        } else {
            rows.push([mark]);
            rowWidth = mark.width;
        }
    }
    let y = top;
    rows.forEach((row, index) => {
        if (index > 0) y += metrics.markGap;
        const width = row.reduce((sum, mark, i) => sum + mark.width + (i > 0 ? metrics.markGap : 0), 0);
        let x = metrics.padding + Math.floor((contentWidth - width) / 2);
        for (const mark of row) {
            out.push({
                kind: mark.content.kind, lines: mark.lines, tone: mark.content.tone, variant: mark.content.variant,
                description: mark.content.description, x, y, width: mark.width, height: mark.height
            });
            x += mark.width + metrics.markGap;
        }
        y += Math.max(...row.map(mark => mark.height));
    });
    return y;
}

function boxSize(lines: readonly string[], fontSize: number, metaRows: number, metrics: BoxMetrics): { width: number; height: number } {
    const textWidth = Math.max(...lines.map(line => reservedTextWidth(line, fontSize)));
    return {
        width: Math.ceil(Math.max(metrics.minBoxWidth, textWidth + 2 * metrics.padding)),
        height: Math.ceil(2 * metrics.padding + lines.length * metrics.lineHeight + metaRows * metrics.markHeight)
    };
}

/**
 * Each model flow's edge, made once: the layout worker patches its copy of the model, so a flow
 * an edit did not touch is the same object as before, and so is its edge (no new edges per edit,
 * and the placement's comparison of the edges stops at identity). A flow that became or stopped
 * being part of a recovery gets a new edge.
 */
const edgesOfFlows = new WeakMap<ModelFlow, DiagramEdge>();

/** `recovery`: the fail point whose corrective sub-process the flow draws; `entry`: it leads from the fail step into it. */
function edgeOf(flow: ModelFlow, recovery: string | undefined, entry: boolean): DiagramEdge {
    let edge = edgesOfFlows.get(flow);
    const label = flowLabel(flow, entry ? recovery : undefined);
    if (edge === undefined || edge.recovery !== recovery || edge.label !== label) {
        edge = { id: flow.id, from: flow.from, to: flow.to, kind: flow.kind, label, loop: flow.loop, ...(recovery ? { recovery } : {}) };
        edgesOfFlows.set(flow, edge);
    }
    return edge;
}

/**
 * A flow's label with its share of the decision (`95 % · Resolved`) or a loop's repeat, so the
 * diagram shows them; the way into a recovery starts with its fail point's number (`F1`), which
 * pairs it with the fail point's badge and note.
 */
function flowLabel(flow: ModelFlow, failRef?: string): string | undefined {
    const share = flow.share ? (flow.share.unit === '%' ? `${flow.share.value} %` : `×${flow.share.value}`) : undefined;
    const repeat = flow.repeat ? ('times' in flow.repeat ? `${flow.repeat.times}×` : `${Math.round(flow.repeat.probability * 1000) / 10} %`) : undefined;
    const parts = [failRef, share ?? repeat, flow.label].filter((part): part is string => part !== undefined && part !== '');
    return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** The grown copy last made of each box, so the same box grown the same is the same object (the patch of a layout skips it by identity). */
const grownBoxes = new WeakMap<DiagramBox, DiagramBox>();

/**
 * `box` at least `height` high, for the ports on its sides (edge-routing.ts `portRoom`): what it
 * draws moves down by half the growth, so it stays centred. The box itself when it is high enough.
 */
export function grownBox(box: DiagramBox, height: number): DiagramBox {
    if (!(height > box.height)) return box;
    const known = grownBoxes.get(box);
    if (known?.height === height) return known;
    const shift = Math.floor((height - box.height) / 2);
    const grown: DiagramBox = { ...box, height, labelTop: box.labelTop + shift, marks: box.marks.map(mark => ({ ...mark, y: mark.y + shift })) };
    grownBoxes.set(box, grown);
    return grown;
}
