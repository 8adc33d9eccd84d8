/**
 * No document size takes the server down (issue 13): the built server over stdio opens a
 * 50,000-step blueprint with its diagram shown, takes an edit to it, refuses a file over the size
 * limit with a diagnostic, and keeps answering requests throughout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, HoverRequest, type Hover } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { generateBlueprint } from '../bench/generate.mjs';
import { TestClient } from './lsp-client.js';

const STEPS = 50_000;
/** Steps of the generated blueprint plus one evidence box for each of its three evidence items per episode. */
const BOXES = STEPS + (STEPS / 10) * 3;
/** Generous: the first layout of 50,000 steps takes tens of seconds on a loaded 2-core machine. */
const LARGE_TIMEOUT = 600_000;

let workspace: string;
let client: TestClient;

beforeAll(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'blueprint-large-'));
    client = new TestClient(workspace);
    await client.initialize();
});

afterAll(async () => {
    await client?.dispose();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
});

function hoverAt(name: string, text: string, needle: string): Promise<Hover | null> {
    const position = TextDocument.create('x', 'blueprint', 0, text).positionAt(text.indexOf(needle) + 1);
    return client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: client.uri(name) }, position });
}

test('a 50,000-step blueprint opens with its diagram, takes an edit, and the server keeps serving', async () => {
    const text = generateBlueprint(STEPS);
    const name = 'large.blueprint';
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: client.uri(name), languageId: 'blueprint', version: 1, text }
    });
    await client.connection.sendNotification('blueprint/diagramOpen', { uri: client.uri(name) });
    const first = await client.waitFor(() => client.diagrams.get(client.uri(name)), diagram => diagram.version === 1,
        'the diagram of 50,000 steps', 0, LARGE_TIMEOUT);
    expect(first.message).toBeUndefined();
    expect(first.stale).toBe(false);
    expect(first.layout?.steps).toHaveLength(BOXES);
    const diagnostics = await client.waitFor(() => client.diagnostics.get(client.uri(name)), () => true, 'diagnostics', 0, LARGE_TIMEOUT);
    expect(diagnostics.filter(d => d.severity === 1)).toEqual([]);

    // An edit is laid out again, not dropped.
    const edited = text.replace('request e0"', 'request e0 (edited)"');
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: client.uri(name), version: 2 }, contentChanges: [{ text: edited }]
    });
    const second = await client.waitFor(() => client.diagrams.get(client.uri(name)), diagram => diagram.version === 2,
        'the diagram of the edit', 0, LARGE_TIMEOUT);
    expect(second.stale).toBe(false);
    expect(second.layout?.steps.find(step => step.id === 'e0c0')?.label).toBe('Customer arrives with request e0 (edited)');

    const hover = await hoverAt(name, edited, 'e4999f8 "');
    expect(JSON.stringify(hover?.contents)).toContain('Specialist confirms e4999');
}, LARGE_TIMEOUT * 2);

test('a file over the size limit gets one diagnostic, and the server keeps serving the others', async () => {
    const small = generateBlueprint(20, 'Small');
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: client.uri('small.blueprint'), languageId: 'blueprint', version: 1, text: small }
    });
    // Over the default 16 MiB: about 190,000 steps' worth of text.
    const huge = generateBlueprint(10).replace('\n}\n', `\n    // ${'x'.repeat(17 * 1024 * 1024)}\n}\n`);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: client.uri('huge.blueprint'), languageId: 'blueprint', version: 1, text: huge }
    });
    const refused = await client.waitFor(() => client.diagnostics.get(client.uri('huge.blueprint')), items => items.length > 0,
        'the size diagnostic', 0, LARGE_TIMEOUT);
    expect(refused).toHaveLength(1);
    expect(refused[0].message).toMatch(/MiB/);
    const hover = await hoverAt('small.blueprint', small, 'e1f8 "');
    expect(JSON.stringify(hover?.contents)).toContain('Specialist confirms e1');
}, LARGE_TIMEOUT);
