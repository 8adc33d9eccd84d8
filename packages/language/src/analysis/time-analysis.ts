/**
 * Shostack's time standards applied to a blueprint: per path from the start to each end, the
 * expected total time, the customer's waiting time, the time spent above and below the line of
 * visibility; the critical (longest) path; loops reported, not summed. Missing times are reported
 * as unknown, never counted as zero.
 */
import type { BlueprintModel, ModelFlow, ModelStep } from '../model/blueprint-model.js';
import { isStepCustomerVisible, visibleLaneIds } from './visibility.js';

export interface TimeFigures {
    /** Sum of the known times, in seconds. */
    readonly totalSeconds: number;
    readonly waitSeconds: number;
    readonly visibleSeconds: number;
    readonly backstageSeconds: number;
    /** Steps on the path with no duration and no expected wait: the totals are lower bounds. */
    readonly unknownSteps: readonly string[];
}

export interface ProcessPath extends TimeFigures {
    readonly steps: readonly string[];
}

export interface WaitCheck {
    readonly step: string;
    readonly expectedSeconds?: number;
    readonly toleranceSeconds?: number;
    /** True when the expected wait exceeds the tolerance; undefined when either is unknown. */
    readonly exceeded?: boolean;
}

export interface TimeAnalysis {
    /** The segment the figures are for; undefined for the base path (steps for every customer). */
    readonly segment?: string;
    readonly starts: readonly string[];
    readonly paths: readonly ProcessPath[];
    /** True when there were more paths than listed. */
    readonly pathsTruncated: boolean;
    readonly criticalPath?: ProcessPath;
    /** Flows left out of the sums because they close a loop. */
    readonly loops: ReadonlyArray<{ readonly from: string; readonly to: string }>;
    readonly toleranceSeconds?: number;
    /** Critical path's known total above the blueprint's tolerance; undefined when there is none. */
    readonly toleranceExceeded?: boolean;
    readonly waits: readonly WaitCheck[];
}

const MAX_PATHS = 100;

export function stepSeconds(step: ModelStep): number | undefined {
    const duration = step.duration?.seconds;
    const wait = step.wait?.expected?.seconds;
    if (duration === undefined && wait === undefined) return undefined;
    return (duration ?? 0) + (wait ?? 0);
}

/** Figures for the base path, or for one segment's variant (base steps plus that segment's steps). */
export function analyseTime(model: BlueprintModel, segment?: string): TimeAnalysis {
    const included = model.steps.filter(step => step.segments.length === 0 || (segment !== undefined && step.segments.includes(segment)));
    const byId = new Map(included.map(step => [step.id, step]));
    const flows = model.flows.filter(flow => byId.has(flow.from) && byId.has(flow.to));
    const partners = conversationPartners(flows);
    const partnerOf = new Set([...partners.values()].flat());
    const successors = new Map<string, ModelFlow[]>(included.map(step => [step.id, []]));
    const incoming = new Map<string, number>(included.map(step => [step.id, 0]));
    for (const flow of flows) {
        if (flow.kind === 'two-way' && partners.get(flow.from)?.includes(flow.to)) continue;
        successors.get(flow.from)!.push(flow);
        incoming.set(flow.to, incoming.get(flow.to)! + 1);
    }
    let starts = included.filter(step => step.start).map(step => step.id);
    if (starts.length === 0) {
        starts = included.filter(step => incoming.get(step.id) === 0 && !partnerOf.has(step.id)).map(step => step.id).slice(0, 1);
    }

    const { dagSuccessors, loops, order } = breakLoops(starts, successors);
    const visibleLanes = visibleLaneIds(model);
    // A step's conversation partners (`a <-> b`) take place within it: listed and timed right after it.
    const expand = (id: string): string[] => [id, ...(partners.get(id) ?? [])];
    const figuresOf = (steps: string[]): TimeFigures => sumFigures(steps.map(id => byId.get(id)!), visibleLanes);
    const nodeSeconds = (id: string): number | undefined => {
        let total: number | undefined;
        for (const step of expand(id)) {
            const seconds = stepSeconds(byId.get(step)!);
            if (seconds !== undefined) total = (total ?? 0) + seconds;
        }
        return total;
    };

    const paths: ProcessPath[] = [];
    let truncated = false;
    const walk = (id: string, trail: string[]): void => {
        if (paths.length >= MAX_PATHS) {
            truncated = true;
            return;
        }
        const next = dagSuccessors.get(id) ?? [];
        const here = [...trail, ...expand(id)];
        if (next.length === 0) {
            paths.push({ steps: here, ...figuresOf(here) });
            return;
        }
        for (const to of next) walk(to, here);
    };
    for (const start of starts) walk(start, []);

    const critical = criticalPath(order, dagSuccessors, starts, nodeSeconds)?.flatMap(expand);
    const criticalFigures = critical ? { steps: critical, ...figuresOf(critical) } : undefined;
    const tolerance = model.tolerance?.seconds;
    return {
        segment,
        starts,
        paths,
        pathsTruncated: truncated,
        criticalPath: criticalFigures,
        loops,
        toleranceSeconds: tolerance,
        toleranceExceeded: tolerance !== undefined && criticalFigures ? criticalFigures.totalSeconds > tolerance : undefined,
        waits: included.filter(step => step.wait).map(step => {
            const expected = step.wait!.expected?.seconds;
            const toleranceSeconds = step.wait!.tolerance?.seconds;
            return {
                step: step.id, expectedSeconds: expected, toleranceSeconds,
                exceeded: expected !== undefined && toleranceSeconds !== undefined ? expected > toleranceSeconds : undefined
            };
        })
    };
}

