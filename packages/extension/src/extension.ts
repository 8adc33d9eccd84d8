/**
 * Entry point of the Blueprint VS Code extension: starts the language server client and registers
 * the diagram preview, the comparison with git and the walkthrough's commands.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './language-client.js';
import { registerCompareCommands } from './compare/compare-commands.js';
import { BlueprintPreview } from './preview/preview-panel.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    client = createLanguageClient(context);
    const started = client.start();
    const preview = new BlueprintPreview(context, client, started);
    context.subscriptions.push(
        preview,
        ...registerCompareCommands(client, started, preview),
        vscode.commands.registerCommand('blueprint.restartServer', () => client?.restart()),
        vscode.commands.registerCommand('blueprint.showOutput', () => client?.outputChannel.show(true)),
        vscode.commands.registerCommand('blueprint.openExample', () => openExample(context, false)),
        vscode.commands.registerCommand('blueprint.openExampleWithPreview', () => openExample(context, true))
    );
    await started;
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}

/** Opens the example shipped with the extension (read-only inside the extension folder). */
async function openExample(context: vscode.ExtensionContext, withPreview: boolean): Promise<void> {
    const uri = vscode.Uri.joinPath(context.extensionUri, 'media', 'examples', 'bank-deposit.blueprint');
    await vscode.window.showTextDocument(uri, { preview: false });
    if (withPreview) {
        await vscode.commands.executeCommand('blueprint.openPreviewToSide', uri);
    }
}
