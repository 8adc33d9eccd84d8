/**
 * Places flow labels where they cover no box and no other label: beside one of the flow's own
 * segments (the longest first, several spots along it, either side), never on a line between
 * lanes (it would strike the text through) and preferably where no other flow crosses; wrapped when long; and, when the flow has no free spot, in the nearest free place with a
 * leader line back to the flow.
 */
import type { LabelBox, LaidOutFlow, LaidOutStep, Point } from './geometry.js';
import { inflate, rectsOverlap, SpatialIndex, type Rect } from './spatial-index.js';
import { wrapText } from './line-breaking.js';
import { estimateTextWidth } from './text-measure.js';

export const FLOW_LABEL_FONT_SIZE = 10;
export const FLOW_LABEL_LINE_HEIGHT = 12;
const MAX_LABEL_WIDTH = 130;
/** Narrower wraps tried when no clean spot beside the flow holds the label at its full width. */
const NARROWER_LABEL_WIDTHS = [80, 50];
/** Space kept between a label and its line, and around boxes and other labels. */
const GAP = 2;
/** How many 8 px rings around a flow are searched for a spot no line crosses before a crossed one is taken. */
const CLEAN_SEARCH_RINGS = 12;

export interface LabelBounds {
    readonly left: number;
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
    /** y of the lines drawn across the diagram (interaction, visibility...): a label is best kept off them. */
    readonly lines?: readonly number[];
    /** More places a label must not cover (the branch points' diamonds). */
    readonly obstacles?: readonly Rect[];
    /** Told of each label that had to go where a line runs through it (the layout may widen the gaps its flow bends in). */
    readonly struck?: (flow: LaidOutFlow, labelBox: LabelBox) => void;
}

export function placeFlowLabels(flows: readonly LaidOutFlow[], boxes: readonly LaidOutStep[], bounds: LabelBounds): LaidOutFlow[] {
    const obstacles = new SpatialIndex<Rect>();
    for (const box of boxes) obstacles.add(box, box);
    for (const rect of bounds.obstacles ?? []) obstacles.add(rect, rect);
    const lines = new SpatialIndex<FlowLine>();
    for (const flow of flows) {
        for (let i = 1; i < flow.points.length; i++) {
            const a = flow.points[i - 1];
            const b = flow.points[i];
            lines.add(segmentRect(a, b), { a, b, flow });
        }
    }
    const labels = new SpatialIndex<Rect>();
    // Lines met in more than one bucket count once (one set, cleared per candidate).
    const seen = new Set<FlowLine>();

    return flows.map(flow => {
        if (!flow.label || flow.points.length < 2) return flow;
        const labelBox = bestSpot(flow, flow.label);
        labels.add(labelBox, labelBox);
        if (bounds.struck && crossedFlows(labelBox) > 0) bounds.struck(flow, labelBox);
        return { ...flow, labelBox };
    });

    function bestSpot(flow: LaidOutFlow, label: string): LabelBox {
        const { text, width, height } = wrapped(label, MAX_LABEL_WIDTH);
        // Crossing another flow is a blemish; lying on a line between lanes strikes the text through,
        // so such a spot is taken only when there is no other at all.
        let fallback: Rect | undefined;
        let onLaneLine: Rect | undefined;
        for (const rect of candidates(flow.points, width, height)) {
            if (!fits(rect)) continue;
            if (onLaneLines(rect)) {
                onLaneLine ??= rect;
                continue;
            }
            if (crossedFlows(rect) === 0) return { ...rect, lines: text };
            fallback ??= rect;
        }
        // Wrapped narrower, the label may fit beside a short segment (a branch's last leg into its
        // target, the step from a diamond to its neighbour) instead of moving away on a leader line.
        for (const maxWidth of NARROWER_LABEL_WIDTHS) {
            const narrow = wrapped(label, maxWidth);
            if (narrow.text.length === text.length) continue;
            for (const rect of candidates(flow.points, narrow.width, narrow.height)) {
                if (fits(rect) && !onLaneLines(rect) && crossedFlows(rect) === 0) return { ...rect, lines: narrow.text };
            }
        }
        // Nowhere clean beside the flow: the nearest free place around the middle of its longest segment, with a leader line.
        const [a, b] = longestSegment(flow.points);
        const anchor = { x: Math.round((a.x + b.x) / 2), y: Math.round((a.y + b.y) / 2) };
        // A clean spot a little further away beats a crossed one next to the flow: a line through the
        // text strikes it through and makes it read as that line's label (two parallel tracks 5 px apart
        // leave no clean side to either).
        let ringFallback: Rect | undefined = fallback;
        // The crossed spot taken after all: one beside the flow needs no leader line.
        const placed = (rect: Rect): LabelBox => rect === fallback ? { ...rect, lines: text } : { ...rect, lines: text, anchor };
        for (let ring = 1; ring <= 60; ring++) {
            const step = 8 * ring;
            for (const [dx, dy] of ringOffsets(step)) {
                const rect = { x: Math.round(anchor.x + dx - width / 2), y: Math.round(anchor.y + dy - height / 2), width, height };
                if (!fits(rect)) continue;
                if (onLaneLines(rect)) {
                    onLaneLine ??= rect;
                    continue;
                }
                if (crossedFlows(rect) === 0 && !leaderCrossesFlow(flow, anchor, rect)) return { ...rect, lines: text, anchor };
                ringFallback ??= rect;
            }
            if (ringFallback && ring >= CLEAN_SEARCH_RINGS) return placed(ringFallback);
        }
        if (ringFallback) return placed(ringFallback);
        if (onLaneLine) return { ...onLaneLine, lines: text, anchor };
        return { x: anchor.x, y: anchor.y, width, height, lines: text, anchor };
    }

    function wrapped(label: string, maxWidth: number): { text: readonly string[]; width: number; height: number } {
        const text = wrapText(label, maxWidth, FLOW_LABEL_FONT_SIZE);
        const width = Math.ceil(Math.max(...text.map(line => estimateTextWidth(line, FLOW_LABEL_FONT_SIZE)))) + 4;
        return { text, width, height: text.length * FLOW_LABEL_LINE_HEIGHT + 2 };
    }

    /** True when a line between lanes (or a named line) runs through the box or along its edge (its stroke would touch the text). */
    function onLaneLines(rect: Rect): boolean {
        for (const y of bounds.lines ?? []) if (y >= rect.y - 1 && y <= rect.y + rect.height + 1) return true;
        return false;
    }

    function fits(rect: Rect): boolean {
        if (rect.x < bounds.left || rect.y < bounds.top || rect.x + rect.width > bounds.right || rect.y + rect.height > bounds.bottom) return false;
        const grown = inflate(rect, GAP);
        const overlaps = (other: Rect) => rectsOverlap(grown, other);
        return !obstacles.some(grown, overlaps) && !labels.some(grown, overlaps);
    }

    /** True when the leader line from the anchor to the label would cross another flow (it would seem to label that one). */
    function leaderCrossesFlow(flow: LaidOutFlow, anchor: Point, rect: Rect): boolean {
        const end = { x: Math.min(Math.max(anchor.x, rect.x), rect.x + rect.width), y: Math.min(Math.max(anchor.y, rect.y), rect.y + rect.height) };
        return lines.some(segmentRect(anchor, end), line => line.flow !== flow && segmentsCross(anchor, end, line.a, line.b));
    }

    function crossedFlows(rect: Rect): number {
        let count = 0;
        seen.clear();
        lines.some(rect, line => {
            if (seen.has(line)) return false;
            seen.add(line);
            const r = segmentRect(line.a, line.b);
            // A segment touching the label's edge is not drawn through its text.
            if (r.x < rect.x + rect.width && r.x + r.width > rect.x && r.y < rect.y + rect.height && r.y + r.height > rect.y) count++;
            return false;
        });
        return count;
    }
}

