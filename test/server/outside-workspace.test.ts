/**
 * A file opened from outside the workspace folders (a file opened on its own, `nvim ../other/main.blueprint`):
 * its imports are read from disk, so they resolve, instead of BP003 saying an existing file cannot be found.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DefinitionRequest, DidOpenTextDocumentNotification, HoverRequest, type Hover, type LocationLink } from 'vscode-languageserver-protocol/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER, TestClient } from './lsp-client.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = `import "lib/shared"
blueprint Deposit "Deposit" {
    customer Ask "Ask for a deposit" { evidence "Slip" start }
    frontstage Count "Count the cash" by Teller { end }
    flow Ask -> Count
}
`;

let dir: string;
let client: TestClient;

beforeAll(async () => {
    spawnSync('npx', ['tsc', '-b', 'packages/server'], { cwd: ROOT, stdio: 'ignore' });
    if (!existsSync(SERVER)) throw new Error(`the server was not built: ${SERVER}`);
    dir = mkdtempSync(join(tmpdir(), 'blueprint-outside-'));
    mkdirSync(join(dir, 'workspace'));
    mkdirSync(join(dir, 'elsewhere/lib'), { recursive: true });
    writeFileSync(join(dir, 'elsewhere/main.blueprint'), MAIN);
    writeFileSync(join(dir, 'elsewhere/lib/shared.blueprint'), 'import "segments"\nactor Teller "Counter teller"\npersona Regular "Regular" in Walkin\n');
    // Imported in turn (imports are direct: only the shared file sees it): read too.
    writeFileSync(join(dir, 'elsewhere/lib/segments.blueprint'), 'segment Walkin "Walk-in customers"\n');
    client = new TestClient(join(dir, 'workspace'));
    await client.initialize();
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: client.uri('../elsewhere/main.blueprint'), languageId: 'blueprint', version: 1, text: MAIN }
    });
}, 120_000);

afterAll(async () => {
    await client?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a file opened outside the workspace folders', () => {
    it('resolves what its imports declare, read from disk, with no BP003 for a file that exists', async () => {
        const diagnostics = await client.diagnosticsOf('../elsewhere/main.blueprint', () => true);
        expect(diagnostics.map(d => `${d.code}: ${d.message}`)).toEqual([]);
        const line = MAIN.split('\n').findIndex(l => l.includes('by Teller'));
        const hover = await client.connection.sendRequest(HoverRequest.type, {
            textDocument: { uri: client.uri('../elsewhere/main.blueprint') }, position: { line, character: MAIN.split('\n')[line].indexOf('Teller') + 1 }
        }) as Hover | null;
        expect((hover?.contents as { value: string } | undefined)?.value).toContain('Counter teller');
        const links = await client.connection.sendRequest(DefinitionRequest.type, {
            textDocument: { uri: client.uri('../elsewhere/main.blueprint') }, position: { line: 0, character: 10 }
        }) as LocationLink[] | null;
        expect(links?.map(link => link.targetUri)).toEqual([client.uri('../elsewhere/lib/shared.blueprint')]);
        const shared = await client.diagnosticsOf('../elsewhere/lib/shared.blueprint', () => true);
        expect(shared.map(d => `${d.code}: ${d.message}`)).toEqual([]);
    });
});
