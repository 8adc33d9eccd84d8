/**
 * The figures a service review asks for, from the blueprint model: time per path and segment,
 * touchpoint inventory, fail-point coverage, service standards, hand-offs and escalations.
 * Pure and deterministic; the CLI report, hovers, code lenses and the preview all use it.
 */
import type {
    BlueprintModel, ChannelDistance, Comparator, Feeling, FlowKind, ModelDecision, ModelFlow, ModelRemedy, ModelStep
} from '../blueprint-model.js';
import { formatTimeSpan } from '../time.js';
import { analyseTime, type TimeAnalysis } from './time-analysis.js';

export interface Touchpoint {
    readonly step: string;
    readonly label: string;
    readonly stage?: string;
    readonly channel?: string;
    readonly channelLabel?: string;
    readonly distance?: ChannelDistance;
    readonly selfService: boolean;
    /** Who or what the customer meets: the touchpoint's own actor or its frontstage counterpart's. */
    readonly actors: readonly string[];
    readonly evidence: readonly string[];
    readonly momentOfTruth: boolean;
    readonly failPoints: number;
}

export interface FailPointEntry {
    readonly step: string;
    readonly lane: string;
    readonly stage?: string;
    readonly cause: string;
    /** How often the failure happens (0..1), if written. */
    readonly rate?: number;
    readonly preventions: readonly ModelRemedy[];
    readonly recoveries: readonly ModelRemedy[];
    readonly covered: boolean;
    readonly onMomentOfTruth: boolean;
}

export interface FailPointCoverage {
    readonly total: number;
    readonly covered: number;
    /** covered / total, 0..1; undefined when there are no fail points. */
    readonly share?: number;
    readonly byLane: Readonly<Record<string, { total: number; covered: number }>>;
    readonly byStage: Readonly<Record<string, { total: number; covered: number }>>;
    readonly onMomentsOfTruth: readonly FailPointEntry[];
    readonly entries: readonly FailPointEntry[];
}

export interface MetricEntry {
    readonly id: string;
    readonly label: string;
    readonly steps: readonly string[];
    readonly comparator?: Comparator;
    readonly value?: number;
    readonly unit?: string;
    /** The threshold of a service level (`>= 85 % within 15 s`), in seconds. */
    readonly withinSeconds?: number;
    /** The threshold as written (`15 s`). */
    readonly within?: string;
}

/** A branch point with its branches' targets and chances, for reports. */
export interface DecisionEntry {
    readonly step: string;
    readonly kind: ModelDecision['kind'];
    readonly label?: string;
    readonly declared: boolean;
    readonly join?: string;
    /** `share` as written in English (`95 %`, `weight 3`); `weight` the number of a weight, for a report to name in its language. */
    readonly branches: ReadonlyArray<{ readonly to: string; readonly share?: string; readonly weight?: number; readonly probability?: number; readonly label?: string }>;
}

/** Notes and policies written on the blueprint and its steps. */
export interface ContentEntry {
    /** The step, or undefined for the blueprint itself. */
    readonly step?: string;
    readonly kind: 'note' | 'policy' | 'emotion';
    /** The note as written; for an emotion, its note without the feeling. */
    readonly text: string;
    /** An emotion's feeling (`negative`…), which each output names in the blueprint's language. */
    readonly feeling?: Feeling;
}

export interface HandOff {
    readonly from: string;
    readonly to: string;
    readonly kind: FlowKind;
    /** True when the receiving side leads back to a customer step. */
    readonly returnsToCustomer: boolean;
    readonly crossesInternalLine: boolean;
}

export interface BlueprintAnalysis {
    readonly blueprint: string;
    readonly title: string;
    readonly counts: {
        readonly steps: number;
        readonly touchpoints: number;
        readonly failPoints: number;
        readonly waitPoints: number;
        readonly momentsOfTruth: number;
        readonly metrics: number;
    };
    readonly time: TimeAnalysis;
    readonly segments: readonly TimeAnalysis[];
    readonly touchpoints: readonly Touchpoint[];
    readonly failPoints: FailPointCoverage;
    readonly metrics: readonly MetricEntry[];
    readonly handOffs: readonly HandOff[];
    readonly decisions: readonly DecisionEntry[];
    readonly content: readonly ContentEntry[];
}

