/**
 * The built language server over stdio, laying out in its worker thread: diagramOpen gets a
 * diagram with steps, an edit that introduces an error gets the previous layout marked stale.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyRecordPatch, DiagramNotification, DiagramOpenNotification, type DiagramParams } from '@blueprint/protocol';
import {
    DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, InitializedNotification, InitializeRequest,
    ConfigurationRequest, RegistrationRequest, StreamMessageReader, StreamMessageWriter, createProtocolConnection, type ProtocolConnection
} from 'vscode-languageserver-protocol/node';
import { afterAll, beforeAll, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// BLUEPRINT_TEST_SERVER runs the same test against another build, e.g. the extension's one-file bundle.
const SERVER = process.env.BLUEPRINT_TEST_SERVER ?? join(ROOT, 'packages/server/dist/main.js');
const URI_OF_DOC = 'untitled:diagram-test.blueprint';
const TEXT = `blueprint Visit "Visit" {
    stage Arrive "Arrive"
    stage Leave "Leave"
    customer Enter "Enter the branch" in Arrive { start }
    frontstage Greet "Greet the customer" in Arrive
    customer Go "Go home" in Leave { end }
    flow Enter -> Greet -> Go
}
`;

let server: ChildProcessWithoutNullStreams;
let connection: ProtocolConnection;
let stderr = '';
const received: DiagramParams[] = [];
const waiters: Array<() => void> = [];

function diagram(accept: (params: DiagramParams) => boolean): Promise<DiagramParams> {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching diagram: ${JSON.stringify(received.map(p => [p.version, p.stale]))}\n${stderr}`)), 30_000);
        const check = () => {
            const found = received.find(accept);
            if (found) {
                clearTimeout(timer);
                resolve(found);
            } else {
                waiters.push(check);
            }
        };
        check();
    });
}

beforeAll(async () => {
    spawnSync('npx', ['tsc', '-b', 'packages/server'], { cwd: ROOT, stdio: 'ignore' });
    if (!existsSync(SERVER)) throw new Error(`the server was not built: ${SERVER}`);
    server = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT });
    server.stderr.on('data', chunk => { stderr += chunk.toString(); });
    connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    connection.onNotification(DiagramNotification.method, (params: DiagramParams) => {
        received.push(params);
        for (const waiter of waiters.splice(0)) waiter();
    });
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(ConfigurationRequest.type, params => params.items.map(() => null));
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
    await connection.sendNotification(InitializedNotification.type, {});
}, 120_000);

afterAll(() => {
    if (server && server.exitCode === null) server.kill();
    connection?.dispose();
});

test('the server lays out opened diagrams and keeps the last good one while the text has errors', async () => {
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: URI_OF_DOC, languageId: 'blueprint', version: 1, text: TEXT }
    });
    await connection.sendNotification(DiagramOpenNotification.method, { uri: URI_OF_DOC });
    const first = await diagram(p => p.version === 1 && p.layout !== undefined);
    expect(first.stale).toBe(false);
    expect(first.layout!.steps.map(step => step.id)).toEqual(['Enter', 'Greet', 'Go']);
    expect(first.layout!.steps[0].range).toBeDefined();

    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: URI_OF_DOC, version: 2 },
        contentChanges: [{ text: TEXT.replace('Greet -> Go', 'Greet -> Nowhere') }]
    });
    const stale = await diagram(p => p.version === 2);
    expect(stale.stale).toBe(true);
    expect(stale.errors).toBeGreaterThan(0);
    expect(stale.layout).toEqual(first.layout);
    // The layout worker did not bring the server down.
    expect(stderr).not.toMatch(/Error|exception/i);
});

test('typing into a label, a client that applies patches ends up with the layouts a client of whole layouts gets', async () => {
    // The worker's patch, applied on the main thread, goes on to the client as it is (layout-patches.ts):
    // it must give the client what the whole layout of each version is.
    const patched = 'untitled:typing-patches.blueprint';
    const whole = 'untitled:typing-whole.blueprint';
    for (const [uri, patches] of [[patched, true], [whole, false]] as const) {
        await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'blueprint', version: 1, text: TEXT } });
        await connection.sendNotification(DiagramOpenNotification.method, { uri, patches });
    }
    let layout = (await diagram(p => p.uri === patched && p.version === 1 && p.layout !== undefined)).layout!;
    const typed = ' and say hello, then ask what brings them to the branch today';
    let sawMoves = false;
    for (let version = 2; version <= 12; version++) {
        const text = TEXT.replace('"Greet the customer"', `"Greet the customer${typed.slice(0, (version - 1) * 6)}"`);
        for (const uri of [patched, whole]) {
            await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
        }
        const update = await diagram(p => p.uri === patched && p.version === version);
        expect(update.patch, `version ${version}`).toBeDefined();
        sawMoves ||= Object.values(update.patch!.lists).some(list => (list.moved ?? []).length > 0);
        layout = applyRecordPatch(layout, update.patch!);
        const expected = (await diagram(p => p.uri === whole && p.version === version)).layout!;
        expect(JSON.stringify(layout), `version ${version}`).toBe(JSON.stringify(expected));
    }
    // The box widened: the boxes right of it were sent as moved.
    expect(sawMoves).toBe(true);
}, 60_000);
