/**
 * One file system per URI scheme: the desktop server reads `file:` URIs from the disk itself and
 * everything else (a virtual workspace: Remote Repositories, a custom file system) through the editor.
 */
import type { FileSystemNode, FileSystemProvider, URI } from 'langium';

export class SchemeFileSystemProvider implements FileSystemProvider {
    constructor(private readonly local: FileSystemProvider, private readonly remote: FileSystemProvider, private readonly localScheme = 'file') {}

    private for(uri: URI): FileSystemProvider {
        return uri.scheme === this.localScheme ? this.local : this.remote;
    }

    stat(uri: URI): Promise<FileSystemNode> { return this.for(uri).stat(uri); }
    statSync(uri: URI): FileSystemNode { return this.for(uri).statSync(uri); }
    exists(uri: URI): Promise<boolean> { return this.for(uri).exists(uri); }
    existsSync(uri: URI): boolean { return this.for(uri).existsSync(uri); }
    readBinary(uri: URI): Promise<Uint8Array> { return this.for(uri).readBinary(uri); }
    readBinarySync(uri: URI): Uint8Array { return this.for(uri).readBinarySync(uri); }
    readFile(uri: URI): Promise<string> { return this.for(uri).readFile(uri); }
    readFileSync(uri: URI): string { return this.for(uri).readFileSync(uri); }
    readDirectory(uri: URI): Promise<FileSystemNode[]> { return this.for(uri).readDirectory(uri); }
    readDirectorySync(uri: URI): FileSystemNode[] { return this.for(uri).readDirectorySync(uri); }
}
