/**
 * The workbook's tables: the figures of the service review (`analyseBlueprint`, the data behind
 * `blueprint report`, and the report's verdicts) laid out as sheets a consultant filters and sums — steps, touchpoints, fail
 * points with coverage, service standards, time per segment and hand-offs. Headers are in the
 * blueprint's language; times are numbers of minutes so that a spreadsheet can add them up.
 * Cells hold plain values here: the writers (xlsx, csv) neutralise formula prefixes.
 */
import {
    localisation, pathText, type BlueprintAnalysis, type BlueprintModel, type ModelRemedy, type ModelStep,
    type ExceptionPath, type ProcessPath, type TimeAnalysis, type TimeFigures, type TimeSpan
} from '@blueprint/model';
import { toleranceVerdict } from '@blueprint/report';
import { blockLine, flowLine, metricLine, type BlockKind } from './cell-syntax.js';
import { namesColumns, namesRows } from './names-sheet.js';

export type CellValue = string | number | boolean | undefined;

/** Stable names of the sheets (for `--sheet` and file names); their titles are localised. */
export const SHEET_NAMES = ['steps', 'touchpoints', 'fail-points', 'standards', 'time', 'hand-offs', 'names'] as const;
export type SheetName = (typeof SHEET_NAMES)[number];

export interface WorkbookColumn {
    readonly header: string;
    /** Width in characters, what the content usually needs. */
    readonly width: number;
}

export interface WorkbookTable {
    readonly name: SheetName;
    /** The sheet's title in the blueprint's language. */
    readonly title: string;
    readonly columns: readonly WorkbookColumn[];
    readonly rows: readonly (readonly CellValue[])[];
}

export function workbookTables(model: BlueprintModel, analysis: BlueprintAnalysis): WorkbookTable[] {
    const names = new Names(model);
    return [stepsTable(model, names), touchpointsTable(analysis, names), failPointsTable(analysis, names),
        standardsTable(analysis, names), timeTable(analysis, names), handOffsTable(analysis, names), namesTable(model, names)];
}

/** The names sheet (names-sheet.ts): the declarations the other sheets show only by label, or not at all. */
function namesTable(model: BlueprintModel, names: Names): WorkbookTable {
    return table('names', names.w.namesSheet, namesColumns(names.s, names.w), namesRows(model));
}

type NameKind = 'lane' | 'stage' | 'actor' | 'channel' | 'segment' | 'step';

class Names {
    readonly s; readonly w;
    private readonly labels: Map<string, string>;
    constructor(readonly model: BlueprintModel) {
        const l = localisation(model.language);
        this.s = l.serviceReport;
        this.w = l.workbook;
        this.labels = new Map<string, string>([
            ...model.lanes.map(x => [`lane:${x.id}`, x.label] as const),
            ...model.stages.map(x => [`stage:${x.id}`, x.label] as const),
            ...model.actors.map(x => [`actor:${x.id}`, x.label] as const),
            ...model.channels.map(x => [`channel:${x.id}`, x.label] as const),
            ...model.segments.map(x => [`segment:${x.id}`, x.label] as const),
            ...model.steps.map(x => [`step:${x.id}`, x.label] as const)
        ]);
    }
    /** The label of a name, the name itself when it has none: a string for every name given. */
    of(kind: NameKind, id: string): string;
    of(kind: NameKind, id: string | undefined): string | undefined;
    of(kind: NameKind, id: string | undefined): string | undefined {
        return id === undefined ? undefined : this.labels.get(`${kind}:${id}`) ?? id;
    }
    steps(ids: readonly string[]): string {
        return ids.map(id => this.of('step', id)).join(' → ');
    }
    /** The branch an exception path takes, as the report names it: the recovery from its cause at its step, or from → to (label). */
    exception(path: ExceptionPath): string {
        return path.kind === 'recovery'
            ? this.s.recoveryFrom(path.label ?? '', this.of('step', path.from))
            : `${this.of('step', path.from)} → ${this.of('step', path.to)}${path.label ? ` (${path.label})` : ''}`;
    }
    /** A path as the report writes it: its parallel work beside the branch it takes (`Pay cash ∥ Cook`). */
    path(path: ProcessPath): string {
        return pathText(path, id => this.of('step', id));
    }
}