/** `time`: the model's `analyseTime` when the caller has it already (the language server caches it apart). */
export function analyseBlueprint(model: BlueprintModel, time: TimeAnalysis = analyseTime(model)): BlueprintAnalysis {
    const channels = new Map(model.channels.map(channel => [channel.id, channel]));
    const graph = indexFlows(model);
    const flowsById = new Map(model.flows.map(flow => [flow.id, flow]));

    const touchpoints: Touchpoint[] = model.steps.filter(step => step.touchpoint).map(step => {
        // The steps across the line of interaction: by the flows out of the step, then those into it.
        const counterparts: ModelStep[] = [];
        const at = graph.index.get(step.id)!;
        for (const side of [graph.out, graph.in]) {
            for (let k = side.start[at]; k < side.start[at + 1]; k++) {
                const counterpart = graph.stepAt[side.other[k]];
                if (counterpart && model.flows[side.flow[k]].crosses.includes('interaction')) counterparts.push(counterpart);
            }
        }
        const channelId = step.channel ?? counterparts.find(s => s.channel)?.channel;
        const channel = channelId ? channels.get(channelId) : undefined;
        const actors = unique([step.actor, ...counterparts.map(s => s.actor)].filter((a): a is string => a !== undefined));
        return {
            step: step.id, label: step.label, stage: step.stage, channel: channelId, channelLabel: channel?.label,
            distance: channel?.distance, selfService: channel?.selfService ?? false, actors,
            evidence: step.evidence, momentOfTruth: step.moment !== undefined, failPoints: step.failPoints.length
        };
    });

    const entries: FailPointEntry[] = model.steps.flatMap(step => step.failPoints.map(fail => ({
        step: step.id, lane: step.lane, stage: step.stage, cause: fail.cause,
        rate: fail.rate, preventions: (fail.preventionDetails ?? []), recoveries: (fail.recoveryDetails ?? []),
        covered: fail.preventions.length + fail.recoveries.length > 0,
        onMomentOfTruth: step.moment !== undefined
    })));
    const tally = (key: (e: FailPointEntry) => string | undefined) => {
        const result: Record<string, { total: number; covered: number }> = {};
        for (const entry of entries) {
            const k = key(entry) ?? '(no stage)';
            result[k] ??= { total: 0, covered: 0 };
            result[k].total++;
            if (entry.covered) result[k].covered++;
        }
        return result;
    };
    const covered = entries.filter(e => e.covered).length;

    const returnsToCustomer = reachingCustomer(model, graph);
    const handOffs: HandOff[] = model.flows
        .filter(flow => flow.kind === 'hand-off' || flow.kind === 'escalation' || flow.crosses.includes('internal'))
        .map(flow => ({
            from: flow.from, to: flow.to, kind: flow.kind,
            returnsToCustomer: returnsToCustomer[graph.index.get(flow.to)!] === 1,
            crossesInternalLine: flow.crosses.includes('internal')
        }));

    return {
        blueprint: model.id,
        title: model.title,
        counts: {
            steps: model.steps.length,
            touchpoints: touchpoints.length,
            failPoints: entries.length,
            waitPoints: model.steps.filter(step => step.wait).length,
            momentsOfTruth: model.steps.filter(step => step.moment).length,
            metrics: model.metrics.length
        },
        time,
        segments: model.segments.map(segment => analyseTime(model, segment.id)),
        touchpoints,
        failPoints: {
            total: entries.length,
            covered,
            share: entries.length > 0 ? covered / entries.length : undefined,
            byLane: tally(e => e.lane),
            byStage: tally(e => e.stage),
            onMomentsOfTruth: entries.filter(e => e.onMomentOfTruth),
            entries
        },
        metrics: model.metrics.map(metric => ({
            id: metric.id, label: metric.label, steps: metric.steps,
            comparator: metric.target?.comparator, value: metric.target?.value, unit: metric.target?.unit,
            withinSeconds: metric.target?.within?.seconds,
            within: metric.target?.within ? formatTimeSpan(metric.target.within) : undefined
        })),
        handOffs,
        decisions: model.decisions.map(decision => ({
            step: decision.step, kind: decision.kind, label: decision.label, declared: decision.declared, join: decision.join,
            branches: decision.flows.map(id => flowsById.get(id)).filter(isDefined).map(flow => ({
                to: flow.to, label: flow.label, probability: flow.probability,
                share: flow.share ? (flow.share.unit === '%' ? `${flow.share.value} %` : `weight ${flow.share.value}`) : undefined,
                ...(flow.share && flow.share.unit !== '%' ? { weight: flow.share.value } : {})
            }))
        })),
        content: [
            ...model.policies.map((text): ContentEntry => ({ kind: 'policy', text })),
            ...model.steps.flatMap((step): ContentEntry[] => [
                ...step.notes.map((text): ContentEntry => ({ step: step.id, kind: 'note', text })),
                ...step.policies.map((text): ContentEntry => ({ step: step.id, kind: 'policy', text })),
                ...(step.emotion?.note ? [{ step: step.id, kind: 'emotion' as const, text: step.emotion.note, feeling: step.emotion.feeling }] : [])
            ])
        ]
    };
}