/** Spots beside each segment, the longest segment first: centred, then towards either end; above, then below (or right, then left). */
function* candidates(points: readonly Point[], width: number, height: number): Generator<Rect> {
    const segments = points.slice(1).map((b, i) => ({ a: points[i], b, index: i }))
        .sort((s, t) => length(t.a, t.b) - length(s.a, s.b) || s.index - t.index);
    for (const { a, b } of segments) {
        for (const t of [0.5, 0.3, 0.7, 0.15, 0.85]) {
            const x = a.x + (b.x - a.x) * t;
            const y = a.y + (b.y - a.y) * t;
            if (a.y === b.y) {
                yield { x: Math.round(x - width / 2), y: a.y - GAP - height, width, height };
                yield { x: Math.round(x - width / 2), y: a.y + GAP, width, height };
            } else {
                yield { x: a.x + GAP + 1, y: Math.round(y - height / 2), width, height };
                yield { x: a.x - GAP - 1 - width, y: Math.round(y - height / 2), width, height };
            }
        }
    }
}

interface FlowLine {
    readonly a: Point;
    readonly b: Point;
    readonly flow: LaidOutFlow;
}

/** True when segment p–q meets the axis-parallel segment a–b (touching counts). */
function segmentsCross(p: Point, q: Point, a: Point, b: Point): boolean {
    const side = (u: Point, v: Point, w: Point) => Math.sign((v.x - u.x) * (w.y - u.y) - (v.y - u.y) * (w.x - u.x));
    const d1 = side(a, b, p);
    const d2 = side(a, b, q);
    const d3 = side(p, q, a);
    const d4 = side(p, q, b);
    if (d1 * d2 < 0 && d3 * d4 < 0) return true;
    const within = (u: Point, v: Point, w: Point) => Math.min(u.x, v.x) <= w.x && w.x <= Math.max(u.x, v.x) && Math.min(u.y, v.y) <= w.y && w.y <= Math.max(u.y, v.y);
    return (d1 === 0 && within(a, b, p)) || (d2 === 0 && within(a, b, q)) || (d3 === 0 && within(p, q, a)) || (d4 === 0 && within(p, q, b));
}

function* ringOffsets(distance: number): Generator<[number, number]> {
    // Above and below first (labels read best near their line), then the sides and the corners.
    yield [0, -distance];
    yield [0, distance];
    for (let d = 8; d <= distance; d += 8) {
        yield [d, -distance];
        yield [-d, -distance];
        yield [d, distance];
        yield [-d, distance];
    }
    for (let d = -distance + 8; d < distance; d += 8) {
        yield [distance, d];
        yield [-distance, d];
    }
}

function longestSegment(points: readonly Point[]): [Point, Point] {
    let best: [Point, Point] = [points[0], points[1]];
    for (let i = 1; i < points.length; i++) if (length(points[i - 1], points[i]) > length(best[0], best[1])) best = [points[i - 1], points[i]];
    return best;
}

function length(a: Point, b: Point): number {
    return Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
}

function segmentRect(a: Point, b: Point): Rect {
    return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
}
