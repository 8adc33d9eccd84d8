import type { Action } from 'sprotty-protocol';
import type { HighlightMode } from '@blueprint/protocol';

/** Emphasise the critical path or the fail points, or nothing. `toggle`: the same mode again clears it. */
export interface SetHighlightAction extends Action {
    kind: typeof SetHighlightAction.KIND;
    mode: HighlightMode;
    toggle: boolean;
}

export namespace SetHighlightAction {
    export const KIND = 'blueprintSetHighlight';

    export function create(mode: HighlightMode, options: { toggle?: boolean } = {}): SetHighlightAction {
        return { kind: KIND, mode, toggle: options.toggle ?? false };
    }
}
