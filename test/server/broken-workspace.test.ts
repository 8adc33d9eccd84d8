/**
 * The language server survives the workspace it is given: an unreadable file (mode 000, the server
 * running as an unprivileged user), a 12 MiB file, a binary file, a file that is not UTF-8 and a
 * file that vanishes become a diagnostic on that file or a logged warning; every other file keeps
 * all its features.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { URI } from 'langium';
import {
    DidChangeWatchedFilesNotification, DidOpenTextDocumentNotification, ExitNotification, FileChangeType, HoverRequest, InitializedNotification, InitializeRequest,
    PublishDiagnosticsNotification, RegistrationRequest, ConfigurationRequest, ShutdownRequest, StreamMessageReader, StreamMessageWriter,
    createProtocolConnection, type Diagnostic, type Hover, type ProtocolConnection
} from 'vscode-languageserver-protocol/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SERVER = join(ROOT, 'packages/server/dist/main.js');

const GOOD = `blueprint Good "Good" {
    customer Ask "Ask" {
        fail "Wrong amount"
        start
    }
    frontstage Answer "Answer" { end }
    flow Ask -> Answer
}
`;

/** Root reads any file whatever its mode: the server then runs as `nobody`. */
const AS_NOBODY = process.getuid?.() === 0;

let workspace: string;
let server: ChildProcessWithoutNullStreams;
let connection: ProtocolConnection;
let log = '';
let exitCode: number | null = null;
const diagnostics = new Map<string, Diagnostic[]>();
const waiters: Array<() => void> = [];

const uriOf = (name: string) => URI.file(join(workspace, name)).toString();

