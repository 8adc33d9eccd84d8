/**
 * One workbook table as CSV (csv-stringify): RFC 4180 quoting, CRLF rows, a UTF-8 byte order mark
 * so that Excel reads Chinese, Japanese and Korean correctly, and formula prefixes neutralised.
 */
import { stringify } from 'csv-stringify/sync';
import { spreadsheetText } from '@blueprint/escape';
import type { CellValue, WorkbookTable } from './workbook-tables.js';

export const UTF8_BOM = '\ufeff';

export function writeCsv(table: WorkbookTable): string {
    const records = [table.columns.map(c => spreadsheetText(c.header)), ...table.rows.map(row => row.map(csvValue))];
    return UTF8_BOM + stringify(records, { record_delimiter: 'windows', quoted_match: /^\s|\s$/ });
}

function csvValue(value: CellValue): string {
    if (value === undefined) return '';
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    return typeof value === 'string' ? spreadsheetText(value) : String(value);
}
