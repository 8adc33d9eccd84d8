/** Geometry of a routed flow that the renderer and the quality checker both need. */
import type { LaidOutFlow, Point } from './geometry.js';

/** The flow's longest horizontal segment (where a label without a `labelBox` sits), else its ends. */
export function longestHorizontal(flow: LaidOutFlow): [Point, Point] {
    let best: [Point, Point] = [flow.points[0], flow.points[flow.points.length - 1]];
    let length = -1;
    for (let i = 1; i < flow.points.length; i++) {
        const a = flow.points[i - 1];
        const b = flow.points[i];
        if (a.y === b.y && Math.abs(b.x - a.x) > length) {
            length = Math.abs(b.x - a.x);
            best = [a, b];
        }
    }
    return best;
}
