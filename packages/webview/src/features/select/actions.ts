import type { Action } from 'sprotty-protocol';

/** A step was clicked or Enter pressed on it: ask the extension to reveal it in the text. */
export interface RevealStepAction extends Action {
    kind: typeof RevealStepAction.KIND;
    stepId: string;
}

export namespace RevealStepAction {
    export const KIND = 'blueprintRevealStep';

    export function create(stepId: string): RevealStepAction {
        return { kind: KIND, stepId };
    }
}

/**
 * Select these steps and bring them into view: from the editor's cursor, or from the keyboard
 * (`focus`: the step also takes the keyboard focus).
 */
export interface SelectStepsAction extends Action {
    kind: typeof SelectStepsAction.KIND;
    stepIds: readonly string[];
    focus: boolean;
}

export namespace SelectStepsAction {
    export const KIND = 'blueprintSelectSteps';

    export function create(stepIds: readonly string[], options: { focus?: boolean } = {}): SelectStepsAction {
        return { kind: KIND, stepIds, focus: options.focus ?? false };
    }
}
