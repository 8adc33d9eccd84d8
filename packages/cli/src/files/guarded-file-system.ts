/**
 * The file system the language services read through in the CLI: Langium's Node provider, except
 * that every file read (requested, imported or a config file) passes the checks of `read-file.ts`.
 * So a binary or huge file imported from elsewhere gives the same clear message as one named on the
 * command line, rather than a parser run over garbage.
 */
import type { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import { displayPath } from './paths.js';
import { readTextFile, readTextFileSync } from './read-file.js';

export class GuardedFileSystemProvider extends NodeFileSystemProvider {
    constructor(private readonly cwd: string) {
        super();
    }

    override readFile(uri: URI): Promise<string> {
        return uri.scheme === 'file' ? readTextFile(uri.fsPath, this.shown(uri)) : super.readFile(uri);
    }

    override readFileSync(uri: URI): string {
        return uri.scheme === 'file' ? readTextFileSync(uri.fsPath, this.shown(uri)) : super.readFileSync(uri);
    }

    private shown(uri: URI): string {
        return displayPath(uri.fsPath, this.cwd);
    }
}
