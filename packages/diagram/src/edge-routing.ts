/**
 * Orthogonal routes between placed boxes, every segment horizontal or vertical, that never run
 * through a box other than their own two and never run along another flow's line.
 *
 * The placement is a grid: boxes sit only inside columns, so the gaps between columns are free
 * vertical channels, and the padding at the top and bottom of every lane is a free horizontal
 * channel across the whole drawing. Each route is one of a few shapes through those channels:
 * - forward flows leave the source's right side and enter the target's left side, bending in the gap
 *   after the source or before the target; when the row at either end is blocked by a box in a
 *   column in between, the flow drops into a lane channel and travels there;
 * - backward flows (loops) leave the source's left side and enter the target's right side the same way;
 * - flows within one column (and self-loops) go out and back on the right side;
 * - evidence connectors run straight down from the card to its step when nothing lies between, and
 *   otherwise leave the card's side, go down a gap and enter the step's top from just above it.
 * Each flow end gets its own port on its box side, and each vertical and channel segment its own
 * track (checked against every segment placed before), so arrowheads and lines are never shared.
 *
 * Why not libavoid (`libavoid-js`): it is LGPL-2.1 WebAssembly with an asynchronous start, reroutes
 * the whole diagram with general visibility graphs on every keystroke, and knows nothing of lanes
 * and columns; the grid already gives the channels, so a few checked candidate shapes per flow are
 * enough and cost a fraction of a millisecond each.
 */
import type { DiagramEdge } from './diagram-input.js';
import type { LaidOutFlow, LaidOutStep, Point } from './geometry.js';
import { SpatialIndex, type Rect } from './spatial-index.js';

/** Distance between two parallel tracks: any closer, a bundle of lines cannot be told apart. */
export const TRACK = 8;
/** Closest a port comes to a corner, and two join ports to each other, on a side too short for them (a card's). */
const MIN_SEPARATION = 5;
/**
 * Closest two parallel lines may come (the router's conflict test; layout-quality.ts counts nearer
 * ones as cramped). Tracks lie TRACK apart, and ports at least that since boxes grow for them, but
 * a spread track in a gap and one of its fixed tracks can lie nearer.
 */
const PARALLEL_SEPARATION = 7;
/** Distance between the arrowheads of flows that meet at a join (an arrowhead is about 11 px wide; the diamond 16 px high). */
const JOIN_PORT_SPACING = 14;
/** Distance between two ports on a side where an arrowhead ends: an arrowhead is about 11 px wide. */
export const ARROWHEAD_PORT_SPACING = 12;
/** Closest a port comes to the corner of a side that is only as long as its ports need. */
export const PORT_MARGIN = 8;
/** How far an arrowhead reaches back from its tip (8 stroke widths of 1.4 px, as drawn). */
const ARROWHEAD_LENGTH = 11;
/** Closest an evidence connector passes an arrowhead's centre line: 3 px clear of its barbs. */
const ARROWHEAD_CLEARANCE = 9;
/** Closest a track comes to a column edge. */
const GAP_MARGIN = 6;
/** Closest a line comes to a box it does not end at: any nearer, it seems to touch the box. */
const BOX_CLEARANCE = 6;
/** Gap below which two collinear segments read as one line meeting end to end. */
const CLEARANCE = 3;

export interface RoutingGrid {
    readonly columnX: readonly number[];
    readonly columnWidth: readonly number[];
    /** Gap g lies left of column g (gap `columns` right of the last one): its x range. */
    readonly gapLeft: readonly number[];
    readonly gapRight: readonly number[];
    /** y of every horizontal channel track, in the lane paddings, sorted. */
    readonly channels: readonly number[];
}

type Side = 'left' | 'right' | 'top' | 'bottom';
const SIDE_INDEX: Readonly<Record<Side, number>> = { left: 0, right: 1, top: 2, bottom: 3 };

interface FlowEnd {
    readonly edge: number;
    readonly box: LaidOutStep;
    readonly side: Side;
    /** The other end's box, to order the ports along the side. */
    readonly other: LaidOutStep;
    readonly otherColumn: number;
    /** 0 where the flow starts, 1 where it ends. */
    readonly which: 0 | 1;
}

