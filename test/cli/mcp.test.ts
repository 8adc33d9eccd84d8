/**
 * `blueprint mcp` driven the way an assistant drives it: the SDK's client over stdio against the
 * built CLI. Every tool on real examples, each with bad input (an error result, never a crash),
 * and the server still answering afterwards.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PNG } from 'pngjs';
import { ALL_RULES } from '@blueprint/language';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLI_BIN, REPO_ROOT, Workspace, ensureBuilt, runCli } from './cli-harness.js';

let client: Client;
let stderr = '';
/** Whatever the client could not read: anything on stdout but the protocol would land here. */
const protocolErrors: Error[] = [];
let workspace: Workspace;
const HOTLINE = path.join(REPO_ROOT, 'examples/credit-card-hotline.blueprint');
const BANK = readFileSync(path.join(REPO_ROOT, 'examples/bank-deposit.blueprint'), 'utf8');

beforeAll(async () => {
    ensureBuilt();
    workspace = new Workspace({ 'bank.blueprint': BANK, 'broken.blueprint': 'blueprint Broken "Broken" {\n    customer Ask "Ask" {\n' });
    // Started elsewhere: relative paths start in the folder given on the command line.
    const transport = new StdioClientTransport({ command: process.execPath, args: [CLI_BIN, 'mcp', workspace.root], cwd: REPO_ROOT, stderr: 'pipe' });
    transport.stderr?.on('data', chunk => { stderr += String(chunk); });
    client = new Client({ name: 'blueprint-test', version: '1.0.0' });
    client.onerror = error => protocolErrors.push(error);
    await client.connect(transport);
});

afterAll(async () => {
    await client?.close();
    workspace?.dispose();
});

async function call(name: string, args: Record<string, unknown>): Promise<CallToolResult> {
    return await client.callTool({ name, arguments: args }) as CallToolResult;
}

function text(result: CallToolResult, index = 0): string {
    const item = result.content[index];
    if (item?.type !== 'text') throw new Error(`content ${index} is ${item?.type}, not text`);
    return item.text;
}

