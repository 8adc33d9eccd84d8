import { ContainerModule } from 'inversify';
import { configureActionHandler, configureCommand, TYPES, ZoomMouseListener } from 'sprotty';
import { FitDiagramAction } from './actions.js';
import { FitHandler } from './fit-handler.js';
import { ViewportKeyListener } from './viewport-keys.js';
import { ViewportPersistence } from './viewport-persistence.js';
import { ShowStepsCommand, ZoomCommand } from './viewport-commands.js';
import { ProportionalZoomMouseListener } from './wheel-zoom.js';

/** Zoom and pan: fit, 100 %, zoom steps, proportional wheel zoom, keys, and the saved viewport. Load after Sprotty's viewportModule. */
export const blueprintViewportModule = new ContainerModule((bind, unbind, isBound, rebind) => {
    bind(FitHandler).toSelf().inSingletonScope();
    configureActionHandler({ bind, isBound }, FitDiagramAction.KIND, FitHandler);
    configureCommand({ bind, isBound }, ZoomCommand);
    configureCommand({ bind, isBound }, ShowStepsCommand);
    rebind(ZoomMouseListener).to(ProportionalZoomMouseListener).inSingletonScope();
    bind(ViewportKeyListener).toSelf().inSingletonScope();
    bind(TYPES.KeyListener).toService(ViewportKeyListener);
    bind(ViewportPersistence).toSelf().inSingletonScope();
    bind(TYPES.IVNodePostprocessor).toService(ViewportPersistence);
});
