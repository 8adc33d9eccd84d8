/**
 * The process as validation reads it: the blueprint's steps numbered, the flows between them as
 * arrays of numbers, and per step what the structure says of it (start, end, independent,
 * touchpoint, evidence, recovery steps). The same values as the structure's steps and the flow graph
 * built on its flows (test/language/step-graph.test.ts holds them to it), without the flow objects,
 * their ids and the maps keyed by name: every validation of every blueprint builds it, and a check of
 * a thousand files runs most of them before the optimizer has this code, so each step costs what it executes.
 */
import * as ast from '../generated/ast.js';
import { DEFAULT_LANGUAGE, localisation, visibleLaneIds, type FlowKind, type LaneKind } from '@blueprint/model';
import { blueprintMembers, type BlueprintMembers } from './blueprint-members.js';
import { independentSteps, laneIdOf, laneOrder, linesOf, startsAndMarked, stepFacts } from './model-builder.js';

/**
 * Steps are numbered by their position among the named steps; a name's node is its first step's
 * number (steps of one name are one node, as in the flow graph, which keys by name). A flow's end
 * that is no step of the blueprint (a step of another blueprint in the file) is a node numbered after
 * the steps: as in the flow graph, it has no successors or predecessors of its own.
 */
export class StepGraph {
    /** The named steps, in the order written (the structure's steps). */
    readonly steps: readonly ast.Step[];
    /** Per step, its lane's id (`StructureStep.lane`). */
    readonly lanes: readonly string[];
    readonly start: Uint8Array;
    readonly end: Uint8Array;
    readonly independent: Uint8Array;
    readonly touchpoint: Uint8Array;
    readonly hasEvidence: Uint8Array;
    /** Per step, the steps of its corrective sub-processes (`StructureStep.recoverySteps`). */
    readonly recoverySteps: ReadonlyArray<readonly string[]>;
    /** The lanes the customer sees (`visibleLaneIds` of the structure). */
    readonly visibleLanes: ReadonlySet<string>;

    private readonly nodes: ReadonlyMap<string, number>;
    /** Successors of node n: `successors[successorStart[n] .. successorStart[n + 1]]`; predecessors alike. */
    private readonly successorStart: readonly number[];
    private readonly successors: readonly number[];
    private readonly predecessorStart: readonly number[];
    private readonly predecessors: readonly number[];

