/**
 * What the desktop and the web extension share once their language client exists: the diagram
 * preview and the example commands. Each entry (extension.ts, browser-extension.ts) adds what only
 * its host can do.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { BlueprintPreview } from './preview/preview-panel.js';

export function activateShared(context: vscode.ExtensionContext, client: BaseLanguageClient, started: Promise<void>): BlueprintPreview {
    const preview = new BlueprintPreview(context, client, started);
    context.subscriptions.push(
        preview,
        vscode.commands.registerCommand('blueprint.openExample', () => openExample(context, false)),
        vscode.commands.registerCommand('blueprint.openExampleWithPreview', () => openExample(context, true))
    );
    return preview;
}

/** Opens the example shipped with the extension (read-only inside the extension folder). */
async function openExample(context: vscode.ExtensionContext, withPreview: boolean): Promise<void> {
    const uri = vscode.Uri.joinPath(context.extensionUri, 'media', 'examples', 'bank-deposit.blueprint');
    await vscode.window.showTextDocument(uri, { preview: false });
    if (withPreview) {
        await vscode.commands.executeCommand('blueprint.openPreviewToSide', uri);
    }
}
