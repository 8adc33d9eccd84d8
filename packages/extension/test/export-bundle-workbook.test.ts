/**
 * The preview's spreadsheet export (dist/export.cjs, built by `npm run build`): the workbook and the
 * steps CSV of the editor's text, equal to what the CLI's export writes from the same blueprint.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportCsv } from '@blueprint/export';
import { REPO_ROOT } from '../../../test/cli/cli-harness.js';
import { loadExampleModel } from '../../../test/diagram/diagram-helpers.js';

const DIST = path.join(REPO_ROOT, 'packages/extension/dist');
const EXAMPLE = path.join(REPO_ROOT, 'examples/zh-bank-deposit.blueprint');

describe('extension export bundle: workbook', { timeout: 120_000 }, () => {
    it('exports the workbook and the CSV of the text it is given, unsaved edits included', async () => {
        expect(existsSync(path.join(DIST, 'export.cjs')), 'run npm run build first').toBe(true);
        const bundle = createRequire(import.meta.url)(path.join(DIST, 'export.cjs')) as typeof import('../src/preview/export-bundle.js');
        const uri = pathToFileURL(EXAMPLE).toString();
        const text = readFileSync(EXAMPLE, 'utf8');
        const csv = await bundle.exportWorkbook(uri, text, 'csv');
        const { model } = await loadExampleModel(EXAMPLE);
        expect([...csv.files[0].slice(0, 3)], 'a UTF-8 byte order mark').toEqual([0xef, 0xbb, 0xbf]);
        expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv.files[0])).toBe(exportCsv(model!));

        const edited = text.replace('"在取号机取号"', '"在自助机取号"');
        const xlsx = await bundle.exportWorkbook(uri, edited, 'xlsx');
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(xlsx.files[0] as unknown as ArrayBuffer);
        expect(workbook.worksheets[0].name).toBe('步骤');
        expect(workbook.worksheets[0].getRow(2).getCell(2).value).toBe('在自助机取号');
        expect(workbook.worksheets[0].actualRowCount).toBe(model!.steps.length + 1);
    });
});
