/**
 * What the desktop and the web extension share once their language client exists: the diagram
 * preview, the example commands and the server's restart and output commands. Each entry (extension.ts, browser-extension.ts) adds what only
 * its host can do.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { BlueprintPreview } from './preview/preview-panel.js';

export function activateShared(context: vscode.ExtensionContext, client: BaseLanguageClient, started: Promise<void>): BlueprintPreview {
    const preview = new BlueprintPreview(context, client, started);
    context.subscriptions.push(
        preview,
        vscode.commands.registerCommand('blueprint.restartServer', () => restartClient(client)),
        vscode.commands.registerCommand('blueprint.showOutput', () => client.outputChannel.show(true)),
        vscode.commands.registerCommand('blueprint.openExample', () => openExample(context, false)),
        vscode.commands.registerCommand('blueprint.openExampleWithPreview', () => openExample(context, true))
    );
    return preview;
}

/** The browser's LanguageClient has no `restart()` (only the Node one has), so both restart this way. */
async function restartClient(client: BaseLanguageClient): Promise<void> {
    if (client.isRunning()) await client.stop();
    await client.start();
}

/** Opens the example shipped with the extension (read-only inside the extension folder). */
async function openExample(context: vscode.ExtensionContext, withPreview: boolean): Promise<void> {
    const uri = vscode.Uri.joinPath(context.extensionUri, 'media', 'examples', 'bank-deposit.blueprint');
    await vscode.window.showTextDocument(uri, { preview: false });
    if (withPreview) {
        await vscode.commands.executeCommand('blueprint.openPreviewToSide', uri);
    }
}