interface PlacedSegment {
    readonly edge: number;
    readonly a: Point;
    readonly b: Point;
    /** A port's claim on its row, up to the middle of the gap it faces, until its flow is routed. */
    readonly reserved?: boolean;
}

export interface RoutingResult {
    readonly flows: LaidOutFlow[];
    /** Gaps that needed more tracks than they hold (the layout widens them and routes again). */
    readonly crowdedGaps: ReadonlySet<number>;
    /** y ranges of flows that found no free channel (the layout gives the lanes there more padding). */
    readonly crowdedRows: readonly (readonly [number, number])[];
}

/** The gaps a flow may bend in (gap g lies left of column g), given its ends' columns. */
export function gapsUsed(edge: DiagramEdge, from: number, to: number, straightEvidence: boolean): number[] {
    if (edge.kind === 'evidence') return straightEvidence ? [] : [from + 1];
    if (from < to) return to - from > 1 ? [to, from + 1] : [to];
    if (from > to) return from - to > 1 ? [to + 1, from] : [to + 1];
    return [from + 1];
}

interface VerticalExtent {
    readonly y: number;
    readonly height: number;
}

/** True when the evidence connector can run straight from the card to its step (nothing between them in the column). */
export function evidenceRunsStraight<T extends VerticalExtent>(card: T, owner: T, columnBoxes: readonly T[]): boolean {
    const top = Math.min(card.y + card.height, owner.y + owner.height);
    const bottom = Math.max(card.y, owner.y);
    return !columnBoxes.some(box => box !== card && box !== owner && box.y < bottom && box.y + box.height > top);
}

/**
 * Flows that branch out of (or meet at) one branch point: their ports on that side are bunched
 * one track apart around one place, so they fan out of the diamond drawn there (gateways.ts).
 * Keyed by flow id; `which` is 0 for the flows' starts (a split), 1 for their ends (a join).
 */
export type BranchBundles = ReadonlyMap<string, readonly { readonly bundle: string; readonly which: 0 | 1 }[]>;

/** The sides a flow leaves and enters by, from its kind and its ends' columns (evidence: whether it runs straight, and down). */
function endSides(kind: DiagramEdge['kind'], from: number, to: number, straightEvidence: boolean, down: boolean): [Side, Side] {
    if (kind === 'evidence') return straightEvidence ? (down ? ['bottom', 'top'] : ['top', 'bottom']) : ['right', down ? 'top' : 'bottom'];
    if (from < to) return ['right', 'left'];
    if (from > to) return ['left', 'right'];
    return ['right', 'right'];
}

/** Whether the end `which` (0 start, 1 end) of a flow of this kind is drawn with an arrowhead. */
function hasArrowhead(kind: DiagramEdge['kind'], which: 0 | 1): boolean {
    return which === 1 ? kind !== 'evidence' : kind === 'two-way';
}

/**
 * The height each box needs on its left and right sides for the flows that end there, known from
 * the columns before anything is placed: its ports a port spacing apart (arrowheads 12 px, plain
 * line ends a track), a branch bundle's ports as the router spreads them, and a margin at either
 * corner. Only boxes whose sides need more than nothing are listed; the layout grows those that are
 * shorter, so a side never squeezes its ports. Top and bottom carry only evidence connectors, a few
 * on a box at least 110 px wide: they never need more.
 */