describe('blueprint mcp', () => {
    test('lists the five tools with their input schemas and says what it serves on stderr only', async () => {
        const { tools } = await client.listTools();
        expect(tools.map(t => t.name).sort()).toEqual(['analyse', 'check', 'diff', 'explain_rule', 'render']);
        const render = tools.find(t => t.name === 'render')!;
        expect(Object.keys(render.inputSchema.properties ?? {}).sort()).toEqual(['format', 'output', 'path', 'text', 'theme']);
        expect(tools.find(t => t.name === 'check')!.annotations?.readOnlyHint).toBe(true);
        expect(stderr).toContain('serving check, explain_rule, analyse, render, diff');
        // The folder relative paths start from (here not the server's working directory).
        expect(stderr).toContain(`for the files in ${workspace.root}`);
    });

    test('check reports the rule id of a known error, on a file and on inline text', async () => {
        const onFile = JSON.parse(text(await call('check', { path: path.join(REPO_ROOT, 'examples/invalid/BP008-touchpoint-evidence.blueprint') })));
        expect(onFile.diagnostics.map((d: { rule: string }) => d.rule)).toContain('BP008');
        expect(onFile.diagnostics.find((d: { rule: string }) => d.rule === 'BP008')).toMatchObject({ severity: 'warning', ruleName: 'touchpoint-evidence', line: 3 });

        const inline = JSON.parse(text(await call('check', { text: 'blueprint A "A" {\n    customer Ask "Ask" { start }\n    flow Ask -> Nowhere\n}\n' })));
        expect(inline.file).toBe('(inline text)');
        expect(inline.errors).toBeGreaterThan(0);
        expect(inline.diagnostics.filter((d: { severity: string }) => d.severity === 'error').map((d: { rule: string }) => d.rule)).toContain('BP002');

        const clean = JSON.parse(text(await call('check', { path: 'bank.blueprint' })));
        expect([clean.file, clean.errors]).toEqual(['bank.blueprint', 0]);
    });

    test('check of a missing file is an error result, and the server answers the next call', async () => {
        const missing = await call('check', { path: 'no-such.blueprint' });
        expect(missing.isError).toBe(true);
        expect(text(missing)).toBe('no-such.blueprint: cannot read: no such file or folder');
        const neither = await call('check', {});
        expect(neither.isError).toBe(true);
        expect(text(neither)).toContain('`path`');
        expect((await call('check', { path: 'bank.blueprint' })).isError).toBeFalsy();
    });

    test('explain_rule by id and by name; an unknown rule is an error result', async () => {
        const byId = text(await call('explain_rule', { rule: 'BP009' }));
        expect(byId).toMatch(/^BP009 fail-point-remedy\nDefault severity: warning\n/);
        expect(byId).toContain('Shostack 1984');
        expect(text(await call('explain_rule', { rule: 'fail-point-remedy' }))).toBe(byId);
        const all = text(await call('explain_rule', {}));
        // One line per rule of the catalog.
        expect(all.split('\n')).toHaveLength(ALL_RULES.length);
        expect(all).toContain('BP031 decision-exclusive');
        const unknown = await call('explain_rule', { rule: 'BP999' });
        expect(unknown.isError).toBe(true);
        expect(text(unknown)).toContain("Unknown rule 'BP999'");
    });

    test('analyse gives the hotline the expected, most likely and worst-case times of its service report', async () => {
        const report = await runCli(['report', HOTLINE, '--format', 'json'], { cwd: REPO_ROOT });
        const analysis = JSON.parse(report.stdout);
        const result = JSON.parse(text(await call('analyse', { path: HOTLINE })));
        const base = result.time[0];
        expect(base.segment).toBeNull();
        expect(base.expected.seconds).toBe(analysis.time.expected.totalSeconds);
        expect(base.mostLikely.seconds).toBe(analysis.time.mostLikelyPath.totalSeconds);
        expect(base.worstCase.seconds).toBe(analysis.time.criticalPath.totalSeconds);
        expect(base.standard.seconds).toBe(analysis.time.toleranceSeconds);
        // One entry per customer segment after the base path, as the report's per-segment table.
        expect(result.time.slice(1).map((t: { segment: string }) => t.segment)).toEqual(analysis.segments.map((s: { segment: string }) => s.segment));
        expect(result.time.slice(1).map((t: { expected: { seconds: number } }) => t.expected.seconds))
            .toEqual(analysis.segments.map((s: { expected: { totalSeconds: number } }) => s.expected.totalSeconds));
        expect(result.failPoints).toMatchObject({ total: analysis.failPoints.total, covered: analysis.failPoints.covered });
        expect(result.failPoints.entries.length).toBe(analysis.failPoints.entries.length);
    });

    test('analyse of a file with syntax errors is an error result naming the error', async () => {
        const result = await call('analyse', { path: 'broken.blueprint' });
        expect(result.isError).toBe(true);
        expect(text(result)).toMatch(/^broken\.blueprint has \d+ errors?; fix/);
        expect(text(result)).toContain('BP000');
    });

    test('render returns the SVG that `blueprint render` writes', async () => {
        const svg = text(await call('render', { path: 'bank.blueprint' }));
        const cli = await runCli(['render', 'bank.blueprint'], { cwd: workspace.root });
        expect(svg).toBe(cli.stdout);
    });

    test('render returns a PNG image with the bytes of `blueprint render --format png`, writing nothing', async () => {
        const png = await call('render', { path: 'bank.blueprint', format: 'png' });
        const image = png.content[0];
        expect(image.type).toBe('image');
        if (image.type !== 'image') return;
        expect(image.mimeType).toBe('image/png');
        const bytes = Buffer.from(image.data, 'base64');
        expect(PNG.sync.read(bytes).width).toBeGreaterThan(500);
        // Both draw with the bundled fonts, so the bytes are the same.
        await runCli(['render', 'bank.blueprint', '--format', 'png', '-o', 'cli.png'], { cwd: workspace.root });
        expect(bytes.equals(readFileSync(workspace.path('cli.png')))).toBe(true);
        expect(readdirSync(workspace.root).filter(file => file.endsWith('.png'))).toEqual(['cli.png']);
    }, 90_000);

    test('render writes to the output path given, creating its folder, and returns only the message', async () => {
        const written = await call('render', { path: 'bank.blueprint', output: 'out/bank.svg', theme: 'dark' });
        expect(text(written)).toMatch(/^Wrote out\/bank\.svg \(SVG, /);
        expect(written.content).toHaveLength(1);
        expect(workspace.read('out/bank.svg')).toContain('bp-theme-dark');
    });

    test('render rejects an unknown format before doing anything, and a missing file', async () => {
        const bad = await call('render', { path: 'bank.blueprint', format: 'gif' });
        expect(bad.isError).toBe(true);
        expect(text(bad)).toMatch(/format/);
        const missing = await call('render', { path: 'gone.blueprint', output: 'gone.svg' });
        expect(missing.isError).toBe(true);
        expect(existsSync(workspace.path('gone.svg'))).toBe(false);
    });

    test('diff finds a changed wait between a file and an edited text of it', async () => {
        const edited = BANK.replace(/wait 8 min/, 'wait 12 min');
        expect(edited).not.toBe(BANK);
        const result = await call('diff', { before: 'bank.blueprint', afterText: edited });
        expect(result.isError).toBeFalsy();
        expect(text(result, 0)).toContain('8 min');
        const changes = JSON.parse(text(result, 1));
        expect(changes.summary.changed).toBeGreaterThan(0);
        expect(changes.changes.some((c: { message: string }) => c.message.includes('12 min'))).toBe(true);
        const same = JSON.parse(text(await call('diff', { before: 'bank.blueprint', after: 'bank.blueprint' }), 1));
        expect(same.summary.changes).toBe(0);
    });

    test('diff with one side missing or broken is an error result', async () => {
        const oneSide = await call('diff', { before: 'bank.blueprint' });
        expect(oneSide.isError).toBe(true);
        expect(text(oneSide)).toContain('newer version');
        const broken = await call('diff', { before: 'bank.blueprint', after: 'broken.blueprint' });
        expect(broken.isError).toBe(true);
        expect(text(broken)).toContain('broken.blueprint has');
    });

    test('offers the language reference, generated from the README (npm run tools:reference)', async () => {
        const { resources } = await client.listResources();
        expect(resources.map(r => [r.uri, r.mimeType])).toEqual([['blueprint://docs/language', 'text/markdown']]);
        const read = await client.readResource({ uri: 'blueprint://docs/language' });
        const reference = (read.contents[0] as { text: string }).text;
        const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
        const { languageReference } = await import('../../scripts/language-reference.mjs');
        expect(reference).toBe(languageReference(readme));
        expect(reference).toContain('### Fail points and their remedies');
        expect(reference).toContain('```blueprint');
    });

    test('a folder that does not exist is a usage error before anything is served', async () => {
        const result = await runCli(['mcp', 'no/such/folder'], { cwd: workspace.root, input: '' });
        expect([result.code, result.stdout, result.stderr]).toEqual([2, '', 'blueprint: no/such/folder: no such folder\n']);
    });

    test('an unknown tool is refused and the server still answers', async () => {
        const result = await call('format_disk', {});
        expect(result.isError).toBe(true);
        expect((await client.listTools()).tools).toHaveLength(5);
        expect(protocolErrors).toEqual([]);
    });
});
