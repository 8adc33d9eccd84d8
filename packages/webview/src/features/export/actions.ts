import type { Action } from 'sprotty-protocol';

/** Export the drawn diagram as a standalone SVG for the extension (empty when nothing is drawn). */
export interface ExportDiagramAction extends Action {
    kind: typeof ExportDiagramAction.KIND;
}

export namespace ExportDiagramAction {
    export const KIND = 'blueprintExportDiagram';

    export function create(): ExportDiagramAction {
        return { kind: KIND };
    }
}
