/**
 * The workbook as an `.xlsx` file (exceljs): one sheet per table, a bold frozen header row,
 * column widths, an autofilter over the table, wrapped multi-line cells, printed landscape with the header row repeated. Text cells pass through
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
        const sheet = workbook.addWorksheet(sheetName(table.title, used), {
            views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
            // Printed landscape, readable (about 150 characters of columns a page), the header row on every page.
            pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: pagesWide(table), fitToHeight: 0, printTitlesRow: '1:1' }
        });
        sheet.columns = table.columns.map(column => ({ header: spreadsheetText(column.header), width: column.width }));
        const header = sheet.getRow(1);
        header.font = { bold: true };
        header.alignment = { vertical: 'top', wrapText: true };
        header.height = rowHeight(table.columns.map(c => c.header), table);
        for (const row of table.rows) {
            const added = sheet.addRow(row.map(cellValue));
            added.alignment = { vertical: 'top', wrapText: true };
            added.height = rowHeight(row, table);
        }
        sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, table.rows.length + 1), column: table.columns.length } };
    }
    return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const LINE_HEIGHT_PT = 15;

/**
 * The height wrapped text needs: not every application fits rows to wrapped text when it opens a
 * file (LibreOffice does not), so the lines are counted here — wide (CJK) characters count twice.
 */
function rowHeight(row: readonly CellValue[], table: WorkbookTable): number {
    let lines = 1;
    row.forEach((value, index) => {
        if (typeof value !== 'string') return;
        const width = Math.max(1, table.columns[index]?.width ?? 10);
        const cellLines = value.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / width)), 0);
        lines = Math.max(lines, cellLines);
    });
    return Math.min(409, lines * LINE_HEIGHT_PT);
}

function displayWidth(text: string): number {
    let width = 0;
    for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
    // A little slack: proportional fonts rarely fill a column to its last character.
    return Math.ceil(width * 1.1);
}

function pagesWide(table: WorkbookTable): number {
    return Math.max(1, Math.ceil(table.columns.reduce((sum, column) => sum + column.width, 0) / 150));
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