/**
 * Two-way flows `a <-> b` whose far side `b` leads nowhere else are a conversation within `a` (the
 * customer explains, the agent listens), not a branch of the process: `b` is timed as part of `a`.
 */
function conversationPartners(flows: ModelFlow[]): Map<string, string[]> {
    const outgoing = new Map<string, number>();
    const incoming = new Map<string, number>();
    for (const flow of flows) {
        if (flow.kind === 'two-way') continue;
        outgoing.set(flow.from, (outgoing.get(flow.from) ?? 0) + 1);
        incoming.set(flow.to, (incoming.get(flow.to) ?? 0) + 1);
    }
    const partners = new Map<string, string[]>();
    const taken = new Set<string>();
    for (const flow of flows) {
        if (flow.kind !== 'two-way' || taken.has(flow.to) || flow.from === flow.to) continue;
        if ((outgoing.get(flow.to) ?? 0) > 0 || (incoming.get(flow.to) ?? 0) > 0) continue;
        taken.add(flow.to);
        partners.set(flow.from, [...(partners.get(flow.from) ?? []), flow.to]);
    }
    return partners;
}

function sumFigures(steps: ModelStep[], visibleLanes: Set<string>): TimeFigures {
    let total = 0, wait = 0, visible = 0, backstage = 0;
    const unknown: string[] = [];
    for (const step of steps) {
        const seconds = stepSeconds(step);
        if (seconds === undefined) {
            unknown.push(step.id);
            continue;
        }
        total += seconds;
        wait += step.wait?.expected?.seconds ?? 0;
        if (isStepCustomerVisible(step, visibleLanes)) visible += seconds; else backstage += seconds;
    }
    return { totalSeconds: total, waitSeconds: wait, visibleSeconds: visible, backstageSeconds: backstage, unknownSteps: unknown };
}

/**
 * Depth-first from the starts: declared `loop` flows and back edges close loops and are left out;
 * what remains is a DAG, returned with a topological order of the reachable steps.
 */
function breakLoops(starts: string[], successors: Map<string, ModelFlow[]>): {
    dagSuccessors: Map<string, string[]>; loops: Array<{ from: string; to: string }>; order: string[];
} {
    const dagSuccessors = new Map<string, string[]>();
    const loops: Array<{ from: string; to: string }> = [];
    const state = new Map<string, 'active' | 'done'>();
    const postOrder: string[] = [];
    for (const start of starts) {
        if (state.has(start)) continue;
        // Iterative DFS so that long chains cannot overflow the stack.
        const stack: Array<{ id: string; next: number }> = [{ id: start, next: 0 }];
        state.set(start, 'active');
        dagSuccessors.set(start, []);
        while (stack.length > 0) {
            const frame = stack[stack.length - 1];
            const out = successors.get(frame.id) ?? [];
            if (frame.next >= out.length) {
                state.set(frame.id, 'done');
                postOrder.push(frame.id);
                stack.pop();
                continue;
            }
            const flow = out[frame.next++];
            const targetState = state.get(flow.to);
            if (flow.loop || targetState === 'active') {
                loops.push({ from: flow.from, to: flow.to });
                continue;
            }
            const list = dagSuccessors.get(frame.id)!;
            if (!list.includes(flow.to)) list.push(flow.to);
            if (targetState === undefined) {
                state.set(flow.to, 'active');
                dagSuccessors.set(flow.to, []);
                stack.push({ id: flow.to, next: 0 });
            }
        }
    }
    return { dagSuccessors, loops, order: postOrder.reverse() };
}

/** Longest path by known seconds over the DAG (dynamic programming in topological order). */
function criticalPath(order: string[], dagSuccessors: Map<string, string[]>, starts: string[],
    nodeSeconds: (id: string) => number | undefined): string[] | undefined {
    if (order.length === 0) return undefined;
    const best = new Map<string, { seconds: number; previous?: string }>();
    for (const start of starts) best.set(start, { seconds: nodeSeconds(start) ?? 0 });
    for (const id of order) {
        const here = best.get(id);
        if (!here) continue;
        for (const to of dagSuccessors.get(id) ?? []) {
            const candidate = here.seconds + (nodeSeconds(to) ?? 0);
            const current = best.get(to);
            if (!current || candidate > current.seconds) best.set(to, { seconds: candidate, previous: id });
        }
    }
    let end: string | undefined;
    for (const id of order) {
        if ((dagSuccessors.get(id)?.length ?? 0) > 0 || !best.has(id)) continue;
        if (end === undefined || best.get(id)!.seconds > best.get(end)!.seconds) end = id;
    }
    if (end === undefined) return undefined;
    const path: string[] = [];
    for (let id: string | undefined = end; id !== undefined; id = best.get(id)?.previous) path.unshift(id);
    return path;
}
