import { ContainerModule } from 'inversify';
import { configureModelElement, HtmlRootImpl, HtmlRootView, TYPES } from 'sprotty';
import { HoverCardPlacement } from './hover-card-placement.js';
import { HOVER_CARD_TYPE, HoverCardElement, HoverCardView } from './hover-card-view.js';
import { StepPopupProvider } from './popup-provider.js';

/** The hover card of steps (with Sprotty's hoverModule): fail points, remedies, times, KPIs, notes; kept inside the panel. */
export const stepDetailsModule = new ContainerModule((bind, unbind, isBound, rebind) => {
    const context = { bind, unbind, isBound, rebind };
    bind(StepPopupProvider).toSelf().inSingletonScope();
    bind(TYPES.IPopupModelProvider).toService(StepPopupProvider);
    bind(HoverCardPlacement).toSelf().inSingletonScope();
    bind(TYPES.PopupVNodePostprocessor).toService(HoverCardPlacement);
    configureModelElement(context, 'html', HtmlRootImpl, HtmlRootView);
    configureModelElement(context, HOVER_CARD_TYPE, HoverCardElement, HoverCardView);
});
