/**
 * The x-rank of every step from elkjs's layered algorithm, run on the flat graph of steps and
 * non-loop flows. Lanes are not ELK containers: nested layout is an order of magnitude slower and
 * the lane bands are placed deterministically afterwards anyway. Only the layering is used.
 */
import ElkBundled from 'elkjs/lib/elk.bundled.js';
import type { ELK, ELKConstructorArguments, ElkNode } from 'elkjs/lib/elk-api.js';
import type { DiagramBox, DiagramEdge } from './diagram-input.js';
import { rankByLongestPath } from './longest-path-ranking.js';

/**
 * Above this many steps the layering is our iterative longest-path pass instead of ELK: elkjs
 * recurses along paths and overflows the stack from about 6,000 steps in a chain, and at this size
 * it takes seconds anyway. Below it ELK stays the engine of record.
 */
export const ELK_STEP_LIMIT = 4000;

const ELK_OPTIONS: Record<string, string> = {
    'elk.algorithm': 'layered',
    'elk.direction': 'RIGHT',
    // Model order as tie-breaker keeps a one-step edit from reshuffling unrelated steps.
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
    // Only the layer of each node is read back: ordering nodes within a layer is wasted work here
    // (it was 40 % of ELK's time at 200 steps) and does not change the layering.
    'elk.layered.crossingMinimization.strategy': 'NONE',
    'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
    'elk.layered.nodePlacement.strategy': 'SIMPLE',
    'elk.layered.thoroughness': '1',
    'elk.edgeRouting': 'POLYLINE',
    'elk.separateConnectedComponents': 'false',
    'elk.randomSeed': '1'
};

// elkjs is CommonJS: under NodeNext its default export is the module object, not the constructor.
const ElkConstructor = ElkBundled as unknown as new (args?: ELKConstructorArguments) => ELK;

let sharedElk: ELK | undefined;

/**
 * Rankings of recent graph structures (whole flow graphs, or the flows inside one stage: see
 * stage-ranking.ts). The layering depends only on the steps, their order and the flows, not on
 * labels or box sizes, so the keystrokes that edit a label or a property (most of them) reuse the
 * ranking instead of running ELK again; with one entry per stage, a flow edit reranks one stage.
 */
const recentRankings = new Map<string, Map<string, number>>();
/** Bound of the cache in ranked steps: eight versions of a 4,000-step graph, or as many stages. */
const RECENT_RANKED_STEPS = 32_000;
let rankedSteps = 0;

/** Layer index (0-based, left to right) of each step. */
export async function rankSteps(steps: readonly DiagramBox[], flows: readonly DiagramEdge[]): Promise<Map<string, number>> {
    const ids = new Set(steps.map(step => step.id));
    const edges = flows.filter(flow => !flow.loop && flow.from !== flow.to && ids.has(flow.from) && ids.has(flow.to));
    return rankGraph(steps, edges);
}

/** The layers of a graph whose edges all join two of its steps (none a loop), from the cache or computed. */
export async function rankGraph(steps: readonly DiagramBox[], edges: readonly DiagramEdge[]): Promise<Map<string, number>> {
    const structure = `${steps.map(step => step.id).join('\n')}\u0000${edges.map(edge => `${edge.from}\n${edge.to}`).join('\n')}`;
    const cached = recentRankings.get(structure);
    if (cached) {
        // Refresh its place in the recency order.
        recentRankings.delete(structure);
        recentRankings.set(structure, cached);
        return new Map(cached);
    }
    const ranks = steps.length > ELK_STEP_LIMIT ? rankByLongestPath(steps, edges) : await rankWithElk(steps, edges);
    recentRankings.set(structure, ranks);
    rankedSteps += ranks.size;
    while (rankedSteps > RECENT_RANKED_STEPS && recentRankings.size > 1) {
        const [oldest, oldRanks] = recentRankings.entries().next().value!;
        recentRankings.delete(oldest);
        rankedSteps -= oldRanks.size;
    }
    return new Map(ranks);
}

async function rankWithElk(steps: readonly DiagramBox[], edges: readonly DiagramEdge[]): Promise<Map<string, number>> {
    sharedElk ??= new ElkConstructor();
    const graph: ElkNode = {
        id: 'root',
        layoutOptions: ELK_OPTIONS,
        children: steps.map(step => ({ id: step.id, width: step.width, height: step.height })),
        edges: edges.map((flow, index) => ({ id: `e${index}`, sources: [flow.from], targets: [flow.to] }))
    };
    try {
        const ranks = layersFromPositions((await sharedElk.layout(graph)).children ?? []);
        // elkjs keeps the internal graph of its last layout until the next one (14 KB a step at
        // 1,000 steps, for as long as the document stays open): a one-node layout lets it go.
        await sharedElk.layout({ id: 'release', children: [{ id: 'n', width: 1, height: 1 }] });
        return ranks;
    } catch (error) {
        // A deep graph under the limit can still exhaust a small stack (a worker, a browser): layer it ourselves.
        if (error instanceof RangeError) return rankByLongestPath(steps, edges);
        throw error;
    }
}

/**
 * ELK reports positions, not layers. Layers are separated by a gap, so sweeping the nodes by x
 * starts a new layer whenever a node begins right of everything seen so far.
 */
function layersFromPositions(nodes: readonly ElkNode[]): Map<string, number> {
    const sorted = [...nodes].sort((a, b) => (a.x ?? 0) - (b.x ?? 0));
    const ranks = new Map<string, number>();
    let layer = -1;
    let layerRight = -Infinity;
    for (const node of sorted) {
        const x = node.x ?? 0;
        const right = x + (node.width ?? 0);
        if (x >= layerRight) {
            layer++;
            layerRight = right;
        } else {
            layerRight = Math.max(layerRight, right);
        }
        ranks.set(node.id, layer);
    }
    return ranks;
}
