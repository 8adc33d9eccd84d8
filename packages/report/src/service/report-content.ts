/**
 * What both report formats say, worded once: the time figures with their names (expected, most
 * likely, worst case, exception paths), tolerance verdicts, remedies, and labels for ids. Every
 * fixed phrase comes from the blueprint's language (`localisation(model.language).serviceReport`).
 */
import { localisation, type BlueprintAnalysis, type BlueprintModel, type ChannelDistance, type ContentEntry, type ExceptionPath, type FailPointEntry, type FlowKind, type Localisation, type ModelRemedy, type ServiceReportStrings, type TimeAnalysis, type TimeFigures } from '@blueprint/model';
import { boundedDuration, boundedPart, duration } from './format.js';

const ENGLISH = localisation('en').serviceReport;

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
    /** The report strings in the blueprint's language. */
    readonly s: ServiceReportStrings;
    /** The values the model keeps as keywords (distances, flow kinds, feelings, poka-yoke types), named in the blueprint's language. */
    private readonly names: Localisation;

    constructor(model: BlueprintModel, s: ServiceReportStrings = localisation(model.language).serviceReport) {
        this.s = s;
        this.names = localisation(model.language);
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
    segment(id: string | undefined): string { return id === undefined ? this.s.everyCustomer : this.segments.get(id) ?? id; }
    distance(distance: ChannelDistance | undefined): string | undefined { return distance === undefined ? undefined : this.names.distances[distance] ?? distance; }
    flowKind(kind: FlowKind): string { return this.names.flowKinds[kind] ?? kind; }
    pokaYoke(type: string): string { return (this.names.diagram.notes.pokaYokeTypes as Readonly<Record<string, string>>)[type] ?? type; }
    /** A note, a policy, or an emotion with its feeling named: `부정: 기다리는 동안…`. */
    content(item: ContentEntry): string {
        return item.feeling ? `${this.names.diagram.notes.feelings[item.feeling] ?? item.feeling}: ${item.text}` : item.text;
    }
}

export function share(probability: number | undefined, s: ServiceReportStrings = ENGLISH): string {
    if (probability === undefined) return s.rateUnknown;
    const value = Math.round(probability * 1000) / 10;
    return `${value} %`;
}

/** A decision branch's share as the report names it: `95 %`, or a weight in the report's language (`权重 3`). */
export function branchShare(branch: { readonly share?: string; readonly weight?: number }, s: ServiceReportStrings): string | undefined {
    return branch.weight !== undefined ? s.weight(branch.weight) : branch.share;
}

/** The figures of one variant, each named: expected, most likely, worst case. */
export function figureRows(time: TimeAnalysis, labels: ReportLabels): FigureRow[] {
    const s = labels.s;
    const rows: FigureRow[] = [];
    const row = (name: string, detail: string, figures: TimeFigures, steps?: readonly string[]): FigureRow => {
        const verdict = toleranceVerdict(time, figures, s);
        return {
            name, detail, steps: steps?.map(id => labels.step(id)),
            total: boundedDuration(figures, figures.totalSeconds, s),
            waiting: boundedPart(figures, figures.waitSeconds, s), visible: boundedPart(figures, figures.visibleSeconds, s),
            backstage: boundedPart(figures, figures.backstageSeconds, s),
            verdict: verdict.text, exceeded: verdict.exceeded
        };
    };
    if (time.expected) rows.push(row(s.expected, s.expectedHow, time.expected));
    if (time.mostLikelyPath) rows.push(row(s.mostLikelyPath, s.mostLikelyHow(share(time.mostLikelyPath.probability, s)), time.mostLikelyPath, time.mostLikelyPath.steps));
    if (time.criticalPath) rows.push(row(s.worstCaseCriticalPath, s.worstCaseHow, time.criticalPath, time.criticalPath.steps));
    return rows;
}

export function exceptionName(path: ExceptionPath, labels: ReportLabels): string {
    return path.kind === 'recovery'
        ? labels.s.recoveryFrom(path.label ?? '', labels.step(path.from))
        : `${labels.step(path.from)} → ${labels.step(path.to)}${path.label ? ` (${path.label})` : ''}`;
}

/** `within`, `⚠ exceeded by 3 min`, `within so far` (unknown times may still push it over). */
export function toleranceVerdict(time: TimeAnalysis, figures: TimeFigures, s: ServiceReportStrings = ENGLISH): { text: string; exceeded: boolean } {
    const standard = time.toleranceSeconds;
    if (standard === undefined) return { text: s.noStandard, exceeded: false };
    if (figures.totalSeconds > standard) return { text: s.exceededBy(duration(figures.totalSeconds - standard, s), figures.unknownSteps.length > 0), exceeded: true };
    return { text: figures.unknownSteps.length > 0 ? s.withinSoFar : s.within, exceeded: false };
}

export function remedyText(kind: 'prevention' | 'recovery', remedy: ModelRemedy, labels: ReportLabels): string {
    const s = labels.s;
    return `${kind === 'prevention' ? s.prevention : s.recovery}: ${remedy.text}${remedy.pokaYoke ? ` [${s.pokaYoke}: ${labels.pokaYoke(remedy.pokaYoke)}]` : ''}`
        + (remedy.steps.length > 0 ? ` — ${s.remedyBy(remedy.steps.map(id => labels.step(id)).join(' → '))}` : '');
}

export function remediesOf(entry: FailPointEntry, labels: ReportLabels): string[] {
    return [...entry.preventions.map(r => remedyText('prevention', r, labels)), ...entry.recoveries.map(r => remedyText('recovery', r, labels))];
}

/** Notes on time figures that the tables alone do not say. */
export function timeNotes(time: TimeAnalysis, labels: ReportLabels): string[] {
    const s = labels.s;
    const notes: string[] = [];
    const unknown = new Set([...(time.expected?.unknownSteps ?? []), ...(time.criticalPath?.unknownSteps ?? [])]);
    if (unknown.size > 0) notes.push(s.stepsWithoutTimeNote([...unknown].map(id => labels.step(id)).join(', ')));
    if (time.undeclaredBranches.length > 0) notes.push(s.branchesWithoutShares(time.undeclaredBranches.map(id => labels.step(id)).join(', ')));
    for (const r of time.unratedRecoveries) notes.push(s.unratedRecovery(r.cause, labels.step(r.step)));
    for (const loop of time.rework) {
        notes.push(s.reworkNote(labels.step(loop.from), labels.step(loop.to), Math.round(loop.expectedRepeats * 100) / 100, loop.worstRepeats, duration(loop.bodySeconds, s)));
    }
    if (time.loops.length > 0) notes.push(s.loopsWithoutRepeat(time.loops.map(l => `${labels.step(l.from)} → ${labels.step(l.to)}`).join(', ')));
    return notes;
}

export function metricTarget(m: BlueprintAnalysis['metrics'][number], s: ServiceReportStrings = ENGLISH): string {
    if (m.value === undefined) return s.noTarget;
    return `${m.comparator ?? '?'} ${m.value}${m.unit ? (m.unit === '%' ? ' %' : ` ${m.unit}`) : ''}${m.within ? s.targetWithin(m.within) : ''}`;
}
