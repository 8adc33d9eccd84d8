/**
 * One workbook table as CSV (csv-stringify): RFC 4180 quoting (also of cells of several lines), CRLF rows, a UTF-8 byte order mark
 * so that Excel reads Chinese, Japanese and Korean correctly, and formula prefixes neutralised.
 */
import { stringify } from 'csv-stringify/sync';
import { spreadsheetText } from '@blueprint/escape';
import type { CellValue, WorkbookTable } from './workbook-tables.js';

export const UTF8_BOM = '\ufeff';

export function writeCsv(table: WorkbookTable): string {
    const records = [table.columns.map(c => spreadsheetText(c.header)), ...table.rows.map(row => row.map(csvValue))];
    // A cell of several lines (notes, flows) is quoted too: csv-stringify quotes only the CRLF rows end with, and a
    // spreadsheet would start a new row at an unquoted line feed.
    return UTF8_BOM + stringify(records, { record_delimiter: 'windows', quoted_match: [/^\s|\s$/, /[\r\n]/] });
}

function csvValue(value: CellValue): string {
    if (value === undefined) return '';
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    return typeof value === 'string' ? spreadsheetText(value) : String(value);
}