    constructor(blueprint: ast.Blueprint) {
        const members = blueprintMembers(blueprint);
        const steps: ast.Step[] = [];
        for (let i = 0; i < members.steps.length; i++) if (members.steps[i].name) steps.push(members.steps[i]);
        const count = steps.length;
        this.steps = steps;
        const nodes = new Map<string, number>();
        const lanes: string[] = new Array(count);
        let standardLanesOnly = true;
        for (let i = 0; i < count; i++) {
            if (!nodes.has(steps[i].name)) nodes.set(steps[i].name, i);
            lanes[i] = laneIdOf(steps[i]);
            if (steps[i].standardLane === undefined) standardLanesOnly = false;
        }
        this.lanes = lanes;
        const layout = standardLanesOnly && !members.laneOrder && members.customLanes.length === 0
            ? standardLayout ??= laneLayout(members, steps) : laneLayout(members, steps);
        this.visibleLanes = layout.visibleLanes;
        const { laneIndex, interactionIndex } = layout;

        // The flows as pairs of nodes, in the model's order; and the steps whose flow crosses the line of interaction.
        const from: number[] = [], to: number[] = [], twoWay: boolean[] = [];
        let crossesInteraction: Set<string> | undefined;
        const addFlow = (source: ast.Step, target: ast.Step, arrow: ast.Arrow) => {
            from.push(this.nodeFor(nodes, source.name));
            to.push(this.nodeFor(nodes, target.name));
            twoWay.push(arrow === '<->');
            if (interactionIndex >= 0) {
                const a = laneIndex.get(laneIdOf(source)) ?? 0, b = laneIndex.get(laneIdOf(target)) ?? 0;
                if (Math.min(a, b) <= interactionIndex && interactionIndex < Math.max(a, b)) {
                    (crossesInteraction ??= new Set()).add(source.name).add(target.name);
                }
            }
        };
        const flowNodes = members.flowsAndBranchings;
        for (let iNode = 0; iNode < flowNodes.length; iNode++) {
            const node = flowNodes[iNode];
            if (node.$type === ast.Flow.$type) {
                const flow = node as ast.Flow;
                let source = flow.source?.ref;
                for (let iLink = 0; iLink < flow.links.length; iLink++) {
                    const link = flow.links[iLink];
                    const target = link.target?.ref;
                    if (source && target) addFlow(source, target, link.arrow);
                    source = target;
                }
            } else {
                const branching = node as ast.Branching;
                const source = branching.step?.ref;
                if (!source) continue;
                for (let iBranch = 0; iBranch < branching.branches.length; iBranch++) {
                    const branch = branching.branches[iBranch];
                    const target = branch.target?.ref;
                    if (target) addFlow(source, target, branch.arrow);
                }
            }
        }
        this.nodes = nodes;
        const nodeCount = count + this.foreignCount;
        [this.successorStart, this.successors] = adjacency(nodeCount, count, from, to, twoWay);
        [this.predecessorStart, this.predecessors] = adjacency(nodeCount, count, to, from, twoWay);

        const evidenceItemSteps = new Set<string>();
        for (let i = 0; i < members.evidenceItems.length; i++) {
            const name = members.evidenceItems[i].step?.ref?.name;
            if (name) evidenceItemSteps.add(name);
        }
        const facts = steps.map(stepFacts);
        const { starts, marked } = startsAndMarked(steps, facts);
        const independent = marked.size === 0 ? marked : independentSteps(marked, this.flowsByName(from, to, twoWay), starts);
        this.start = new Uint8Array(count);
        this.end = new Uint8Array(count);
        this.independent = new Uint8Array(count);
        this.touchpoint = new Uint8Array(count);
        this.hasEvidence = new Uint8Array(count);
        const recoverySteps: Array<readonly string[]> = new Array(count);
        for (let i = 0; i < count; i++) {
            const step = steps[i], fact = facts[i];
            const laneKind: LaneKind = step.standardLane ?? 'custom';
            this.start[i] = starts.has(step.name) ? 1 : 0;
            this.end[i] = fact.end ? 1 : 0;
            this.independent[i] = independent.has(step.name) ? 1 : 0;
            this.touchpoint[i] = laneKind === 'customer' && (crossesInteraction?.has(step.name) || step.channels[0]?.ref?.name !== undefined) ? 1 : 0;
            this.hasEvidence[i] = fact.inlineEvidence || evidenceItemSteps.has(step.name) ? 1 : 0;
            recoverySteps[i] = fact.recoverySteps;
        }
        this.recoverySteps = recoverySteps;
    }

    /** The node of a name: its first step's, undefined for a name no flow or step has. */
    nodeOf(name: string): number | undefined {
        return this.nodes.get(name) ?? this.foreign?.get(name);
    }

    /** The position of this step among the steps, if it is the first of its name (the one the structure has a step for). */
    indexOf(step: ast.Step): number | undefined {
        const index = this.nodes.get(step.name);
        return index !== undefined && this.steps[index] === step ? index : undefined;
    }

    successorCount(node: number): number {
        return this.successorStart[node + 1] - this.successorStart[node];
    }

    /** The nodes reachable from `origins` (inclusive), marked 1: `reachableFrom` of the flow graph. */
    reachableFrom(origins: Iterable<number>): Uint8Array {
        return this.sweep(origins, this.successorStart, this.successors);
    }

    /** The nodes from which some node of `targets` can be reached (inclusive), marked 1: `stepsReaching` of the flow graph. */
    stepsReaching(targets: Iterable<number>): Uint8Array {
        return this.sweep(targets, this.predecessorStart, this.predecessors);
    }

    /** Whether `name` is marked in the result of a sweep. */
    marks(marked: Uint8Array, name: string): boolean {
        const node = this.nodeOf(name);
        return node !== undefined && marked[node] === 1;
    }

