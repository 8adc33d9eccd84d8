/**
 * Branch points, BPMN style: where a decision's alternatives split (an empty diamond) and where
 * parallel work splits and joins (a diamond with a `+`). The diamond sits on the border of its
 * step, on the side its branches leave (or enter), centred on their ports and clear of every other
 * flow's port, half in the box's padding and half in the gap, so the routes stay as they are: the
 * branch lines visibly fan out of the diamond.
 */
import type { BlueprintModel, DiagramStrings, ModelDecision } from '@blueprint/model';
import type { DiagramEdge } from './diagram-input.js';
import type { BranchBundles } from './edge-routing.js';
import type { LaidOutFlow, LaidOutGateway, LaidOutStep, Point } from './geometry.js';

/** Half diagonals of the diamond: inside a box's 8 px padding on one side, inside a gap's 6 px margin on the other. */
export const GATEWAY_HALF_WIDTH = 6;
export const GATEWAY_HALF_HEIGHT = 8;
/** The centre lies this far inside the border, so the diamond reaches 7 px into the box and 5 px out. */
const INSET = 1;

type Side = LaidOutGateway['side'];

/**
 * Before routing: which flows fan out of one branch point (a decision's or a parallel split's
 * branches) and which meet at one (the flows into a parallel block's join step), so the router
 * bunches their ports where the diamond will be.
 */
export function branchBundles(model: BlueprintModel, edges: readonly DiagramEdge[]): BranchBundles {
    const drawn = new Set(edges.map(edge => edge.id));
    // The flows into each step, in order: a join's incoming flows without a scan of all flows per decision.
    const into = new Map<string, DiagramEdge[]>();
    for (const edge of edges) {
        const list = into.get(edge.to);
        if (list) list.push(edge);
        else into.set(edge.to, [edge]);
    }
    const bundles = new Map<string, { bundle: string; which: 0 | 1 }[]>();
    const add = (flow: string, bundle: string, which: 0 | 1) => {
        const list = bundles.get(flow);
        if (!list) bundles.set(flow, [{ bundle, which }]);
        else if (!list.some(entry => entry.which === which)) list.push({ bundle, which });
    };
    for (const decision of model.decisions ?? []) {
        const branches = (decision.flows ?? []).filter(id => drawn.has(id));
        if (decision.step === undefined || branches.length < 2) continue;
        for (const flow of branches) add(flow, `split:${decision.kind}:${decision.step}`, 0);
        if (decision.kind === 'parallel' && decision.join !== undefined) {
            const incoming = (into.get(decision.join) ?? []).filter(edge => edge.kind !== 'evidence' && !edge.loop);
            if (incoming.length >= 2) for (const edge of incoming) add(edge.id, `join:${decision.join}`, 1);
        }
    }
    return bundles;
}

export function placeGateways(model: BlueprintModel, flows: readonly LaidOutFlow[], steps: readonly LaidOutStep[], strings: DiagramStrings): LaidOutGateway[] {
    const boxes = new Map(steps.map(step => [step.id, step]));
    const flowById = new Map(flows.map(flow => [flow.id, flow]));
    // The flows that start or end at each step, in order (once each): `place` looks at one step's ports only.
    const flowsAt = new Map<string, LaidOutFlow[]>();
    const attach = (step: string, flow: LaidOutFlow) => {
        const list = flowsAt.get(step);
        if (list) list.push(flow);
        else flowsAt.set(step, [flow]);
    };
    for (const flow of flows) {
        attach(flow.from, flow);
        if (flow.to !== flow.from) attach(flow.to, flow);
    }
    const say = strings.notes;
    const gateways: LaidOutGateway[] = [];
    const seen = new Set<string>();
    for (const decision of model.decisions ?? []) {
        const box = decision.step === undefined ? undefined : boxes.get(decision.step);
        const kind = decision.kind === 'parallel' ? 'parallel' : 'exclusive';
        if (!box || box.evidenceFor !== undefined || seen.has(`${kind}:${box.id}`)) continue;
        const branches = (decision.flows ?? []).map(id => flowById.get(id)).filter((flow): flow is LaidOutFlow => flow !== undefined && flow.points.length >= 2);
        // One parallel branch beside a decision at the same step is still a split: that work goes on whichever alternative is taken.
        const beside = kind === 'parallel' && (model.decisions ?? []).some(other => other.step === decision.step && other.kind !== 'parallel');
        if (branches.length < (beside ? 1 : 2)) continue;
        seen.add(`${kind}:${box.id}`);
        const split = place(box, branches.map(flow => flow.points[0]), flowsAt.get(box.id) ?? [], new Set(branches.map(flow => flow.id)));
        const list = branches.map(flow => flow.label ? `${boxes.get(flow.to)?.label ?? flow.to}: ${flow.label}` : boxes.get(flow.to)?.label ?? flow.to).join(say.listSeparator);
        gateways.push({
            id: `gateway:${kind}:${box.id}`, step: box.id, kind, role: 'split', ...split, flows: branches.map(flow => flow.id),
            ...(decision.label ? { label: decision.label } : {}),
            description: kind === 'parallel' ? say.parallelSplit(decision.label, list) : say.decision(decision.label, list)
        });
        const join = joinGateway(decision, boxes, flowsAt, say);
        if (join && !seen.has(`join:${join.step}`)) {
            seen.add(`join:${join.step}`);
            gateways.push(join);
        }
    }
    return gateways;
}

