/**
 * Makes the diagram usable with a screen reader and the keyboard: the canvas is focusable and
 * says what it is and how to move; every step is a focusable button named by its label, lane and
 * stage. Bound for the main view only (exports stay plain SVG).
 */
import { injectable } from 'inversify';
import type { VNode } from 'snabbdom';
import { setAttr, type IVNodePostprocessor, type SModelElementImpl } from 'sprotty';
import { BlueprintGraph, StepNode } from '../../model.js';
import { describeStep } from './step-description.js';

export const CANVAS_HELP = 'Tab moves to the next step, arrow keys follow the flows or pan, Enter shows the step in the text, plus and minus zoom, 0 is 100 %, F fits.';

@injectable()
export class AriaDecorator implements IVNodePostprocessor {
    decorate(vnode: VNode, element: SModelElementImpl): VNode {
        if (element instanceof BlueprintGraph) {
            setAttr(vnode, 'tabindex', 0);
            setAttr(vnode, 'role', 'group');
            setAttr(vnode, 'aria-roledescription', 'service blueprint');
            setAttr(vnode, 'aria-label', `${element.title || 'Service blueprint'}. ${CANVAS_HELP}`);
        } else if (element instanceof StepNode) {
            setAttr(vnode, 'tabindex', -1);
            setAttr(vnode, 'role', 'button');
            setAttr(vnode, 'aria-roledescription', element.evidenceFor !== undefined ? 'evidence' : 'step');
            setAttr(vnode, 'aria-label', describeStep(element));
            if (element.evidenceFor === undefined) {
                setAttr(vnode, 'data-step', element.id);
            }
        }
        return vnode;
    }

    postUpdate(): void {}
}
