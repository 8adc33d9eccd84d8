/**
 * Selects steps (from the editor's cursor or the keyboard), brings them into view, and tells
 * screen readers; a keyboard selection also moves the focus to the step.
 */
import { inject, injectable } from 'inversify';
import { TYPES, type IActionDispatcher, type IActionHandler } from 'sprotty';
import { SelectAction, type Action } from 'sprotty-protocol';
import { ActionQueue } from '../../base/action-queue.js';
import { DiagramState } from '../../base/diagram-state.js';
import { DIAGRAM_ELEMENT_ID } from '../../html.js';
import type { BlueprintModelSource } from '../../model-source.js';
import { ShowStepsAction } from '../viewport/actions.js';
import { SelectStepsAction } from './actions.js';
import { SelectionAnnouncer } from './announcer.js';

@injectable()
export class SelectHandler implements IActionHandler {
    @inject(TYPES.ModelSource) protected readonly modelSource!: BlueprintModelSource;
    @inject(TYPES.IActionDispatcher) protected readonly dispatcher!: IActionDispatcher;
    @inject(ActionQueue) protected readonly queue!: ActionQueue;
    @inject(DiagramState) protected readonly state!: DiagramState;
    @inject(SelectionAnnouncer) protected readonly announcer!: SelectionAnnouncer;

    handle(action: Action): void {
        if (action.kind === SelectStepsAction.KIND) {
            this.queue.waitFor(this.select(action as SelectStepsAction));
        }
    }

    protected async select(action: SelectStepsAction): Promise<void> {
        const layout = this.state.shown?.layout;
        if (!layout || this.state.comparing) return;
        const steps = new Set(layout.steps.map(step => step.id));
        const wanted = action.stepIds.filter(id => steps.has(id));
        this.state.selected = new Set(wanted);
        await this.dispatcher.dispatch(SelectAction.create({
            selectedElementsIDs: wanted,
            deselectedElementsIDs: [...steps].filter(id => !this.state.selected.has(id))
        }));
        if (wanted.length === 0) return;
        await this.dispatcher.dispatch(ShowStepsAction.create(wanted, { animate: !action.focus }));
        const elements = wanted.map(id => document.getElementById(`${DIAGRAM_ELEMENT_ID}_${id}`));
        const names = elements.map(element => element?.getAttribute('aria-label')).filter((name): name is string => !!name);
        if (names.length > 0) this.announcer.announce(`Selected: ${names.join('; ')}`);
        if (action.focus && elements[0] instanceof SVGElement) elements[0].focus();
    }
}
