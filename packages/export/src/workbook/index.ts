/** The spreadsheet export: the review's tables as a workbook (.xlsx) or as CSV, one table per file. */
import { analyseBlueprint, type BlueprintAnalysis, type BlueprintModel } from '@blueprint/model';
import { writeCsv } from './csv.js';
import { workbookTables, type SheetName } from './workbook-tables.js';
import { writeXlsx } from './xlsx.js';

export { SHEET_NAMES, workbookTables, type SheetName, type WorkbookTable, type WorkbookColumn, type CellValue } from './workbook-tables.js';
export { writeCsv, UTF8_BOM } from './csv.js';
export { writeXlsx } from './xlsx.js';

/** The blueprint as an .xlsx workbook; `analysis` is the review's (computed when not given). */
export function exportXlsx(model: BlueprintModel, analysis: BlueprintAnalysis = analyseBlueprint(model)): Promise<Uint8Array> {
    return writeXlsx(workbookTables(model, analysis), model.title);
}

/** One table of the workbook as CSV (the steps by default). */
export function exportCsv(model: BlueprintModel, sheet: SheetName = 'steps', analysis: BlueprintAnalysis = analyseBlueprint(model)): string {
    return writeCsv(workbookTables(model, analysis).find(table => table.name === sheet)!);
}
