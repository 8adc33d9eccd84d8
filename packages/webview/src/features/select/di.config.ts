import { ContainerModule } from 'inversify';
import { configureActionHandler, TYPES } from 'sprotty';
import { SelectStepsAction } from './actions.js';
import { SelectionAnnouncer } from './announcer.js';
import { AriaDecorator } from './aria-decorator.js';
import { RevealMouseListener } from './reveal-mouse-listener.js';
import { SelectHandler } from './select-handler.js';
import { StepKeyListener } from './step-keys.js';

/** Selecting and revealing steps: cursor selection, click and Enter to reveal, keyboard moves, ARIA. */
export const selectStepsModule = new ContainerModule((bind, unbind, isBound) => {
    bind(SelectionAnnouncer).toSelf().inSingletonScope();
    bind(SelectHandler).toSelf().inSingletonScope();
    configureActionHandler({ bind, isBound }, SelectStepsAction.KIND, SelectHandler);
    bind(RevealMouseListener).toSelf().inSingletonScope();
    bind(TYPES.MouseListener).toService(RevealMouseListener);
    bind(StepKeyListener).toSelf().inSingletonScope();
    bind(TYPES.KeyListener).toService(StepKeyListener);
    bind(AriaDecorator).toSelf().inSingletonScope();
    bind(TYPES.IVNodePostprocessor).toService(AriaDecorator);
});
