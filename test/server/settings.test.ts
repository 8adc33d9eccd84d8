/**
 * The editor settings reach the running server through `workspace/configuration` and
 * `workspace/didChangeConfiguration`: `blueprint.rules` changes the published diagnostics and
 * `blueprint.layout.spacing` the diagram's geometry, both without restarting the server.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiagnosticSeverity, DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER, TestClient } from './lsp-client.js';
import { layoutBlueprint } from '@blueprint/diagram';
import { createBlueprintServices } from '@blueprint/language';
import { EmptyFileSystem } from 'langium';
import { validateText } from '../helpers/validate-text.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TEXT = `blueprint Visit "Visit" {
    customer Arrive "Arrive" {
        evidence "Sign"
        fail "Door locked"
        start
    }
    frontstage Greet "Greet the customer"
    customer Leave "Leave" { end }
    flow Arrive -> Greet -> Leave
}
`;

/** The diagram's width with the default spacing, laid out here in process. */
async function defaultWidth(): Promise<number> {
    const { Blueprint } = createBlueprintServices(EmptyFileSystem);
    const document = await validateText(Blueprint, TEXT);
    return (await layoutBlueprint(Blueprint.model.BlueprintModelProvider.getDocumentModel(document)!)).width;
}

let workspace: string;
let client: TestClient;

beforeAll(async () => {
    spawnSync('npx', ['tsc', '-b', 'packages/server'], { cwd: ROOT, stdio: 'ignore' });
    if (!existsSync(SERVER)) throw new Error(`the server was not built: ${SERVER}`);
    workspace = mkdtempSync(join(tmpdir(), 'blueprint-settings-'));
    client = new TestClient(workspace);
    client.settings = { rules: { 'fail-point-remedy': 'off' }, layout: { spacing: 'compact' } };
    await client.initialize();
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: client.uri('visit.blueprint'), languageId: 'blueprint', version: 1, text: TEXT }
    });
    await client.connection.sendNotification('blueprint/diagramOpen', { uri: client.uri('visit.blueprint') });
}, 120_000);

afterAll(async () => {
    await client?.dispose();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
});

describe('editor settings in the language server', () => {
    it('apply blueprint.rules and blueprint.layout.spacing at start and on every change', async () => {
        const normal = await defaultWidth();
        // At start: the pulled settings switch BP009 off (a fail point without remedy).
        const initial = await client.diagnosticsOf('visit.blueprint', items => !items.some(d => d.code === 'BP009'));
        expect(initial.some(d => d.code === 'BP009')).toBe(false);
        const compact = await client.diagramOf('visit.blueprint', d => d.layout !== undefined && d.layout.width < normal);

        // A change: BP009 back as information, roomier diagram; no restart, no edit of the file.
        const diagnosticsSeen = client.diagnostics.get(client.uri('visit.blueprint'))!.length;
        await client.changeSettings({ rules: { BP009: 'info' }, layout: { spacing: 'roomy' } });
        const changed = await client.diagnosticsOf('visit.blueprint', items => items.some(d => d.code === 'BP009'), diagnosticsSeen);
        expect(changed.find(d => d.code === 'BP009')!.severity).toBe(DiagnosticSeverity.Information);
        const roomy = await client.diagramOf('visit.blueprint', d => d.layout !== undefined && d.layout.width > normal);
        expect(roomy.layout!.width).toBeGreaterThan(compact.layout!.width);
        expect(roomy.layout!.height).toBeGreaterThan(compact.layout!.height);

        // Back to the defaults: BP009 a warning again.
        const seen = client.diagnostics.get(client.uri('visit.blueprint'))!.length;
        await client.changeSettings({});
        const defaults = await client.diagnosticsOf('visit.blueprint', items => items.some(d => d.code === 'BP009'), seen);
        expect(defaults.find(d => d.code === 'BP009')!.severity).toBe(DiagnosticSeverity.Warning);
    });

    it('reports a bad rule setting instead of ignoring it', async () => {
        const seen = client.diagnostics.get(client.uri('visit.blueprint'))!.length;
        await client.changeSettings({ rules: { BP999: 'off' } });
        const items = await client.diagnosticsOf('visit.blueprint', list => list.some(d => d.code === 'config'), seen);
        expect(items.find(d => d.code === 'config')!.message).toContain("unknown rule 'BP999'");
    });
});
