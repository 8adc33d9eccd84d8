import { ContainerModule } from 'inversify';
import { configureActionHandler } from 'sprotty';
import { ExitComparisonAction, ShowComparisonAction } from './actions.js';
import { ComparisonHandler } from './comparison-handler.js';

/** Comparing with an older version (from git): classes, a banner, live updates held back. */
export const compareModule = new ContainerModule((bind, unbind, isBound) => {
    bind(ComparisonHandler).toSelf().inSingletonScope();
    configureActionHandler({ bind, isBound }, ShowComparisonAction.KIND, ComparisonHandler);
    configureActionHandler({ bind, isBound }, ExitComparisonAction.KIND, ComparisonHandler);
});
