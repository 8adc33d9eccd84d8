/** The language services the CLI checks with: Blueprint's core (no LSP), reading files through the guarded file system. */
import { createBlueprintCoreServices, FileProblems, type BlueprintCoreServices, type InternalErrorLog } from '@blueprint/language/core';
import { GuardedFileSystemProvider } from './files/guarded-file-system.js';

export interface CliServiceOptions {
    /**
     * A file that cannot be a blueprint (binary, too large, not UTF-8, unreadable): `'report'` (the
     * default, as `check` and the language server want) makes it one `file` error on that file and
     * lets every other file load; `'throw'` fails the load with its message (a command on one file).
     */
    readonly unreadableFiles?: 'report' | 'throw';
}

/** Parse, link, validate, build models: all that check, render, report, export and diff need (no LSP services). */
export function createCliServices(cwd: string, options: CliServiceOptions = {}): BlueprintCoreServices {
    const fileProblems = options.unreadableFiles === 'throw' ? undefined : new FileProblems();
    return createBlueprintCoreServices({ fileSystemProvider: () => new GuardedFileSystemProvider(cwd, fileProblems) },
        { batch: true, logInternalError, fileProblems }).Blueprint;
}

/** A crashed check is one diagnostic in the report; its stack trace only with `BLUEPRINT_DEBUG=1`. */
export const logInternalError: InternalErrorLog = (context, error) => {
    if (!process.env.BLUEPRINT_DEBUG) return;
    process.stderr.write(`${context}: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
};
