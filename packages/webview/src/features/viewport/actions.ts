import type { Action } from 'sprotty-protocol';

/** Fit the whole diagram into the panel (never above 100 %). */
export interface FitDiagramAction extends Action {
    kind: typeof FitDiagramAction.KIND;
    animate: boolean;
}

export namespace FitDiagramAction {
    export const KIND = 'blueprintFitDiagram';

    export function create(options: { animate?: boolean } = {}): FitDiagramAction {
        return { kind: KIND, animate: options.animate ?? true };
    }
}

/** Zoom by a factor, or to a level (1 = 100 %), keeping the middle of the panel where it is. */
export interface ZoomAction extends Action {
    kind: typeof ZoomAction.KIND;
    factor?: number;
    level?: number;
    animate: boolean;
}

export namespace ZoomAction {
    export const KIND = 'blueprintZoom';

    export function by(factor: number, animate = true): ZoomAction {
        return { kind: KIND, factor, animate };
    }

    export function to(level: number, animate = true): ZoomAction {
        return { kind: KIND, level, animate };
    }
}

/**
 * Bring steps into view when they are not: the viewport moves (and zooms to `zoom`, when given)
 * so they are inside the part of the panel the sticky headers leave free. `preferOrigin`: keep
 * the diagram's top left corner in view if the steps fit there (a diagram opening).
 */
export interface ShowStepsAction extends Action {
    kind: typeof ShowStepsAction.KIND;
    stepIds: readonly string[];
    zoom?: number;
    animate: boolean;
    preferOrigin: boolean;
}

export namespace ShowStepsAction {
    export const KIND = 'blueprintShowSteps';

    export function create(stepIds: readonly string[], options: { zoom?: number; animate?: boolean; preferOrigin?: boolean } = {}): ShowStepsAction {
        return { kind: KIND, stepIds, zoom: options.zoom, animate: options.animate ?? true, preferOrigin: options.preferOrigin ?? false };
    }
}
