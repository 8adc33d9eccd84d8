/**
 * The client's files, read on the language server's behalf. In the browser (vscode.dev, github.dev)
 * the server runs in a web worker with no file system of its own; the extension answers these
 * requests with `vscode.workspace.fs`, so imports and `blueprint.config.json` resolve in virtual
 * workspaces too. URIs are strings as `URI.toString()` gives them.
 */
import { request } from './message-types.js';

export interface FileUriParams {
    readonly uri: string;
}

export interface WorkspaceFileEntry {
    readonly uri: string;
    readonly isFile: boolean;
    readonly isDirectory: boolean;
}

/** The text of a file (UTF-8); the request fails when it cannot be read. */
export const ReadFileRequest = request<FileUriParams, string>('blueprint/workspace/readFile');

/** The entries of a folder; the request fails when it cannot be read. */
export const ReadDirectoryRequest = request<FileUriParams, WorkspaceFileEntry[]>('blueprint/workspace/readDirectory');

/** What is at a URI, or null when nothing is. */
export const StatRequest = request<FileUriParams, WorkspaceFileEntry | null>('blueprint/workspace/stat');
