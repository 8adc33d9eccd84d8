/**
 * Starts the bundled Blueprint language server (`dist/server.cjs`) over Node IPC and connects the
 * language client to it.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { clientOptions } from './client-options.js';

export { LANGUAGE_ID } from './client-options.js';

export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
    const serverModule = context.asAbsolutePath('dist/server.cjs');
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    // The client reads `blueprint.trace.server` itself (the id is the settings prefix).
    return new LanguageClient('blueprint', 'Blueprint Language Server', serverOptions, clientOptions(['file', 'untitled']));
}
