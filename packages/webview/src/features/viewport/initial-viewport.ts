/** Viewport arithmetic of the preview: where it opens and how it brings steps into view. Pure. */
import type { BlueprintLayout, LaidOutStep } from '@blueprint/diagram';

export interface Box {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
}

export interface ScrollPosition {
    readonly x: number;
    readonly y: number;
}

/** Screen pixels at the panel's edges covered by sticky headers. */
export interface Insets {
    readonly left: number;
    readonly top: number;
}

/** Room kept around a step brought into view, in screen pixels. */
const MARGIN = 24;

/**
 * Where the journey starts: the leftmost customer step that no flow leads to, else the leftmost
 * customer step, else the leftmost step.
 */
export function startStep(layout: BlueprintLayout): LaidOutStep | undefined {
    const customerLanes = new Set(layout.lanes.filter(lane => lane.kind === 'customer').map(lane => lane.id));
    const steps = layout.steps.filter(step => step.evidenceFor === undefined && step.lane !== 'evidence');
    const reached = new Set(layout.flows.filter(flow => flow.kind !== 'evidence' && flow.from !== flow.to).map(flow => flow.to));
    const leftmost = (candidates: readonly LaidOutStep[]) =>
        candidates.reduce<LaidOutStep | undefined>((best, step) => !best || step.x < best.x || (step.x === best.x && step.y < best.y) ? step : best, undefined);
    const customer = steps.filter(step => customerLanes.has(step.lane));
    return leftmost(customer.filter(step => !reached.has(step.id))) ?? leftmost(customer) ?? leftmost(steps) ?? layout.steps[0];
}

/**
 * The scroll that shows `target` at `zoom` in a canvas of `canvas` size, or undefined when it is
 * already in view at `current`. Off-screen targets are centred in the free part of the panel;
 * with `preferOrigin` the diagram's origin is kept when the target is visible from there, and the
 * scroll stays inside the diagram.
 */
export function revealScroll(options: {
    readonly current: ScrollPosition;
    readonly zoom: number;
    readonly canvas: { readonly width: number; readonly height: number };
    readonly target: Box;
    readonly diagram: { readonly width: number; readonly height: number };
    readonly insets: Insets;
    readonly preferOrigin?: boolean;
}): ScrollPosition | undefined {
    const { zoom, canvas, target, diagram, insets } = options;
    const margin = MARGIN / zoom;
    const axis = (start: number, position: number, size: number, canvasSize: number, inset: number, extent: number): number => {
        const offset = inset / zoom;
        const room = Math.max(1, canvasSize - inset) / zoom;
        if (position >= start + offset && position + size <= start + offset + room) {
            return start;
        }
        // Centred in the free area when it fits, else its start at the free area's start.
        const scroll = size + 2 * margin <= room ? position + size / 2 - room / 2 - offset : position - margin - offset;
        return options.preferOrigin ? Math.min(Math.max(scroll, 0), Math.max(0, extent - offset - room)) : scroll;
    };
    const start = options.preferOrigin ? { x: 0, y: 0 } : options.current;
    const x = axis(start.x, target.x, target.width, canvas.width, insets.left, diagram.width);
    const y = axis(start.y, target.y, target.height, canvas.height, insets.top, diagram.height);
    if (!options.preferOrigin && x === start.x && y === start.y) {
        return undefined;
    }
    return { x, y };
}

/** What the sticky headers cover: the stage bar at the top (see features/headers). */
export const HEADER_INSETS: Insets = { left: 0, top: 30 };