export function portRoom(edges: readonly DiagramEdge[], column: ReadonlyMap<string, number>, bundles: BranchBundles = new Map()): Map<string, number> {
    interface SideUse { singles: number; arrowheads: boolean; readonly bundles: Map<string, { count: number; readonly join: boolean }> }
    const uses = new Map<string, [SideUse | undefined, SideUse | undefined]>();
    for (const edge of edges) {
        if (edge.kind === 'evidence') continue;
        const from = column.get(edge.from);
        const to = column.get(edge.to);
        if (from === undefined || to === undefined) continue;
        const sides = endSides(edge.kind, from, to, false, false);
        for (const which of [0, 1] as const) {
            const id = which === 0 ? edge.from : edge.to;
            let pair = uses.get(id);
            if (!pair) uses.set(id, pair = [undefined, undefined]);
            const slot = sides[which] === 'left' ? 0 : 1;
            const use = pair[slot] ??= { singles: 0, arrowheads: false, bundles: new Map() };
            if (hasArrowhead(edge.kind, which)) use.arrowheads = true;
            const bundle = bundles.get(edge.id)?.find(entry => entry.which === which)?.bundle;
            if (bundle === undefined) use.singles++;
            else {
                const known = use.bundles.get(bundle);
                if (known) known.count++;
                else use.bundles.set(bundle, { count: 1, join: which === 1 });
            }
        }
    }
    const room = new Map<string, number>();
    for (const [id, pair] of uses) {
        let need = 0;
        for (const use of pair) {
            if (!use) continue;
            let spanned = 0;
            for (const { count, join } of use.bundles.values()) {
                if (count > 1) spanned += join ? count * JOIN_PORT_SPACING : (count - 1) * TRACK;
            }
            const slots = use.singles + use.bundles.size;
            const spacing = use.arrowheads ? ARROWHEAD_PORT_SPACING : TRACK;
            need = Math.max(need, spanned + (slots - 1) * spacing + 2 * PORT_MARGIN);
        }
        room.set(id, Math.ceil(need));
    }
    return room;
}

