/**
 * The language server's file system: Langium's Node provider, except that a workspace file which
 * cannot be a blueprint (unreadable, over the CLI's size limit, binary, not UTF-8) reads as empty
 * text and is recorded in `FileProblems`, which validation reports on that file. So one bad file
 * never stops the workspace from loading, and a huge one is never parsed. A file that vanished still
 * fails to read: the workspace manager skips it.
 */
import { stat, readFile } from 'node:fs/promises';
import { decodeBlueprintBytes, tooLargeReason, type FileProblems } from '@blueprint/language';
import type { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';

export class WorkspaceFileSystemProvider extends NodeFileSystemProvider {
    /**
     * `problems` is a function because the provider is created before the language services;
     * `warn` logs each problem (files nobody opened are not validated, so the log is where it shows).
     */
    constructor(private readonly problems: () => FileProblems, private readonly warn: (message: string) => void) {
        super();
    }

    override async readFile(uri: URI): Promise<string> {
        if (uri.scheme !== 'file') return super.readFile(uri);
        const problem = await this.readProblem(uri);
        if (typeof problem !== 'string') {
            this.problems().clear(uri);
            return problem.text;
        }
        this.problems().record(uri, problem);
        this.warn(`Blueprint: ${uri.fsPath}: ${problem}; the file is left out.`);
        return '';
    }

    /** The text, or why the file cannot be one; throws only when the file is gone. */
    private async readProblem(uri: URI): Promise<{ text: string } | string> {
        try {
            const stats = await stat(uri.fsPath);
            if (!stats.isFile()) return 'not a regular file';
            const large = tooLargeReason(stats.size);
            if (large) return large;
            const decoded = decodeBlueprintBytes(await readFile(uri.fsPath));
            return 'text' in decoded ? decoded : decoded.problem;
        } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            if (code === 'ENOENT' || code === 'ENOTDIR') throw error;
            return code === 'EACCES' || code === 'EPERM' ? 'cannot read: permission denied' : `cannot read: ${(error as Error).message}`;
        }
    }
}