    private sweep(origins: Iterable<number>, start: readonly number[], edges: readonly number[]): Uint8Array {
        const marked = new Uint8Array(start.length - 1);
        const queue: number[] = [];
        for (const origin of origins) {
            if (marked[origin] === 0) {
                marked[origin] = 1;
                queue.push(origin);
            }
        }
        for (let i = 0; i < queue.length; i++) {
            const node = queue[i];
            for (let edge = start[node]; edge < start[node + 1]; edge++) {
                const next = edges[edge];
                if (marked[next] === 0) {
                    marked[next] = 1;
                    queue.push(next);
                }
            }
        }
        return marked;
    }

    private foreign: Map<string, number> | undefined;
    private foreignCount = 0;

    private nodeFor(nodes: ReadonlyMap<string, number>, name: string): number {
        const node = nodes.get(name);
        if (node !== undefined) return node;
        let foreign = this.foreign?.get(name);
        if (foreign === undefined) (this.foreign ??= new Map()).set(name, foreign = this.steps.length + this.foreignCount++);
        return foreign;
    }

    /** The flows as `independentSteps` reads them (only for a blueprint with an independent step). */
    private flowsByName(from: readonly number[], to: readonly number[], twoWay: readonly boolean[]): Array<{ from: string; to: string; kind: FlowKind }> {
        const nameOf: string[] = this.steps.map(step => step.name);
        if (this.foreign) for (const [name, node] of this.foreign) nameOf[node] = name;
        return from.map((node, index) => ({ from: nameOf[node], to: nameOf[to[index]], kind: twoWay[index] ? 'two-way' : 'sequence' }));
    }
}

/** What the steps' lanes come to: the lanes the customer sees, each lane's position, and the position of the lane above the line of interaction (-1: none). */
interface LaneLayout {
    readonly visibleLanes: ReadonlySet<string>;
    readonly laneIndex: ReadonlyMap<string, number>;
    readonly interactionIndex: number;
}

/**
 * The layout of most blueprints: the standard lanes in their order, whatever their labels (and a
 * declared line of implementation, which lies below the ones read here). Shared by them.
 */
let standardLayout: LaneLayout | undefined;

function laneLayout(members: BlueprintMembers, steps: readonly ast.Step[]): LaneLayout {
    // Lane and line labels are not read here: any language will do.
    const names = localisation(DEFAULT_LANGUAGE);
    const lanes = laneOrder(members, steps, names);
    const lines = linesOf(members.lineDeclarations, lanes, names);
    const laneIndex = new Map<string, number>();
    for (let i = 0; i < lanes.length; i++) laneIndex.set(lanes[i].id, i);
    const interaction = lines.find(line => line.kind === 'interaction');
    // The line of order penetration (added by the structure) is no line of visibility.
    return { visibleLanes: visibleLaneIds({ lanes, lines }), laneIndex, interactionIndex: interaction ? laneIndex.get(interaction.above)! : -1 };
}

/**
 * Per node, the nodes its flows lead to (`to` of the flows `from` it; a two-way flow both ways), as a
 * flat array and where each node's part starts. As the flow graph, a list only for a node that is a step.
 * Plain arrays of small integers: a typed array over 64 bytes gets its memory outside V8's heap (an
 * allocation and a finalizer each), which for the two thousand small graphs of a 1,000-file check
 * cost more than building them.
 */
function adjacency(nodeCount: number, stepCount: number, from: readonly number[], to: readonly number[], twoWay: readonly boolean[]): [number[], number[]] {
    const start: number[] = new Array<number>(nodeCount + 1).fill(0);
    for (let i = 0; i < from.length; i++) {
        if (from[i] < stepCount) start[from[i] + 1]++;
        if (twoWay[i] && to[i] < stepCount) start[to[i] + 1]++;
    }
    for (let node = 0; node < nodeCount; node++) start[node + 1] += start[node];
    const edges: number[] = new Array<number>(start[nodeCount]).fill(0);
    const next = start.slice(0, nodeCount);
    for (let i = 0; i < from.length; i++) {
        if (from[i] < stepCount) edges[next[from[i]]++] = to[i];
        if (twoWay[i] && to[i] < stepCount) edges[next[to[i]]++] = from[i];
    }
    return [start, edges];
}