export function routeFlows(edges: readonly DiagramEdge[], steps: readonly LaidOutStep[],
    column: ReadonlyMap<string, number>, grid: RoutingGrid, bundles: BranchBundles = new Map()): RoutingResult {
    const boxes = new Map(steps.map(step => [step.id, step]));
    const obstacles = new SpatialIndex<LaidOutStep>();
    const columnBoxes = new Map<number, LaidOutStep[]>();
    for (const step of steps) {
        obstacles.add(step, step);
        const index = column.get(step.id)!;
        const list = columnBoxes.get(index);
        if (list) list.push(step);
        else columnBoxes.set(index, [step]);
    }
    const placed = new SpatialIndex<PlacedSegment>();
    const crowdedGaps = new Set<number>();
    const crowdedRows: [number, number][] = [];
    const gapTrackCache = new Map<number, number[]>();

    function bundleOf(end: FlowEnd): string | undefined {
        const entries = bundles.get(edges[end.edge].id);
        if (entries) for (const entry of entries) if (entry.which === end.which) return entry.bundle;
        return undefined;
    }

    // 1. Which side each end attaches to.
    // Keyed by the box object and the side (ids map to one box each): no string key per end.
    const ends: FlowEnd[][] = [];
    const sidesOf = new Map<LaidOutStep, (FlowEnd[] | undefined)[]>();
    const straightEvidence = new Set<number>();
    const addEnd = (end: FlowEnd) => {
        let sides = sidesOf.get(end.box);
        if (!sides) sidesOf.set(end.box, sides = [undefined, undefined, undefined, undefined]);
        const slot = SIDE_INDEX[end.side];
        const list = sides[slot];
        if (list) list.push(end);
        else ends.push(sides[slot] = [end]);
    };
    edges.forEach((edge, index) => {
        const source = boxes.get(edge.from)!;
        const target = boxes.get(edge.to)!;
        const from = column.get(edge.from)!;
        const to = column.get(edge.to)!;
        const straight = edge.kind === 'evidence' && evidenceRunsStraight(source, target, columnBoxes.get(from) ?? []);
        if (straight) straightEvidence.add(index);
        const pair = endSides(edge.kind, from, to, straight, source.y < target.y);
        addEnd({ edge: index, box: source, side: pair[0], other: target, otherColumn: to, which: 0 });
        addEnd({ edge: index, box: target, side: pair[1], other: source, otherColumn: from, which: 1 });
    });

    // 2. Distinct ports along each side, ordered by where the other end lies so lines fan out without crossing.
    const unplaced: Point = { x: 0, y: 0 };
    const ports: [Point, Point][] = edges.map(() => [unplaced, unplaced]);
    for (const list of ends) {
        const { box, side } = list[0];
        const vertical = side === 'left' || side === 'right';
        // In place: the lists are not read in their first order again.
        if (list.length > 1) {
            list.sort((a, b) => vertical
                ? centerY(a.other) - centerY(b.other) || (side === 'right' ? b.otherColumn - a.otherColumn : a.otherColumn - b.otherColumn) || a.edge - b.edge
                : centerX(a.other) - centerX(b.other) || a.edge - b.edge);
        }
        // A bundle of branches takes one slot among the other ports, its members a track apart in it.
        const slots: FlowEnd[][] = [];
        let slotOfBundle: Map<string, FlowEnd[]> | undefined;
        for (const end of list) {
            const bundle = bundleOf(end);
            const open = bundle === undefined ? undefined : slotOfBundle?.get(bundle);
            if (open) open.push(end);
            else {
                const slot = [end];
                slots.push(slot);
                if (bundle !== undefined) (slotOfBundle ??= new Map()).set(bundle, slot);
            }
        }
        const length = vertical ? box.height : box.width;
        // Each slot takes the room its members span, and the room left is shared out evenly
        // between the slots (all single ports: the side divided evenly); where that would bring them
        // closer than a port spacing, they keep that spacing, centred, with less room at the corners
        // (`portRoom` grew the box for it).
        let joinSpacing = JOIN_PORT_SPACING;
        let spanned = 0;
        for (const slot of slots) {
            if (slot.length > 1 && slot[0].which === 0) spanned += (slot.length - 1) * TRACK;
        }
        for (const slot of slots) {
            if (slot.length > 1 && slot[0].which === 1) {
                joinSpacing = Math.max(MIN_SEPARATION, Math.min(JOIN_PORT_SPACING, (length - spanned - (slots.length + 1) * TRACK) / slot.length));
                spanned += slot.length * joinSpacing;
            }
        }
        const free = Math.max(0, length - spanned);
        const spacing = list.some(end => hasArrowhead(edges[end.edge].kind, end.which)) ? ARROWHEAD_PORT_SPACING : TRACK;
        let share = free / (slots.length + 1);
        let cursor = 0;
        if (share < spacing && slots.length > 1) {
            share = Math.max(share, Math.min(spacing, (free - 2 * PORT_MARGIN) / (slots.length - 1)));
            cursor = (free - (slots.length - 1) * share) / 2 - share;
        }
        for (const slot of slots) {
            const join = slot.length > 1 && slot[0].which === 1;
            const span = slot.length < 2 ? 0 : join ? slot.length * joinSpacing : (slot.length - 1) * TRACK;
            cursor += share;
            const middle = cursor + span / 2;
            cursor += span;
            for (let member = 0; member < slot.length; member++) {
                const end = slot[member];
                const offset = join ? joinOffset(member, slot.length, joinSpacing) : (member - (slot.length - 1) / 2) * TRACK;
                const along = Math.round((vertical ? box.y : box.x) + Math.max(MIN_SEPARATION, Math.min(length - MIN_SEPARATION, middle + offset)));
                ports[end.edge][end.which] = vertical
                    ? { x: side === 'right' ? box.x + box.width : box.x, y: along }
                    : { x: along, y: side === 'bottom' ? box.y + box.height : box.y };
            }
        }
    }

    // 3. Route: short flows first, so they take the tracks nearest their boxes; within a gap the flow
    // starting highest (going down) or lowest (going up) first, as it takes the track farthest from its start.
    const endsOf = (index: number): [Point, Point] => ports[index];
    const fanKey = (index: number) => {
        const [start, end] = endsOf(index);
        return end.y > start.y ? start.y : -start.y;
    };
    const spans = edges.map((_, index) => span(index));
    const fans = edges.map((_, index) => fanKey(index));
    const order = edges.map((_, index) => index).sort((a, b) => spans[a] - spans[b] || fans[a] - fans[b] || a - b);
    function span(index: number): number {
        const edge = edges[index];
        if (edge.kind === 'evidence') return straightEvidence.has(index) ? -1 : 0;
        return Math.abs(column.get(edge.from)! - column.get(edge.to)!);
    }

    // How many flows may bend in each gap: their tracks are spread evenly across it.
    const demand = new Map<number, number>();
    edges.forEach((edge, index) => {
        for (const gap of gapsUsed(edge, column.get(edge.from)!, column.get(edge.to)!, straightEvidence.has(index))) {
            demand.set(gap, (demand.get(gap) ?? 0) + 1);
        }
    });

    // Where arrowheads are drawn (their centre lines): an evidence connector keeps clear of them,
    // or its dots run into the barbs.
    const arrowheads = new SpatialIndex<Rect>();
    for (const list of ends) {
        for (const end of list) {
            if (!hasArrowhead(edges[end.edge].kind, end.which)) continue;
            const tip = ports[end.edge][end.which];
            const axis = end.side === 'left' ? { x: tip.x - ARROWHEAD_LENGTH, y: tip.y, width: ARROWHEAD_LENGTH, height: 0 }
                : end.side === 'right' ? { x: tip.x, y: tip.y, width: ARROWHEAD_LENGTH, height: 0 }
                    : end.side === 'top' ? { x: tip.x, y: tip.y - ARROWHEAD_LENGTH, width: 0, height: ARROWHEAD_LENGTH }
                        : { x: tip.x, y: tip.y, width: 0, height: ARROWHEAD_LENGTH };
            arrowheads.add(axis, axis);
        }
    }
    const nearProbe = (axis: Rect): boolean => rectDistance(probeX, probeY, probeWidth, probeHeight, axis) < ARROWHEAD_CLEARANCE;

    // Each side port claims its row into the gap it faces, so a flow routed earlier cannot take the
    // row a later flow must leave by.
    const routed = new Uint8Array(edges.length);
    for (const list of ends) {
        for (const end of list) {
            if (end.side !== 'left' && end.side !== 'right') continue;
            const port = ports[end.edge][end.which];
            const gap = column.get(end.box.id)! + (end.side === 'right' ? 1 : 0);
            const x = Math.round((grid.gapLeft[gap] + grid.gapRight[gap]) / 2);
            const claim = { edge: end.edge, a: port, b: { x, y: port.y }, reserved: true };
            placed.add(segmentRect(claim.a, claim.b), claim);
        }
    }

    // The segment `free` is testing, shared with its two visitors (made once per run, not per segment).
    let probeEdge = -1;
    let probeOwn0: LaidOutStep | undefined;
    let probeOwn1: LaidOutStep | undefined;
    let probeOwnAllowed = false;
    /** Claims of flows that share a box with the probe's flow are passed over (a second try, see `routeBetween`). */
    let probeSiblingClaimsWaived = false;
    /** Whether such a claim barred a route since this was last cleared (no second try otherwise). */
    let siblingClaimMet = false;
    let probeA: Point = { x: 0, y: 0 };
    let probeB: Point = probeA;
    let probeX = 0;
    let probeY = 0;
    let probeWidth = 0;
    let probeHeight = 0;
    const blocksProbe = (box: LaidOutStep): boolean => {
        const isOwn = box === probeOwn0 || box === probeOwn1;
        if (isOwn && probeOwnAllowed) return false;
        return crossesInterior(probeX, probeY, probeWidth, probeHeight, box, isOwn ? 0 : BOX_CLEARANCE);
    };
    const conflictsWithProbe = (other: PlacedSegment): boolean => {
        if (other.edge === probeEdge || (other.reserved && routed[other.edge])) return false;
        const sibling = other.reserved === true && sharesBox(other.edge, probeEdge);
        if (sibling && probeSiblingClaimsWaived) return false;
        if (!conflicts(probeA, probeB, other.a, other.b)) return false;
        if (sibling) siblingClaimMet = true;
        return true;
    };
    const sharesBox = (a: number, b: number): boolean => edges[a].to === edges[b].to || edges[a].from === edges[b].from;

    const routes: Point[][] = edges.map(() => []);
    for (const index of order) {
        const edge = edges[index];
        const source = boxes.get(edge.from)!;
        const target = boxes.get(edge.to)!;
        const [start, end] = endsOf(index);
        const from = column.get(edge.from)!;
        const to = column.get(edge.to)!;
        let route: Point[] | undefined;
        if (edge.kind === 'evidence') {
            // Straight down the column, at the step's port when the card reaches over it.
            const x = end.x >= source.x + 4 && end.x <= source.x + source.width - 4 ? end.x : start.x;
            route = straightEvidence.has(index)
                ? [{ x, y: start.y }, { x, y: end.y }]
                : routeEvidenceAround(index, start, end, source, target, from);
        } else if (from < to) {
            route = routeBetween(index, start, end, from + 1, to, source, target, 'right');
        } else if (from > to) {
            route = routeBetween(index, start, end, from, to + 1, source, target, 'left');
        } else {
            route = routeBetween(index, start, end, from + 1, from + 1, source, target, 'left');
        }
        if (!route) {
            // No free track: note the crowded gaps and draw the simplest shape; the layout widens the gaps and retries.
            const gap = from < to ? to : from > to ? to + 1 : from + 1;
            crowdedGaps.add(gap);
            crowdedGaps.add(from < to ? from + 1 : from > to ? from : from + 1);
            crowdedRows.push([Math.min(start.y, end.y), Math.max(start.y, end.y)]);
            const x = Math.round((grid.gapLeft[gap] + grid.gapRight[gap]) / 2);
            route = edge.kind === 'evidence' ? [start, { x: start.x, y: end.y }] : [start, { x, y: start.y }, { x, y: end.y }, end];
        }
        route = simplify(route);
        routed[index] = 1;
        register(index, route);
        routes[index] = route;
    }

    const flows = edges.map((edge, index): LaidOutFlow => ({
        id: edge.id, from: edge.from, to: edge.to, kind: edge.kind, label: edge.label, loop: edge.loop,
        ...(edge.recovery ? { recovery: edge.recovery } : {}), points: routes[index]
    }));
    return { flows, crowdedGaps, crowdedRows };

    /**
     * Tracks of a gap: first one per flow bending there, spread evenly, the one farthest `towards` first;
     * then every other track from the middle outwards.
     */
    function gapTracks(gap: number, towards: 'left' | 'right'): number[] {
        const key = gap * 2 + (towards === 'right' ? 1 : 0);
        let tracks = gapTrackCache.get(key);
        if (!tracks) {
            const all = computeGapTracks(gap);
            const left = grid.gapLeft[gap] + GAP_MARGIN;
            const right = grid.gapRight[gap] - GAP_MARGIN;
            const count = demand.get(gap) ?? 1;
            const spread = (right - left) / (count + 1) >= TRACK
                ? Array.from({ length: count }, (_, i) => Math.round(left + (right - left) * (i + 1) / (count + 1)))
                : [];
            if (towards === 'right') spread.reverse();
            tracks = [...spread, ...all.filter(x => !spread.includes(x))];
            gapTrackCache.set(key, tracks);
        }
        return tracks;
    }

    function computeGapTracks(gap: number): number[] {
        const left = grid.gapLeft[gap] + GAP_MARGIN;
        const right = grid.gapRight[gap] - GAP_MARGIN;
        const middle = Math.round((left + right) / 2);
        const tracks = [middle];
        for (let k = 1; ; k++) {
            const lower = middle - k * TRACK;
            const upper = middle + k * TRACK;
            if (lower < left && upper > right) break;
            if (upper <= right) tracks.push(upper);
            if (lower >= left) tracks.push(lower);
        }
        return tracks;
    }

    /**
     * A route from a port on one side to a port on the other through gap `firstGap` (next to the
     * source) and gap `lastGap` (next to the target): straight along the source's or the target's row
     * when that row is free, otherwise through a lane channel.
     */
    function routeBetween(edge: number, start: Point, end: Point, firstGap: number, lastGap: number,
        source: LaidOutStep, target: LaidOutStep, away: 'left' | 'right'): Point[] | undefined {
        const firstTracks = gapTracks(firstGap, away);
        const lastTracks = gapTracks(lastGap, away);
        siblingClaimMet = false;
        // Along the source's row, bending in the gap before the target (one bend for neighbours).
        for (const x of lastTracks) {
            const route = [start, { x, y: start.y }, { x, y: end.y }, end];
            if (free(edge, route, source, target)) return route;
        }
        if (firstGap !== lastGap) {
            // Along the target's row, bending in the gap after the source.
            for (const x of firstTracks) {
                const route = [start, { x, y: start.y }, { x, y: end.y }, end];
                if (free(edge, route, source, target)) return route;
            }
        }
        // Flows fanning into (or out of) one box: a sibling's claim on a row beside this flow's
        // own can bar every track, though the sibling, routed later, bends clear of this one.
        if (siblingClaimMet) {
            probeSiblingClaimsWaived = true;
            const route = lastTracks.map(x => [start, { x, y: start.y }, { x, y: end.y }, end]).find(candidate => free(edge, candidate, source, target));
            probeSiblingClaimsWaived = false;
            if (route) return route;
        }
        // Through a channel, nearest first.
        const low = Math.min(start.y, end.y);
        const high = Math.max(start.y, end.y);
        const channels = [...grid.channels].sort((a, b) => distanceToRange(a, low, high) - distanceToRange(b, low, high) || a - b);
        for (const y of channels) {
            for (const x1 of firstTracks) {
                const head = [start, { x: x1, y: start.y }, { x: x1, y }];
                if (!free(edge, head, source, target)) continue;
                for (const x2 of lastTracks) {
                    const route = [...head, { x: x2, y }, { x: x2, y: end.y }, end];
                    if (free(edge, route, source, target)) return route;
                }
                break; // the nearest free start track; another channel if the rest does not fit
            }
        }
        return undefined;
    }

    /** A connector that cannot run straight: out of the card's side, down a gap, into the step from just above (or below) it. */
    function routeEvidenceAround(edge: number, start: Point, end: Point, card: LaidOutStep, owner: LaidOutStep,
        cardColumn: number): Point[] | undefined {
        const down = end.y > start.y;
        for (const gap of [cardColumn + 1]) {
            for (const x of gapTracks(gap, 'left')) {
                for (let offset = 6; offset <= 18; offset += TRACK) {
                    const y = down ? end.y - offset : end.y + offset;
                    const route = [start, { x, y: start.y }, { x, y }, { x: end.x, y }, end];
                    if (free(edge, route, card, owner)) return route;
                }
            }
        }
        return undefined;
    }

    /** True when no segment of the route enters a foreign box or runs along (or ends on) a placed segment. */
    function free(edge: number, route: readonly Point[], own0: LaidOutStep, own1: LaidOutStep): boolean {
        const evidence = edges[edge].kind === 'evidence';
        probeEdge = edge;
        probeOwn0 = own0;
        probeOwn1 = own1;
        for (let i = 1; i < route.length; i++) {
            const a = route[i - 1];
            const b = route[i];
            if (a.x === b.x && a.y === b.y) continue;
            probeA = a;
            probeB = b;
            probeX = Math.min(a.x, b.x);
            probeY = Math.min(a.y, b.y);
            probeWidth = Math.abs(a.x - b.x);
            probeHeight = Math.abs(a.y - b.y);
            probeOwnAllowed = i === 1 || i === route.length - 1;
            if (obstacles.someWithin(probeX - BOX_CLEARANCE, probeY - BOX_CLEARANCE, probeWidth + 2 * BOX_CLEARANCE, probeHeight + 2 * BOX_CLEARANCE, blocksProbe)) return false;
            if (placed.someWithin(probeX - PARALLEL_SEPARATION, probeY - PARALLEL_SEPARATION, probeWidth + 2 * PARALLEL_SEPARATION, probeHeight + 2 * PARALLEL_SEPARATION, conflictsWithProbe)) return false;
            if (evidence && arrowheads.someWithin(probeX - ARROWHEAD_CLEARANCE, probeY - ARROWHEAD_CLEARANCE, probeWidth + 2 * ARROWHEAD_CLEARANCE, probeHeight + 2 * ARROWHEAD_CLEARANCE, nearProbe)) return false;
        }
        return true;
    }

    function register(edge: number, route: readonly Point[]): void {
        for (let i = 1; i < route.length; i++) {
            const a = route[i - 1];
            const b = route[i];
            if (a.x === b.x && a.y === b.y) continue;
            placed.add(segmentRect(a, b), { edge, a, b });
        }
    }
}

