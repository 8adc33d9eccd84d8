/**
 * `blueprint/tool`: the language server runs Blueprint's tools for the editor's language-model tools.
 * The handler on the disk (desktop) and on a virtual workspace read through the editor (the browser
 * server's file system), with open documents taken as the editor holds them; and the request over
 * the built server's stdio connection.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import { afterAll, describe, expect, test } from 'vitest';
import { AssistantToolRequest, ReadDirectoryRequest, ReadFileRequest, StatRequest, type AssistantToolParams, type AssistantToolResult } from '@blueprint/protocol';
import { createBlueprintServices, loadAndValidate } from '@blueprint/language';
import { analyseBlueprint } from '@blueprint/model';
import { NodeFileSystem } from 'langium/node';
import { ClientFileSystemProvider, runAssistantTool, type AssistantToolServices, type RequestSender } from '@blueprint/server';
import { TestClient } from './lsp-client.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const disk = new NodeFileSystemProvider();
const onDisk = (open: Record<string, string> = {}): AssistantToolServices => ({ fileSystem: () => disk, openText: uri => open[uri] });

function json(result: AssistantToolResult, index = 0): any {
    const item = result.content[index];
    if (item?.type !== 'text') throw new Error(`no text at ${index}: ${JSON.stringify(result)}`);
    return JSON.parse(item.text);
}
function text(result: AssistantToolResult): string {
    return result.content.map(item => (item.type === 'text' ? item.text : `[${item.type}]`)).join('\n');
}
const run = (params: AssistantToolParams, services = onDisk()) => runAssistantTool(params, services);
const base = URI.file(REPO).toString();

describe('blueprint/tool on the disk', () => {
    test('check resolves a path against the workspace folder and names it relative to it', async () => {
        const result = await run({ name: 'check', input: { path: 'examples/invalid/BP009-fail-point-remedy.blueprint' }, base });
        expect(result.isError).toBeFalsy();
        const report = json(result);
        expect(report.file).toBe('examples/invalid/BP009-fail-point-remedy.blueprint');
        expect(report.diagnostics.map((d: { rule: string }) => d.rule)).toContain('BP009');
    });

    test('an open document is checked as the editor holds it, not as saved', async () => {
        const uri = URI.file(join(REPO, 'examples/bank-deposit.blueprint')).toString();
        const saved = json(await run({ name: 'check', input: { path: 'examples/bank-deposit.blueprint' }, base }));
        expect(saved.errors).toBe(0);
        const edited = readFileSync(join(REPO, 'examples/bank-deposit.blueprint'), 'utf8').replace(/\}\s*$/, '    flow Nowhere -> Elsewhere\n}\n');
        const unsaved = json(await run({ name: 'check', input: { path: 'examples/bank-deposit.blueprint' }, base }, onDisk({ [uri]: edited })));
        expect(unsaved.diagnostics.filter((d: { severity: string }) => d.severity === 'error').map((d: { rule: string }) => d.rule)).toContain('BP002');
    });

    test('analyse gives the expected time the service analysis computes', async () => {
        const file = join(REPO, 'examples/credit-card-hotline.blueprint');
        const { Blueprint } = createBlueprintServices(NodeFileSystem, { batch: true });
        const { documents: [document] } = await loadAndValidate(Blueprint, [URI.file(file)]);
        const analysis = analyseBlueprint(Blueprint.model.BlueprintModelProvider.getDocumentModel(document)!);
        const result = json(await run({ name: 'analyse', input: { path: file } }));
        expect(result.time[0].expected.seconds).toBe(analysis.time.expected!.totalSeconds);
        expect(result.failPoints.total).toBe(analysis.failPoints.total);
    });

    test('what the editor does itself is refused here: PNG, writing a file; a relative path without a folder', async () => {
        const png = await run({ name: 'render', input: { path: 'examples/bank-deposit.blueprint', format: 'png' }, base });
        expect([png.isError, text(png)]).toEqual([true, expect.stringContaining('PNG is not available here')]);
        const write = await run({ name: 'render', input: { path: 'examples/bank-deposit.blueprint', output: 'x.svg' }, base });
        expect([write.isError, text(write)]).toEqual([true, expect.stringContaining('writes no files')]);
        const relative = await run({ name: 'check', input: { path: 'examples/bank-deposit.blueprint' } });
        expect([relative.isError, text(relative)]).toEqual([true, expect.stringContaining('no workspace folder is open')]);
    });

    test('render draws the SVG; unknown tools, rules and missing files are error results', async () => {
        const svg = await run({ name: 'render', input: { path: 'examples/bank-deposit.blueprint', theme: 'dark' }, base });
        expect(text(svg)).toMatch(/^<svg [^>]*bp-theme-dark/);
        expect((await run({ name: 'delete_everything', input: {} })).isError).toBe(true);
        expect(text(await run({ name: 'explain_rule', input: { rule: 'BP404' } }))).toContain("Unknown rule 'BP404'");
        const missing = await run({ name: 'check', input: { path: 'examples/gone.blueprint' }, base });
        expect([missing.isError, text(missing)]).toEqual([true, 'Cannot read examples/gone.blueprint: no such file']);
    });
});

describe('blueprint/tool in a virtual workspace (the browser server)', () => {
    const ROOT = 'vscode-vfs://github/acme/services';
    const SHARED = join(REPO, 'examples/shared-services');
    const files: Record<string, string> = Object.fromEntries(['shared.blueprint', 'card-activation.blueprint', 'card-replacement.blueprint']
        .map(name => [`${ROOT}/${name}`, readFileSync(join(SHARED, name), 'utf8')]));
    const editor: RequestSender = {
        async sendRequest(method, params) {
            const { uri } = params as { uri: string };
            if (method === ReadFileRequest.method) {
                if (!(uri in files)) throw new Error(`EntryNotFound (FileSystemError): ${uri}`);
                return files[uri];
            }
            if (method === StatRequest.method) return uri in files ? { uri, isFile: true, isDirectory: false } : uri === ROOT ? { uri, isFile: false, isDirectory: true } : null;
            if (method === ReadDirectoryRequest.method) return Object.keys(files).filter(f => f.startsWith(`${uri}/`)).map(f => ({ uri: f, isFile: true, isDirectory: false }));
            throw new Error(`unexpected ${method}`);
        }
    };
    const fileSystem = new ClientFileSystemProvider(editor);
    const virtual: AssistantToolServices = { fileSystem: () => fileSystem, openText: () => undefined };

    test('check reads through the editor and resolves imports there', async () => {
        const report = json(await run({ name: 'check', input: { path: 'card-activation.blueprint' }, base: ROOT }, virtual));
        expect(report.file).toBe('card-activation.blueprint');
        expect(report.errors).toBe(0);
        // The same text elsewhere cannot see shared.blueprint: its import is missing.
        const elsewhere = json(await run({ name: 'check', input: { path: 'other/card-activation.blueprint', text: files[`${ROOT}/card-activation.blueprint`] }, base: ROOT }, virtual));
        expect(elsewhere.diagnostics.map((d: { rule: string }) => d.rule)).toContain('BP003');
    });

    test('diff of two files and a missing one', async () => {
        const diff = await run({ name: 'diff', input: { before: 'card-activation.blueprint', after: 'card-replacement.blueprint' }, base: ROOT }, virtual);
        expect(diff.isError).toBeFalsy();
        expect(json(diff, 1).summary.changes).toBeGreaterThan(0);
        const missing = await run({ name: 'diff', input: { before: 'card-activation.blueprint', after: 'gone.blueprint' }, base: ROOT }, virtual);
        expect([missing.isError, text(missing)]).toEqual([true, expect.stringMatching(/^Cannot read gone\.blueprint: .*EntryNotFound/)]);
    });
});

describe('blueprint/tool over the server connection', () => {
    const workspace = mkdtempSync(join(tmpdir(), 'blueprint-tool-'));
    afterAll(() => rmSync(workspace, { recursive: true, force: true }));

    test('the built server answers the request, before and after a bad call', async () => {
        writeFileSync(join(workspace, 'help.blueprint'), 'blueprint Help "Help" {\n    customer Ask "Ask" via branch { start }\n    frontstage Answer "Answer" { end }\n    flow Ask -> Answer\n}\n');
        const client = new TestClient(workspace);
        try {
            await client.initialize();
            const request = (params: AssistantToolParams) => client.connection.sendRequest(AssistantToolRequest.method, params) as Promise<AssistantToolResult>;
            const checked = json(await request({ name: 'check', input: { path: 'help.blueprint' }, base: URI.file(workspace).toString() }));
            expect(checked.diagnostics.map((d: { rule: string }) => d.rule)).toEqual(['BP008']);
            const bad = await request({ name: 'check', input: { path: 42 } });
            expect([bad.isError, text(bad)]).toEqual([true, expect.stringContaining('Invalid input for check')]);
            const rule = await request({ name: 'explain_rule', input: { rule: 'BP008' } });
            expect(text(rule)).toMatch(/^BP008 touchpoint-evidence/);
        } finally {
            await client.dispose();
        }
    });
});
