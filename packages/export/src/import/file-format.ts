/**
 * Which files `blueprint import` reads, told apart before any reader runs: by the file's extension
 * and by its first bytes. A Mermaid diagram, a blueprint or a PDF handed to the CSV reader gave
 * "the CSV cannot be read: Invalid Opening Quote …", which blames quoting in a file that is no CSV.
 */

/** What the import reads, in the words of its refusal. */
export const READABLE_FORMATS = 'CSV (.csv, .tsv or .txt: UTF-8 text, comma, semicolon or tab between cells) and Excel workbooks (.xlsx)';

interface OtherFormat {
    /** `a Mermaid diagram` */
    readonly name: string;
    /** What to do instead. */
    readonly instead: string;
}

const SAVE_AS = 'save it from the spreadsheet as .xlsx or as "CSV UTF-8"';
const FROM_BLUEPRINT = 'to bring a blueprint into a spreadsheet and back, use `blueprint export --format xlsx` (or csv) and import that file';

const MERMAID: OtherFormat = { name: 'a Mermaid diagram', instead: `Mermaid is an output of \`blueprint export\` only: ${FROM_BLUEPRINT}` };
const BLUEPRINT: OtherFormat = { name: 'a blueprint', instead: 'a .blueprint file needs no import: open, check or render it as it is' };
const XLS: OtherFormat = { name: 'an Excel 97–2003 workbook (.xls)', instead: SAVE_AS };
const ODS: OtherFormat = { name: 'an OpenDocument spreadsheet (.ods)', instead: SAVE_AS };
const NUMBERS: OtherFormat = { name: 'an Apple Numbers spreadsheet', instead: SAVE_AS };
const JSON_FILE: OtherFormat = { name: 'JSON', instead: `a board or tool export in JSON needs to be saved as CSV first; ${FROM_BLUEPRINT}` };
const PICTURE: OtherFormat = { name: 'a picture or document', instead: 'import reads tables, not drawings' };
const MARKUP: OtherFormat = { name: 'an HTML, SVG or XML file', instead: 'import reads tables, not drawings or pages' };
const WORD: OtherFormat = { name: 'a Word document', instead: 'copy its table into a spreadsheet and save that as .xlsx or "CSV UTF-8"' };
const MARKDOWN: OtherFormat = { name: 'a Markdown file', instead: 'copy its table into a spreadsheet and save that as .xlsx or "CSV UTF-8"' };

const BY_EXTENSION: Readonly<Record<string, OtherFormat>> = {
    mmd: MERMAID, mermaid: MERMAID, blueprint: BLUEPRINT, xls: XLS, ods: ODS, numbers: NUMBERS, json: JSON_FILE,
    png: PICTURE, jpg: PICTURE, jpeg: PICTURE, gif: PICTURE, webp: PICTURE, pdf: PICTURE,
    svg: MARKUP, html: MARKUP, htm: MARKUP, xml: MARKUP, docx: WORD, doc: WORD, md: MARKDOWN
};

/** The first word of a Mermaid diagram (after its `%%` comments and front matter). */
const MERMAID_START = /^((flowchart|graph)(\s+(TB|TD|BT|RL|LR))?|sequenceDiagram|classDiagram|stateDiagram(-v2)?|erDiagram|journey|gantt|pie|mindmap|timeline|block-beta)\s*(;|$)/mu;

/**
 * The refusal for a file of another format, or undefined for one the readers take (a CSV, a
 * workbook, or text of no known other kind, which the CSV reader then judges).
 */
export function unsupportedFormat(bytes: Uint8Array, fileName: string): string | undefined {
    const extension = /\.([^./\\]+)$/u.exec(fileName)?.[1]?.toLowerCase();
    const format = (extension !== undefined ? BY_EXTENSION[extension] : undefined) ?? sniff(bytes);
    return format && `this is ${format.name}, which import does not read: it reads ${READABLE_FORMATS}; ${format.instead}`;
}

function sniff(bytes: Uint8Array): OtherFormat | undefined {
    const starts = (...signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
    if (starts(0xd0, 0xcf, 0x11, 0xe0)) return XLS; // OLE2: .xls and .doc
    if (starts(0x25, 0x50, 0x44, 0x46) || starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff) || starts(0x47, 0x49, 0x46)) return PICTURE;
    if (starts(0x50, 0x4b, 0x03, 0x04)) return zipFormat(bytes);
    const text = firstWords(bytes);
    if (MERMAID_START.test(text.split('\n')[0])) return MERMAID;
    if (/^(blueprint\s+[^\s"]+\s*("|\{)|import\s+["'])/u.test(text)) return BLUEPRINT;
    if (/^<(\?xml|!doctype|html|svg)\b/iu.test(text)) return MARKUP;
    if (/^[{[]\s*("|\{|\[|$)/u.test(text)) return JSON_FILE;
    return undefined;
}

/** A zip is taken for a workbook unless its first entry says otherwise (OpenDocument names its type first, uncompressed). */
function zipFormat(bytes: Uint8Array): OtherFormat | undefined {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 256));
    return head.includes('mimetypeapplication/vnd.oasis.opendocument') ? ODS : undefined;
}

/** The start of the text, past a byte order mark, blank lines, Mermaid `%%` comments and front matter. */
function firstWords(bytes: Uint8Array): string {
    let text = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)).replace(/^\ufeff/u, '');
    text = text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/u, '');
    const lines = text.split(/\r?\n/u).map(line => line.trim()).filter(line => line !== '' && !line.startsWith('%%') && !line.startsWith('//'));
    return lines.slice(0, 3).join('\n');
}
