/**
 * Keyboard zoom and pan on the diagram: + and − zoom, 0 is 100 %, F fits, the arrow keys pan
 * (with a step focused they move between steps instead; Shift+arrows always pan).
 */
import { injectable } from 'inversify';
import { isViewport, KeyListener, type SModelElementImpl } from 'sprotty';
import { SetViewportAction, type Action } from 'sprotty-protocol';
import { FitDiagramAction, ZoomAction } from './actions.js';

const ZOOM_STEP = 1.25;
/** Screen pixels per arrow key press. */
const PAN_STEP = 80;

const PAN: Readonly<Record<string, readonly [number, number]>> = {
    ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1]
};

@injectable()
export class ViewportKeyListener extends KeyListener {
    override keyDown(element: SModelElementImpl, event: KeyboardEvent): Action[] {
        if (event.ctrlKey || event.metaKey || event.altKey) return [];
        switch (event.key) {
            case '+':
            case '=':
                return [ZoomAction.by(ZOOM_STEP)];
            case '-':
            case '_':
                return [ZoomAction.by(1 / ZOOM_STEP)];
            case '0':
                return [ZoomAction.to(1)];
            case 'f':
            case 'F':
                return [FitDiagramAction.create()];
        }
        const direction = PAN[event.key];
        const root = element.root;
        if (!direction || !isViewport(root) || (!event.shiftKey && onStep(event))) return [];
        const distance = PAN_STEP / root.zoom;
        return [SetViewportAction.create(root.id, {
            scroll: { x: root.scroll.x + direction[0] * distance, y: root.scroll.y + direction[1] * distance },
            zoom: root.zoom
        }, { animate: false })];
    }
}

/** The key went to a step that has the focus (the step navigation handles it). */
export function onStep(event: Event): boolean {
    return event.target instanceof Element && event.target.closest('[data-step]') !== null;
}