function stepsTable(model: BlueprintModel, names: Names): WorkbookTable {
    const { s, w } = names;
    const structure = stepStructure(model, s.wholeProcess);
    const laneCell = laneCells(model, names);
    const rows = model.steps.map(step => {
        const preventions = step.failPoints.flatMap(f => f.preventionDetails);
        const recoveries = step.failPoints.flatMap(f => f.recoveryDetails);
        const cells = structure.get(step.id)!;
        return [
            step.id, step.label, laneCell.get(step.lane), names.of('stage', step.stage), actorCell(model, names, step.actor),
            names.of('channel', step.channel), lines(step.evidence),
            minutes(step.duration), minutes(step.durationTolerance), minutes(step.wait?.expected), minutes(step.wait?.tolerance),
            lines(step.failPoints.map(f => f.cause)), lines(step.failPoints.map(f => f.rate === undefined ? '' : percent(f.rate))),
            ...remedyCells(preventions, names), ...remedyCells(recoveries, names),
            step.moment ? step.moment.reason ?? s.yes : undefined, emotion(step), lines(step.notes), lines(step.policies),
            lines(cells.next), lines(cells.blocks), lines(cells.markers), lines(cells.metrics),
            lines(step.segments.map(id => names.of('segment', id)))
        ];
    });
    return table('steps', s.steps, [
        [w.id, 14], [s.step, 36], [s.lane, 20], [s.stage, 18], [w.actor, 18], [s.channel, 16], [s.evidence, 28],
        [w.duration, 10], [w.durationTolerance, 12], [w.wait, 10], [w.waitTolerance, 12],
        [w.failPoint, 28], [s.failureRate, 10],
        [w.prevention, 28], [w.preventionPokaYoke, 12], [w.preventionSteps, 24],
        [w.recovery, 28], [w.recoveryPokaYoke, 12], [w.recoverySteps, 24],
        [s.momentOfTruth, 24], [w.emotion, 20], [w.notes, 28], [w.policies, 28],
        [w.next, 28], [w.decision, 28], [w.markers, 12], [w.metrics, 36], [s.segment, 18]
    ], rows);
}

/**
 * A lane's name; for a lane of the blueprint's own, also where it goes (`Risk and compliance [below
 * support]`), so that the import places it again without a map.
 */
function laneCells(model: BlueprintModel, names: Names): Map<string, string | undefined> {
    const used = (lane: BlueprintModel['lanes'][number]) => lane.kind !== 'custom' || model.steps.some(step => step.lane === lane.id);
    const lanes = model.lanes.filter(used);
    const reference = (lane: BlueprintModel['lanes'][number]) => lane.kind === 'custom' ? lane.label : lane.kind;
    return new Map(lanes.map((lane, index) => {
        if (lane.kind !== 'custom') return [lane.id, names.of('lane', lane.id)];
        const place = index > 0 ? `below ${reference(lanes[index - 1])}` : lanes.length > 1 ? `above ${reference(lanes[1])}` : undefined;
        return [lane.id, place ? `${lane.label} [${place}]` : lane.label];
    }));
}

/** An actor's name; a system says so (`Core banking [system]`), so that the import need not guess from the name. */
function actorCell(model: BlueprintModel, names: Names, id: string | undefined): string | undefined {
    const actor = model.actors.find(a => a.id === id);
    return actor?.kind === 'system' ? `${actor.label} [system]` : names.of('actor', id);
}

interface StepStructure {
    readonly next: string[];
    readonly blocks: string[];
    readonly markers: string[];
    readonly metrics: string[];
}

/**
 * What makes the steps a process, per step, in the cell syntax the import reads back: its outgoing
 * flows (the branches of a block prefixed with it), the blocks it starts, its markers and the
 * metrics measured on it (a metric on the whole process goes with the first step).
 */
