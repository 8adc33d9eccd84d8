/**
 * Reading a file at a git revision inside VS Code: through the built-in Git extension's API
 * (`vscode.git`, which knows the repositories VS Code has opened), and only in a trusted
 * workspace: git runs hooks and config of the repository (core.fsmonitor, filters), which an
 * untrusted folder must not get to run. Falls back to the git CLI when the Git extension is off.
 */
import * as vscode from 'vscode';
import { gitShow, type GitShowResult } from './git-show.js';

/** The part of the `vscode.git` API (version 1) used here. */
interface GitApi {
    getRepository(uri: vscode.Uri): { readonly rootUri: vscode.Uri; show(ref: string, path: string): Promise<string> } | null;
}

async function gitApi(): Promise<GitApi | undefined> {
    const extension = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi; enabled?: boolean }>('vscode.git');
    if (!extension) return undefined;
    const exports = extension.isActive ? extension.exports : await extension.activate();
    return exports.enabled === false ? undefined : exports.getAPI(1);
}

export async function textAtRevision(uri: vscode.Uri, revision: string): Promise<GitShowResult> {
    if (!vscode.workspace.isTrusted) {
        return { error: 'comparing with git runs git in this folder; trust the workspace first (Workspaces: Manage Workspace Trust).' };
    }
    if (!revision.trim() || revision.startsWith('-')) return { error: `'${revision}' is not a git revision.` };
    const api = await gitApi().catch(() => undefined);
    const repository = api?.getRepository(uri);
    if (!api || !repository) return gitShow(uri.fsPath, revision);
    try {
        return { text: await repository.show(revision, uri.fsPath) };
    } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return { error: /exists on disk, but not in|does not exist|path .* does not exist/i.test(message)
            ? `${vscode.workspace.asRelativePath(uri)} does not exist at ${revision}.`
            : `git could not show ${revision}: ${message.split('\n')[0]}` };
    }
}