function diagnosticsFor(name: string, accept: (items: Diagnostic[]) => boolean, timeout = 60_000): Promise<Diagnostic[]> {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${name}: ${JSON.stringify(diagnostics.get(uriOf(name)))}\n${log}`)), timeout);
        const check = () => {
            const items = diagnostics.get(uriOf(name));
            if (items && accept(items)) {
                clearTimeout(timer);
                resolve(items);
                return true;
            }
            return false;
        };
        if (!check()) waiters.push(() => void check());
    });
}

beforeAll(async () => {
    spawnSync('npx', ['tsc', '-b'], { cwd: ROOT, stdio: 'ignore' });
    if (!existsSync(SERVER)) throw new Error(`the server was not built: ${SERVER}`);
    workspace = mkdtempSync(join(tmpdir(), 'blueprint-broken-'));
    chmodSync(workspace, 0o755);
    writeFileSync(join(workspace, 'good.blueprint'), GOOD);
    writeFileSync(join(workspace, 'unreadable.blueprint'), GOOD.replace('Good', 'Secret'));
    chmodSync(join(workspace, 'unreadable.blueprint'), 0o000);
    const step = '    customer S "A step" { duration 1 min }\n';
    writeFileSync(join(workspace, 'huge.blueprint'), `blueprint Huge "Huge" {\n${step.repeat(Math.ceil(12 * 1024 * 1024 / step.length))}}\n`);
    writeFileSync(join(workspace, 'binary.blueprint'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a, 0xff, 0x00]));
    writeFileSync(join(workspace, 'latin1.blueprint'), Buffer.from('blueprint L "Caf\xe9" {\n}\n', 'latin1'));
    writeFileSync(join(workspace, 'vanishing.blueprint'), GOOD.replace('Good', 'Vanishing'));
    // Files nobody opens are not validated: the open good file shows that the rest still works.

    const command = AS_NOBODY ? 'setpriv' : process.execPath;
    const args = AS_NOBODY ? ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, SERVER, '--stdio'] : [SERVER, '--stdio'];
    // The size limit set as a user would (BLUEPRINT_MAX_FILE_SIZE, MiB): 5, below the 12 MiB file (the default is 16).
    server = spawn(command, args, { cwd: workspace, env: { ...process.env, BLUEPRINT_MAX_FILE_SIZE: '5' } });
    server.stderr.on('data', chunk => { log += chunk.toString(); });
    server.on('exit', code => { exitCode = code; });
    connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    connection.onNotification(PublishDiagnosticsNotification.type, params => {
        diagnostics.set(params.uri, params.diagnostics);
        waiters.forEach(waiter => waiter());
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => { log += `${params.message}\n`; });
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(ConfigurationRequest.type, params => params.items.map(() => null));
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
        // As another user the server cannot signal our process, would think its editor gone and exit.
        processId: AS_NOBODY ? null : process.pid, rootUri: URI.file(workspace).toString(),
        workspaceFolders: [{ uri: URI.file(workspace).toString(), name: 'workspace' }],
        capabilities: { textDocument: { hover: { contentFormat: ['markdown'] }, publishDiagnostics: {} }, workspace: { workspaceFolders: true } }
    });
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf('good.blueprint'), languageId: 'blueprint', version: 1, text: GOOD } });
}, 180_000);

afterAll(async () => {
    try {
        await connection.sendRequest(ShutdownRequest.type);
        await connection.sendNotification(ExitNotification.type);
    } catch { /* already gone */ }
    if (server && server.exitCode === null) server.kill();
    connection?.dispose();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
});

const fileProblem = (items: Diagnostic[]) => items.find(d => d.code === 'file');

describe('a language server in a broken workspace', () => {
    it('keeps every feature for the good file', async () => {
        const items = await diagnosticsFor('good.blueprint', list => list.some(d => d.code === 'BP009'));
        expect(items.filter(d => d.code === 'internal')).toEqual([]);
        const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf('good.blueprint') }, position: { line: 5, character: 17 } }) as Hover;
        expect((hover.contents as { value: string }).value).toContain('**Answer** (`Answer`)');
    });

    it('logs a warning for each file it cannot use, naming the file and why', async () => {
        await diagnosticsFor('good.blueprint', list => list.some(d => d.code === 'BP009'));
        expect(log).toContain(`${join(workspace, 'unreadable.blueprint')}: cannot read: permission denied; the file is left out.`);
        expect(log).toContain(`${join(workspace, 'huge.blueprint')}: too large (12 MiB; the limit is 5 MiB); the file is left out.`);
        expect(log).toMatch(/binary\.blueprint: looks like a binary file/);
        expect(log).toMatch(/latin1\.blueprint: is not UTF-8 text/);
    });

    it('opened in the editor, the 12 MiB file gets one diagnostic (the limit of the CLI) and is not parsed', async () => {
        const step = '    customer S "A step" { duration 1 min }\n';
        const text = `blueprint Huge "Huge" {\n${step.repeat(Math.ceil(12 * 1024 * 1024 / step.length))}}\n`;
        await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf('huge.blueprint'), languageId: 'blueprint', version: 1, text } });
        const items = await diagnosticsFor('huge.blueprint', list => fileProblem(list) !== undefined);
        expect(fileProblem(items)!.message).toBe('This file cannot be used as a blueprint: too large (12 MiB; the limit is 5 MiB).');
        expect(items).toHaveLength(1);
    });

    it('opened in the editor, the unreadable file (the editor got no text) gets the reason as a diagnostic', async () => {
        await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf('unreadable.blueprint'), languageId: 'blueprint', version: 1, text: '' } });
        const items = await diagnosticsFor('unreadable.blueprint', list => fileProblem(list) !== undefined);
        expect(fileProblem(items)!.message).toBe('This file cannot be used as a blueprint: cannot read: permission denied.');
    });

    it('survives a file that vanishes before it is read again, and still answers', async () => {
        await diagnosticsFor('good.blueprint', list => list.some(d => d.code === 'BP009'));
        unlinkSync(join(workspace, 'vanishing.blueprint'));
        // An editor may report the file as changed (an editor saving by rename, a race with `git checkout`).
        await connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('vanishing.blueprint'), type: FileChangeType.Changed }] });
        await new Promise(resolve => setTimeout(resolve, 1000));
        const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf('good.blueprint') }, position: { line: 5, character: 17 } }) as Hover;
        expect((hover.contents as { value: string }).value).toContain('**Answer** (`Answer`)');
        expect(exitCode).toBeNull();
    });

    it('never exits and logs no stack trace of ours', () => {
        expect(exitCode, log).toBeNull();
        expect(log).not.toMatch(/Error in WorkspaceManager initialization/);
    });
});
