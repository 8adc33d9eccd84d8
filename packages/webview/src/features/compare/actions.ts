import type { DiagramDiffResult } from '@blueprint/protocol';
import type { Action } from 'sprotty-protocol';

/** Show a comparison with an older version instead of the live diagram. */
export interface ShowComparisonAction extends Action {
    kind: typeof ShowComparisonAction.KIND;
    title: string;
    result: DiagramDiffResult;
}

export namespace ShowComparisonAction {
    export const KIND = 'blueprintShowComparison';

    export function create(title: string, result: DiagramDiffResult): ShowComparisonAction {
        return { kind: KIND, title, result };
    }
}

/** Leave the comparison and show the newest live diagram. */
export interface ExitComparisonAction extends Action {
    kind: typeof ExitComparisonAction.KIND;
}

export namespace ExitComparisonAction {
    export const KIND = 'blueprintExitComparison';

    export function create(): ExitComparisonAction {
        return { kind: KIND };
    }
}
