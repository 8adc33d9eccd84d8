/**
 * Which stage and lane headers a window onto the drawing shows: the paged export repeats them on
 * every tile, the webview keeps them in view as sticky headers. No imports, so the webview can take
 * it (as `@blueprint/diagram/header-window`) without the layout engine.
 */

/** A window onto the drawing, in the drawing's pixels. */
export interface DrawingWindow {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
}

export interface WindowHeaders<S, L> {
    /** The stages the window cuts through, each cut to its part inside the window (its label is centred there). */
    readonly stages: readonly S[];
    /** The lanes the window shows some of, as they are. */
    readonly lanes: readonly L[];
}

export function headersInWindow<S extends { readonly x: number; readonly width: number }, L extends { readonly y: number; readonly height: number }>(
    headers: { readonly stages: readonly S[]; readonly lanes: readonly L[] }, window: DrawingWindow): WindowHeaders<S, L> {
    const right = window.x + window.width;
    const bottom = window.y + window.height;
    const stages = headers.stages
        .filter(stage => stage.x < right && stage.x + stage.width > window.x)
        .map(stage => {
            const x = Math.max(stage.x, window.x);
            return { ...stage, x, width: Math.min(stage.x + stage.width, right) - x };
        });
    const lanes = headers.lanes.filter(lane => lane.y < bottom && lane.y + lane.height > window.y);
    return { stages, lanes };
}
