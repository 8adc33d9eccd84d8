/**
 * Measures how readable a laid-out blueprint is, on the geometry alone (what `render --format json`
 * writes): every drawing defect that can mislead a reader is listed, so tests can demand zero of each
 * and a change to the router can be measured before and after.
 */
import type { BlueprintLayout, LaidOutFlow, LaidOutStep, Point } from './geometry.js';
import { longestHorizontal } from './flow-geometry.js';
import { inflate, rectsOverlap, SpatialIndex as Buckets, type Rect } from './spatial-index.js';
import { estimateTextWidth } from './text-measure.js';

export type { Rect } from './spatial-index.js';


export interface LayoutQualityReport {
    /** A flow segment runs through a box that is neither its source nor its target. */
    readonly flowsThroughBoxes: readonly string[];
    /** Two flows with no common endpoint run along the same line (collinear, overlapping). */
    readonly sharedSegments: readonly string[];
    /** An arrowhead sits on another flow's line, so it cannot be told which flow it ends. */
    readonly ambiguousArrowheads: readonly string[];
    /** A flow label overlaps a box or another flow label. */
    readonly labelOverlaps: readonly string[];
    /** A flow's line (or an evidence connector) runs through a flow label: the text is struck through and reads as that line's. */
    readonly flowsThroughLabels: readonly string[];
    /** Two boxes overlap. */
    readonly boxOverlaps: readonly string[];
    /** An evidence connector runs through a card or box other than its own two. */
    readonly evidenceCrossings: readonly string[];
    /**
     * A branch point's diamond is covered by a box other than its step, by a flow label, or by the
     * line of a flow that neither branches nor meets there (it would read as one of its branches).
     */
    readonly gatewayOverlaps: readonly string[];
    /**
     * A flow runs along a line between lanes (interaction, visibility, internal interaction) closer
     * than `lineClearance`: a dashed hand-off there reads as part of the dashed line.
     */
    readonly flowsAlongLines: readonly string[];
    /** A flow runs along a box's edge, outside it, closer than `boxClearance`: it seems to touch the box. */
    readonly flowsHuggingBoxes: readonly string[];
    /** Two flows run side by side closer than `parallelSpacing` (but not on one line): a bundle the eye cannot tell apart. */
    readonly crampedParallels: readonly string[];
    /** Two arrowheads end on one side of a box closer than `arrowheadSpacing`: they stack into one blot. */
    readonly crowdedArrowheads: readonly string[];
    /**
     * An evidence connector (the dotted line) passes an arrowhead closer than `arrowheadClearance`:
     * the dots run into the arrowhead's barbs and it is no longer clear which line the arrowhead ends.
     */
    readonly evidenceNearArrowheads: readonly string[];
    /** Proper crossings between segments of different flows (kept low, not a defect). */
    readonly crossings: number;
}

export interface LayoutQualityOptions {
    /** Parallel segments closer than this read as one line. */
    readonly parallelTolerance?: number;
    /** Closest a flow may run along a line between lanes (default 12). */
    readonly lineClearance?: number;
    /** Closest a flow may run along the outside of a box edge (default 6). */
    readonly boxClearance?: number;
    /** Closest two parallel flows may run side by side (default 7). */
    readonly parallelSpacing?: number;
    /** Closest two arrowheads may end on one box side, tip to tip (default 12: an arrowhead is about 11 px wide). */
    readonly arrowheadSpacing?: number;
    /** Closest an evidence connector may pass an arrowhead's centre line (default 9: 3 px clear of its 11 px wide barbs). */
    readonly arrowheadClearance?: number;
}

/** How far back from its tip an arrowhead reaches along its flow (8 stroke widths of 1.4 px, as drawn). */
const ARROWHEAD_LENGTH = 11;

/** Where a flow label is drawn: its `labelBox`, or, in geometry without one, where the SVG renderer used to put it. */
export function flowLabelRect(flow: LaidOutFlow): Rect | undefined {
    if (!flow.label) return undefined;
    if (flow.labelBox) return flow.labelBox;
    // Older geometry: 10 px text centred on the longest horizontal segment, baseline 4 px above it.
    const best = longestHorizontal(flow);
    const width = estimateTextWidth(flow.label, 10);
    const centerX = (best[0].x + best[1].x) / 2;
    return { x: centerX - width / 2, y: best[0].y - 13, width, height: 11 };
}

