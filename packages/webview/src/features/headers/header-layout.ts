/** Where the sticky headers go for a viewport, in panel pixels. Pure (see sticky-headers.ts). */
import { headersInWindow } from '@blueprint/diagram/header-window';
import { HEADER_INSETS } from '../viewport/initial-viewport.js';

/** Distance of the lane and line labels from the panel's (or the diagram's) left edge. */
const LEFT = 8;
const LANE_LABEL_HEIGHT = 20;
const LINE_LABEL_HEIGHT = 16;
/** Distance of the line names from the panel's right edge. */
const RIGHT = 8;
/** The widest a lane or line name gets before it is cut with an ellipsis (CSS max-width). */
const LANE_LABEL_MAX_WIDTH = 220;
const LINE_LABEL_MAX_WIDTH = 320;
/** The shortest a line name is cut to (with an ellipsis) to fit between steps: a word and a half. */
const LINE_LABEL_MIN_WIDTH = 72;
/** Room kept between a header and the steps it must not cover. */
const GAP = 6;

/**
 * Estimated widths (no text measuring here) of a 12 px bold lane name with its padding and border,
 * and of an 11 px italic line name: wide (CJK, full-width) characters count as a full em.
 */
export function laneLabelWidth(label: string): number {
    return Math.min(LANE_LABEL_MAX_WIDTH, textWidth(label, 7.5, 12.5) + 16);
}

export function lineLabelWidth(label: string): number {
    return Math.min(LINE_LABEL_MAX_WIDTH, textWidth(label, 6.5, 11.5) + 10);
}

function textWidth(text: string, narrow: number, wide: number): number {
    let width = 0;
    for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? wide : narrow;
    return width;
}

/** Whether a lane of `height` (drawing pixels) has room for its name at `zoom`. */
export function laneNameFits(height: number, zoom: number): boolean {
    return height * zoom >= LANE_LABEL_HEIGHT + 4;
}

/**
 * Screen pixels from the panel's left edge that the lane names take, gap included: Fit keeps the
 * steps right of it (see fit-viewport.ts).
 */
export function laneLabelsRight(labels: readonly string[]): number {
    return labels.length === 0 ? 0 : LEFT + Math.max(...labels.map(laneLabelWidth)) + GAP;
}

export interface HeaderLayout {
    readonly stages: readonly { readonly label: string; readonly left: number; readonly width: number }[];
    readonly stageBar: { readonly top: number; readonly stuck: boolean };
    readonly lanes: readonly { readonly label: string; readonly kind: string; readonly left: number; readonly top: number }[];
    /** `width` where the name is cut short to fit between steps. */
    readonly lines: readonly { readonly label: string; readonly kind: string; readonly right: number; readonly top: number; readonly width?: number }[];
}

