/** The language services the CLI works with: Blueprint's, reading files through the guarded file system. */
import { createBlueprintServices, type BlueprintServices, type InternalErrorLog } from '@blueprint/language';
import { GuardedFileSystemProvider } from './files/guarded-file-system.js';

export function createCliServices(cwd: string): BlueprintServices {
    return createBlueprintServices({ fileSystemProvider: () => new GuardedFileSystemProvider(cwd) }, { batch: true, logInternalError }).Blueprint;
}

/** A crashed check is one diagnostic in the report; its stack trace only with `BLUEPRINT_DEBUG=1`. */
export const logInternalError: InternalErrorLog = (context, error) => {
    if (!process.env.BLUEPRINT_DEBUG) return;
    process.stderr.write(`${context}: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
};
