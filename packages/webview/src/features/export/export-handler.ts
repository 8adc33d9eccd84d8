/**
 * Exports through Sprotty's hidden view: the copy is drawn without selection, hover or highlight
 * (the highlight decorator serves the main view only), at 100 % and from the origin.
 */
import { inject, injectable } from 'inversify';
import { RequestExportSvgAction, type IActionHandler } from 'sprotty';
import type { Action } from 'sprotty-protocol';
import { DiagramState } from '../../base/diagram-state.js';
import { ExtensionConnection } from '../../extension-connection.js';
import { ExportDiagramAction } from './actions.js';

@injectable()
export class ExportHandler implements IActionHandler {
    @inject(DiagramState) protected readonly state!: DiagramState;
    @inject(ExtensionConnection) protected readonly connection!: ExtensionConnection;

    handle(action: Action): Action | void {
        if (action.kind !== ExportDiagramAction.KIND) return;
        if (!this.state.drawnLayout) {
            this.connection.post({ kind: 'exportedSvg', svg: '' });
            return;
        }
        return RequestExportSvgAction.create();
    }
}
