/**
 * The characters that let a label break out of the output it is written into, shared by every
 * escaper. The `u` flag matters: with it a surrogate range matches only lone (unpaired) surrogates.
 */

/** Line terminators of every kind a consumer might honour: CR, LF, VT, FF, NEL, LS, PS. */
export const LINE_BREAK = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/gu;

/** C0 controls (tab, CR and LF included), DEL and C1 controls, ESC among them. */
export const CONTROL = /[\u0000-\u001f\u007f-\u009f]/gu;

/**
 * Bidirectional embeddings, overrides and isolates (and the Arabic letter mark): they reorder the
 * text that follows them, the "Trojan Source" trick. Plain right-to-left text needs none of them.
 */
export const BIDI_CONTROL = /[\u061c\u202a-\u202e\u2066-\u2069]/gu;

/** Unpaired UTF-16 surrogates, which no UTF-8 output can hold. */
export const LONE_SURROGATE = /[\ud800-\udfff]/gu;

/** Noncharacters XML forbids. */
export const XML_NONCHARACTER = /[\ufffe\uffff]/gu;

/** A character as `\xNN` or `\uNNNN`, so that it can be seen instead of acting. */
export function visible(character: string): string {
    switch (character) {
        case '\n': return '\\n';
        case '\r': return '\\r';
        case '\t': return '\\t';
    }
    const code = character.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
