/**
 * Text for GitHub-flavoured Markdown (PR comments, reports, hovers): inline text that stays one
 * piece of text wherever it is put, in a paragraph, a list item, a heading or a table cell.
 */
import { BIDI_CONTROL, CONTROL, LINE_BREAK, LONE_SURROGATE } from './characters.js';

/** Zero-width space: breaks GitHub's autolinking of `@user` and `#123` (as Dependabot does) and stays invisible. */
const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Characters with inline meaning: emphasis, code, links, HTML, strikethrough, table cells, math
 * (`$`), escapes. `#` is escaped everywhere so that no text can become a heading; `>` only matters
 * at the start of a line (with `<` escaped it opens no tag).
 */
const INLINE_SPECIAL = /[\\`*_[\]<&~|$#]/g;

/** What starts a block when it opens a line and is not escaped above: list markers, rules, setext underlines. */
const BLOCK_MARKER = /^( ?)([-+=>])/;
const ORDERED_LIST_MARKER = /^( ?\d{1,9})([.)])/;

export function escapeMarkdown(text: string): string {
    const oneLine = text
        .replace(LINE_BREAK, ' ')
        .replace(CONTROL, character => (character === '\t' ? ' ' : ''))
        .replace(BIDI_CONTROL, '')
        .replace(LONE_SURROGATE, '\ufffd')
        // Four leading blanks would make an indented code block of a line that starts with this text.
        .replace(/^ {2,}/, ' ');
    const escaped = oneLine.replace(INLINE_SPECIAL, character => {
        if (character === '<') return '&lt;';
        if (character === '&') return '&amp;';
        return '\\' + character;
    });
    return neutraliseReferences(escaped.replace(BLOCK_MARKER, '$1\\$2').replace(ORDERED_LIST_MARKER, '$1\\$2'));
}

/**
 * Text as an inline code span (identifiers, file names): a fence longer than any backtick run in
 * it, so nothing inside can close the span. In a table cell `|` still splits the row, even in code,
 * so pass `inTable` there (GitHub shows `\|` in a table's code span as `|`).
 */
export function markdownCode(text: string, options: { inTable?: boolean } = {}): string {
    let content = text
        .replace(LINE_BREAK, ' ')
        .replace(CONTROL, character => (character === '\t' ? ' ' : ''))
        .replace(BIDI_CONTROL, '')
        .replace(LONE_SURROGATE, '\ufffd');
    if (options.inTable) content = content.replace(/\|/g, '\\|');
    const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map(run => run.length));
    const fence = '`'.repeat(longestRun + 1);
    // A space on each side keeps a leading or trailing backtick apart from the fence; GitHub strips one.
    const padded = content.startsWith('`') || content.endsWith('`') || /^ .* $/.test(content) ? ` ${content} ` : content;
    return `${fence}${padded}${fence}`;
}

/**
 * Mentions (`@user`, `@org/team`), issue references (`#12`, `GH-12`) and bare URLs (GFM's literal
 * autolinks, `http://…`, `www.…`) become plain text: a label cannot ping people or plant links.
 */
function neutraliseReferences(text: string): string {
    return text
        .replace(/:(?=\/\/)/g, '\\:')
        .replace(/\b(www)\./gi, '$1\\.')
        .replace(/(?<![\p{L}\p{N}_])@(?=[\p{L}\p{N}_-])/gu, `@${ZERO_WIDTH_SPACE}`)
        .replace(/#(?=\p{N})/gu, `#${ZERO_WIDTH_SPACE}`)
        .replace(/\b(GH-)(?=\p{N})/giu, `$1${ZERO_WIDTH_SPACE}`);
}
