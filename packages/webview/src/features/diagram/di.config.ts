import { ContainerModule } from 'inversify';
import { configureActionHandler } from 'sprotty';
import { ShowDiagramAction } from './actions.js';
import { DiagramHandler } from './diagram-handler.js';

/** The live diagram: shown, updated in place, kept under a banner while the text has errors. */
export const diagramModule = new ContainerModule((bind, unbind, isBound, rebind) => {
    bind(DiagramHandler).toSelf().inSingletonScope();
    configureActionHandler({ bind, isBound }, ShowDiagramAction.KIND, DiagramHandler);
});
