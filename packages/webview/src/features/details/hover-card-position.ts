/**
 * Where the hover card goes: where Sprotty puts it (beside or below the step, at the pointer) when
 * it fits in the panel at its own width; else flipped to the step's other side (left of it, above
 * it), else moved in from the edge. Pure (see hover-card-placement.ts).
 */
/** Room kept between the card and the panel's edges, and between the card and its step. */
const MARGIN = 8;
const OFFSET = 6;

export interface Rect {
    readonly left: number;
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
}

/** The card's top left corner, in panel pixels. Pure. */
export function placeHoverCard(options: {
    /** Where Sprotty asked for it. */
    readonly at: { readonly x: number; readonly y: number };
    readonly card: { readonly width: number; readonly height: number };
    /** The step the card is about, on screen (the card is kept off it when flipped). */
    readonly anchor: Rect | undefined;
    readonly viewport: { readonly width: number; readonly height: number };
}): { x: number; y: number } {
    const { at, card, anchor, viewport } = options;
    // Flipped to the step's other side where the card would lie beside it, else moved in from the edge.
    const axis = (start: number, size: number, extent: number, before: number | undefined) => {
        if (start + size <= extent - MARGIN) return Math.max(MARGIN, start);
        if (before !== undefined && before - OFFSET - size >= MARGIN) return before - OFFSET - size;
        return Math.max(MARGIN, extent - MARGIN - size);
    };
    const overlaps = (start: number, size: number, from: number, to: number) => start < to && start + size > from;
    const x = axis(at.x, card.width, viewport.width,
        anchor && overlaps(at.y, card.height, anchor.top, anchor.bottom) ? anchor.left : undefined);
    const y = axis(at.y, card.height, viewport.height,
        anchor && overlaps(x, card.width, anchor.left, anchor.right) ? anchor.top : undefined);
    return { x, y };
}
