/** Where Fit puts the diagram: the whole of it inside the part of the panel the sticky headers leave free. Pure. */
import type { Box, Insets, ScrollPosition } from './initial-viewport.js';

export interface FitOptions {
    readonly canvas: { readonly width: number; readonly height: number };
    /** The lanes, stages and steps, in diagram coordinates. */
    readonly diagram: Box;
    /**
     * Where the steps begin, right of the drawn lane header band and below the drawn stage header
     * band: the sticky headers stand for those bands and may cover them, never what follows.
     */
    readonly content: { readonly left: number; readonly top: number };
    /** Screen pixels from the panel's left and top edges that the sticky headers take. */
    readonly insets: Insets;
    readonly padding: number;
    readonly zoomLimits: { readonly min: number; readonly max: number };
}

export function fitViewport(options: FitOptions): { scroll: ScrollPosition; zoom: number } {
    const { canvas, diagram, content, insets, padding, zoomLimits } = options;
    // The largest zoom at which the diagram fits with padding and the steps start past the headers.
    const axisZoom = (start: number, end: number, contentStart: number, inset: number, size: number) => Math.min(
        (size - 2 * padding) / Math.max(1, end - start),
        end > contentStart ? (size - padding - inset) / (end - contentStart) : Number.POSITIVE_INFINITY
    );
    const right = diagram.x + diagram.width;
    const bottom = diagram.y + diagram.height;
    const wanted = Math.min(axisZoom(diagram.x, right, content.left, insets.left, canvas.width),
        axisZoom(diagram.y, bottom, content.top, insets.top, canvas.height));
    const zoom = Math.min(zoomLimits.max, Math.max(zoomLimits.min, wanted));
    // As far right and down as those constraints allow, then centred in what is left over.
    const axisScroll = (start: number, end: number, contentStart: number, inset: number, size: number) => {
        const scroll = Math.min(start - padding / zoom, contentStart - inset / zoom);
        const spare = size - padding - (end - scroll) * zoom;
        return spare > 0 ? scroll - spare / 2 / zoom : scroll;
    };
    return {
        zoom,
        scroll: {
            x: axisScroll(diagram.x, right, content.left, insets.left, canvas.width),
            y: axisScroll(diagram.y, bottom, content.top, insets.top, canvas.height)
        }
    };
}
