/**
 * Text for spreadsheet cells (CSV, or cells written into a workbook). A cell that starts with
 * `=`, `+`, `-`, `@`, tab or CR is a formula to Excel, LibreOffice and Google Sheets ("CSV
 * injection", OWASP): it gets a leading apostrophe, which the applications show as text.
 */
import { BIDI_CONTROL, LONE_SURROGATE } from './characters.js';

// eslint-disable-next-line no-control-regex
const CELL_UNWANTED_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu;
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell's text with formulas defused and controls dropped (line breaks stay: cells may hold them). */
export function spreadsheetText(text: string): string {
    const clean = text.replace(CELL_UNWANTED_CONTROL, '').replace(BIDI_CONTROL, '').replace(LONE_SURROGATE, '\ufffd');
    return FORMULA_START.test(clean) ? `'${clean}` : clean;
}

/** One CSV field (RFC 4180): quoted when it holds a quote, a separator, a line break or edge blanks. */
export function csvCell(text: string, separator = ','): string {
    const cell = spreadsheetText(text);
    const needsQuotes = cell.includes('"') || cell.includes(separator) || /[\r\n]/.test(cell) || /^\s|\s$/.test(cell);
    return needsQuotes ? `"${cell.replace(/"/g, '""')}"` : cell;
}
