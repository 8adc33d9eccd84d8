/** The language services the CLI checks with: Blueprint's core (no LSP), reading files through the guarded file system. */
import { createBlueprintCoreServices, type BlueprintCoreServices, type InternalErrorLog } from '@blueprint/language/core';
import { GuardedFileSystemProvider } from './files/guarded-file-system.js';

/** Parse, link, validate, build models: all that check, render, report, export and diff need (no LSP services). */
export function createCliServices(cwd: string): BlueprintCoreServices {
    return createBlueprintCoreServices({ fileSystemProvider: () => new GuardedFileSystemProvider(cwd) }, { batch: true, logInternalError }).Blueprint;
}

/** A crashed check is one diagnostic in the report; its stack trace only with `BLUEPRINT_DEBUG=1`. */
export const logInternalError: InternalErrorLog = (context, error) => {
    if (!process.env.BLUEPRINT_DEBUG) return;
    process.stderr.write(`${context}: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
};
