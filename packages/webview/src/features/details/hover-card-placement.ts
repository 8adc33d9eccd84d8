/**
 * Places the hover card inside the panel at its own width (see hover-card-position.ts): it never
 * squeezes into the strip between the pointer and the panel's edge.
 */
import { injectable } from 'inversify';
import type { VNode } from 'snabbdom';
import type { IVNodePostprocessor, SModelElementImpl } from 'sprotty';
import type { Bounds } from 'sprotty-protocol';
import { DIAGRAM_ELEMENT_ID } from '../../html.js';
import { placeHoverCard } from './hover-card-position.js';
import { HoverCardElement } from './hover-card-view.js';

/** Places the popup after every render of it (a popup postprocessor, after Sprotty's own). */
@injectable()
export class HoverCardPlacement implements IVNodePostprocessor {
    private requested?: Bounds;
    private step?: string;

    decorate(vnode: VNode, element: SModelElementImpl): VNode {
        if (element instanceof HoverCardElement) {
            this.requested = element.root.canvasBounds;
            this.step = element.id.replace(/^popup:/, '');
        }
        return vnode;
    }

    postUpdate(): void {
        const popup = document.getElementById(`${DIAGRAM_ELEMENT_ID}-popup`);
        const card = popup?.firstElementChild;
        if (!popup || !card || !this.requested || !popup.classList.contains('sprotty-popup') || popup.classList.contains('sprotty-popup-closed')) return;
        const size = card.getBoundingClientRect();
        const anchor = this.step ? document.getElementById(`${DIAGRAM_ELEMENT_ID}_${this.step}`)?.getBoundingClientRect() : undefined;
        const place = placeHoverCard({
            at: { x: this.requested.x - window.scrollX, y: this.requested.y - window.scrollY },
            card: { width: size.width, height: size.height },
            anchor,
            viewport: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight }
        });
        popup.style.left = `${Math.round(place.x + window.scrollX)}px`;
        popup.style.top = `${Math.round(place.y + window.scrollY)}px`;
    }
}
