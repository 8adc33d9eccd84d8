/**
 * Text for SVG and XML (element content and attribute values alike). The result always parses:
 * characters XML 1.0 forbids are dropped, lone surrogates become U+FFFD, and tab, CR and LF are
 * written as character references, which survive the parser's attribute-value normalisation.
 */
import { BIDI_CONTROL, LONE_SURROGATE, XML_NONCHARACTER } from './characters.js';

const ENTITIES: Readonly<Record<string, string>> = {
    '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;',
    // XML 1.1 and lenient parsers read these as line ends; a reference keeps them as written.
    '\u2028': '&#8232;', '\u2029': '&#8233;'
};

/** C0 controls except tab, LF and CR (forbidden in XML 1.0), DEL and C1 controls (discouraged; ESC-like in terminals). */
// eslint-disable-next-line no-control-regex
const XML_UNWANTED_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu;

/** `text` may be missing where a half-typed file has no label yet: it is drawn empty. */
export function escapeXml(text: string | undefined): string {
    return sanitizeXmlText(text ?? '').replace(/[&<>"'\t\n\r\u2028\u2029]/g, character => ENTITIES[character]!);
}

/**
 * Makes markup that is already escaped (e.g. a serialised DOM) well-formed XML without touching
 * its tags: drops what `escapeXml` drops. A DOM text node may hold U+0008, its serialisation too.
 */
export function sanitizeXmlText(text: string): string {
    return text
        .replace(XML_UNWANTED_CONTROL, '')
        .replace(XML_NONCHARACTER, '')
        .replace(BIDI_CONTROL, '')
        .replace(LONE_SURROGATE, '\ufffd');
}