function stepStructure(model: BlueprintModel, wholeProcess: string): Map<string, StepStructure> {
    const cells = new Map(model.steps.map(step => [step.id, {
        next: [] as string[], blocks: [] as string[], metrics: [] as string[],
        // Every independent step, also those the model derives: marking them again changes nothing.
        markers: [...(step.start ? ['start'] : []), ...(step.end ? ['end'] : []), ...(step.independent ? ['independent'] : [])]
    }]));
    const blockOf = new Map<string, { kind: BlockKind; number?: number }>();
    for (const step of model.steps) {
        const declared = model.decisions.filter(d => d.declared && d.step === step.id);
        for (const decision of declared) {
            const kind: BlockKind = decision.kind === 'parallel' ? 'parallel' : 'decision';
            const sameKind = declared.filter(d => d.kind === decision.kind);
            const number = sameKind.length > 1 ? sameKind.indexOf(decision) + 1 : undefined;
            cells.get(step.id)!.blocks.push(blockLine(kind, number, decision.label, decision.join));
            for (const flow of decision.flows) blockOf.set(flow, { kind, number });
        }
    }
    for (const flow of model.flows) cells.get(flow.from)?.next.push(flowLine(flow, blockOf.get(flow.id)));
    for (const metric of model.metrics) {
        if (metric.steps.length === 0) {
            if (model.steps.length > 0) cells.get(model.steps[0].id)!.metrics.push(metricLine(metric, wholeProcess));
        } else {
            for (const id of new Set(metric.steps)) cells.get(id)?.metrics.push(metricLine(metric));
        }
    }
    return cells;
}

function touchpointsTable(analysis: BlueprintAnalysis, names: Names): WorkbookTable {
    const { s, w } = names;
    const rows = analysis.touchpoints.map(t => [
        t.step, t.label, names.of('stage', t.stage), t.channelLabel ?? t.channel, t.distance, flag(t.selfService, s),
        t.actors.map(a => names.of('actor', a)).join(', ') || undefined, lines(t.evidence), flag(t.momentOfTruth, s), t.failPoints
    ]);
    return table('touchpoints', s.touchpoints, [
        [w.id, 14], [s.touchpoint, 36], [s.stage, 18], [s.channel, 18], [s.distance, 14], [w.selfService, 12],
        [s.meets, 20], [s.evidence, 30], [s.momentOfTruth, 14], [w.failPointCount, 12]
    ], rows);
}

function failPointsTable(analysis: BlueprintAnalysis, names: Names): WorkbookTable {
    const { s, w } = names;
    const rows = analysis.failPoints.entries.map(e => [
        e.step, names.of('step', e.step), names.of('lane', e.lane), names.of('stage', e.stage), e.cause,
        e.rate === undefined ? undefined : percent(e.rate),
        ...remedyCells(e.preventions, names), ...remedyCells(e.recoveries, names),
        flag(e.covered, s), flag(e.onMomentOfTruth, s)
    ]);
    return table('fail-points', s.failPoints, [
        [w.id, 14], [s.step, 32], [s.lane, 20], [s.stage, 18], [s.cause, 30], [s.failureRate, 10],
        [w.prevention, 28], [w.preventionPokaYoke, 12], [w.preventionSteps, 24],
        [w.recovery, 28], [w.recoveryPokaYoke, 12], [w.recoverySteps, 24],
        [s.covered, 10], [s.onMomentOfTruth, 14]
    ], rows);
}

function standardsTable(analysis: BlueprintAnalysis, names: Names): WorkbookTable {
    const { s, w } = names;
    const rows = analysis.metrics.map(m => [
        m.id, m.label, m.steps.length > 0 ? m.steps.map(id => names.of('step', id)).join(', ') : s.wholeProcess,
        m.comparator, m.value, m.unit, m.withinSeconds
    ]);
    return table('standards', s.serviceStandards, [
        [w.id, 14], [s.metric, 36], [s.measuredOn, 30], [w.comparator, 10], [w.targetValue, 10], [w.unit, 10], [w.within, 10]
    ], rows);
}

/**
 * One row per figure (expected, most likely, worst case) of the base path and of each segment, then
 * one per exception path (a less likely alternative, a fail point's recovery) with its kind, the
 * branch that makes it one and that branch's chance: the review reads each fail point → remedy
 * pair, and what it costs, in its own row.
 */