interface Segment {
    readonly flow: LaidOutFlow;
    readonly index: number;
    readonly a: Point;
    readonly b: Point;
}

const segmentRect = (s: Segment): Rect => ({
    x: Math.min(s.a.x, s.b.x), y: Math.min(s.a.y, s.b.y),
    width: Math.abs(s.a.x - s.b.x), height: Math.abs(s.a.y - s.b.y)
});


/** True when the segment has a part of positive length strictly inside the box. */
function segmentInside(s: Segment, box: Rect): boolean {
    const r = segmentRect(s);
    if (r.height === 0) {
        return r.y > box.y && r.y < box.y + box.height && Math.min(r.x + r.width, box.x + box.width) - Math.max(r.x, box.x) > 0;
    }
    if (r.width === 0) {
        return r.x > box.x && r.x < box.x + box.width && Math.min(r.y + r.height, box.y + box.height) - Math.max(r.y, box.y) > 0;
    }
    // A diagonal segment (not drawn by our router): test its bounding box.
    return rectsOverlap(r, box);
}

function describe(flow: LaidOutFlow): string {
    return `${flow.from} -> ${flow.to}`;
}

export function checkLayoutQuality(layout: BlueprintLayout, options: LayoutQualityOptions = {}): LayoutQualityReport {
    const tolerance = options.parallelTolerance ?? 2;
    const boxes = new Buckets<LaidOutStep>(128);
    for (const step of layout.steps) boxes.add(step, step);
    const segments = new Buckets<Segment>(128);
    const allSegments: Segment[] = [];
    for (const flow of layout.flows) {
        for (let i = 1; i < flow.points.length; i++) {
            const segment = { flow, index: i, a: flow.points[i - 1], b: flow.points[i] };
            if (segment.a.x === segment.b.x && segment.a.y === segment.b.y) continue;
            allSegments.push(segment);
            segments.add(inflate(segmentRect(segment), tolerance), segment);
        }
    }

    const flowsThroughBoxes: string[] = [];
    const evidenceCrossings: string[] = [];
    for (const segment of allSegments) {
        const { flow } = segment;
        for (const box of boxes.query(segmentRect(segment))) {
            if (box.id === flow.from || box.id === flow.to || !segmentInside(segment, box)) continue;
            (flow.kind === 'evidence' ? evidenceCrossings : flowsThroughBoxes).push(`${describe(flow)} runs through ${box.id}`);
        }
    }

    const sharedSegments: string[] = [];
    let crossings = 0;
    const seenPairs = new Set<string>();
    for (const segment of allSegments) {
        const r = segmentRect(segment);
        for (const other of segments.query(inflate(r, tolerance))) {
            if (other.flow === segment.flow) continue;
            const o = segmentRect(other);
            const horizontal = r.height === 0;
            const otherHorizontal = o.height === 0;
            if (horizontal === otherHorizontal) {
                const sharesEnd = [segment.flow.from, segment.flow.to].some(id => id === other.flow.from || id === other.flow.to);
                const offset = horizontal ? Math.abs(r.y - o.y) : Math.abs(r.x - o.x);
                const overlap = horizontal
                    ? Math.min(r.x + r.width, o.x + o.width) - Math.max(r.x, o.x)
                    : Math.min(r.y + r.height, o.y + o.height) - Math.max(r.y, o.y);
                if (!sharesEnd && offset < tolerance && overlap > 0) {
                    const pair = [segment.flow.id, other.flow.id].sort().join('\u0000');
                    if (!seenPairs.has(pair)) {
                        seenPairs.add(pair);
                        sharedSegments.push(`${describe(segment.flow)} and ${describe(other.flow)} share a segment`);
                    }
                }
            } else if (segment.flow.id < other.flow.id) {
                const h = horizontal ? r : o;
                const v = horizontal ? o : r;
                if (v.x > h.x && v.x < h.x + h.width && h.y > v.y && h.y < v.y + v.height) crossings++;
            }
        }
    }

    const ambiguousArrowheads: string[] = [];
    for (const flow of layout.flows) {
        if (flow.kind === 'evidence' || flow.points.length < 2) continue;
        const tips = flow.kind === 'two-way' ? [flow.points[flow.points.length - 1], flow.points[0]] : [flow.points[flow.points.length - 1]];
        for (const tip of tips) {
            const near = { x: tip.x - 1, y: tip.y - 1, width: 2, height: 2 };
            for (const other of segments.query(near)) {
                if (other.flow === flow || other.flow.kind === 'evidence') continue;
                if (distanceToSegment(tip, other.a, other.b) <= 1) {
                    ambiguousArrowheads.push(`the arrowhead of ${describe(flow)} at ${tip.x},${tip.y} sits on ${describe(other.flow)}`);
                    break;
                }
            }
        }
    }

    const labelOverlaps: string[] = [];
    const labels = new Buckets<{ flow: LaidOutFlow; rect: Rect }>(128);
    for (const flow of layout.flows) {
        const rect = flowLabelRect(flow);
        if (!rect) continue;
        for (const box of boxes.query(rect)) {
            if (rectsOverlap(rect, box)) labelOverlaps.push(`the label of ${describe(flow)} overlaps ${box.id}`);
        }
        for (const other of labels.query(rect)) {
            if (rectsOverlap(rect, other.rect)) labelOverlaps.push(`the label of ${describe(flow)} overlaps the label of ${describe(other.flow)}`);
        }
        labels.add(rect, { flow, rect });
    }

    const throughLabels = new Set<string>();
    for (const segment of allSegments) {
        const r = segmentRect(segment);
        for (const label of labels.query(r)) {
            // Touching the label's edge is not drawn through its text.
            if (r.x < label.rect.x + label.rect.width && r.x + r.width > label.rect.x && r.y < label.rect.y + label.rect.height && r.y + r.height > label.rect.y) {
                throughLabels.add(`${describe(segment.flow)} runs through the label of ${describe(label.flow)}`);
            }
        }
    }
    const flowsThroughLabels = [...throughLabels];

    const boxOverlaps: string[] = [];
    for (const step of layout.steps) {
        for (const other of boxes.query(step)) {
            if (other.id < step.id && rectsOverlap(step, other)) boxOverlaps.push(`${other.id} overlaps ${step.id}`);
        }
    }

    const gatewayOverlaps: string[] = [];
    for (const gateway of layout.gateways ?? []) {
        const rect = { x: gateway.x - gateway.halfWidth, y: gateway.y - gateway.halfHeight, width: 2 * gateway.halfWidth, height: 2 * gateway.halfHeight };
        const name = `the ${gateway.kind} ${gateway.role} at ${gateway.step}`;
        for (const box of boxes.query(rect)) {
            if (box.id !== gateway.step && rectsOverlap(rect, box)) gatewayOverlaps.push(`${name} overlaps ${box.id}`);
        }
        for (const label of labels.query(rect)) {
            if (rectsOverlap(rect, label.rect)) gatewayOverlaps.push(`${name} is under the label of ${describe(label.flow)}`);
        }
        const own = new Set(gateway.flows);
        const reported = new Set<string>();
        for (const segment of segments.query(rect)) {
            if (own.has(segment.flow.id) || reported.has(segment.flow.id) || !segmentTouchesDiamond(segment, gateway)) continue;
            reported.add(segment.flow.id);
            gatewayOverlaps.push(`${describe(segment.flow)} runs through ${name}`);
        }
    }

    const lineClearance = options.lineClearance ?? 12;
    const flowsAlongLines: string[] = [];
    for (const segment of allSegments) {
        if (segment.a.y !== segment.b.y || segment.flow.kind === 'evidence') continue;
        for (const line of layout.lines) {
            if (Math.abs(segment.a.y - line.y) < lineClearance) {
                flowsAlongLines.push(`${describe(segment.flow)} runs along the ${line.kind} line, ${Math.abs(segment.a.y - line.y)} px from it`);
                break;
            }
        }
    }

    const boxClearance = options.boxClearance ?? 6;
    const flowsHuggingBoxes: string[] = [];
    for (const segment of allSegments) {
        const r = segmentRect(segment);
        for (const box of boxes.query(inflate(r, boxClearance))) {
            const gap = r.height === 0
                ? (Math.min(r.x + r.width, box.x + box.width) - Math.max(r.x, box.x) > 0 ? outsideDistance(r.y, box.y, box.y + box.height) : 0)
                : r.width === 0 ? (Math.min(r.y + r.height, box.y + box.height) - Math.max(r.y, box.y) > 0 ? outsideDistance(r.x, box.x, box.x + box.width) : 0) : 0;
            if (gap > 0 && gap < boxClearance) flowsHuggingBoxes.push(`${describe(segment.flow)} runs ${gap} px along ${box.id}`);
        }
    }

    const spacing = options.parallelSpacing ?? 7;
    const crampedParallels: string[] = [];
    const crampedPairs = new Set<string>();
    for (const segment of allSegments) {
        if (segment.flow.kind === 'evidence') continue;
        const r = segmentRect(segment);
        for (const other of segments.query(inflate(r, spacing))) {
            if (other.flow === segment.flow || other.flow.kind === 'evidence' || other.flow.id < segment.flow.id) continue;
            const o = segmentRect(other);
            const horizontal = r.height === 0;
            if (horizontal !== (o.height === 0)) continue;
            const offset = horizontal ? Math.abs(r.y - o.y) : Math.abs(r.x - o.x);
            const overlap = horizontal
                ? Math.min(r.x + r.width, o.x + o.width) - Math.max(r.x, o.x)
                : Math.min(r.y + r.height, o.y + o.height) - Math.max(r.y, o.y);
            const pair = `${segment.flow.id}\u0000${other.flow.id}`;
            if (offset >= tolerance && offset < spacing && overlap > 0 && !crampedPairs.has(pair)) {
                crampedPairs.add(pair);
                crampedParallels.push(`${describe(segment.flow)} and ${describe(other.flow)} run ${offset} px apart`);
            }
        }
    }

    const arrowheadSpacing = options.arrowheadSpacing ?? 12;
    const crowdedArrowheads: string[] = [];
    const tipsOn = new Map<string, { flow: LaidOutFlow; along: number }[]>();
    const stepById = new Map(layout.steps.map(step => [step.id, step]));
    for (const flow of layout.flows) {
        if (flow.kind === 'evidence' || flow.points.length < 2) continue;
        const tips: [Point, string][] = [[flow.points[flow.points.length - 1], flow.to]];
        if (flow.kind === 'two-way') tips.push([flow.points[0], flow.from]);
        for (const [tip, id] of tips) {
            const box = stepById.get(id);
            if (!box) continue;
            const side = tip.x === box.x ? 'left' : tip.x === box.x + box.width ? 'right' : tip.y === box.y ? 'top' : tip.y === box.y + box.height ? 'bottom' : undefined;
            if (!side) continue;
            const key = `${id}\u0000${side}`;
            const along = side === 'left' || side === 'right' ? tip.y : tip.x;
            const list = tipsOn.get(key) ?? [];
            for (const other of list) {
                const distance = Math.abs(other.along - along);
                if (distance < arrowheadSpacing) crowdedArrowheads.push(`the arrowheads of ${describe(other.flow)} and ${describe(flow)} are ${distance} px apart on the ${side} of ${id}`);
            }
            list.push({ flow, along });
            tipsOn.set(key, list);
        }
    }

    const arrowheadClearance = options.arrowheadClearance ?? 9;
    const evidenceNearArrowheads: string[] = [];
    const evidence = new Buckets<Segment>(128);
    for (const segment of allSegments) if (segment.flow.kind === 'evidence') evidence.add(segmentRect(segment), segment);
    for (const flow of layout.flows) {
        if (flow.kind === 'evidence' || flow.points.length < 2) continue;
        const last = flow.points.length - 1;
        const heads: [Point, Point][] = [[flow.points[last], flow.points[last - 1]]];
        if (flow.kind === 'two-way') heads.push([flow.points[0], flow.points[1]]);
        for (const [tip, before] of heads) {
            const base = towards(tip, before, ARROWHEAD_LENGTH);
            const axis = segmentRect({ flow, index: 0, a: tip, b: base });
            const reported = new Set<LaidOutFlow>();
            for (const other of evidence.query(inflate(axis, arrowheadClearance))) {
                if (reported.has(other.flow)) continue;
                const distance = segmentDistance(tip, base, other.a, other.b);
                if (distance >= arrowheadClearance) continue;
                reported.add(other.flow);
                evidenceNearArrowheads.push(`${describe(other.flow)} passes ${Math.round(distance * 10) / 10} px from the arrowhead of ${describe(flow)} at ${tip.x},${tip.y}`);
            }
        }
    }

    return {
        flowsThroughBoxes, sharedSegments, ambiguousArrowheads, labelOverlaps, flowsThroughLabels, boxOverlaps, evidenceCrossings, gatewayOverlaps,
        flowsAlongLines, flowsHuggingBoxes, crampedParallels, crowdedArrowheads, evidenceNearArrowheads, crossings
    };
}