function joinGateway(decision: ModelDecision, boxes: ReadonlyMap<string, LaidOutStep>, flowsAt: ReadonlyMap<string, readonly LaidOutFlow[]>,
    say: DiagramStrings['notes']): LaidOutGateway | undefined {
    if (decision.kind !== 'parallel' || decision.join === undefined) return undefined;
    const box = boxes.get(decision.join);
    if (!box) return undefined;
    const flows = flowsAt.get(box.id) ?? [];
    const incoming = flows.filter(flow => flow.to === box.id && flow.kind !== 'evidence' && !flow.loop && flow.points.length >= 2);
    if (incoming.length < 2) return undefined;
    const at = place(box, incoming.map(flow => flow.points[flow.points.length - 1]), flows, new Set(incoming.map(flow => flow.id)));
    return {
        id: `gateway:join:${box.id}`, step: box.id, kind: 'parallel', role: 'join', ...at, flows: incoming.map(flow => flow.id),
        description: say.parallelJoin(box.label)
    };
}

/**
 * Where on the box's border the diamond goes: on the side most of `ports` lie on, as near as it can
 * be to the middle of those ports while keeping clear of the ports of every other flow on that side.
 * `flows` are the flows that start or end at the box.
 */
function place(box: LaidOutStep, ports: readonly Point[], flows: readonly LaidOutFlow[], own: ReadonlySet<string>):
    Pick<LaidOutGateway, 'x' | 'y' | 'halfWidth' | 'halfHeight' | 'side'> {
    const side = dominantSide(box, ports);
    const vertical = side === 'left' || side === 'right';
    const along = (point: Point) => vertical ? point.y : point.x;
    const onSide = ports.filter(point => sideOf(box, point) === side).map(along);
    const half = vertical ? GATEWAY_HALF_HEIGHT : GATEWAY_HALF_WIDTH;
    const low = (vertical ? box.y : box.x) + half + 1;
    const high = (vertical ? box.y + box.height : box.x + box.width) - half - 1;
    const wanted = onSide.length > 0 ? (Math.min(...onSide) + Math.max(...onSide)) / 2 : (low + high) / 2;
    // Ports of flows that do not branch here: the diamond must not sit on their lines.
    const foreign: number[] = [];
    for (const flow of flows) {
        if (own.has(flow.id) || flow.points.length < 2) continue;
        for (const point of [flow.points[0], flow.points[flow.points.length - 1]]) {
            if ((flow.from === box.id || flow.to === box.id) && sideOf(box, point) === side) foreign.push(along(point));
        }
    }
    const clearance = (position: number) => {
        let nearest = Infinity;
        for (const port of foreign) nearest = Math.min(nearest, Math.abs(port - position));
        return nearest;
    };
    let best = Math.round(Math.max(low, Math.min(high, wanted)));
    if (clearance(best) < half + 2) {
        let bestScore = -Infinity;
        for (let position = Math.ceil(low); position <= high; position++) {
            // Clear of foreign ports first, then as near the branches as possible.
            const score = Math.min(clearance(position), half + 2) * 1000 - Math.abs(position - wanted);
            if (score > bestScore) {
                bestScore = score;
                best = position;
            }
        }
    }
    const halves = vertical ? { halfWidth: GATEWAY_HALF_WIDTH, halfHeight: GATEWAY_HALF_HEIGHT } : { halfWidth: GATEWAY_HALF_HEIGHT, halfHeight: GATEWAY_HALF_WIDTH };
    switch (side) {
        case 'right': return { x: box.x + box.width - INSET, y: best, side, ...halves };
        case 'left': return { x: box.x + INSET, y: best, side, ...halves };
        case 'top': return { x: best, y: box.y + INSET, side, ...halves };
        default: return { x: best, y: box.y + box.height - INSET, side, ...halves };
    }
}

function dominantSide(box: LaidOutStep, ports: readonly Point[]): Side {
    const count = new Map<Side, number>();
    for (const point of ports) {
        const side = sideOf(box, point);
        if (side) count.set(side, (count.get(side) ?? 0) + 1);
    }
    // Right first on a tie: a process reads left to right.
    return (['right', 'left', 'bottom', 'top'] as const).reduce((best, side) => (count.get(side) ?? 0) > (count.get(best) ?? 0) ? side : best, 'right' as Side);
}

function sideOf(box: LaidOutStep, point: Point): Side | undefined {
    if (point.x === box.x + box.width) return 'right';
    if (point.x === box.x) return 'left';
    if (point.y === box.y) return 'top';
    if (point.y === box.y + box.height) return 'bottom';
    return undefined;
}

/** The diamond's bounding box, for the label placer and the layout checker. */
export function gatewayRect(gateway: Pick<LaidOutGateway, 'x' | 'y' | 'halfWidth' | 'halfHeight'>): { x: number; y: number; width: number; height: number } {
    return { x: gateway.x - gateway.halfWidth, y: gateway.y - gateway.halfHeight, width: 2 * gateway.halfWidth, height: 2 * gateway.halfHeight };
}
