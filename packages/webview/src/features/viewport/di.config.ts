import { ContainerModule } from 'inversify';
import { configureCommand, TYPES, ZoomMouseListener } from 'sprotty';
import { ViewportKeyListener } from './viewport-keys.js';
import { ViewportPersistence } from './viewport-persistence.js';
import { FitDiagramCommand, ShowStepsCommand, ZoomCommand } from './viewport-commands.js';
import { ProportionalZoomMouseListener } from './wheel-zoom.js';

/** Zoom and pan: fit, 100 %, zoom steps, proportional wheel zoom, keys, and the saved viewport. Load after Sprotty's viewportModule. */
export const blueprintViewportModule = new ContainerModule((bind, unbind, isBound, rebind) => {
    configureCommand({ bind, isBound }, FitDiagramCommand);
    configureCommand({ bind, isBound }, ZoomCommand);
    configureCommand({ bind, isBound }, ShowStepsCommand);
    rebind(ZoomMouseListener).to(ProportionalZoomMouseListener).inSingletonScope();
    bind(ViewportKeyListener).toSelf().inSingletonScope();
    bind(TYPES.KeyListener).toService(ViewportKeyListener);
    bind(ViewportPersistence).toSelf().inSingletonScope();
    bind(TYPES.IVNodePostprocessor).toService(ViewportPersistence);
});
