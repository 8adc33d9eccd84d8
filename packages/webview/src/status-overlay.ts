/**
 * The banner over a stale diagram and the message shown when there is no diagram at all.
 * Text is set with `textContent`, never parsed as HTML.
 */
import { injectable } from 'inversify';
import { STATUS_ELEMENT_ID } from './html.js';
import { statusText, type DiagramStatus } from './status-text.js';

@injectable()
export class StatusOverlay {
    show(status: DiagramStatus): void {
        const element = this.element();
        if (!element) {
            return;
        }
        element.className = `blueprint-status status-${status.kind}`;
        element.replaceChildren();
        const text = statusText(status);
        if (text) {
            const line = document.createElement('div');
            line.className = 'status-text';
            line.textContent = text;
            element.appendChild(line);
            const detail = 'message' in status && status.kind !== 'failed' ? status.message : undefined;
            if (detail) {
                const more = document.createElement('div');
                more.className = 'status-detail';
                more.textContent = detail;
                element.appendChild(more);
            }
        }
    }

    protected element(): HTMLElement | null {
        return document.getElementById(STATUS_ELEMENT_ID);
    }
}
