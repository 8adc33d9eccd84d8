/**
 * A language client for tests: spawns the built server over stdio, answers its requests for
 * settings (with whatever the test sets), and records every diagnostics and diagram notification
 * so tests can wait for the first one that matches.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
    ConfigurationRequest, createProtocolConnection, DidChangeConfigurationNotification, ExitNotification, InitializedNotification,
    InitializeRequest, PublishDiagnosticsNotification, RegistrationRequest, ShutdownRequest, StreamMessageReader, StreamMessageWriter,
    type Diagnostic, type ProtocolConnection
} from 'vscode-languageserver-protocol/node';
import { URI } from 'langium';

export const SERVER = join(fileURLToPath(new URL('../..', import.meta.url)), 'packages/server/dist/main.js');

export interface DiagramMessage {
    readonly uri: string;
    readonly version: number;
    readonly layout?: { width: number; height: number; steps: Array<{ id: string; label: string; x: number }> };
    readonly stale: boolean;
    readonly errors: number;
    readonly message?: string;
}

export class TestClient {
    readonly connection: ProtocolConnection;
    readonly diagnostics = new Map<string, Diagnostic[][]>();
    readonly diagrams = new Map<string, DiagramMessage[]>();
    /** The `blueprint` section the server gets when it asks. */
    settings: unknown = null;
    stderr = '';
    private readonly server: ChildProcessWithoutNullStreams;
    private readonly waiters = new Set<() => void>();

    constructor(private readonly workspace: string) {
        this.server = spawn(process.execPath, [SERVER, '--stdio'], { cwd: workspace });
        this.server.stderr.on('data', chunk => { this.stderr += String(chunk); });
        this.connection = createProtocolConnection(new StreamMessageReader(this.server.stdout), new StreamMessageWriter(this.server.stdin));
        this.connection.onNotification(PublishDiagnosticsNotification.type, params => {
            this.diagnostics.set(params.uri, [...this.diagnostics.get(params.uri) ?? [], params.diagnostics]);
            this.notify();
        });
        this.connection.onNotification('blueprint/diagram', (params: DiagramMessage) => {
            this.diagrams.set(params.uri, [...this.diagrams.get(params.uri) ?? [], params]);
            this.notify();
        });
        this.connection.onRequest(RegistrationRequest.type, () => undefined);
        this.connection.onRequest(ConfigurationRequest.type, params => params.items.map(item => item.section === 'blueprint' ? this.settings : null));
        this.connection.listen();
    }

    uri(name: string): string {
        return URI.file(join(this.workspace, name)).toString();
    }

    async initialize(): Promise<void> {
        await this.connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            rootUri: URI.file(this.workspace).toString(),
            workspaceFolders: [{ uri: URI.file(this.workspace).toString(), name: 'workspace' }],
            capabilities: {
                textDocument: { hover: { contentFormat: ['markdown'] }, publishDiagnostics: {} },
                workspace: { workspaceFolders: true, configuration: true, didChangeConfiguration: { dynamicRegistration: true } }
            }
        });
        await this.connection.sendNotification(InitializedNotification.type, {});
    }

    changeSettings(settings: unknown): Promise<void> {
        this.settings = settings;
        return this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { blueprint: settings } });
    }

    /** The first recorded notification (from now or earlier) of `uri` that `accept` takes; `since` skips older ones. */
    waitFor<T>(list: () => T[] | undefined, accept: (item: T) => boolean, what: string, since = 0, timeout = 20_000): Promise<T> {
        return new Promise((resolve, reject) => {
            const check = () => {
                const found = (list() ?? []).slice(since).find(accept);
                if (found === undefined) return;
                clearTimeout(timer);
                this.waiters.delete(check);
                resolve(found);
            };
            const timer = setTimeout(() => {
                this.waiters.delete(check);
                reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(list()?.slice(since)).slice(0, 2000)}\n${this.stderr}`));
            }, timeout);
            this.waiters.add(check);
            check();
        });
    }

    diagnosticsOf(name: string, accept: (items: Diagnostic[]) => boolean, since = 0): Promise<Diagnostic[]> {
        return this.waitFor(() => this.diagnostics.get(this.uri(name)), accept, `diagnostics of ${name}`, since);
    }

    diagramOf(name: string, accept: (diagram: DiagramMessage) => boolean, since = 0): Promise<DiagramMessage> {
        return this.waitFor(() => this.diagrams.get(this.uri(name)), accept, `a diagram of ${name}`, since);
    }

    async dispose(): Promise<void> {
        try {
            await this.connection.sendRequest(ShutdownRequest.type);
            await this.connection.sendNotification(ExitNotification.type);
        } catch {
            // already gone
        }
        this.connection.dispose();
        if (this.server.exitCode === null) this.server.kill();
    }

    private notify(): void {
        for (const waiter of [...this.waiters]) waiter();
    }
}
