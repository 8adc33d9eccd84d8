/**
 * Branch points, BPMN style: where a decision's alternatives split (an empty diamond) and where
 * parallel work splits and joins (a diamond with a `+`). The diamond sits on the border of its
 * step, on the side its branches leave (or enter), centred on their ports and clear of every other
 * flow's port, half in the box's padding and half in the gap, so the routes stay as they are: the
 * branch lines visibly fan out of the diamond.
 */
import type { BlueprintModel, DiagramStrings } from '@blueprint/model';
import type { DiagramEdge } from './diagram-input.js';
import type { BranchBundles } from './edge-routing.js';
import type { LaidOutFlow, LaidOutGateway, LaidOutStep, Point } from './geometry.js';

/** Half diagonals of the diamond: inside a box's 8 px padding on one side, inside a gap's 6 px margin on the other. */
export const GATEWAY_HALF_WIDTH = 6;
export const GATEWAY_HALF_HEIGHT = 8;
/** The centre lies this far inside the border, so the diamond reaches 7 px into the box and 5 px out. */
const INSET = 1;
/** Between the tips of two diamonds on one side of a box. */
const GATEWAY_GAP = 4;

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
    // The diamonds already on each box: a ⊕ beside a ◇ on one step keeps a gap from it.
    const onBox = new Map<string, LaidOutGateway[]>();
    const add = (gateway: LaidOutGateway) => {
        gateways.push(gateway);
        const list = onBox.get(gateway.step);
        if (list) list.push(gateway);
        else onBox.set(gateway.step, [gateway]);
    };
    for (const decision of model.decisions ?? []) {
        const box = decision.step === undefined ? undefined : boxes.get(decision.step);
        const kind = decision.kind === 'parallel' ? 'parallel' : 'exclusive';
        if (!box || box.evidenceFor !== undefined || seen.has(`${kind}:${box.id}`)) continue;
        const branches = (decision.flows ?? []).map(id => flowById.get(id)).filter((flow): flow is LaidOutFlow => flow !== undefined && flow.points.length >= 2);
        // One parallel branch beside a decision at the same step is still a split: that work goes on whichever alternative is taken.
        const beside = kind === 'parallel' && (model.decisions ?? []).some(other => other.step === decision.step && other.kind !== 'parallel');
        if (branches.length < (beside ? 1 : 2)) continue;
        seen.add(`${kind}:${box.id}`);
        const split = place(box, branches.map(flow => flow.points[0]), flowsAt.get(box.id) ?? [], new Set(branches.map(flow => flow.id)), onBox.get(box.id) ?? []);
        const list = branches.map(flow => flow.label ? `${boxes.get(flow.to)?.label ?? flow.to}: ${flow.label}` : boxes.get(flow.to)?.label ?? flow.to).join(say.listSeparator);
        add({
            id: `gateway:${kind}:${box.id}`, step: box.id, kind, role: 'split', ...split, flows: branches.map(flow => flow.id),
            ...(decision.label ? { label: decision.label } : {}),
            description: kind === 'parallel' ? say.parallelSplit(decision.label, list) : say.decision(decision.label, list)
        });
        if (decision.kind === 'parallel' && decision.join !== undefined && !seen.has(`join:${decision.join}`)) {
            const join = joinGateway(decision.join, boxes, flowsAt, onBox.get(decision.join) ?? [], say);
            if (join) {
                seen.add(`join:${join.step}`);
                add(join);
            }
        }
    }
    return gateways;
}

function joinGateway(step: string, boxes: ReadonlyMap<string, LaidOutStep>, flowsAt: ReadonlyMap<string, readonly LaidOutFlow[]>,
    others: readonly LaidOutGateway[], say: DiagramStrings['notes']): LaidOutGateway | undefined {
    const box = boxes.get(step);
    if (!box) return undefined;
    const flows = flowsAt.get(box.id) ?? [];
    const incoming = flows.filter(flow => flow.to === box.id && flow.kind !== 'evidence' && !flow.loop && flow.points.length >= 2);
    if (incoming.length < 2) return undefined;
    // The branches' arrowheads leave the middle of their bundle free: the diamond goes there, clear of each of them.
    const at = place(box, incoming.map(flow => flow.points[flow.points.length - 1]), flows, new Set(incoming.map(flow => flow.id)), others, true);
    return {
        id: `gateway:join:${box.id}`, step: box.id, kind: 'parallel', role: 'join', ...at, flows: incoming.map(flow => flow.id),
        description: say.parallelJoin(box.label)
    };
}

/**
 * Where on the box's border the diamond goes: on the side most of `ports` lie on, as near as it can
 * be to the middle of those ports while keeping clear of the ports of every other flow on that side
 * (and of its own ports, `clearOfOwn`: a join's arrowheads) and of the diamonds already on it (`others`). `flows` are the flows that start or end at the box.
 */
function place(box: LaidOutStep, ports: readonly Point[], flows: readonly LaidOutFlow[], own: ReadonlySet<string>, others: readonly LaidOutGateway[],
    clearOfOwn = false):
    Pick<LaidOutGateway, 'x' | 'y' | 'halfWidth' | 'halfHeight' | 'side'> {
    const side = dominantSide(box, ports);
    const vertical = side === 'left' || side === 'right';
    const along = (point: Point) => vertical ? point.y : point.x;
    const onSide = ports.filter(point => sideOf(box, point) === side).map(along);
    const half = vertical ? GATEWAY_HALF_HEIGHT : GATEWAY_HALF_WIDTH;
    const low = (vertical ? box.y : box.x) + half + 1;
    const high = (vertical ? box.y + box.height : box.x + box.width) - half - 1;
    const wanted = onSide.length > 0 ? (Math.min(...onSide) + Math.max(...onSide)) / 2 : (low + high) / 2;
    // What the diamond must keep clear of, with the distance it needs from each: the ports of flows
    // that do not branch here (it must not sit on their lines), and the other diamonds (tip to tip, a gap).
    const obstacles: { readonly at: number; readonly need: number }[] = [];
    for (const flow of flows) {
        if (own.has(flow.id) || flow.points.length < 2) continue;
        for (const point of [flow.points[0], flow.points[flow.points.length - 1]]) {
            if ((flow.from === box.id || flow.to === box.id) && sideOf(box, point) === side) obstacles.push({ at: along(point), need: half + 2 });
        }
    }
    if (clearOfOwn) for (const point of ports) if (sideOf(box, point) === side) obstacles.push({ at: along(point), need: half + 2 });
    for (const other of others) {
        if (other.side === side) obstacles.push({ at: vertical ? other.y : other.x, need: 2 * half + GATEWAY_GAP });
    }
    // How far the diamond at `position` is from its nearest obstacle, beyond what that one needs (negative: too near).
    const slack = (position: number) => {
        let least = Infinity;
        for (const obstacle of obstacles) least = Math.min(least, Math.abs(obstacle.at - position) - obstacle.need);
        return least;
    };
    let best = Math.round(Math.max(low, Math.min(high, wanted)));
    if (slack(best) < 0) {
        let bestScore = -Infinity;
        for (let position = Math.ceil(low); position <= high; position++) {
            // Clear of obstacles first, then as near the branches as possible.
            const score = Math.min(slack(position), 0) * 1000 - Math.abs(position - wanted);
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
