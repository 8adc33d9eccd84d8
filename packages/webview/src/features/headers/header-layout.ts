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

export interface HeaderLayout {
    readonly stages: readonly { readonly label: string; readonly left: number; readonly width: number }[];
    readonly stageBar: { readonly top: number; readonly stuck: boolean };
    readonly lanes: readonly { readonly label: string; readonly kind: string; readonly left: number; readonly top: number }[];
    readonly lines: readonly { readonly label: string; readonly kind: string; readonly right: number; readonly top: number }[];
}

/** Where the headers go for a viewport, in panel pixels. Pure. */
export function headerLayout(root: {
    readonly scroll: { x: number; y: number };
    readonly zoom: number;
    readonly canvas: { width: number; height: number };
    readonly stages: readonly { label: string; x: number; width: number; headerHeight: number }[];
    readonly lanes: readonly { label: string; kind: string; y: number; height: number }[];
    readonly lines: readonly { label: string; kind: string; y: number }[];
}): HeaderLayout {
    const { scroll, zoom, canvas } = root;
    const toX = (x: number) => (x - scroll.x) * zoom;
    const toY = (y: number) => (y - scroll.y) * zoom;
    const bar = HEADER_INSETS.top;
    const headerHeight = root.stages[0]?.headerHeight ?? 0;
    // At rest the bar sits in the drawn header band; once that scrolls away it sticks to the top.
    const restTop = toY(0) + Math.max(0, (headerHeight * zoom - bar) / 2);
    const stageBar = { top: Math.max(0, restTop), stuck: restTop <= 0 };
    const barBottom = stageBar.top + bar;
    const left = Math.max(LEFT, toX(0) + LEFT);
    // The stages and lanes in the viewport, as the paged export finds them for a tile.
    const shown = headersInWindow(root, { x: scroll.x, y: scroll.y, width: canvas.width / zoom, height: canvas.height / zoom });
    const stages = shown.stages.flatMap(stage => stage.width * zoom >= 24 ? [{ label: stage.label, left: toX(stage.x), width: stage.width * zoom }] : []);
    const lanes = shown.lanes.flatMap(lane => {
        const top = Math.max(toY(lane.y) + 4, barBottom + 2);
        const bottom = toY(lane.y + lane.height);
        return top + LANE_LABEL_HEIGHT <= bottom && top < canvas.height ? [{ label: lane.label, kind: lane.kind, left, top }] : [];
    });
    // A line's name sits on the line at the right edge (steps keep a margin from the lines, so it
    // covers little), clear of the lane names at the left; in a narrow panel it is left out where
    // it would cover a lane name.
    // Widths are estimated (no text measuring here): 12 px bold and 11 px italic characters.
    const laneRight = (label: string) => left + Math.min(LANE_LABEL_MAX_WIDTH, label.length * 7.5 + 16);
    const lineLeft = (label: string) => canvas.width - RIGHT - Math.min(LINE_LABEL_MAX_WIDTH, label.length * 6.5 + 10);
    const lines = root.lines.flatMap(line => {
        const top = toY(line.y) - LINE_LABEL_HEIGHT / 2;
        const clear = lanes.every(lane => top + LINE_LABEL_HEIGHT <= lane.top || top >= lane.top + LANE_LABEL_HEIGHT
            || laneRight(lane.label) <= lineLeft(line.label));
        return clear && top >= barBottom && top < canvas.height ? [{ label: line.label, kind: line.kind, right: RIGHT, top }] : [];
    });
    return { stages, stageBar, lanes, lines };
}
