import { ContainerModule } from 'inversify';
import { configureActionHandler, TYPES } from 'sprotty';
import { BlueprintSvgExporter } from '../../svg-exporter.js';
import { ExportDiagramAction } from './actions.js';
import { ExportHandler } from './export-handler.js';

/** SVG export for the extension (the model source posts the result). Load after Sprotty's exportModule. */
export const blueprintExportModule = new ContainerModule((bind, unbind, isBound, rebind) => {
    bind(ExportHandler).toSelf().inSingletonScope();
    configureActionHandler({ bind, isBound }, ExportDiagramAction.KIND, ExportHandler);
    rebind(TYPES.SvgExporter).to(BlueprintSvgExporter).inSingletonScope();
});
