/**
 * A spreadsheet's cells as rows of text, with the row numbers a spreadsheet shows (the header is
 * row 1): CSV through csv-parse (UTF-8 with or without a byte order mark, the delimiter — comma,
 * semicolon or tab — detected from the first line), XLSX through exceljs (the steps sheet, else the
 * first one). A file of another format is refused first, by name (file-format.ts).
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { localisation, SUPPORTED_LANGUAGES } from '@blueprint/model';
import type { ImportProblem } from './problems.js';
import { unsupportedFormat } from './file-format.js';

export interface TableRow {
    /** 1-based, as the spreadsheet numbers it. */
    readonly row: number;
    readonly cells: readonly string[];
}

export interface ReadTable {
    readonly rows: readonly TableRow[];
    readonly kind: 'csv' | 'xlsx';
    /** The sheet read, for a workbook. */
    readonly sheet?: string;
    /** A workbook's names sheet (our export's: kind, id, label), when it has one. */
    readonly names?: readonly TableRow[];
    /** The time standard of the whole process in minutes, from our workbook's Time sheet. */
    readonly timeStandardMinutes?: number;
    readonly delimiter?: string;
}

const DELIMITERS = [',', ';', '\t'] as const;

export async function readTable(bytes: Uint8Array, fileName: string, problems: ImportProblem[]): Promise<ReadTable | undefined> {
    const otherFormat = unsupportedFormat(bytes, fileName);
    if (otherFormat) {
        problems.push({ severity: 'error', message: otherFormat });
        return undefined;
    }
    const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
    if (isZip || /\.xlsx$/i.test(fileName)) return readXlsx(bytes, problems);
    return readCsv(bytes, problems);
}

function readCsv(bytes: Uint8Array, problems: ImportProblem[]): ReadTable | undefined {
    let text: string;
    try {
        // fatal: a file in another encoding (e.g. GBK or Shift_JIS) is refused, not turned into mojibake.
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
        problems.push({ severity: 'error', message: 'the file is not UTF-8 text: save it from the spreadsheet as "CSV UTF-8"' });
        return undefined;
    }
    text = text.replace(/^\ufeff/, '');
    if (text.trim() === '') {
        problems.push({ severity: 'error', message: 'the file is empty: expected a header row (stage, lane, label, …) and one row per item' });
        return undefined;
    }
    const delimiter = detectDelimiter(text);
    let records: string[][];
    try {
        records = parse(text, { delimiter, relax_column_count: true, relax_quotes: false, skip_empty_lines: false, bom: true }) as string[][];
    } catch (error) {
        // csv-parse names the line of the file (not a row: a quoted cell may span lines).
        problems.push({ severity: 'error', message: `the CSV cannot be read: ${(error as Error).message}` });
        return undefined;
    }
    return { kind: 'csv', delimiter, rows: records.map((cells, index) => ({ row: index + 1, cells })) };
}

/** The delimiter that splits the first line into the most fields (quotes respected). */
function detectDelimiter(text: string): string {
    const firstLine = firstRecordLine(text);
    let best: string = ',';
    let bestCount = 0;
    for (const delimiter of DELIMITERS) {
        let count = 0;
        let quoted = false;
        for (const char of firstLine) {
            if (char === '"') quoted = !quoted;
            else if (!quoted && char === delimiter) count++;
        }
        if (count > bestCount) {
            best = delimiter;
            bestCount = count;
        }
    }
    return best;
}

function firstRecordLine(text: string): string {
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const char = text[i];
        if (char === '"') quoted = !quoted;
        else if (!quoted && (char === '\n' || char === '\r')) return text.slice(0, i);
    }
    return text;
}

async function readXlsx(bytes: Uint8Array, problems: ImportProblem[]): Promise<ReadTable | undefined> {
    const workbook = new ExcelJS.Workbook();
    try {
        await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (error) {
        problems.push({ severity: 'error', message: `the workbook cannot be read: ${(error as Error).message}` });
        return undefined;
    }
    const stepTitles = new Set(SUPPORTED_LANGUAGES.map(code => localisation(code).serviceReport.steps.toLowerCase()));
    const sheet = workbook.worksheets.find(s => stepTitles.has(s.name.toLowerCase())) ?? workbook.worksheets[0];
    if (!sheet || sheet.actualRowCount === 0) {
        problems.push({ severity: 'error', message: 'the workbook is empty: expected a header row (stage, lane, label, …) and one row per item' });
        return undefined;
    }
    const namesTitles = new Set(SUPPORTED_LANGUAGES.map(code => localisation(code).workbook.namesSheet.toLowerCase()));
    const names = workbook.worksheets.find(s => s !== sheet && namesTitles.has(s.name.toLowerCase()));
    return { kind: 'xlsx', sheet: sheet.name, rows: sheetRows(sheet), names: names ? sheetRows(names) : undefined, timeStandardMinutes: timeStandard(workbook) };
}

/**
 * Our workbook's Time sheet carries the process's time standard in its "Time standard (min)" column
 * (the same on every row of a version): the one figure of the blueprint's header a designer edits there.
 */
function timeStandard(workbook: ExcelJS.Workbook): number | undefined {
    const titles = new Set(SUPPORTED_LANGUAGES.map(code => localisation(code).serviceReport.time.toLowerCase()));
    const headers = new Set(SUPPORTED_LANGUAGES.map(code => localisation(code).workbook.standard.toLowerCase()));
    const sheet = workbook.worksheets.find(s => titles.has(s.name.toLowerCase()));
    if (!sheet) return undefined;
    const [header, ...rows] = sheetRows(sheet);
    const column = header?.cells.findIndex(cell => headers.has(cell.trim().toLowerCase())) ?? -1;
    if (column < 0) return undefined;
    for (const row of rows) {
        const text = row.cells[column]?.trim() ?? '';
        const minutes = Number(text.replace(',', '.'));
        if (text !== '' && Number.isFinite(minutes) && minutes > 0) return minutes;
    }
    return undefined;
}

function sheetRows(sheet: ExcelJS.Worksheet): TableRow[] {
    const rows: TableRow[] = [];
    const width = sheet.columnCount;
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
        const cells: string[] = [];
        for (let column = 1; column <= width; column++) cells.push(cellText(row.getCell(column).value));
        while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
        rows.push({ row: rowNumber, cells });
    });
    return rows;
}

/** What a cell shows: rich text joined, a formula's last result, a hyperlink's text, a date as ISO. */
function cellText(value: ExcelJS.CellValue): string {
    if (value === null || value === undefined) return '';
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (value instanceof Date) return value.toISOString();
    if (typeof value === 'object') {
        if ('richText' in value) return value.richText.map(part => part.text).join('');
        if ('text' in value && typeof value.text === 'string') return value.text;
        if ('result' in value) return value.result === undefined ? '' : cellText(value.result as ExcelJS.CellValue);
        if ('error' in value) return '';
    }
    return String(value);
}
