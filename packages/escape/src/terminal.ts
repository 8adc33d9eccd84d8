/**
 * Text for a terminal or a plain log line: every control character (ESC and so CSI/OSC sequences,
 * CR, LF, backspace, C1), every bidirectional override and every line separator is shown as an
 * escape (`\x1b`, `\n`, `\u202e`) instead of acting, so a label can neither recolour the screen nor
 * start a line of its own.
 */
import { BIDI_CONTROL, CONTROL, LONE_SURROGATE, visible } from './characters.js';

const SEPARATORS = /[\u2028\u2029]/gu;

export function escapeTerminal(text: string): string {
    return text
        .replace(CONTROL, visible)
        .replace(BIDI_CONTROL, visible)
        .replace(SEPARATORS, visible)
        .replace(LONE_SURROGATE, visible);
}
