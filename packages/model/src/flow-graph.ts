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
    // Built for every validation of a blueprint: a step's list starts as one shared empty array and
    // as an exact one-element array (an empty array's first push reserves room for 17).
    const successors = new Map<string, readonly ModelFlow[]>();
    const predecessors = new Map<string, readonly ModelFlow[]>();
    for (const step of model.steps) {
        successors.set(step.id, NO_FLOWS);
        predecessors.set(step.id, NO_FLOWS);
    }
    for (const flow of model.flows) {
        addTo(successors, flow.from, flow);
        addTo(predecessors, flow.to, flow);
        if (flow.kind === 'two-way') {
            const reverse: ModelFlow = { ...flow, from: flow.to, to: flow.from };
            addTo(successors, flow.to, reverse);
            addTo(predecessors, flow.from, reverse);
        }
    }
    return { successors, predecessors };
}

const NO_FLOWS: readonly ModelFlow[] = Object.freeze([]);

/** Adds `flow` to the list of a step of the graph (a step that is not one is left out). */
function addTo(lists: Map<string, readonly ModelFlow[]>, id: string, flow: ModelFlow): void {
    const list = lists.get(id);
    if (list === undefined) return;
    if (list === NO_FLOWS) lists.set(id, [flow]);
    else (list as ModelFlow[]).push(flow);
}

/** Steps reachable from the given steps (inclusive), breadth first. */
export function reachableFrom(graph: FlowGraph, starts: Iterable<string>): Set<string> {
    const seen = new Set<string>();
    const queue = [...starts];
    for (let i = 0; i < queue.length; i++) {
        const id = queue[i];
        if (seen.has(id)) continue;
        seen.add(id);
        // An index loop: until the optimizer has this, a for-of allocates a result per flow.
        const flows = graph.successors.get(id) ?? NO_FLOWS;
        for (let index = 0; index < flows.length; index++) {
            if (!seen.has(flows[index].to)) queue.push(flows[index].to);
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
        const flows = graph.predecessors.get(id) ?? NO_FLOWS;
        for (let index = 0; index < flows.length; index++) {
            if (!seen.has(flows[index].from)) queue.push(flows[index].from);
        }
    }
    return seen;
}