/**
 * Where the `member`-th of `count` flows meeting at a join enters, from the middle of its bundle:
 * arrowheads `spacing` apart, and none in the middle, where the join's diamond sits.
 */
function joinOffset(member: number, count: number, spacing: number): number {
    const slot = member - Math.floor(count / 2);
    return (slot < 0 ? slot : slot + 1) * spacing - (count % 2 === 1 ? spacing / 2 : 0);
}

/** Parallel and closer than PARALLEL_SEPARATION, overlapping (or meeting end to end); or one ending on the other. */
function conflicts(a: Point, b: Point, c: Point, d: Point): boolean {
    const horizontal = a.y === b.y;
    const otherHorizontal = c.y === d.y;
    if (horizontal === otherHorizontal) {
        const offset = horizontal ? Math.abs(a.y - c.y) : Math.abs(a.x - c.x);
        if (offset >= PARALLEL_SEPARATION) return false;
        const [lo1, hi1] = horizontal ? ordered(a.x, b.x) : ordered(a.y, b.y);
        const [lo2, hi2] = horizontal ? ordered(c.x, d.x) : ordered(c.y, d.y);
        return Math.min(hi1, hi2) - Math.max(lo1, lo2) > -CLEARANCE;
    }
    return endsOn(a, c, d) || endsOn(b, c, d) || endsOn(c, a, b) || endsOn(d, a, b);
}

