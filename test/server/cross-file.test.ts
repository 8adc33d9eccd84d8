/**
 * Cross-file correctness in the running server: when an imported file is edited, deleted or
 * created again, the importing file's diagnostics, hover and diagram follow without the importer
 * itself being touched (the scope cache and the relinking both track imports).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
    DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification,
    FileChangeType, HoverRequest, type Hover
} from 'vscode-languageserver-protocol/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER, TestClient } from './lsp-client.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SHARED = 'actor Teller "Teller"\n';
const SHARED_WITH_CLERK = 'actor Teller "Teller"\nactor Clerk "Filing clerk"\n';
const MAIN = `import "shared"
blueprint Deposit "Deposit" {
    customer Ask "Ask for a deposit" { evidence "Slip" start }
    frontstage Count "Count the cash" by Teller
    backstage File "File the slip" by Clerk { end }
    flow Ask -> Count -> File
}
`;

let workspace: string;
let client: TestClient;
const codes = (items: Array<{ code?: unknown }>) => items.map(d => d.code);
const seen = (name: string) => client.diagnostics.get(client.uri(name))?.length ?? 0;
const diagramsSeen = (name: string) => client.diagrams.get(client.uri(name))?.length ?? 0;

async function hoverOnClerk(): Promise<string> {
    const line = MAIN.split('\n').findIndex(l => l.includes('by Clerk'));
    const hover = await client.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri: client.uri('main.blueprint') }, position: { line, character: MAIN.split('\n')[line].indexOf('Clerk') + 1 }
    }) as Hover | null;
    return hover ? (hover.contents as { value: string }).value : '';
}

beforeAll(async () => {
    spawnSync('npx', ['tsc', '-b', 'packages/server'], { cwd: ROOT, stdio: 'ignore' });
    if (!existsSync(SERVER)) throw new Error(`the server was not built: ${SERVER}`);
    workspace = mkdtempSync(join(tmpdir(), 'blueprint-cross-file-'));
    writeFileSync(join(workspace, 'shared.blueprint'), SHARED);
    writeFileSync(join(workspace, 'main.blueprint'), MAIN);
    client = new TestClient(workspace);
    await client.initialize();
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: client.uri('main.blueprint'), languageId: 'blueprint', version: 1, text: MAIN }
    });
    await client.connection.sendNotification('blueprint/diagramOpen', { uri: client.uri('main.blueprint') });
}, 120_000);

afterAll(async () => {
    await client?.dispose();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
});

describe('an importer follows its imported file', () => {
    it('resolves a declaration added to the imported file in the editor', async () => {
        const before = await client.diagnosticsOf('main.blueprint', items => codes(items).includes('BP002'));
        expect(before.find(d => d.code === 'BP002')!.message).toContain('Clerk');
        expect((await client.diagramOf('main.blueprint', d => d.stale || d.layout === undefined)).errors).toBeGreaterThan(0);
        expect(await hoverOnClerk()).not.toContain('Filing clerk');

        const mark = seen('main.blueprint');
        const diagrams = diagramsSeen('main.blueprint');
        const shared = client.uri('shared.blueprint');
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri: shared, languageId: 'blueprint', version: 1, text: SHARED }
        });
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: shared, version: 2 }, contentChanges: [{ text: SHARED_WITH_CLERK }]
        });
        const after = await client.diagnosticsOf('main.blueprint', items => !codes(items).includes('BP002'), mark);
        expect(codes(after).filter(code => code === 'BP002' || code === 'BP003')).toEqual([]);
        expect(await hoverOnClerk()).toContain('Filing clerk');
        const diagram = await client.diagramOf('main.blueprint', d => !d.stale && d.layout !== undefined, diagrams);
        expect(diagram.layout!.steps.map(step => step.id)).toEqual(expect.arrayContaining(['Ask', 'Count', 'File']));

        // Saved to disk and closed: the file on disk now holds Clerk too.
        writeFileSync(join(workspace, 'shared.blueprint'), SHARED_WITH_CLERK);
        await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: shared } });
    });

    it('reports the import and the reference when the imported file is deleted, and recovers when it is created again', async () => {
        const mark = seen('main.blueprint');
        rmSync(join(workspace, 'shared.blueprint'));
        await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
            changes: [{ uri: client.uri('shared.blueprint'), type: FileChangeType.Deleted }]
        });
        const missing = await client.diagnosticsOf('main.blueprint', items => codes(items).includes('BP003'), mark);
        // The reference to what the file declared is said on the import, not on its own.
        expect(codes(missing)).not.toContain('BP002');
        expect(missing.find(item => item.code === 'BP003')?.message).toMatch(/cannot resolve \(.*'Clerk'/);
        expect(await hoverOnClerk()).not.toContain('Filing clerk');

        const again = seen('main.blueprint');
        const diagrams = diagramsSeen('main.blueprint');
        writeFileSync(join(workspace, 'shared.blueprint'), SHARED_WITH_CLERK);
        await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
            changes: [{ uri: client.uri('shared.blueprint'), type: FileChangeType.Created }]
        });
        const restored = await client.diagnosticsOf('main.blueprint', items => !codes(items).some(code => code === 'BP002' || code === 'BP003'), again);
        expect(codes(restored)).not.toContain('BP003');
        expect(await hoverOnClerk()).toContain('Filing clerk');
        await client.diagramOf('main.blueprint', d => !d.stale && d.layout !== undefined, diagrams);
    });

    it('revalidates every file when a blueprint.config.json appears or goes away', async () => {
        const mark = seen('main.blueprint');
        writeFileSync(join(workspace, 'blueprint.config.json'), JSON.stringify({ rules: { BP999: 'off' } }));
        await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
            changes: [{ uri: client.uri('blueprint.config.json'), type: FileChangeType.Created }]
        });
        const withConfig = await client.diagnosticsOf('main.blueprint', items => codes(items).includes('config'), mark);
        expect(withConfig.find(d => d.code === 'config')!.message).toContain("unknown rule 'BP999'");

        const again = seen('main.blueprint');
        rmSync(join(workspace, 'blueprint.config.json'));
        await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
            changes: [{ uri: client.uri('blueprint.config.json'), type: FileChangeType.Deleted }]
        });
        await client.diagnosticsOf('main.blueprint', items => !codes(items).includes('config'), again);
    });
});
