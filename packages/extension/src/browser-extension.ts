/**
 * Entry point of the Blueprint extension in VS Code for the web (vscode.dev, github.dev): the
 * language server runs in a web worker (`dist/server-web.js`) and reads files through the editor;
 * the preview is the desktop's. Comparing with git needs a git executable, which the browser has
 * not: those commands say so instead of failing.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateShared } from './activation.js';
import { registerLanguageModelTools } from './assistant/language-model-tools.js';
import { clientOptions } from './client-options.js';
import { serveWorkspaceFiles } from './workspace-files.js';

// The web worker extension host has the DOM's Worker; this package type-checks without the DOM lib.
declare const Worker: new (scriptUrl: string) => object;

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    client = new LanguageClient('blueprint', 'Blueprint Language Server', await startServerWorker(context), clientOptions());
    context.subscriptions.push(...serveWorkspaceFiles(client));
    const started = client.start();
    activateShared(context, client, started);
    // No PNG here: the web worker extension host loads no rasteriser (render draws SVG).
    context.subscriptions.push(...registerLanguageModelTools(client, started));
    for (const command of ['blueprint.compareWithHead', 'blueprint.compareWithRevision']) {
        context.subscriptions.push(vscode.commands.registerCommand(command, () => vscode.window.showInformationMessage(
            'Comparing with a git revision needs the desktop VS Code: VS Code for the web cannot run git.')));
    }
    await started;
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}

/**
 * The server's worker. An extension served by a remote host (code-server) may not start a worker
 * from its own URL ("Creating workers from remote extensions is currently not supported"), so then
 * the same script starts from a blob URL; it is one self-contained classic script for that reason.
 */
async function startServerWorker(context: vscode.ExtensionContext): Promise<object> {
    const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server-web.js');
    try {
        return new Worker(script.toString(true));
    } catch {
        const code = await vscode.workspace.fs.readFile(script);
        return new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
    }
}
