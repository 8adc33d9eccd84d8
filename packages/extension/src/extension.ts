/**
 * Entry point of the Blueprint VS Code extension on the desktop: starts the bundled Node language
 * server and registers the preview, the examples and the comparison with git.
 */
import { realpath } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { activateShared } from './activation.js';
import { registerLanguageModelTools } from './assistant/language-model-tools.js';
import { createLanguageClient } from './language-client.js';
import { registerCompareCommands } from './compare/compare-commands.js';
import { serveWorkspaceFiles } from './workspace-files.js';
import { setLinkResolver } from './output-target-vscode.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    client = createLanguageClient(context);
    // The output guard sees through symbolic links where Node can resolve them.
    setLinkResolver(async uri => uri.scheme === 'file' ? vscode.Uri.file(await realpath(uri.fsPath)) : uri);
    context.subscriptions.push(...serveWorkspaceFiles(client));
    const started = client.start();
    const preview = activateShared(context, client, started);
    context.subscriptions.push(...registerCompareCommands(client, started, preview));
    context.subscriptions.push(...registerLanguageModelTools(client, started, { rasterize: svg => rasterize(context, svg) }));
    await started;
}

/** PNG by the export bundle (resvg's WebAssembly build), loaded on the first PNG asked for. */
function rasterize(context: vscode.ExtensionContext, svg: string): Promise<Uint8Array> {
    const dist = vscode.Uri.joinPath(context.extensionUri, 'dist').fsPath;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bundle = require(`${dist}/export.cjs`) as typeof import('./preview/export-bundle.js');
    return bundle.rasterizeSvg(svg, dist);
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
