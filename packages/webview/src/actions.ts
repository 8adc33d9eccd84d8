/** Sprotty actions of the webview itself. */
import type { Action } from 'sprotty-protocol';

/** A step was clicked: ask the extension to reveal it in the text. */
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
