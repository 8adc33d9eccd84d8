/** The language services the CLI works with: Blueprint's, reading files through the guarded file system. */
import { createBlueprintServices, type BlueprintServices } from '@blueprint/language';
import { GuardedFileSystemProvider } from './files/guarded-file-system.js';

export function createCliServices(cwd: string): BlueprintServices {
    return createBlueprintServices({ fileSystemProvider: () => new GuardedFileSystemProvider(cwd) }, { batch: true }).Blueprint;
}
