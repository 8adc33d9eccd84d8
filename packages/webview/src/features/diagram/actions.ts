import type { DiagramParams } from '@blueprint/protocol';
import type { Action } from 'sprotty-protocol';

/** Show (or refresh) the live diagram of a document. */
export interface ShowDiagramAction extends Action {
    kind: typeof ShowDiagramAction.KIND;
    params: DiagramParams;
    /** Steps to bring into view when the document is first shown (the editor's cursor). */
    focus?: readonly string[];
}

export namespace ShowDiagramAction {
    export const KIND = 'blueprintShowDiagram';

    export function create(params: DiagramParams, focus?: readonly string[]): ShowDiagramAction {
        return { kind: KIND, params, ...(focus && focus.length > 0 ? { focus } : {}) };
    }
}
