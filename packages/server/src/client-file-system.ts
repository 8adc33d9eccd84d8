/**
 * A Langium file system whose files live in the editor: each read is a request to the client
 * (`blueprint/workspace/*`), which answers with `vscode.workspace.fs`. The browser server uses it,
 * so imports resolve in vscode.dev and github.dev, virtual workspaces included.
 *
 * Langium also has synchronous reads (the rule configuration looks up `blueprint.config.json` with
 * them). A request cannot be answered synchronously, so they are served from what the asynchronous
 * calls have seen: the entries of every folder listed (the workspace scan lists them all) and the
 * text of every configuration file found there, fetched as soon as it is listed.
 */
import { URI, type FileSystemNode, type FileSystemProvider } from 'langium';
import { ReadDirectoryRequest, ReadFileRequest, StatRequest, type RequestDescriptor, type WorkspaceFileEntry } from '@blueprint/protocol';

/** The part of an LSP connection this needs (a fake in tests). */
export interface RequestSender {
    sendRequest(method: string, params: unknown): Promise<unknown>;
}

/** Files whose text synchronous readers need. */
const PREFETCHED = new Set(['blueprint.config.json']);

export class ClientFileSystemProvider implements FileSystemProvider {
    private readonly entries = new Map<string, WorkspaceFileEntry>();
    private readonly texts = new Map<string, string>();

    constructor(private readonly client: RequestSender) {}

    async stat(uri: URI): Promise<FileSystemNode> {
        const entry = await this.send(StatRequest, { uri: uri.toString() });
        if (!entry) throw new Error(`No file or folder at ${uri.toString()}`);
        this.remember(entry);
        return toNode(entry);
    }

    statSync(uri: URI): FileSystemNode {
        const entry = this.entries.get(uri.toString());
        if (!entry) throw new Error(`Not known without a request: ${uri.toString()}`);
        return toNode(entry);
    }

    async exists(uri: URI): Promise<boolean> {
        const entry = await this.send(StatRequest, { uri: uri.toString() });
        if (entry) this.remember(entry);
        return entry !== null;
    }

    existsSync(uri: URI): boolean {
        return this.entries.has(uri.toString());
    }

    async readBinary(uri: URI): Promise<Uint8Array> {
        return new TextEncoder().encode(await this.readFile(uri));
    }

    readBinarySync(uri: URI): Uint8Array {
        return new TextEncoder().encode(this.readFileSync(uri));
    }

    async readFile(uri: URI): Promise<string> {
        const text = await this.send(ReadFileRequest, { uri: uri.toString() });
        if (this.texts.has(uri.toString())) this.texts.set(uri.toString(), text);
        return text;
    }

    readFileSync(uri: URI): string {
        const text = this.texts.get(uri.toString());
        if (text === undefined) throw new Error(`Not readable without a request: ${uri.toString()}`);
        return text;
    }

    async readDirectory(uri: URI): Promise<FileSystemNode[]> {
        const listed = await this.send(ReadDirectoryRequest, { uri: uri.toString() });
        await Promise.all(listed.map(async entry => {
            this.remember(entry);
            if (entry.isFile && PREFETCHED.has(URI.parse(entry.uri).path.split('/').pop() ?? '')) {
                try {
                    this.texts.set(entry.uri, await this.send(ReadFileRequest, { uri: entry.uri }));
                } catch {
                    // Unreadable: the synchronous reader reports it as it would any unreadable file.
                }
            }
        }));
        return listed.map(toNode);
    }

    readDirectorySync(uri: URI): FileSystemNode[] {
        const prefix = uri.toString().replace(/\/?$/, '/');
        return [...this.entries.values()]
            .filter(entry => entry.uri.startsWith(prefix) && !entry.uri.slice(prefix.length).includes('/'))
            .map(toNode);
    }

    private remember(entry: WorkspaceFileEntry): void {
        this.entries.set(entry.uri, entry);
    }

    private send<P, R>(request: RequestDescriptor<P, R>, params: P): Promise<R> {
        return this.client.sendRequest(request.method, params) as Promise<R>;
    }
}

function toNode(entry: WorkspaceFileEntry): FileSystemNode {
    return { uri: URI.parse(entry.uri), isFile: entry.isFile, isDirectory: entry.isDirectory };
}
