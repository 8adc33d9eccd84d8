/**
 * Answers the language server's file requests (`blueprint/workspace/*`) with `vscode.workspace.fs`,
 * which reaches every workspace VS Code opens: a GitHub repository in github.dev, a Remote
 * Repositories folder, any virtual file system. The browser server reads all its files this way;
 * the desktop server only what is not on the local disk.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
    ReadDirectoryRequest, ReadFileRequest, StatRequest,
    type FileUriParams, type RequestDescriptor, type WorkspaceFileEntry
} from '@blueprint/protocol';

export function serveWorkspaceFiles(client: BaseLanguageClient): vscode.Disposable[] {
    const handle = <R>(request: RequestDescriptor<FileUriParams, R>, answer: (uri: vscode.Uri) => Promise<R>) =>
        client.onRequest(request.method, (params: FileUriParams) => answer(vscode.Uri.parse(params.uri)));
    return [
        handle(ReadFileRequest, async uri => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))),
        handle(ReadDirectoryRequest, async uri => (await vscode.workspace.fs.readDirectory(uri))
            .map(([name, type]) => entry(vscode.Uri.joinPath(uri, name), type))),
        handle(StatRequest, async uri => {
            try {
                return entry(uri, (await vscode.workspace.fs.stat(uri)).type);
            } catch {
                return null;
            }
        })
    ];
}

function entry(uri: vscode.Uri, type: vscode.FileType): WorkspaceFileEntry {
    return {
        uri: uri.toString(),
        isFile: (type & vscode.FileType.File) !== 0,
        isDirectory: (type & vscode.FileType.Directory) !== 0
    };
}
