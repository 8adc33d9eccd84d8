/**
 * The file system the language services read through in the CLI: Langium's Node provider, except
 * that every file read (requested, imported or a config file) passes the checks of `read-file.ts`.
 * So a binary or huge file is never parsed. With a `FileProblems` record (as `check` reads), such a
 * file reads as empty text and its problem is recorded, which validation reports on that file as the
 * language server does (code `file`): one bad file among many never stops the others. Without one,
 * the read fails with the same clear message as for a file named on the command line.
 * A file that is not there still fails to read either way.
 */
import type { FileProblems } from '@blueprint/language/core';
import type { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import { FileError } from '../errors.js';
import { displayPath } from './paths.js';
import { readTextFileSync } from './read-file.js';

export class GuardedFileSystemProvider extends NodeFileSystemProvider {
    constructor(private readonly cwd: string, private readonly problems?: FileProblems) {
        super();
    }

    /**
     * Synchronous underneath: the CLI reads one small file after another, and Node's asynchronous
     * read takes a thread-pool round trip for each of open, stat, read and close, several times the
     * CPU of the read itself (3-4 % of a 1,000-file check). Errors still arrive as a rejection.
     */
    override async readFile(uri: URI): Promise<string> {
        return uri.scheme === 'file' ? this.readFileSync(uri) : super.readFile(uri);
    }

    override readFileSync(uri: URI): string {
        if (uri.scheme !== 'file') return super.readFileSync(uri);
        if (!this.problems) return readTextFileSync(uri.fsPath, this.shown(uri));
        try {
            const text = readTextFileSync(uri.fsPath, this.shown(uri));
            this.problems.clear(uri);
            return text;
        } catch (error) {
            if (!(error instanceof FileError) || error.missing) throw error;
            this.problems.record(uri, error.reason);
            return '';
        }
    }

    private shown(uri: URI): string {
        return displayPath(uri.fsPath, this.cwd);
    }
}