/** How far `value` lies outside [low, high] (0 inside). */
function outsideDistance(value: number, low: number, high: number): number {
    return value < low ? low - value : value > high ? value - high : 0;
}

/** The number of each defect, for a one-line summary. */
export function summarizeLayoutQuality(report: LayoutQualityReport): Record<keyof LayoutQualityReport, number> {
    return {
        flowsThroughBoxes: report.flowsThroughBoxes.length,
        sharedSegments: report.sharedSegments.length,
        ambiguousArrowheads: report.ambiguousArrowheads.length,
        labelOverlaps: report.labelOverlaps.length,
        flowsThroughLabels: report.flowsThroughLabels.length,
        boxOverlaps: report.boxOverlaps.length,
        evidenceCrossings: report.evidenceCrossings.length,
        gatewayOverlaps: report.gatewayOverlaps.length,
        flowsAlongLines: report.flowsAlongLines.length,
        flowsHuggingBoxes: report.flowsHuggingBoxes.length,
        crampedParallels: report.crampedParallels.length,
        crowdedArrowheads: report.crowdedArrowheads.length,
        evidenceNearArrowheads: report.evidenceNearArrowheads.length,
        crossings: report.crossings
    };
}

/** An axis-parallel segment reaching into the diamond |dx| / w + |dy| / h < 1 (touching its outline is allowed). */
function segmentTouchesDiamond(s: Segment, gateway: { x: number; y: number; halfWidth: number; halfHeight: number }): boolean {
    const inside = (x: number, y: number) => Math.abs(x - gateway.x) / gateway.halfWidth + Math.abs(y - gateway.y) / gateway.halfHeight < 0.999;
    if (s.a.y === s.b.y) {
        // The point of the segment nearest the diamond's centre line decides.
        const x = Math.max(Math.min(s.a.x, s.b.x), Math.min(Math.max(s.a.x, s.b.x), gateway.x));
        return inside(x, s.a.y);
    }
    if (s.a.x === s.b.x) {
        const y = Math.max(Math.min(s.a.y, s.b.y), Math.min(Math.max(s.a.y, s.b.y), gateway.y));
        return inside(s.a.x, y);
    }
    return false;
}

/** The point `length` from `from` towards `to` (at most `to`). */
function towards(from: Point, to: Point, length: number): Point {
    const distance = Math.hypot(to.x - from.x, to.y - from.y);
    if (distance <= length) return to;
    return { x: from.x + (to.x - from.x) * length / distance, y: from.y + (to.y - from.y) * length / distance };
}

/** Shortest distance between two segments (0 when they cross). */
function segmentDistance(a: Point, b: Point, c: Point, d: Point): number {
    if (segmentsCross(a, b, c, d)) return 0;
    return Math.min(distanceToSegment(a, c, d), distanceToSegment(b, c, d), distanceToSegment(c, a, b), distanceToSegment(d, a, b));
}

function segmentsCross(a: Point, b: Point, c: Point, d: Point): boolean {
    const side = (p: Point, q: Point, r: Point) => Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
    return side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0;
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const lengthSquared = dx * dx + dy * dy;
    const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared));
    return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}
