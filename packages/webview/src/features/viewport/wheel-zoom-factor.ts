/** How far one wheel event zooms. Pure (see wheel-zoom.ts). */
/** Zoom per wheel pixel: a 100 px notch is a factor of 1.2. */
const WHEEL_SENSITIVITY = Math.log(1.2) / 100;
/** Pinch gestures arrive as small wheel deltas with Ctrl held. */
const PINCH_SENSITIVITY = 0.01;
const MAX_STEP = Math.log(1.25);
const LINE_PIXELS = 16;
const PAGE_PIXELS = 400;

export function wheelZoomFactor(event: Pick<WheelEvent, 'deltaY' | 'deltaMode' | 'ctrlKey'>): number {
    const pixels = event.deltaMode === 1 ? event.deltaY * LINE_PIXELS : event.deltaMode === 2 ? event.deltaY * PAGE_PIXELS : event.deltaY;
    const exponent = -pixels * (event.ctrlKey ? PINCH_SENSITIVITY : WHEEL_SENSITIVITY);
    return Math.exp(Math.min(MAX_STEP, Math.max(-MAX_STEP, exponent)));
}
