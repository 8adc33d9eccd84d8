/**
 * Keyboard navigation between steps: Tab and Shift+Tab in reading order, arrow keys (on a
 * focused step) along the flows and up or down, Enter reveals the step in the text, Escape
 * returns to the canvas (where the arrow keys pan).
 */
import { inject, injectable } from 'inversify';
import { KeyListener, type SModelElementImpl } from 'sprotty';
import type { Action } from 'sprotty-protocol';
import { ActionQueue } from '../../base/action-queue.js';
import { FlowEdge, StepNode } from '../../model.js';
import { RevealStepAction, SelectStepsAction } from './actions.js';
import { moveFrom, type StepMove } from './step-navigation.js';

const MOVES: Readonly<Record<string, StepMove>> = { ArrowRight: 'right', ArrowLeft: 'left', ArrowUp: 'up', ArrowDown: 'down' };

@injectable()
export class StepKeyListener extends KeyListener {
    @inject(ActionQueue) protected readonly queue!: ActionQueue;

    override keyDown(element: SModelElementImpl, event: KeyboardEvent): Action[] {
        if (event.ctrlKey || event.metaKey || event.altKey) return [];
        const focused = focusedStep(event);
        if (event.key === 'Enter' && focused) {
            event.preventDefault();
            return [RevealStepAction.create(focused)];
        }
        if (event.key === 'Escape' && focused) {
            event.preventDefault();
            (event.currentTarget as SVGElement | null)?.focus();
            return [];
        }
        const move: StepMove | undefined = event.key === 'Tab' ? (event.shiftKey ? 'previous' : 'next') : (focused && !event.shiftKey ? MOVES[event.key] : undefined);
        if (!move || (!focused && move === 'previous')) return []; // Shift+Tab from the canvas goes back to the toolbar
        const root = element.root;
        const steps = root.children.filter((child): child is StepNode => child instanceof StepNode && child.evidenceFor === undefined)
            .map(step => ({ id: step.id, ...step.position, ...step.size }));
        const flows = root.children.filter((child): child is FlowEdge => child instanceof FlowEdge && child.kind !== 'evidence')
            .map(flow => ({ from: flow.sourceId, to: flow.targetId }));
        const selected = root.children.find(child => child instanceof StepNode && child.selected && child.evidenceFor === undefined)?.id;
        // From the canvas, Tab enters at the selected step (the one at the editor's cursor), else at the first.
        const target = focused ? moveFrom(focused, move, steps, flows) : (selected ?? moveFrom(undefined, 'next', steps, flows));
        if (!target) return []; // Tab past the last step leaves the diagram
        event.preventDefault();
        void this.queue.enqueue(SelectStepsAction.create([target], { focus: true }));
        return [];
    }
}

function focusedStep(event: KeyboardEvent): string | undefined {
    const target = event.target instanceof Element ? event.target.closest('[data-step]') : null;
    return target?.getAttribute('data-step') ?? undefined;
}
