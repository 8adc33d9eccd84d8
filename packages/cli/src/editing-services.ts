/**
 * The language services with the LSP features whose edits the CLI applies: the formatter (`fmt`,
 * `import`) and the quick fixes (`check --fix`). Loaded when one of those runs, not before: the
 * other commands (a `check` above all) never load `langium/lsp` and vscode-languageserver.
 */
import type { BlueprintServices } from '@blueprint/language';
import { GuardedFileSystemProvider } from './files/guarded-file-system.js';
import { logInternalError } from './services.js';

export async function createCliEditingServices(cwd: string): Promise<BlueprintServices> {
    const { createBlueprintServices } = await import('@blueprint/language');
    return createBlueprintServices({ fileSystemProvider: () => new GuardedFileSystemProvider(cwd) }, { batch: true, logInternalError }).Blueprint;
}
