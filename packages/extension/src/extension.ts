/**
 * Entry point of the Blueprint VS Code extension on the desktop: starts the bundled Node language
 * server and registers the preview, the examples and the comparison with git.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { activateShared } from './activation.js';
import { createLanguageClient } from './language-client.js';
import { registerCompareCommands } from './compare/compare-commands.js';
import { serveWorkspaceFiles } from './workspace-files.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    client = createLanguageClient(context);
    context.subscriptions.push(...serveWorkspaceFiles(client));
    const started = client.start();
    const preview = activateShared(context, client, started);
    context.subscriptions.push(...registerCompareCommands(client, started, preview));
    await started;
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
