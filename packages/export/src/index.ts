/**
 * Blueprint's output formats after the diagram: pictures (SVG, PNG, PDF, fitted to pages) and, for
 * the tools consultants already use, draw.io, Mermaid and spreadsheets; and the way back in from a
 * spreadsheet or sticky-note export.
 */
export { exportImage, IMAGE_FORMATS, type ImageFormat, type ImageExportOptions, type ExportedImage } from './image-export.js';
export { bundledFonts, fontFileNames, EXPORT_FONT_FAMILY, type FontSet, type ExportFont } from './fonts.js';
export { fitToPages, wholeDrawingPage, PAGE_KINDS, MIN_TEXT_PT, type PageKind, type Page, type PagedExport } from './pages.js';
export { svgToPng, svgsToPng, nativeRasterizer, DEFAULT_PNG_SCALE, type SvgRasterizer, type RasterSettings, type PngOptions } from './png.js';
export { pagesToPdf, type PdfOptions } from './pdf.js';
export { wasmRasterizer, resvgWasmRasterizer, type ResvgWasmModule } from './png-wasm.js';
export { exportDrawio } from './drawio.js';
export { exportXlsx, exportCsv, workbookTables, writeXlsx, writeCsv, SHEET_NAMES, UTF8_BOM, type SheetName, type WorkbookTable, type WorkbookColumn, type CellValue } from './workbook/index.js';
export { importSpreadsheet, parseImportMap, describeProblem, blueprintString, IMPORT_FIELDS, type ImportOptions, type ImportResult, type ImportProblem, type ImportMap, type ImportField, type ImportedBlueprint } from './import/index.js';
export { exportMermaid, MERMAID_DIALECTS, type MermaidExportOptions } from './mermaid.js';
