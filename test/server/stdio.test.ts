/**
 * The language server as an editor sees it: the built server spawned over stdio, spoken to in LSP.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
    CompletionRequest, ConfigurationRequest, DefinitionRequest, DidOpenTextDocumentNotification, DocumentFormattingRequest, ExitNotification,
    HoverRequest, InitializedNotification, InitializeRequest, PublishDiagnosticsNotification, RegistrationRequest, RenameRequest, ShutdownRequest,
    StreamMessageReader, StreamMessageWriter, createProtocolConnection,
    type CompletionItem, type CompletionList, type Diagnostic, type Hover, type Location, type LocationLink, type ProtocolConnection,
    type PublishDiagnosticsParams, type TextEdit, type WorkspaceEdit
} from 'vscode-languageserver-protocol/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SERVER = join(ROOT, 'packages/server/dist/main.js');

const SHARED = `// Declarations shared by the blueprints of the branch.
actor Teller "Teller"
stage Counter "At the counter"
`;

const MAIN = `import "shared.blueprint"
blueprint Deposit "Deposit" {
    customer Ask "Ask for a deposit" in Counter {
        evidence "Slip"
        fail "Wrong amount"
        start
    }
    frontstage Count "Count the cash" in Counter   by Teller
    customer Leave "Leave" {
        end
    }
    flow Ask -> Count -> Leave
}
`;

let workspace: string;
let server: ChildProcessWithoutNullStreams;
let connection: ProtocolConnection;
let stderr = '';
const diagnostics = new Map<string, PublishDiagnosticsParams[]>();
const diagnosticWaiters: Array<() => void> = [];

function uriOf(name: string): string {
    return URI.file(join(workspace, name)).toString();
}

/** Resolves with the first published diagnostics for `uri` that satisfy `accept`. */
function diagnosticsFor(uri: string, accept: (items: Diagnostic[]) => boolean, timeout = 20_000): Promise<Diagnostic[]> {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri}; got ${JSON.stringify(diagnostics.get(uri))}\n${stderr}`)), timeout);
        const check = () => {
            const found = diagnostics.get(uri)?.find(params => accept(params.diagnostics));
            if (found) {
                clearTimeout(timer);
                resolve(found.diagnostics);
                return true;
            }
            return false;
        };
        if (!check()) diagnosticWaiters.push(() => void check());
    });
}

function open(name: string, text: string): void {
    void connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: uriOf(name), languageId: 'blueprint', version: 1, text }
    });
}

function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
    const offset = text.indexOf(needle);
    if (offset < 0) throw new Error(`'${needle}' not in text`);
    return TextDocument.create('x', 'blueprint', 0, text).positionAt(offset + delta);
}

beforeAll(async () => {
    // The test runs the built server; errors in files other than the server's are not ours to fail on.
    spawnSync('npx', ['tsc', '-b'], { cwd: ROOT, stdio: 'ignore', shell: process.platform === 'win32' });
    if (!existsSync(SERVER)) throw new Error(`the server was not built: ${SERVER}`);
    workspace = mkdtempSync(join(tmpdir(), 'blueprint-lsp-'));
    writeFileSync(join(workspace, 'shared.blueprint'), SHARED);
    writeFileSync(join(workspace, 'main.blueprint'), MAIN);

    server = spawn(process.execPath, [SERVER, '--stdio'], { cwd: workspace });
    server.stderr.on('data', chunk => { stderr += chunk.toString(); });
    connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    connection.onNotification(PublishDiagnosticsNotification.type, params => {
        diagnostics.set(params.uri, [...diagnostics.get(params.uri) ?? [], params]);
        diagnosticWaiters.forEach(waiter => waiter());
    });
    // The server may register capabilities or ask for settings; it gets the editor defaults.
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(ConfigurationRequest.type, params => params.items.map(() => null));
    connection.listen();

    await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: URI.file(workspace).toString(),
        workspaceFolders: [{ uri: URI.file(workspace).toString(), name: 'workspace' }],
        capabilities: {
            textDocument: {
                hover: { contentFormat: ['markdown'] },
                completion: { completionItem: { snippetSupport: false } },
                publishDiagnostics: {}
            },
            workspace: { workspaceFolders: true }
        }
    });
    await connection.sendNotification(InitializedNotification.type, {});
    open('main.blueprint', MAIN);
}, 180_000);

afterAll(async () => {
    if (server && server.exitCode === null) server.kill();
    connection?.dispose();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
});

describe('language server over stdio', () => {
    it('publishes the diagnostics of the open file with rule code and range', async () => {
        const items = await diagnosticsFor(uriOf('main.blueprint'), list => list.some(d => d.code === 'BP009'));
        const fail = items.find(d => d.code === 'BP009')!;
        expect(fail.range).toEqual({ start: positionOf(MAIN, 'fail'), end: positionOf(MAIN, 'fail', 4) });
        expect(fail.source).toBe('blueprint');
        // Cross-file references resolve: nothing about Teller or Counter.
        expect(items.filter(d => d.code === 'BP002')).toEqual([]);
    });

    it('answers hover on a step reference with the step card', async () => {
        const hover = await connection.sendRequest(HoverRequest.type, {
            textDocument: { uri: uriOf('main.blueprint') }, position: positionOf(MAIN, 'Count -> Leave', 1)
        }) as Hover;
        const value = (hover.contents as { value: string }).value;
        expect(value).toContain('**Count the cash** (`Count`)');
        expect(value).toContain('actor: `Teller`');
    });

    it('goes to the definition in the imported file', async () => {
        const result = await connection.sendRequest(DefinitionRequest.type, {
            textDocument: { uri: uriOf('main.blueprint') }, position: positionOf(MAIN, 'by Teller', 4)
        }) as Array<Location | LocationLink>;
        expect(result).toHaveLength(1);
        const link = result[0] as LocationLink;
        expect(link.targetUri).toBe(uriOf('shared.blueprint'));
        expect(link.targetSelectionRange.start).toEqual(positionOf(SHARED, 'Teller'));
    });

    it('completes actors of the imported file after `by`', async () => {
        const result = await connection.sendRequest(CompletionRequest.type, {
            textDocument: { uri: uriOf('main.blueprint') }, position: positionOf(MAIN, 'by Teller', 3)
        }) as CompletionList | CompletionItem[];
        const items = Array.isArray(result) ? result : result.items;
        expect(items.map(item => item.label)).toContain('Teller');
        expect(items.map(item => item.label)).not.toContain('Counter');
    });

    it('formats the document', async () => {
        const edits = await connection.sendRequest(DocumentFormattingRequest.type, {
            textDocument: { uri: uriOf('main.blueprint') }, options: { tabSize: 4, insertSpaces: true }
        }) as TextEdit[];
        const formatted = TextDocument.applyEdits(TextDocument.create('x', 'blueprint', 1, MAIN), edits);
        expect(formatted).toBe(MAIN.replace('in Counter   by Teller', 'in Counter by Teller'));
    });

    it('renames an imported actor across both files', async () => {
        const edit = await connection.sendRequest(RenameRequest.type, {
            textDocument: { uri: uriOf('main.blueprint') }, position: positionOf(MAIN, 'by Teller', 4), newName: 'Clerk'
        }) as WorkspaceEdit;
        const changes = edit.changes ?? {};
        expect(Object.keys(changes).sort()).toEqual([uriOf('main.blueprint'), uriOf('shared.blueprint')].sort());
        const renamedMain = TextDocument.applyEdits(TextDocument.create('x', 'blueprint', 1, MAIN), changes[uriOf('main.blueprint')]);
        const renamedShared = TextDocument.applyEdits(TextDocument.create('x', 'blueprint', 1, SHARED), changes[uriOf('shared.blueprint')]);
        expect(renamedMain).toContain('by Clerk');
        expect(renamedShared).toContain('actor Clerk "Teller"');
    });

    it('reports a missing import instead of failing', async () => {
        const text = 'import "nowhere.blueprint"\nblueprint Lonely {\n    customer A "a" {\n        start\n        end\n    }\n}\n';
        open('lonely.blueprint', text);
        const items = await diagnosticsFor(uriOf('lonely.blueprint'), list => list.some(d => d.code === 'BP003'));
        expect(items.find(d => d.code === 'BP003')!.range.start).toEqual(positionOf(text, '"nowhere'));
    });

    it('reports random bytes and odd characters as syntax errors and keeps serving', async () => {
        let seed = 42;
        const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
        const bytes = Array.from({ length: 400 }, () => String.fromCharCode(Math.floor(random() * 256))).join('');
        const text = `${bytes}\nblueprint 😀 { customer "unterminated \u0000 }}} -> => ~~ \u202e`;
        open('noise.blueprint', text);
        const items = await diagnosticsFor(uriOf('noise.blueprint'), list => list.length > 0);
        expect(items.some(d => d.code === 'BP000')).toBe(true);
        // Still alive: a hover in the good file is answered.
        const hover = await connection.sendRequest(HoverRequest.type, {
            textDocument: { uri: uriOf('main.blueprint') }, position: positionOf(MAIN, 'Ask ->', 1)
        }) as Hover;
        expect((hover.contents as { value: string }).value).toContain('Ask for a deposit');
    });

    it('shuts down cleanly', async () => {
        await connection.sendRequest(ShutdownRequest.type);
        const exited = new Promise<number | null>(resolve => server.once('exit', code => resolve(code)));
        await connection.sendNotification(ExitNotification.type);
        expect(await exited).toBe(0);
    });
});
