/**
 * `blueprint/workbook`: the review's tables of a blueprint (steps, touchpoints, fail points,
 * standards, time, hand-offs) as an Excel workbook or the steps table as CSV, written by the language
 * server from the model and analysis it already holds for the document, on the desktop and in the
 * browser alike, so the editor never parses the text a second time.
 */
import { request } from './message-types.js';

export type WorkbookFormat = 'xlsx' | 'csv';

export interface WorkbookExportParams {
    /** The document, as the editor names it (the server answers for documents it holds). */
    readonly uri: string;
    readonly format: WorkbookFormat;
}

export type WorkbookExportResult =
    /** The file's bytes, base64 (JSON-RPC carries no binary). */
    | { readonly data: string; readonly error?: undefined }
    /** Why there is no file, for the user (no blueprint in the document, errors, not open). */
    | { readonly data?: undefined; readonly error: string };

export const WorkbookExportRequest = request<WorkbookExportParams, WorkbookExportResult>('blueprint/workbook');
