/**
 * The workbook as an `.xlsx` file (exceljs): one sheet per table, a bold frozen header row,
 * column widths, an autofilter over the table, wrapped multi-line cells. Text cells pass through
 * the spreadsheet escaper, so a label such as `=HYPERLINK(…)` stays text in every application.
 */
import ExcelJS from 'exceljs';
import { spreadsheetText } from '@blueprint/escape';
import type { CellValue, WorkbookTable } from './workbook-tables.js';

/** Excel refuses sheet names over 31 characters or with any of `[]:*?/\`. */
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;

export async function writeXlsx(tables: readonly WorkbookTable[], title: string): Promise<Uint8Array> {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Blueprint';
    workbook.title = spreadsheetText(title);
    // A fixed date: the same blueprint gives the same workbook properties on every run.
    workbook.created = workbook.modified = new Date(Date.UTC(2000, 0, 1));
    const used = new Set<string>();
    for (const table of tables) {
        const sheet = workbook.addWorksheet(sheetName(table.title, used), { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
        sheet.columns = table.columns.map(column => ({ header: spreadsheetText(column.header), width: column.width }));
        const header = sheet.getRow(1);
        header.font = { bold: true };
        header.alignment = { vertical: 'top', wrapText: true };
        for (const row of table.rows) {
            const added = sheet.addRow(row.map(cellValue));
            added.alignment = { vertical: 'top', wrapText: true };
        }
        sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, table.rows.length + 1), column: table.columns.length } };
    }
    return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function cellValue(value: CellValue): string | number | boolean | null {
    if (value === undefined) return null;
    return typeof value === 'string' ? spreadsheetText(value) : value;
}

function sheetName(title: string, used: Set<string>): string {
    const base = title.replace(SHEET_NAME_FORBIDDEN, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 31) || 'Sheet';
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
    used.add(name.toLowerCase());
    return name;
}
