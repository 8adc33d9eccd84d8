/** The flow graph of a blueprint model: successors per step, with two-way flows in both directions. */
import type { ModelFlow } from './blueprint-model.js';

export interface FlowGraph {
    readonly successors: ReadonlyMap<string, readonly ModelFlow[]>;
    readonly predecessors: ReadonlyMap<string, readonly ModelFlow[]>;
}

/** The steps and flows a graph is built from: a `BlueprintModel`, or any part of one that has them. */
export interface FlowGraphSource {
    readonly steps: ReadonlyArray<{ readonly id: string }>;
    readonly flows: readonly ModelFlow[];
}

export function buildFlowGraph(model: FlowGraphSource): FlowGraph {
    const successors = new Map<string, ModelFlow[]>(model.steps.map(step => [step.id, []]));
    const predecessors = new Map<string, ModelFlow[]>(model.steps.map(step => [step.id, []]));
    for (const flow of model.flows) {
        successors.get(flow.from)?.push(flow);
        predecessors.get(flow.to)?.push(flow);
        if (flow.kind === 'two-way') {
            const reverse: ModelFlow = { ...flow, from: flow.to, to: flow.from };
            successors.get(flow.to)?.push(reverse);
            predecessors.get(flow.from)?.push(reverse);
        }
    }
    return { successors, predecessors };
}

/** Steps reachable from the given steps (inclusive), breadth first. */
export function reachableFrom(graph: FlowGraph, starts: Iterable<string>): Set<string> {
    const seen = new Set<string>();
    const queue = [...starts];
    for (let i = 0; i < queue.length; i++) {
        const id = queue[i];
        if (seen.has(id)) continue;
        seen.add(id);
        for (const flow of graph.successors.get(id) ?? []) {
            if (!seen.has(flow.to)) queue.push(flow.to);
        }
    }
    return seen;
}

/** Steps from which some step in `targets` can be reached (inclusive): one backwards sweep, linear. */
export function stepsReaching(graph: FlowGraph, targets: Iterable<string>): Set<string> {
    const seen = new Set<string>();
    const queue = [...targets];
    for (let i = 0; i < queue.length; i++) {
        const id = queue[i];
        if (seen.has(id)) continue;
        seen.add(id);
        for (const flow of graph.predecessors.get(id) ?? []) {
            if (!seen.has(flow.from)) queue.push(flow.from);
        }
    }
    return seen;
}