function timeTable(analysis: BlueprintAnalysis, names: Names): WorkbookTable {
    const { s, w } = names;
    const rows: CellValue[][] = [];
    for (const variant of [analysis.time, ...analysis.segments]) {
        const segment = variant.segment === undefined ? s.basePath : names.of('segment', variant.segment);
        const row = (figure: string, figures: TimeFigures, path?: ProcessPath, exception?: ExceptionPath) => rows.push([
            segment, figure, round(figures.totalSeconds / 60), round(figures.waitSeconds / 60), round(figures.visibleSeconds / 60),
            round(figures.backstageSeconds / 60), figures.unknownSteps.length, path?.probability === undefined ? undefined : percent(path.probability),
            variant.toleranceSeconds === undefined ? undefined : round(variant.toleranceSeconds / 60), verdict(variant, figures, names),
            path ? names.path(path) : undefined,
            ...(exception ? [exception.kind, names.exception(exception), exception.share === undefined ? s.rateUnknown : percent(exception.share)]
                : [undefined, undefined, undefined])
        ]);
        if (variant.expected) row(s.expected, variant.expected);
        if (variant.mostLikelyPath) row(s.mostLikelyPath, variant.mostLikelyPath, variant.mostLikelyPath);
        if (variant.criticalPath) row(s.worstCase, variant.criticalPath, variant.criticalPath);
        for (const exception of variant.exceptionPaths ?? []) row(s.exceptionPaths, exception, exception, exception);
    }
    return table('time', s.time, [
        [s.segment, 24], [s.figure, 20], [w.total, 10], [w.waiting, 12], [w.visible, 12], [w.backstage, 12],
        [w.unknownSteps, 12], [s.journeyShare, 10], [w.standard, 12], [s.againstStandard, 22], [s.path, 60],
        [s.kind, 12], [s.branch, 40], [s.branchChance, 12]
    ], rows);
}

function handOffsTable(analysis: BlueprintAnalysis, names: Names): WorkbookTable {
    const { s, w } = names;
    const rows = analysis.handOffs.map(h => [
        h.from, names.of('step', h.from), h.to, names.of('step', h.to), h.kind, flag(h.crossesInternalLine, s), flag(h.returnsToCustomer, s)
    ]);
    return table('hand-offs', s.handOffs, [
        [w.fromId, 14], [s.from, 32], [w.toId, 14], [s.to, 32], [s.kind, 12], [s.crossesInternalLine, 14], [s.returnsToCustomer, 14]
    ], rows);
}

function table(name: SheetName, title: string, columns: ReadonlyArray<readonly [string, number]>, rows: CellValue[][]): WorkbookTable {
    return { name, title, columns: columns.map(([header, width]) => ({ header, width })), rows };
}

/** Text, poka-yoke type and carrying steps of each remedy, one line per remedy in each of three cells. */
function remedyCells(remedies: readonly ModelRemedy[], names: Names): CellValue[] {
    if (remedies.length === 0) return [undefined, undefined, undefined];
    return [lines(remedies.map(r => r.text)), lines(remedies.map(r => r.pokaYoke ?? '')), lines(remedies.map(r => names.steps(r.steps)))];
}

/** The report's own verdict (`exceeded by 3 min`, `within so far`); nothing without a standard. */
function verdict(time: TimeAnalysis, figures: TimeFigures, names: Names): string | undefined {
    return time.toleranceSeconds === undefined ? undefined : toleranceVerdict(time, figures, names.s).text;
}

function emotion(step: ModelStep): string | undefined {
    return step.emotion ? `${step.emotion.feeling}${step.emotion.note ? `: ${step.emotion.note}` : ''}` : undefined;
}

/**
 * A time in minutes; as written when its unit is unknown (never guessed). Whole seconds to two
 * decimals (the import reads 0.33 min back as 20 s), a fraction of a second (`500 ms`) to six.
 */
function minutes(span: TimeSpan | undefined): CellValue {
    if (!span) return undefined;
    if (span.seconds === undefined) return `${span.value}${span.unit ? ` ${span.unit}` : ''}`;
    return Number.isInteger(span.seconds) ? round(span.seconds / 60) : Math.round(span.seconds / 60 * 1e6) / 1e6;
}

function round(value: number): number {
    return Math.round(value * 100) / 100;
}

function percent(share: number): string {
    return `${Math.round(share * 1000) / 10} %`;
}

function flag(value: boolean, s: { yes: string; no: string }): string {
    return value ? s.yes : s.no;
}

/** Several values in one cell, one per line; nothing when all are empty. */
function lines(values: readonly string[]): string | undefined {
    return values.some(v => v !== '') ? values.join('\n') : undefined;
}
