/**
 * Ranking stage by stage. Stages are column bands: the columns of a stage are the distinct ranks of
 * its steps, in order, so only the order of ranks inside each stage reaches the drawing. When every
 * flow between two stages runs forwards (from an earlier stage to a later one), each stage's
 * layering is taken from ELK on the steps and flows of that stage alone, each stage cached apart
 * (elk-ranking.ts): a flow edit in one stage reranks that stage only (at 1,000 steps in ten stages,
 * a tenth of the graph), and a 1,000-step graph is ranked as ten small ones, not as one large one.
 *
 * It gives the whole graph's layers (up to a shift per stage, which the columns do not see) when
 * the stages hang together like a tree: each stage's steps connected by its own flows, and the
 * flows between stages joining each pair of stages at most once and closing no cycle among them.
 * Then every stage can be shifted until each flow between stages spans one layer, as the network
 * simplex of the whole graph ranks it, without changing the order of layers inside any stage. A
 * series of stages each entered and left by one flow is that case; the examples and generated
 * blueprints are compared with whole rankings in test/diagram/stage-ranking.test.ts.
 *
 * A step written without a stage belongs to the stage of the steps it shares flows with, when they
 * are all in one stage (followed through other unstaged steps). Anything else (a flow back to an
 * earlier stage, stages joined by several flows, a stage of two unconnected parts, an unstaged step
 * between stages or cut off from all, fewer than two stages, more steps than ELK ranks) leaves the
 * ranking to the whole graph.
 */
import type { DiagramBox, DiagramEdge } from './diagram-input.js';
import { ELK_STEP_LIMIT, rankGraph } from './elk-ranking.js';

export interface StageRanking {
    /** Layer of each step: each stage's layers, stage after stage. */
    readonly ranks: Map<string, number>;
    /** Stage of each step (its own, or the one it joined). */
    readonly stageOf: Map<string, string>;
}

/** The ranking stage by stage, or undefined when the stages cannot be ranked apart (see above). */
export async function rankStepsByStage(steps: readonly DiagramBox[], flows: readonly DiagramEdge[],
    stageOrder: readonly string[]): Promise<StageRanking | undefined> {
    // Above ELK's limit the whole graph is layered by longest path, in milliseconds: nothing to split.
    if (stageOrder.length < 2 || steps.length > ELK_STEP_LIMIT) return undefined;
    const ids = new Set(steps.map(step => step.id));
    const edges = flows.filter(flow => !flow.loop && flow.from !== flow.to && ids.has(flow.from) && ids.has(flow.to));
    const stageOf = stagesOfSteps(steps, edges, stageOrder);
    if (!stageOf) return undefined;
    const position = new Map(stageOrder.map((stage, index) => [stage, index]));
    const inside = new Map<string, DiagramEdge[]>(stageOrder.map(stage => [stage, []]));
    const joinedStages = new UnionFind();
    const connectedSteps = new UnionFind();
    for (const edge of edges) {
        const from = stageOf.get(edge.from)!;
        const to = stageOf.get(edge.to)!;
        if (from === to) {
            inside.get(from)!.push(edge);
            connectedSteps.union(edge.from, edge.to);
        } else if (position.get(from)! > position.get(to)! || !joinedStages.union(from, to)) {
            return undefined;
        }
    }
    const members = new Map<string, DiagramBox[]>(stageOrder.map(stage => [stage, []]));
    for (const step of steps) members.get(stageOf.get(step.id)!)!.push(step);
    for (const stageSteps of members.values()) {
        if (stageSteps.some(step => connectedSteps.find(step.id) !== connectedSteps.find(stageSteps[0].id))) return undefined;
    }
    const ranks = new Map<string, number>();
    let offset = 0;
    for (const stage of stageOrder) {
        const stageSteps = members.get(stage)!;
        if (stageSteps.length === 0) continue;
        let last = 0;
        for (const [id, rank] of await rankGraph(stageSteps, inside.get(stage)!)) {
            ranks.set(id, offset + rank);
            last = Math.max(last, rank);
        }
        offset += last + 1;
    }
    return { ranks, stageOf };
}

/** The stage of every step, unstaged ones joining their neighbours' one stage; undefined if one cannot. */
function stagesOfSteps(steps: readonly DiagramBox[], edges: readonly DiagramEdge[], stageOrder: readonly string[]): Map<string, string> | undefined {
    const declared = new Set(stageOrder);
    const stageOf = new Map<string, string>();
    const unstaged: string[] = [];
    for (const step of steps) {
        if (step.stage !== undefined && declared.has(step.stage)) stageOf.set(step.id, step.stage);
        else unstaged.push(step.id);
    }
    if (unstaged.length === 0) return stageOf;
    const neighbours = new Map<string, string[]>(unstaged.map(id => [id, []]));
    for (const edge of edges) {
        neighbours.get(edge.from)?.push(edge.to);
        neighbours.get(edge.to)?.push(edge.from);
    }
    // Breadth-first from the staged steps: each unstaged step takes the stage of the first neighbour
    // reached, and any neighbour of another stage makes the whole graph the unit of ranking.
    let frontier = unstaged.filter(id => neighbours.get(id)!.some(other => stageOf.has(other)));
    while (frontier.length > 0) {
        const next = new Set<string>();
        const joined = new Map<string, string>();
        for (const id of frontier) {
            const stages = new Set(neighbours.get(id)!.map(other => stageOf.get(other)).filter(stage => stage !== undefined));
            if (stages.size !== 1) return undefined;
            joined.set(id, [...stages][0]);
        }
        for (const [id, stage] of joined) stageOf.set(id, stage);
        for (const id of frontier) {
            for (const other of neighbours.get(id)!) if (!stageOf.has(other)) next.add(other);
        }
        frontier = [...next];
    }
    // Cut off from every staged step: no stage to join.
    if (unstaged.some(id => !stageOf.has(id))) return undefined;
    // Every unstaged step's neighbours must agree, also those reached later.
    for (const id of unstaged) {
        const stage = stageOf.get(id);
        if (neighbours.get(id)!.some(other => stageOf.get(other) !== stage)) return undefined;
    }
    return stageOf;
}

/** Disjoint sets of ids; `union` says whether the two were apart. */
class UnionFind {
    private readonly parent = new Map<string, string>();

    find(id: string): string {
        let root = id;
        for (let up = this.parent.get(root); up !== undefined && up !== root; up = this.parent.get(root)) root = up;
        // Path compression: every id on the way now points at the root.
        for (let at = id; at !== root;) {
            const next = this.parent.get(at)!;
            this.parent.set(at, root);
            at = next;
        }
        return root;
    }

    union(a: string, b: string): boolean {
        const rootA = this.find(a);
        const rootB = this.find(b);
        if (rootA === rootB) return false;
        this.parent.set(rootA, rootB);
        return true;
    }
}
