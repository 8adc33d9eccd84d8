/**
 * Typing into labels in the running server, where those edits skip the parse (the document is
 * updated in place): ranged changes sent faster than the server builds them still end in a
 * diagram, diagnostics and hover of the last text, never of an earlier one (the model and analysis
 * caches and the early layout are keyed by AST nodes that an in-place edit keeps).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, HoverRequest, type Hover } from 'vscode-languageserver-protocol/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER, TestClient } from './lsp-client.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TEXT = `blueprint Shop "Shop" {
    customer Ask "Ask" { start } // the customer asks
    frontstage Answer "Answer" { end }
    flow Ask -> Answer
}
`;

let workspace: string;
let client: TestClient;
let version = 1;

beforeAll(async () => {
    spawnSync('npx', ['tsc', '-b', 'packages/server'], { cwd: ROOT, stdio: 'ignore' });
    if (!existsSync(SERVER)) throw new Error(`the server was not built: ${SERVER}`);
    workspace = mkdtempSync(join(tmpdir(), 'blueprint-label-typing-'));
    client = new TestClient(workspace);
    await client.initialize();
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: client.uri('shop.blueprint'), languageId: 'blueprint', version, text: TEXT }
    });
    await client.connection.sendNotification('blueprint/diagramOpen', { uri: client.uri('shop.blueprint') });
    await client.diagramOf('shop.blueprint', diagram => !diagram.stale && diagram.layout !== undefined);
}, 120_000);

afterAll(async () => {
    await client?.dispose();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
});

/** Types `text` at line/character, one ranged change per character, without waiting for the server. */
async function type(line: number, character: number, text: string): Promise<void> {
    for (const [index, char] of [...text].entries()) {
        const at = { line, character: character + index };
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: client.uri('shop.blueprint'), version: ++version }, contentChanges: [{ range: { start: at, end: at }, text: char }]
        });
    }
}

describe('typing into labels in the server', () => {
    it('ends in the diagram and hover of the last text', async () => {
        const seen = client.diagrams.get(client.uri('shop.blueprint'))?.length ?? 0;
        await type(1, '    customer Ask "Ask'.length, ' for help');
        await type(2, '    frontstage Answer "Answer'.length, ' kindly');
        await type(1, '    customer Ask "Ask for help" { start } // the customer asks'.length, ' twice');
        const last = version;
        const diagram = await client.diagramOf('shop.blueprint', d => d.version === last, seen);
        expect(diagram.stale).toBe(false);
        expect(diagram.layout!.steps.map(step => [step.id, step.label])).toEqual([['Ask', 'Ask for help'], ['Answer', 'Answer kindly']]);
        const hover = await client.connection.sendRequest(HoverRequest.type, {
            textDocument: { uri: client.uri('shop.blueprint') }, position: { line: 3, character: '    flow Ask -> Ans'.length }
        }) as Hover | null;
        expect((hover?.contents as { value: string } | undefined)?.value).toContain('Answer kindly');
    });

    it('reports a label broken by a quote, and draws again once the quote is deleted', async () => {
        const seen = client.diagrams.get(client.uri('shop.blueprint'))?.length ?? 0;
        const character = '    customer Ask "Ask'.length;
        await type(1, character, '"');
        const broken = version;
        expect((await client.diagramOf('shop.blueprint', d => d.version === broken, seen)).stale).toBe(true);
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: client.uri('shop.blueprint'), version: ++version },
            contentChanges: [{ range: { start: { line: 1, character }, end: { line: 1, character: character + 1 } }, text: '' }]
        });
        await type(1, character, '!');
        const fixed = version;
        const diagram = await client.diagramOf('shop.blueprint', d => d.version === fixed, seen);
        expect(diagram.stale).toBe(false);
        expect(diagram.layout!.steps.map(step => step.label)).toEqual(['Ask! for help', 'Answer kindly']);
    });
});
