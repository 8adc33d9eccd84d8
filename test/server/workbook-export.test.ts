/**
 * `blueprint/workbook`: the preview's Excel and CSV export, written by the built language server
 * from the model and analysis it holds for an open document (unsaved edits included), equal to what
 * the CLI's export writes from the same text (the names sheet with the notes of a persona); a file
 * the server does not hold gives a message.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { WorkbookExportRequest, type WorkbookExportParams, type WorkbookExportResult } from '@blueprint/protocol';
import { createBlueprintCoreServices, loadAndValidate } from '@blueprint/language';
import { exportCsv } from '@blueprint/export';
import { URI } from 'langium';
import { EmptyFileSystem } from 'langium';
import { TestClient } from './lsp-client.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/zh-bank-deposit.blueprint', import.meta.url));

let workspace: string;
let client: TestClient;

const request = (params: WorkbookExportParams) => client.connection.sendRequest(WorkbookExportRequest.method, params) as Promise<WorkbookExportResult>;

function bytesOf(result: WorkbookExportResult): Buffer {
    if (result.data === undefined) throw new Error(`no file: ${result.error}`);
    return Buffer.from(result.data, 'base64');
}

/** The model of a text, built apart from the server, for the expected tables. */
async function modelOf(text: string) {
    const services = createBlueprintCoreServices(EmptyFileSystem).Blueprint;
    const uri = URI.parse('memory:///expected.blueprint');
    services.shared.workspace.LangiumDocuments.addDocument(services.shared.workspace.LangiumDocumentFactory.fromString(text, uri));
    const { documents: [document] } = await loadAndValidate(services, [uri]);
    return services.model.BlueprintModelProvider.getDocumentModel(document)!;
}

beforeAll(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'blueprint-workbook-'));
    cpSync(EXAMPLE, join(workspace, 'bank.blueprint'));
    client = new TestClient(workspace);
    await client.initialize();
});

afterAll(async () => {
    await client?.dispose();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
});

describe('blueprint/workbook', { timeout: 60_000 }, () => {
    test('writes the workbook and the steps CSV of the open document as the editor holds it', async () => {
        const uri = client.uri('bank.blueprint');
        const edited = readFileSync(EXAMPLE, 'utf8').replace('"在取号机取号"', '"在自助机取号"');
        expect(edited).toContain('在自助机取号');
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'blueprint', version: 2, text: edited } });

        const csv = bytesOf(await request({ uri, format: 'csv' }));
        expect([...csv.subarray(0, 3)], 'a UTF-8 byte order mark').toEqual([0xef, 0xbb, 0xbf]);
        const model = await modelOf(edited);
        expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv)).toBe(exportCsv(model));

        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(bytesOf(await request({ uri, format: 'xlsx' })) as unknown as ArrayBuffer);
        expect(workbook.worksheets.map(sheet => sheet.name)).toHaveLength(7);
        expect(workbook.worksheets[0].name).toBe('步骤');
        expect(workbook.worksheets[0].getRow(2).getCell(2).value).toBe('在自助机取号');
        expect(workbook.worksheets[0].actualRowCount).toBe(model.steps.length + 1);
        // The names sheet declares the persona with its segment and its note, as the CLI's export does.
        const names = workbook.worksheets[6];
        expect(names.name).toBe('名称');
        const rows = names.getSheetValues().slice(2).map(row => Array.from((row as unknown[]).slice(1), cell => cell ?? ''));
        expect(rows).toContainEqual(['persona', '王阿姨', '王阿姨，退休教师，每月存养老金', model.segments.find(segment => segment.id === '普通客户')!.label, '', '',
            '习惯用存折，不太会用自助设备']);
    });

    test('answers with a message for a file it does not hold, and for a file without a blueprint', async () => {
        const missing = await request({ uri: client.uri('nowhere.blueprint'), format: 'xlsx' });
        expect(missing).toEqual({ error: 'the file is not open in the language server' });
        const uri = client.uri('shared.blueprint');
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'blueprint', version: 1, text: 'actor Teller "Teller"\n' } });
        const empty = await request({ uri, format: 'csv' });
        expect(empty.data).toBeUndefined();
        expect(empty.error).toMatch(/no blueprint/);
    });
});
