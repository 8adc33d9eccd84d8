/** The output guard's facts through `vscode.workspace.fs` (every file system VS Code offers, on the desktop and the web). */
import * as vscode from 'vscode';
import { outputTargetRefusal, type OutputHost } from './output-target.js';

/** Links can only be resolved where Node runs: the desktop extension sets this on activation. */
let resolveLinks: ((uri: vscode.Uri) => Promise<vscode.Uri>) | undefined;

export function setLinkResolver(resolver: (uri: vscode.Uri) => Promise<vscode.Uri>): void {
    resolveLinks = resolver;
}

const workspaceHost: OutputHost<vscode.Uri> = {
    path: uri => uri.toString(),
    shown: uri => vscode.workspace.asRelativePath(uri),
    exists: uri => Promise.resolve(vscode.workspace.fs.stat(uri)).then(() => true, () => false),
    resolve: uri => (resolveLinks ? resolveLinks(uri) : Promise.resolve(uri))
};

/** Why the extension must not write `what` to `target`, or undefined when it may. */
export function workspaceOutputRefusal(target: vscode.Uri, inputs: readonly vscode.Uri[], what: string): Promise<string | undefined> {
    return outputTargetRefusal(target, inputs, what, workspaceHost);
}
