/**
 * Text for Mermaid diagrams (flowchart and swimlane labels, subgraph titles, edge labels). A label
 * is written inside double quotes; what could end the quotes, be read as markup or Markdown, end
 * an edge label or break the line is written as Mermaid's entity code (`#quot;`, `#35;`…), which
 * Mermaid turns back into the character when it draws: quotes, `#`, `&`, `<`, `>`, backticks,
 * `|`, `\` (Mermaid reads `\n` as a line break) and `%` (`%%{…}%%` is a directive). `#` itself
 * is encoded, so text that looks like an entity code (`#quot;`) stays the text it was.
 */
import { BIDI_CONTROL, CONTROL, LINE_BREAK, LONE_SURROGATE } from './characters.js';

/** Named codes where Mermaid's documentation uses them; the rest by number. */
const CODES: Readonly<Record<string, string>> = {
    '"': '#quot;', '#': '#35;', '&': '#amp;', '<': '#lt;', '>': '#gt;', '`': '#96;', '|': '#124;',
    // Mermaid reads a written `\n` as a line break; `%%{…}%%` anywhere in the text is a directive (configuration).
    '\\': '#92;', '%': '#37;'
};

const SPECIAL = /["#&<>`|\\%]/g;

/**
 * One line of label text, to be put between double quotes. Line breaks become spaces (the writer
 * adds its own breaks), control and bidi characters are dropped, lone surrogates become U+FFFD.
 */
export function escapeMermaid(text: string | undefined): string {
    return (text ?? '')
        .replace(LINE_BREAK, ' ')
        .replace(CONTROL, character => (character === '\t' ? ' ' : ''))
        .replace(BIDI_CONTROL, '')
        .replace(LONE_SURROGATE, '\ufffd')
        .replace(SPECIAL, character => CODES[character]!);
}

/**
 * A Mermaid node or subgraph id made from a name: letters, digits and `_` only (anything else as
 * `_hex_`), prefixed so that it never starts with a digit, never is a keyword (`end` breaks a
 * flowchart) and never collides with an id of another prefix.
 */
export function mermaidId(prefix: string, name: string): string {
    return `${prefix}_${name.replace(/[^A-Za-z0-9]/gu, character => `_${character.codePointAt(0)!.toString(16)}_`)}`;
}
