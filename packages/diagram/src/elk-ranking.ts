/**
 * The x-rank of every step from elkjs's layered algorithm, run on the flat graph of steps and
 * non-loop flows. Lanes are not ELK containers: nested layout is an order of magnitude slower and
 * the lane bands are placed deterministically afterwards anyway. Only the layering is used.
 */
import ElkBundled from 'elkjs/lib/elk.bundled.js';
import type { ELK, ELKConstructorArguments, ElkNode } from 'elkjs/lib/elk-api.js';
import type { DiagramBox, DiagramEdge } from './diagram-input.js';

const ELK_OPTIONS: Record<string, string> = {
    'elk.algorithm': 'layered',
    'elk.direction': 'RIGHT',
    // Model order as tie-breaker keeps a one-step edit from reshuffling unrelated steps.
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
    'elk.layered.nodePlacement.strategy': 'SIMPLE',
    'elk.layered.thoroughness': '1',
    'elk.edgeRouting': 'POLYLINE',
    'elk.separateConnectedComponents': 'false',
    'elk.randomSeed': '1'
};

// elkjs is CommonJS: under NodeNext its default export is the module object, not the constructor.
const ElkConstructor = ElkBundled as unknown as new (args?: ELKConstructorArguments) => ELK;

let sharedElk: ELK | undefined;

/** Layer index (0-based, left to right) of each step. */
export async function rankSteps(steps: readonly DiagramBox[], flows: readonly DiagramEdge[]): Promise<Map<string, number>> {
    sharedElk ??= new ElkConstructor();
    const ids = new Set(steps.map(step => step.id));
    const graph: ElkNode = {
        id: 'root',
        layoutOptions: ELK_OPTIONS,
        children: steps.map(step => ({ id: step.id, width: step.width, height: step.height })),
        edges: flows
            .filter(flow => !flow.loop && flow.from !== flow.to && ids.has(flow.from) && ids.has(flow.to))
            .map((flow, index) => ({ id: `e${index}`, sources: [flow.from], targets: [flow.to] }))
    };
    const laidOut = await sharedElk.layout(graph);
    return layersFromPositions(laidOut.children ?? []);
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
