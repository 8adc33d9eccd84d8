/**
 * The model source: Sprotty's local model source, with updates applied without animation (a
 * diagram that follows typing must not wobble) and SVG exports sent to the extension instead of
 * being downloaded.
 */
import { inject, injectable } from 'inversify';
import { LocalModelSource } from 'sprotty';
import { SetModelAction, UpdateModelAction, type Action, type ExportSvgAction, type SModelRoot } from 'sprotty-protocol';
import { ExtensionConnection } from './extension-connection.js';
import { standaloneSvg } from './svg-file.js';

@injectable()
export class BlueprintModelSource extends LocalModelSource {
    @inject(ExtensionConnection) protected readonly connection!: ExtensionConnection;

    protected override async doSubmitModel(newRoot: SModelRoot, update: boolean | unknown[], cause?: Action): Promise<void> {
        const lastSubmittedModelType = this.lastSubmittedModelType;
        this.lastSubmittedModelType = newRoot.type;
        if (update === true && newRoot.type === lastSubmittedModelType) {
            await this.actionDispatcher.dispatch(UpdateModelAction.create(newRoot, { animate: false, cause }));
        } else {
            await this.actionDispatcher.dispatch(SetModelAction.create(newRoot));
        }
    }

    protected override handleExportSvgAction(action: ExportSvgAction): void {
        this.connection.post({ kind: 'exportedSvg', svg: standaloneSvg(action.svg) });
    }
}
