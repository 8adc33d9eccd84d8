/**
 * A click on a step (press and release on the same step without dragging) asks the extension to
 * reveal it. Dragging pans the canvas, so a drag that starts on a step must not reveal.
 */
import { injectable } from 'inversify';
import { findParentByFeature, MouseListener, type SModelElementImpl } from 'sprotty';
import type { Action } from 'sprotty-protocol';
import { RevealStepAction } from './actions.js';
import { StepNode } from '../../model.js';

/** How far (pixels) the pointer may move between press and release and still count as a click. */
const CLICK_TOLERANCE = 4;

@injectable()
export class RevealMouseListener extends MouseListener {
    private pressed?: { readonly stepId: string; readonly x: number; readonly y: number };

    override mouseDown(target: SModelElementImpl, event: MouseEvent): Action[] {
        const step = event.button === 0 ? findStep(target) : undefined;
        this.pressed = step ? { stepId: step.id, x: event.clientX, y: event.clientY } : undefined;
        return [];
    }

    override mouseUp(target: SModelElementImpl, event: MouseEvent): Action[] {
        const pressed = this.pressed;
        this.pressed = undefined;
        if (!pressed || findStep(target)?.id !== pressed.stepId) {
            return [];
        }
        if (Math.hypot(event.clientX - pressed.x, event.clientY - pressed.y) > CLICK_TOLERANCE) {
            return [];
        }
        return [RevealStepAction.create(pressed.stepId)];
    }
}

function findStep(element: SModelElementImpl): StepNode | undefined {
    return findParentByFeature(element, (candidate): candidate is StepNode => candidate instanceof StepNode);
}