/** The point lies on the segment or within two pixels of it (a T-junction reads as a join). */
function endsOn(p: Point, a: Point, b: Point): boolean {
    const [x1, x2] = ordered(a.x, b.x);
    const [y1, y2] = ordered(a.y, b.y);
    return p.x >= x1 - 2 && p.x <= x2 + 2 && p.y >= y1 - 2 && p.y <= y2 + 2;
}

/** Whether the segment with bounds (x, y, width, height), one of them 0, runs into `box` grown by `clearance`. */
function crossesInterior(x: number, y: number, width: number, height: number, box: Rect, clearance: number): boolean {
    const left = box.x - clearance;
    const top = box.y - clearance;
    const right = left + (box.width + 2 * clearance);
    const bottom = top + (box.height + 2 * clearance);
    if (height === 0) return y > top && y < bottom && x < right && x + width > left;
    if (width === 0) return x > left && x < right && y < bottom && y + height > top;
    return x < right && left < x + width && y < bottom && top < y + height;
}

/** Distance between the rectangle (x, y, width, height) and `other` (0 when they touch or overlap). */
function rectDistance(x: number, y: number, width: number, height: number, other: Rect): number {
    const dx = Math.max(0, other.x - (x + width), x - (other.x + other.width));
    const dy = Math.max(0, other.y - (y + height), y - (other.y + other.height));
    return Math.hypot(dx, dy);
}

function segmentRect(a: Point, b: Point): Rect {
    return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
}

function ordered(a: number, b: number): [number, number] {
    return a < b ? [a, b] : [b, a];
}

function distanceToRange(value: number, low: number, high: number): number {
    return value < low ? low - value : value > high ? value - high : 0;
}

/** Drops repeated points and points in the middle of a straight run. */
function simplify(route: readonly Point[]): Point[] {
    const points: Point[] = [];
    for (const point of route) {
        const last = points[points.length - 1];
        if (last && last.x === point.x && last.y === point.y) continue;
        if (points.length >= 2) {
            const before = points[points.length - 2];
            if ((before.x === last.x && last.x === point.x) || (before.y === last.y && last.y === point.y)) points.pop();
        }
        points.push(point);
    }
    return points;
}

function centerX(box: LaidOutStep): number {
    return box.x + box.width / 2;
}

function centerY(box: LaidOutStep): number {
    return box.y + box.height / 2;
}
