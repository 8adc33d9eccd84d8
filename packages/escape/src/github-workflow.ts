/**
 * Text inside GitHub Actions workflow commands (`::error file=…,title=…::message`). The runner
 * decodes `%25`, `%0D`, `%0A` (and in properties `%3A`, `%2C`) as in actions/toolkit's command.ts;
 * everything else that could act in the Actions log (ESC sequences, other controls, bidi overrides)
 * is made visible first, as for a terminal.
 */
import { BIDI_CONTROL, CONTROL, LONE_SURROGATE, visible } from './characters.js';

function visibleControls(text: string): string {
    return text
        .replace(CONTROL, character => (character === '\r' || character === '\n' ? character : visible(character)))
        .replace(BIDI_CONTROL, visible)
        .replace(/[\u2028\u2029]/gu, visible)
        .replace(LONE_SURROGATE, visible);
}

/** The message part, after `::`. */
export function escapeWorkflowData(text: string): string {
    return visibleControls(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value (`file=`, `title=`): also `:` and `,`, which end a property. */
export function escapeWorkflowProperty(text: string): string {
    return escapeWorkflowData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
