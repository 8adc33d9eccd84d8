/**
 * The public `service-blueprint` package as a user gets it: `npm pack`, installed from the tarball
 * into an empty prefix outside the repository, run with a PATH that holds only Node and the
 * package's own bin folder. check, render (SVG, PNG, PDF), report, diff and the language server
 * must all work from there: nothing may resolve back into this checkout's node_modules.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
    createProtocolConnection, ExitNotification, InitializedNotification, InitializeRequest, PublishDiagnosticsNotification,
    DidOpenTextDocumentNotification, ShutdownRequest, StreamMessageReader, StreamMessageWriter, type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { readPdf } from '../export/export-helpers.js';
import { packServiceBlueprint } from './pack.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const KOREAN_EXAMPLE = join(ROOT, 'examples/ko-card-loss-hotline.blueprint');
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

let scratch: string;
let prefix: string;
let project: string;
let cleanEnv: NodeJS.ProcessEnv;

function sh(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = cleanEnv): SpawnSyncReturns<string> {
    return spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
}

function blueprint(...args: string[]): SpawnSyncReturns<string> {
    return sh('blueprint', args, project);
}

/** Runs with the Korean example in a folder of its own, removed afterwards (the git diff test must not see it). */
async function inKoreanFolder(run: (folder: string) => void | Promise<void>): Promise<void> {
    const folder = join(project, 'korean');
    mkdirSync(folder, { recursive: true });
    cpSync(KOREAN_EXAMPLE, join(folder, 'ko.blueprint'));
    try {
        await run(folder);
    } finally {
        rmSync(folder, { recursive: true, force: true });
    }
}

beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'blueprint-pack-'));
    const tarball = packServiceBlueprint(scratch);

    prefix = join(scratch, 'prefix');
    mkdirSync(prefix);
    // npm itself runs with the normal environment; everything after runs with a bare PATH.
    const installed = sh('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--offline', tarball], scratch, process.env);
    expect(installed.status, installed.stderr).toBe(0);
    // Only the package's bin folder, Node, and the system folders (for git): nothing of this checkout.
    cleanEnv = { PATH: [join(prefix, 'node_modules/.bin'), dirname(process.execPath), '/usr/bin', '/bin'].join(':'), HOME: scratch };

    project = join(scratch, 'project');
    mkdirSync(project);
    cpSync(join(ROOT, 'examples/bank-deposit.blueprint'), join(project, 'bank-deposit.blueprint'));
    sh('git', ['init', '-q', '-b', 'main'], project, process.env);
}, 180_000);

afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('the packed service-blueprint package', () => {
    it('installs with no dependencies and the three executables', () => {
        const manifest = JSON.parse(readFileSync(join(prefix, 'node_modules/service-blueprint/package.json'), 'utf8')) as Record<string, unknown>;
        expect(manifest.dependencies ?? {}).toEqual({});
        expect(manifest.private).toBeUndefined();
        expect(readdirSync(join(prefix, 'node_modules')).filter(name => !name.startsWith('.'))).toEqual(['service-blueprint']);
        for (const bin of ['blueprint', 'blueprint-language-server', 'service-blueprint']) {
            expect(existsSync(join(prefix, 'node_modules/.bin', bin)), bin).toBe(true);
        }
    });

    it('checks a folder and reports problems with exit code 1', () => {
        const ok = blueprint('check', '.');
        expect(ok.stdout + ok.stderr).toContain('Checked 1 file');
        expect(ok.status).toBe(0);
        writeFileSync(join(project, 'broken.blueprint'), 'blueprint B "B" {\n    customer A "A" { start }\n    flow A -> Missing\n}\n');
        const broken = blueprint('check', '.', '--format', 'json');
        rmSync(join(project, 'broken.blueprint'));
        expect(broken.status).toBe(1);
        const report = JSON.parse(broken.stdout) as { files: Array<{ path: string; diagnostics: Array<{ rule: string }> }> };
        expect(report.files.find(f => f.path === 'broken.blueprint')?.diagnostics.map(d => d.rule)).toContain('BP002');
    });

    it('checks many files in parallel worker threads (the bundled check worker)', () => {
        const many = join(project, 'many');
        mkdirSync(many);
        const source = readFileSync(join(project, 'bank-deposit.blueprint'), 'utf8');
        for (let i = 0; i < 240; i++) writeFileSync(join(many, `copy-${i}.blueprint`), source);
        const result = blueprint('check', 'many', '--format', 'json');
        rmSync(many, { recursive: true });
        expect(result.stderr).toBe('');
        expect((JSON.parse(result.stdout) as { files: unknown[] }).files).toHaveLength(240);
    });

    it('renders an SVG into a new folder and writes an HTML report', () => {
        const render = blueprint('render', 'bank-deposit.blueprint', '-o', 'out/bank.svg');
        expect(render.status, render.stderr).toBe(0);
        expect(readFileSync(join(project, 'out/bank.svg'), 'utf8')).toMatch(/^<svg[^>]+aria-label="Deposit at the branch counter"/);
        const report = blueprint('report', 'bank-deposit.blueprint', '--format', 'html', '-o', 'out/report.html');
        expect(report.status, report.stderr).toBe(0);
        expect(readFileSync(join(project, 'out/report.html'), 'utf8')).toContain('<html');
    });

    it('renders a Korean blueprint to PNG with the fonts and WebAssembly it ships, the same bytes as the repository CLI', () => inKoreanFolder(folder => {
        const geometry = sh('blueprint', ['render', 'ko.blueprint', '--format', 'json'], folder);
        const { width, height } = JSON.parse(geometry.stdout) as { width: number; height: number };
        const render = sh('blueprint', ['render', 'ko.blueprint', '--format', 'png', '--scale', '1', '-o', 'out/ko.png'], folder);
        expect(render.stderr).toBe('');
        expect(render.status).toBe(0);
        const png = readFileSync(join(folder, 'out/ko.png'));
        expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
        // Width and height are the first fields of the IHDR chunk.
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Math.round(width), Math.round(height)]);
        // The checkout's CLI draws with the native resvg and the font packages: the pixels must agree.
        const reference = join(scratch, 'reference.png');
        const repoCli = sh(process.execPath, [join(ROOT, 'packages/cli/bin/blueprint.js'), 'render', KOREAN_EXAMPLE, '--format', 'png', '--scale', '1', '-o', reference], ROOT, process.env);
        expect(repoCli.status, repoCli.stderr).toBe(0);
        expect(png.equals(readFileSync(reference)), 'the packed PNG differs from the repository CLI\'s').toBe(true);
    }), 180_000);

    it('renders a Korean blueprint to a PDF on A4 pages with its labels as text', () => inKoreanFolder(async folder => {
        const pages = sh('blueprint', ['render', 'ko.blueprint', '--format', 'svg', '--page', 'a4', '-o', 'out/pages/ko.svg'], folder);
        expect(pages.status, pages.stderr).toBe(0);
        const pageCount = readdirSync(join(folder, 'out/pages')).length;
        expect(pageCount).toBeGreaterThan(1);
        const render = sh('blueprint', ['render', 'ko.blueprint', '--format', 'pdf', '--page', 'a4', '-o', 'out/ko.pdf'], folder);
        expect(render.stderr).toBe('');
        expect(render.status).toBe(0);
        const bytes = readFileSync(join(folder, 'out/ko.pdf'));
        expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const pdf = await readPdf(bytes);
        expect(pdf.pages).toHaveLength(pageCount);
        const text = pdf.pages.flatMap(page => page.items.map(item => item.text)).join('\n');
        expect(text).toContain('카드 분실 신고 콜센터');
        expect(text).toContain('상담원이 본인');
    }), 180_000);

    it('diffs against a git revision', () => {
        const git = (...args: string[]) => sh('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], project, process.env);
        git('add', 'bank-deposit.blueprint');
        git('commit', '-qm', 'base');
        const text = readFileSync(join(project, 'bank-deposit.blueprint'), 'utf8');
        const renamed = text.replace(/"Deposit at the branch counter"/, '"Deposit at the counter"');
        expect(renamed).not.toBe(text);
        writeFileSync(join(project, 'bank-deposit.blueprint'), renamed);
        const diff = blueprint('diff', '--git', 'HEAD', '--format', 'json');
        writeFileSync(join(project, 'bank-deposit.blueprint'), text);
        expect(diff.status, diff.stderr).toBe(0);
        const files = (JSON.parse(diff.stdout) as { files: Array<{ path: string; summary: { changes: number } }> }).files;
        expect(files.map(f => f.path)).toEqual(['bank-deposit.blueprint']);
        expect(files[0].summary.changes).toBeGreaterThan(0);
    });

    it('answers an LSP initialize and publishes diagnostics over stdio', async () => {
        const server = spawn('blueprint-language-server', ['--stdio'], { cwd: project, env: cleanEnv });
        const stderr: string[] = [];
        server.stderr.on('data', chunk => stderr.push(String(chunk)));
        const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
        connection.listen();
        try {
            const diagnostics = new Promise<PublishDiagnosticsParams>(resolve => connection.onNotification(PublishDiagnosticsNotification.type, resolve));
            const initialized = await connection.sendRequest(InitializeRequest.type, {
                processId: process.pid, rootUri: pathToFileURL(project).href, capabilities: {},
                workspaceFolders: [{ uri: pathToFileURL(project).href, name: 'project' }]
            });
            expect(initialized.capabilities.hoverProvider).toBeTruthy();
            expect(initialized.capabilities.documentFormattingProvider).toBeTruthy();
            await connection.sendNotification(InitializedNotification.type, {});
            const uri = pathToFileURL(join(project, 'open.blueprint')).href;
            await connection.sendNotification(DidOpenTextDocumentNotification.type, {
                textDocument: { uri, languageId: 'blueprint', version: 1, text: 'blueprint O "O" {\n    customer A "A" { start end }\n    flow A -> Nowhere\n}\n' }
            });
            let published = await diagnostics;
            while (published.uri !== uri) {
                published = await new Promise<PublishDiagnosticsParams>(resolve => connection.onNotification(PublishDiagnosticsNotification.type, resolve));
            }
            expect(published.diagnostics.map(d => d.code)).toContain('BP002');
            await connection.sendRequest(ShutdownRequest.type);
            await connection.sendNotification(ExitNotification.type);
        } finally {
            connection.dispose();
            server.kill();
        }
        expect(stderr.join('')).not.toMatch(/Error|Cannot find/);
    }, 60_000);

    it('serves the MCP tools over stdio (blueprint mcp)', async () => {
        const transport = new StdioClientTransport({ command: 'blueprint', args: ['mcp'], cwd: project, env: cleanEnv as Record<string, string>, stderr: 'pipe' });
        const client = new Client({ name: 'packed-test', version: '1.0.0' });
        await client.connect(transport);
        try {
            expect((await client.listTools()).tools.map(t => t.name).sort()).toEqual(['analyse', 'check', 'diff', 'explain_rule', 'render']);
            const checked = await client.callTool({ name: 'check', arguments: { text: 'blueprint O "O" {\n    customer A "A" { start end }\n    flow A -> Nowhere\n}\n' } }) as CallToolResult;
            const item = checked.content[0];
            expect(item.type === 'text' && JSON.parse(item.text).diagnostics.map((d: { rule: string }) => d.rule)).toContain('BP002');
            const analysed = await client.callTool({ name: 'analyse', arguments: { path: 'bank-deposit.blueprint' } }) as CallToolResult;
            expect(analysed.isError).toBeFalsy();
            const rendered = await client.callTool({ name: 'render', arguments: { path: 'bank-deposit.blueprint', format: 'png' } }) as CallToolResult;
            expect(rendered.isError, JSON.stringify(rendered.content)).toBeFalsy();
            const image = rendered.content.find(part => part.type === 'image');
            expect(image?.type === 'image' && [...Buffer.from(image.data, 'base64').subarray(0, 8)]).toEqual(PNG_SIGNATURE);
        } finally {
            await client.close();
        }
    }, 60_000);
});
