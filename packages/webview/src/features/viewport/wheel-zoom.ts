/**
 * Wheel zoom in proportion to the wheel's movement: one mouse notch (100 px) zooms by 1.2, a
 * trackpad's small deltas by a little, and no single event by more than 1.25 (Sprotty's default
 * turns a large delta into a jump from 35 % to the maximum).
 */
import { injectable } from 'inversify';
import { ZoomMouseListener } from 'sprotty';
import type { Viewport } from 'sprotty-protocol';
import { wheelZoomFactor } from './wheel-zoom-factor.js';

@injectable()
export class ProportionalZoomMouseListener extends ZoomMouseListener {
    /** Shift or Alt with the wheel, or a mostly sideways swipe on a trackpad, pans instead of zooming. */
    protected override isScrollMode(event: WheelEvent): boolean {
        return event.altKey || event.shiftKey || (!event.ctrlKey && Math.abs(event.deltaX) > Math.abs(event.deltaY));
    }

    protected override processScroll(viewport: Viewport, event: WheelEvent): Viewport {
        // Shift turns a vertical wheel into horizontal panning, as in browsers.
        const dx = event.shiftKey && event.deltaX === 0 ? event.deltaY : event.deltaX;
        const dy = event.shiftKey ? 0 : event.deltaY;
        return { scroll: { x: viewport.scroll.x + dx / viewport.zoom, y: viewport.scroll.y + dy / viewport.zoom }, zoom: viewport.zoom };
    }

    protected override getZoomFactor(event: WheelEvent): number {
        return wheelZoomFactor(event);
    }
}
