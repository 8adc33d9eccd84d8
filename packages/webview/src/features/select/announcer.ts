import { injectable } from 'inversify';
import { ANNOUNCER_ELEMENT_ID } from '../../html.js';

/** The polite live region that tells screen readers which step is selected. */
@injectable()
export class SelectionAnnouncer {
    private last = '';

    announce(text: string): void {
        const element = document.getElementById(ANNOUNCER_ELEMENT_ID);
        if (!element || text === this.last) return;
        this.last = text;
        element.textContent = text;
    }
}
