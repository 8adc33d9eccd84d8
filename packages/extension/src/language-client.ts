/**
 * Starts the bundled Blueprint language server (`dist/server.cjs`) over Node IPC and connects the
 * language client to it. The server reads the `blueprint` settings section (rule severities, layout
 * spacing) through `workspace/configuration`; `synchronize` also tells it when they change.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export const LANGUAGE_ID = 'blueprint';

export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
    const serverModule = context.asAbsolutePath('dist/server.cjs');
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ scheme: 'file', language: LANGUAGE_ID }, { scheme: 'untitled', language: LANGUAGE_ID }],
        synchronize: {
            configurationSection: 'blueprint',
            // Imported files change on disk without being open in an editor.
            fileEvents: [vscode.workspace.createFileSystemWatcher('**/*.blueprint'), vscode.workspace.createFileSystemWatcher('**/blueprint.config.json')]
        },
        outputChannelName: 'Blueprint Language Server'
    };
    // The client reads `blueprint.trace.server` itself (the id is the settings prefix).
    return new LanguageClient('blueprint', 'Blueprint Language Server', serverOptions, clientOptions);
}