/** Flows at one side of each step: for step i, its entries start[i] … start[i + 1] − 1, each a flow and the step at its far end. */
interface FlowSide {
    readonly start: Int32Array;
    readonly flow: Int32Array;
    readonly other: Int32Array;
}

/**
 * The flow graph on indexes (the model's flow graph, with two-way flows both ways): every id a flow
 * or step names gets an index, steps first (a step named twice is its last declaration); the flows
 * out of and into each step, in the flows' order. Built once per analysis instead of maps of lists by id.
 */
interface IndexedFlows {
    readonly index: ReadonlyMap<string, number>;
    /** The step of each index; undefined past the steps (an id only a flow names). */
    readonly stepAt: ReadonlyArray<ModelStep | undefined>;
    readonly out: FlowSide;
    readonly in: FlowSide;
}

function indexFlows(model: BlueprintModel): IndexedFlows {
    const index = new Map<string, number>();
    const stepAt: ModelStep[] = [];
    for (const step of model.steps) {
        let at = index.get(step.id);
        if (at === undefined) index.set(step.id, at = stepAt.length);
        stepAt[at] = step;
    }
    const steps = stepAt.length;
    const idOf = (id: string): number => {
        let at = index.get(id);
        if (at === undefined) index.set(id, at = index.size);
        return at;
    };
    const flows: readonly ModelFlow[] = model.flows;
    const from = new Int32Array(flows.length), to = new Int32Array(flows.length);
    const outStart = new Int32Array(steps + 1), inStart = new Int32Array(steps + 1);
    // Each flow's entries in the order the model's flow graph adds them: out of `from`, into `to`; a two-way flow also out of `to`, into `from`.
    const entries = (visit: (side: 'out' | 'in', at: number, f: number, other: number) => void) => {
        for (let f = 0; f < flows.length; f++) {
            const a = from[f], b = to[f];
            if (a < steps) visit('out', a, f, b);
            if (b < steps) visit('in', b, f, a);
            if (flows[f].kind !== 'two-way') continue;
            if (b < steps) visit('out', b, f, a);
            if (a < steps) visit('in', a, f, b);
        }
    };
    for (let f = 0; f < flows.length; f++) {
        from[f] = idOf(flows[f].from);
        to[f] = idOf(flows[f].to);
    }
    entries((side, at) => { (side === 'out' ? outStart : inStart)[at + 1]++; });
    for (let i = 0; i < steps; i++) {
        outStart[i + 1] += outStart[i];
        inStart[i + 1] += inStart[i];
    }
    const side = (start: Int32Array): FlowSide => ({ start, flow: new Int32Array(start[steps]), other: new Int32Array(start[steps]) });
    const out = side(outStart), into = side(inStart);
    const next = { out: outStart.slice(0, steps), in: inStart.slice(0, steps) };
    entries((which, at, f, other) => {
        const k = next[which][at]++;
        const target = which === 'out' ? out : into;
        target.flow[k] = f;
        target.other[k] = other;
    });
    return { index, stepAt, out, in: into };
}

/** 1 for each index from which a customer step can be reached by flows (customer steps too): one backwards sweep. */
function reachingCustomer(model: BlueprintModel, graph: IndexedFlows): Uint8Array {
    const seen = new Uint8Array(graph.index.size);
    const queue: number[] = [];
    for (const step of model.steps) if (step.laneKind === 'customer') queue.push(graph.index.get(step.id)!);
    for (let q = 0; q < queue.length; q++) {
        const at = queue[q];
        if (seen[at]) continue;
        seen[at] = 1;
        if (at >= graph.stepAt.length) continue;
        for (let k = graph.in.start[at]; k < graph.in.start[at + 1]; k++) if (!seen[graph.in.other[k]]) queue.push(graph.in.other[k]);
    }
    return seen;
}

function isDefined<T>(value: T | undefined): value is T {
    return value !== undefined;
}

function unique<T>(items: T[]): T[] {
    return [...new Set(items)];
}
