/**
 * The web extension's language server (dist/server-web.js, built by `npm run build`) run as a web
 * worker runs it: a classic script in a context with only a worker's globals (no `require`, no
 * `process`, no `Buffer`), spoken to through `postMessage`. It answers `blueprint/workbook` with the
 * steps CSV and an Excel workbook, so the preview's table export works in VS Code for the web.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext, runInContext } from 'node:vm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { WorkbookExportRequest, type WorkbookExportResult } from '@blueprint/protocol';

const EXTENSION = fileURLToPath(new URL('../../packages/extension/', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../examples/bank-deposit.blueprint', import.meta.url));

interface Message { readonly jsonrpc: '2.0'; readonly id?: number; readonly method?: string; readonly params?: any; readonly result?: unknown; readonly error?: { message: string } }

/** The server script in a worker-like global scope, and a client for it. */
function startWorkerServer() {
    const deliver: Array<(event: { data: Message }) => void> = [];
    const answers = new Map<number, (message: Message) => void>();
    let nextId = 0;
    const scope: Record<string, unknown> = {
        console, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, structuredClone,
        TextEncoder, TextDecoder, MessageChannel, performance, URL, crypto: globalThis.crypto,
        addEventListener: (type: string, listener: (event: { data: Message }) => void) => { if (type === 'message') deliver.push(listener); },
        removeEventListener: () => undefined,
        postMessage: (message: Message) => {
            if (message.method === undefined && message.id !== undefined) {
                answers.get(message.id)?.(message);
                answers.delete(message.id);
            } else if (message.method !== undefined && message.id !== undefined) {
                // The server's own requests (configuration, registrations): nothing to tell.
                const result = message.method === 'workspace/configuration' ? message.params.items.map(() => null) : null;
                for (const listener of deliver) listener({ data: { jsonrpc: '2.0', id: message.id, result } });
            }
        }
    };
    scope.self = scope;
    Object.defineProperty(scope, 'onmessage', { set: listener => { if (typeof listener === 'function') deliver.push(listener); } });
    createContext(scope);
    runInContext(readFileSync(join(EXTENSION, 'dist/server-web.js'), 'utf8'), scope);
    const send = (method: string, params: unknown) => new Promise<Message>(resolve => {
        const id = ++nextId;
        answers.set(id, resolve);
        for (const listener of deliver) listener({ data: { jsonrpc: '2.0', id, method, params } });
    });
    const notify = (method: string, params: unknown) => { for (const listener of deliver) listener({ data: { jsonrpc: '2.0', method, params } }); };
    return { send, notify };
}

describe('the web language server (dist/server-web.js) in a worker-like scope', { timeout: 60_000 }, () => {
    it('writes the steps CSV and the Excel workbook of an open document (blueprint/workbook)', async () => {
        const { send, notify } = startWorkerServer();
        expect((await send('initialize', { processId: null, rootUri: null, capabilities: {}, workspaceFolders: null })).error).toBeUndefined();
        notify('initialized', {});
        const uri = 'memory:///bank-deposit.blueprint';
        notify('textDocument/didOpen', { textDocument: { uri, languageId: 'blueprint', version: 1, text: readFileSync(EXAMPLE, 'utf8') } });
        const bytes = async (format: 'csv' | 'xlsx') => {
            const answer = await send(WorkbookExportRequest.method, { uri, format });
            expect(answer.error).toBeUndefined();
            const result = answer.result as WorkbookExportResult;
            expect(result.error).toBeUndefined();
            return Buffer.from(result.data!, 'base64');
        };
        const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await bytes('csv'));
        expect(csv.startsWith('\ufeffId,Step,Lane,Stage')).toBe(true);
        expect(csv).toContain('Take a queue number');
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(await bytes('xlsx') as unknown as ArrayBuffer);
        expect(workbook.worksheets).toHaveLength(7);
        expect(workbook.worksheets[0].getRow(2).getCell(2).value).toBe('Take a queue number');
    });
});
