/**
 * `blueprint mcp` writes only what and where it should: `render`'s output format follows the
 * output's extension (a real PNG or PDF, as `blueprint render -o`), the output stays inside the
 * folder served and never lands on a blueprint source; `check` of a file that is no blueprint
 * answers as the CLI does. Driven through the SDK's client over stdio, as an assistant does.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLEAN, CLI_BIN, REPO_ROOT, Workspace, ensureBuilt } from './cli-harness.js';

let client: Client;
let workspace: Workspace;
let outside: string;

beforeAll(async () => {
    ensureBuilt();
    workspace = new Workspace({ 'bank.blueprint': CLEAN, 'shared.blueprint': 'actor Clerk "Clerk"\n', 'notes.txt': CLEAN, 'image.blueprint': new Uint8Array([0x89, 0x50, 0, 0]) });
    outside = mkdtempSync(path.join(tmpdir(), 'blueprint-outside-'));
    symlinkSync(outside, workspace.path('away'));
    const transport = new StdioClientTransport({ command: process.execPath, args: [CLI_BIN, 'mcp', workspace.root], cwd: REPO_ROOT, stderr: 'pipe' });
    client = new Client({ name: 'blueprint-test', version: '1.0.0' });
    await client.connect(transport);
});

afterAll(async () => {
    await client?.close();
    workspace?.dispose();
    rmSync(outside, { recursive: true, force: true });
});

async function call(name: string, args: Record<string, unknown>): Promise<CallToolResult> {
    return await client.callTool({ name, arguments: args }) as CallToolResult;
}

function text(result: CallToolResult): string {
    const item = result.content[0];
    if (item?.type !== 'text') throw new Error(`content 0 is ${item?.type}, not text`);
    return item.text;
}

describe('render: the output\'s extension chooses the format', () => {
    test('.png writes a PNG', async () => {
        const result = await call('render', { path: 'bank.blueprint', output: 'out/bank.png' });
        expect(result.isError).toBeFalsy();
        expect(text(result)).toMatch(/^Wrote out\/bank\.png \(PNG, /);
        expect(PNG.sync.read(readFileSync(workspace.path('out/bank.png'))).width).toBeGreaterThan(100);
    }, 90_000);

    test('.pdf writes a PDF', async () => {
        const result = await call('render', { path: 'bank.blueprint', output: 'bank.pdf' });
        expect(result.isError).toBeFalsy();
        expect(text(result)).toMatch(/^Wrote bank\.pdf \(PDF, /);
        expect(readFileSync(workspace.path('bank.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }, 90_000);

    test('a format that contradicts the extension, or an extension that names no picture, is refused', async () => {
        const contradiction = await call('render', { path: 'bank.blueprint', format: 'svg', output: 'x.png' });
        expect(contradiction.isError).toBe(true);
        expect(text(contradiction)).toBe('The output x.png names a PNG file, but format is "svg": leave format out, or end output in .svg.');
        const unknown = await call('render', { path: 'bank.blueprint', output: 'x.gif' });
        expect(unknown.isError).toBe(true);
        expect(text(unknown)).toBe('The output x.gif must end in .svg, .png or .pdf: its extension chooses the format.');
        expect(existsSync(workspace.path('x.png')) || existsSync(workspace.path('x.gif'))).toBe(false);
    });
});

describe('render: where the output may go', () => {
    test.each([
        ['a path up and out', '../mcp-escape.svg'],
        ['an absolute path elsewhere', () => path.join(outside, 'abs.svg')],
        ['a link inside that leads out', 'away/linked.svg']
    ])('%s is refused, nothing written', async (_case, given) => {
        const output = typeof given === 'function' ? given() : given;
        const result = await call('render', { path: 'bank.blueprint', output });
        expect(result.isError).toBe(true);
        expect(text(result)).toMatch(/^Refusing to write .*: render writes only inside the served folder \(.*\); give a path inside it\.$/);
        expect(existsSync(path.resolve(workspace.root, output))).toBe(false);
        expect(existsSync(path.join(path.dirname(workspace.root), 'mcp-escape.svg'))).toBe(false);
    });

    test('an absolute path inside the folder is fine', async () => {
        const result = await call('render', { path: 'bank.blueprint', output: workspace.path('inside.svg') });
        expect(result.isError).toBeFalsy();
        expect(workspace.read('inside.svg')).toMatch(/^<svg /);
    });

    test('never over the blueprint read nor another blueprint', async () => {
        const self = await call('render', { path: 'bank.blueprint', output: 'bank.blueprint' });
        expect(self.isError).toBe(true);
        expect(text(self)).toBe('Refusing to write: bank.blueprint is an input of this command; refusing to overwrite it with the picture (write to another file).');
        const other = await call('render', { path: 'bank.blueprint', output: './shared.blueprint' });
        expect(other.isError).toBe(true);
        expect(text(other)).toMatch(/^Refusing to write: shared\.blueprint is a blueprint source/);
        expect(workspace.read('bank.blueprint')).toBe(CLEAN);
        expect(workspace.read('shared.blueprint')).toBe('actor Clerk "Clerk"\n');
    });
});

describe('check on files that are not blueprints', () => {
    test('a path without the .blueprint extension gets the CLI\'s message', async () => {
        const notes = await call('check', { path: 'notes.txt' });
        expect(notes.isError).toBe(true);
        expect(text(notes)).toBe('notes.txt: not a .blueprint file');
        const passwd = await call('check', { path: '/etc/passwd' });
        expect(passwd.isError).toBe(true);
        expect(text(passwd)).toMatch(/passwd: not a \.blueprint file$/);
        expect(text(passwd)).not.toMatch(/service registry/);
    });

    test('a binary .blueprint file is a "file" diagnostic, as in the language server', async () => {
        const result = JSON.parse(text(await call('check', { path: 'image.blueprint' })));
        expect(result.errors).toBe(1);
        expect(result.diagnostics).toEqual([expect.objectContaining({
            rule: 'file', severity: 'error', line: 1, column: 1,
            message: 'This file cannot be used as a blueprint: looks like a binary file (it contains NUL bytes), not blueprint text.'
        })]);
    });
});
