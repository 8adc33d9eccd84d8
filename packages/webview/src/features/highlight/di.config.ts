import { ContainerModule } from 'inversify';
import { configureCommand, TYPES } from 'sprotty';
import { SetHighlightCommand } from './highlight-command.js';
import { HighlightDecorator } from './highlight-decorator.js';
import { HighlightState } from './highlight-state.js';

/** Highlight on demand (critical path, fail points) as CSS classes on the next render. */
export const highlightModule = new ContainerModule((bind, unbind, isBound) => {
    bind(HighlightState).toSelf().inSingletonScope();
    configureCommand({ bind, isBound }, SetHighlightCommand);
    bind(HighlightDecorator).toSelf().inSingletonScope();
    bind(TYPES.IVNodePostprocessor).toService(HighlightDecorator);
});
