/**
 * A read-only file system over one git revision: `blueprint diff REV:path` loads the old version of
 * a file, and the files it imports, as they were at that revision.
 */
import * as path from 'node:path';
import type { FileSystemNode, FileSystemProvider, URI } from 'langium';
import { showFile } from './git.js';

export class GitRevisionFileSystem implements FileSystemProvider {
    private readonly cache = new Map<string, Promise<string | undefined>>();

    constructor(private readonly root: string, private readonly rev: string) {}

    private relative(uri: URI): string {
        return path.relative(this.root, uri.fsPath).split(path.sep).join('/');
    }

    private content(uri: URI): Promise<string | undefined> {
        const key = this.relative(uri);
        let entry = this.cache.get(key);
        if (!entry) {
            entry = key.startsWith('..') ? Promise.resolve(undefined) : showFile(this.root, this.rev, key);
            this.cache.set(key, entry);
        }
        return entry;
    }

    /** Content fetched ahead of time, for the synchronous methods Langium may call. */
    private readonly loaded = new Map<string, string>();

    async preload(uri: URI): Promise<boolean> {
        const text = await this.content(uri);
        if (text !== undefined) this.loaded.set(this.relative(uri), text);
        return text !== undefined;
    }

    async exists(uri: URI): Promise<boolean> {
        return (await this.content(uri)) !== undefined;
    }

    existsSync(uri: URI): boolean {
        return this.loaded.has(this.relative(uri));
    }

    async readFile(uri: URI): Promise<string> {
        const text = await this.content(uri);
        if (text === undefined) throw new Error(`${this.relative(uri)} does not exist at ${this.rev}`);
        this.loaded.set(this.relative(uri), text);
        return text;
    }

    readFileSync(uri: URI): string {
        const text = this.loaded.get(this.relative(uri));
        if (text === undefined) throw new Error(`${this.relative(uri)} was not loaded from ${this.rev}`);
        return text;
    }

    async stat(uri: URI): Promise<FileSystemNode> {
        const exists = await this.exists(uri);
        return { uri, isFile: exists, isDirectory: false };
    }

    statSync(uri: URI): FileSystemNode {
        return { uri, isFile: this.existsSync(uri), isDirectory: false };
    }

    async readBinary(uri: URI): Promise<Uint8Array> {
        return new TextEncoder().encode(await this.readFile(uri));
    }

    readBinarySync(uri: URI): Uint8Array {
        return new TextEncoder().encode(this.readFileSync(uri));
    }

    async readDirectory(): Promise<FileSystemNode[]> {
        return [];
    }

    readDirectorySync(): FileSystemNode[] {
        return [];
    }
}
