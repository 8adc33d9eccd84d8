/**
 * The language services with the LSP features whose edits the CLI applies: the formatter (`fmt`,
 * `import`) and the quick fixes (`check --fix`). Loaded when one of those runs, not before: the
 * other commands (a `check` above all) never load `langium/lsp` and vscode-languageserver.
 */
import type { BlueprintServices } from '@blueprint/language';
import { GuardedFileSystemProvider } from './files/guarded-file-system.js';
import { logInternalError } from './services.js';

export async function createCliEditingServices(cwd: string): Promise<BlueprintServices> {
    const { createBlueprintServices, FileProblems } = await import('@blueprint/language');
    // As in `check`: a file that cannot be a blueprint is one error on it (no fixes), not the end of the run.
    const fileProblems = new FileProblems();
    return createBlueprintServices({ fileSystemProvider: () => new GuardedFileSystemProvider(cwd, fileProblems) },
        { batch: true, logInternalError, fileProblems }).Blueprint;
}
