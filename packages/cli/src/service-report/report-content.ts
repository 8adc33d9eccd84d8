/**
 * What both report formats say, worded once: the time figures with their names (expected, most
 * likely, worst case, exception paths), tolerance verdicts, remedies, and labels for ids.
 */
import type { BlueprintAnalysis, BlueprintModel, ExceptionPath, FailPointEntry, ModelRemedy, TimeAnalysis, TimeFigures } from '@blueprint/language';
import { boundedDuration, boundedPart, duration } from './format.js';

export interface FigureRow {
    /** Which figure this is, e.g. "Expected". */
    readonly name: string;
    /** How it is computed, or its chance. */
    readonly detail: string;
    readonly total: string;
    readonly waiting: string;
    readonly visible: string;
    readonly backstage: string;
    readonly verdict: string;
    readonly exceeded: boolean;
    /** Step labels along the path, when the figure is a path. */
    readonly steps?: readonly string[];
}

export class ReportLabels {
    private readonly steps: Map<string, string>;
    private readonly stages: Map<string, string>;
    private readonly actors: Map<string, string>;
    private readonly lanes: Map<string, string>;
    private readonly segments: Map<string, string>;

    constructor(model: BlueprintModel) {
        this.steps = new Map(model.steps.map(s => [s.id, s.label]));
        this.stages = new Map(model.stages.map(s => [s.id, s.label]));
        this.actors = new Map(model.actors.map(a => [a.id, a.label]));
        this.lanes = new Map(model.lanes.map(l => [l.id, l.label]));
        this.segments = new Map(model.segments.map(s => [s.id, s.label]));
    }

    step(id: string): string { return this.steps.get(id) ?? id; }
    stage(id: string | undefined): string { return id === undefined ? '' : this.stages.get(id) ?? id; }
    actor(id: string): string { return this.actors.get(id) ?? id; }
    lane(id: string): string { return this.lanes.get(id) ?? id; }
    segment(id: string | undefined): string { return id === undefined ? 'every customer (base path)' : this.segments.get(id) ?? id; }
}

export function share(probability: number | undefined): string {
    if (probability === undefined) return 'rate unknown';
    const value = Math.round(probability * 1000) / 10;
    return `${value} %`;
}

/** The figures of one variant, each named: expected, most likely, worst case. */
export function figureRows(time: TimeAnalysis, labels: ReportLabels): FigureRow[] {
    const rows: FigureRow[] = [];
    const row = (name: string, detail: string, figures: TimeFigures, steps?: readonly string[]): FigureRow => {
        const verdict = toleranceVerdict(time, figures);
        return {
            name, detail, steps: steps?.map(id => labels.step(id)),
            total: boundedDuration(figures, figures.totalSeconds),
            waiting: boundedPart(figures, figures.waitSeconds), visible: boundedPart(figures, figures.visibleSeconds),
            backstage: boundedPart(figures, figures.backstageSeconds),
            verdict: verdict.text, exceeded: verdict.exceeded
        };
    };
    if (time.expected) rows.push(row('Expected', 'alternatives weighted by their shares, recoveries by their failure rates, rework by its repeats', time.expected));
    if (time.mostLikelyPath) rows.push(row('Most likely path', `${share(time.mostLikelyPath.probability)} of journeys`, time.mostLikelyPath, time.mostLikelyPath.steps));
    if (time.criticalPath) rows.push(row('Worst case (critical path)', 'the longest path, every branch and recovery allowed', time.criticalPath, time.criticalPath.steps));
    return rows;
}

export function exceptionName(path: ExceptionPath, labels: ReportLabels): string {
    return path.kind === 'recovery'
        ? `Recovery from "${path.label ?? ''}" at ${labels.step(path.from)}`
        : `${labels.step(path.from)} → ${labels.step(path.to)}${path.label ? ` (${path.label})` : ''}`;
}

/** `within`, `⚠ exceeded by 3 min`, `within so far` (unknown times may still push it over). */
export function toleranceVerdict(time: TimeAnalysis, figures: TimeFigures): { text: string; exceeded: boolean } {
    const standard = time.toleranceSeconds;
    if (standard === undefined) return { text: 'no standard', exceeded: false };
    if (figures.totalSeconds > standard) return { text: `exceeded by ${figures.unknownSteps.length > 0 ? 'at least ' : ''}${duration(figures.totalSeconds - standard)}`, exceeded: true };
    return { text: figures.unknownSteps.length > 0 ? 'within so far' : 'within', exceeded: false };
}

export function remedyText(kind: 'prevention' | 'recovery', remedy: ModelRemedy, labels: ReportLabels): string {
    return `${kind}: ${remedy.text}${remedy.pokaYoke ? ` [poka-yoke: ${remedy.pokaYoke}]` : ''}`
        + (remedy.steps.length > 0 ? ` — by ${remedy.steps.map(id => labels.step(id)).join(' → ')}` : '');
}

export function remediesOf(entry: FailPointEntry, labels: ReportLabels): string[] {
    return [...entry.preventions.map(r => remedyText('prevention', r, labels)), ...entry.recoveries.map(r => remedyText('recovery', r, labels))];
}

/** Notes on time figures that the tables alone do not say. */
export function timeNotes(time: TimeAnalysis, labels: ReportLabels): string[] {
    const notes: string[] = [];
    const unknown = new Set([...(time.expected?.unknownSteps ?? []), ...(time.criticalPath?.unknownSteps ?? [])]);
    if (unknown.size > 0) notes.push(`Steps without a time (figures are lower bounds): ${[...unknown].map(id => labels.step(id)).join(', ')}`);
    if (time.undeclaredBranches.length > 0) notes.push(`Branches without shares, counted as parallel work: after ${time.undeclaredBranches.map(id => labels.step(id)).join(', ')}`);
    for (const r of time.unratedRecoveries) notes.push(`Recovery from "${r.cause}" at ${labels.step(r.step)} has no failure rate: left out of the expected time`);
    for (const loop of time.rework) notes.push(`Rework ${labels.step(loop.from)} → ${labels.step(loop.to)}: ${Math.round(loop.expectedRepeats * 100) / 100} extra passes expected (worst case ${loop.worstRepeats}) of ${duration(loop.bodySeconds)} each`);
    if (time.loops.length > 0) notes.push(`Loops without a repeat, not summed: ${time.loops.map(l => `${labels.step(l.from)} → ${labels.step(l.to)}`).join(', ')}`);
    return notes;
}

export function metricTarget(m: BlueprintAnalysis['metrics'][number]): string {
    if (m.value === undefined) return 'no target';
    return `${m.comparator ?? '?'} ${m.value}${m.unit ? (m.unit === '%' ? ' %' : ` ${m.unit}`) : ''}${m.within ? ` within ${m.within}` : ''}`;
}
