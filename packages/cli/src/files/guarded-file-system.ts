/**
 * The file system the language services read through in the CLI: Langium's Node provider, except
 * that every file read (requested, imported or a config file) passes the checks of `read-file.ts`.
 * So a binary or huge file imported from elsewhere gives the same clear message as one named on the
 * command line, rather than a parser run over garbage.
 */
import type { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import { displayPath } from './paths.js';
import { readTextFileSync } from './read-file.js';

export class GuardedFileSystemProvider extends NodeFileSystemProvider {
    constructor(private readonly cwd: string) {
        super();
    }

    /**
     * Synchronous underneath: the CLI reads one small file after another, and Node's asynchronous
     * read takes a thread-pool round trip for each of open, stat, read and close, several times the
     * CPU of the read itself (3-4 % of a 1,000-file check). Errors still arrive as a rejection.
     */
    override async readFile(uri: URI): Promise<string> {
        return uri.scheme === 'file' ? readTextFileSync(uri.fsPath, this.shown(uri)) : super.readFile(uri);
    }

    override readFileSync(uri: URI): string {
        return uri.scheme === 'file' ? readTextFileSync(uri.fsPath, this.shown(uri)) : super.readFileSync(uri);
    }

    private shown(uri: URI): string {
        return displayPath(uri.fsPath, this.cwd);
    }
}
