/**
 * Whether a region of the diagram (in its coordinates) is on the canvas. The live view draws only
 * what is: Sprotty renders the whole view again after every update and every scroll or zoom, so a
 * 1,000-step blueprint would otherwise rebuild and compare thousands of elements per keystroke or
 * wheel tick to show the few dozen in view. Hidden rendering (the SVG export) draws everything.
 */
import { isViewport, type RenderingContext, type SModelRootImpl } from 'sprotty';
import type { Bounds } from 'sprotty-protocol';

/** Screen pixels drawn beyond each edge: strokes, arrowheads and shadows that reach past a box. */
const MARGIN = 40;

export function onScreen(root: Readonly<SModelRootImpl>, context: RenderingContext, region: Bounds): boolean {
    if (context.targetKind === 'hidden' || !isViewport(root)) return true;
    const canvas = root.canvasBounds;
    // Before the canvas is measured nothing is known to be off screen.
    if (!(canvas.width > 0 && canvas.height > 0) || !(root.zoom > 0)) return true;
    const margin = MARGIN / root.zoom;
    const left = root.scroll.x - margin;
    const top = root.scroll.y - margin;
    const right = root.scroll.x + canvas.width / root.zoom + margin;
    const bottom = root.scroll.y + canvas.height / root.zoom + margin;
    return region.x <= right && region.x + region.width >= left && region.y <= bottom && region.y + region.height >= top;
}

/** The bounds of a route and the label box beside it. */
export function routeBounds(points: readonly { readonly x: number; readonly y: number }[], label?: Bounds): Bounds {
    let minX = label ? label.x : Number.POSITIVE_INFINITY;
    let minY = label ? label.y : Number.POSITIVE_INFINITY;
    let maxX = label ? label.x + label.width : Number.NEGATIVE_INFINITY;
    let maxY = label ? label.y + label.height : Number.NEGATIVE_INFINITY;
    for (const point of points) {
        if (point.x < minX) minX = point.x;
        if (point.y < minY) minY = point.y;
        if (point.x > maxX) maxX = point.x;
        if (point.y > maxY) maxY = point.y;
    }
    return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}