/** Where the headers go for a viewport, in panel pixels. Pure. */
export function headerLayout(root: {
    readonly scroll: { x: number; y: number };
    readonly zoom: number;
    readonly canvas: { width: number; height: number };
    readonly stages: readonly { label: string; x: number; width: number; headerHeight: number }[];
    readonly lanes: readonly { label: string; kind: string; y: number; height: number }[];
    /** A line runs from `x` over `width` (unbounded when not given). */
    readonly lines: readonly { label: string; kind: string; y: number; x?: number; width?: number }[];
    /** The step and evidence boxes, which line names keep clear of. */
    readonly steps?: readonly { x: number; y: number; width: number; height: number }[];
}): HeaderLayout {
    const { scroll, zoom, canvas } = root;
    const toX = (x: number) => (x - scroll.x) * zoom;
    const toY = (y: number) => (y - scroll.y) * zoom;
    const bar = HEADER_INSETS.top;
    const headerHeight = root.stages[0]?.headerHeight ?? 0;
    // At rest the bar sits in the drawn header band (ending with it when the band is lower than the
    // bar, zoomed out, so it does not cover the first lane); once that scrolls away it sticks to the top.
    const restTop = Math.min(toY(0) + Math.max(0, (headerHeight * zoom - bar) / 2), toY(headerHeight) - bar);
    const stageBar = { top: Math.max(0, restTop), stuck: restTop <= 0 };
    const barBottom = stageBar.top + bar;
    // At the diagram's left edge, in the drawn lane header band; zoomed out, where that band is
    // narrower than the names, they move left of it so that they stay clear of the first steps.
    const contentLeft = root.stages.length > 0 ? Math.min(...root.stages.map(stage => stage.x)) : 0;
    const widest = laneLabelsRight(root.lanes.map(lane => lane.label)) - LEFT;
    const left = Math.max(LEFT, Math.min(toX(0) + LEFT, toX(contentLeft) - widest));
    // The stages and lanes in the viewport, as the paged export finds them for a tile.
    const shown = headersInWindow(root, { x: scroll.x, y: scroll.y, width: canvas.width / zoom, height: canvas.height / zoom });
    const stages = shown.stages.flatMap(stage => stage.width * zoom >= 24 ? [{ label: stage.label, left: toX(stage.x), width: stage.width * zoom }] : []);
    const steps = (root.steps ?? []).map(step => ({ left: toX(step.x), right: toX(step.x + step.width), top: toY(step.y), bottom: toY(step.y + step.height) }));
    // While the diagram's left edge is in view a lane name sits in its own band and is left out
    // where it would cover a step (zoomed far out); panned past that band it floats over the steps
    // going under it, as sticky headers do.
    const home = toX(0) >= 0;
    const lanes = shown.lanes.flatMap(lane => {
        const top = Math.max(toY(lane.y) + 4, barBottom + 2);
        const bottom = toY(lane.y + lane.height);
        const right = left + laneLabelWidth(lane.label);
        const covers = home && steps.some(step => step.left < right && step.right > left && step.top < top + LANE_LABEL_HEIGHT && step.bottom > top);
        return top + LANE_LABEL_HEIGHT <= bottom && top < canvas.height && !covers ? [{ label: lane.label, kind: lane.kind, left, top }] : [];
    });
    // A line's name sits on the line at its right end (the panel's edge when the line runs past it),
    // clear of the lane names at the left. Steps keep a margin from the lines, but zoomed out that
    // margin is thinner than the name: the name then moves left along the line to the first gap
    // between steps that holds it, else into the widest gap, cut short, and is left out where no
    // gap holds even that.
    const lines = root.lines.flatMap(line => {
        const top = toY(line.y) - LINE_LABEL_HEIGHT / 2;
        const bottom = top + LINE_LABEL_HEIGHT;
        if (top < barBottom || top >= canvas.height) return [];
        const width = lineLabelWidth(line.label);
        const from = Math.max(0, toX(line.x ?? Number.NEGATIVE_INFINITY),
            ...lanes.filter(lane => bottom > lane.top && top < lane.top + LANE_LABEL_HEIGHT).map(lane => left + laneLabelWidth(lane.label)));
        const to = Math.min(canvas.width - RIGHT, toX((line.x ?? 0) + (line.width ?? Number.POSITIVE_INFINITY)) - 2);
        const gaps = gapsBetween(from, to, steps.filter(step => step.bottom > top && step.top < bottom)
            .map(step => ({ left: step.left - GAP / 2, right: step.right + GAP / 2 })));
        const gap = gaps.find(candidate => candidate.right - candidate.left >= width)
            ?? gaps.filter(candidate => candidate.right - candidate.left >= LINE_LABEL_MIN_WIDTH)
                .reduce<{ left: number; right: number } | undefined>((widest, candidate) =>
                    !widest || candidate.right - candidate.left > widest.right - widest.left ? candidate : widest, undefined);
        if (!gap) return [];
        const cut = gap.right - gap.left < width ? { width: gap.right - gap.left } : {};
        return [{ label: line.label, kind: line.kind, right: canvas.width - gap.right, top, ...cut }];
    });
    return { stages, stageBar, lanes, lines };
}

/** The free stretches of [from, to] between the blocked ones, right to left. */
function gapsBetween(from: number, to: number, blocked: readonly { left: number; right: number }[]): { left: number; right: number }[] {
    const gaps: { left: number; right: number }[] = [];
    let cursor = to;
    for (const block of [...blocked].sort((a, b) => b.right - a.right)) {
        if (cursor <= from) break;
        if (block.right < cursor) gaps.push({ left: Math.max(block.right, from), right: cursor });
        cursor = Math.min(cursor, block.left);
    }
    if (cursor > from) gaps.push({ left: from, right: cursor });
    return gaps.filter(gap => gap.right > gap.left);
}
