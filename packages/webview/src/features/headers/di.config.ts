import { ContainerModule } from 'inversify';
import { TYPES } from 'sprotty';
import { StickyHeaders } from './sticky-headers.js';

/** Lane, line and stage names that stay on screen while panning. */
export const stickyHeadersModule = new ContainerModule(bind => {
    bind(StickyHeaders).toSelf().inSingletonScope();
    bind(TYPES.IVNodePostprocessor).toService(StickyHeaders);
});
