/**
 * Saving a file from the extension without ever losing the one it replaces: the content goes to a
 * temporary file beside the target, which then replaces it by a rename; on any failure the target
 * is untouched and the temporary file removed. Written against the few calls of
 * `vscode.workspace.fs` it needs, so that it works for every file system VS Code offers (local,
 * remote, virtual) and can be tested without VS Code.
 */

export interface SaveFileSystem<U> {
    writeFile(uri: U, content: Uint8Array): PromiseLike<void>;
    rename(source: U, target: U, options: { overwrite: boolean }): PromiseLike<void>;
    delete(uri: U, options?: { recursive?: boolean; useTrash?: boolean }): PromiseLike<void>;
}

/** `temporary` must be in the target's folder (a rename across folders may be a copy). */
export async function saveAtomically<U>(fs: SaveFileSystem<U>, target: U, temporary: U, content: Uint8Array): Promise<void> {
    try {
        await fs.writeFile(temporary, content);
        await fs.rename(temporary, target, { overwrite: true });
    } catch (error) {
        await Promise.resolve(fs.delete(temporary, { useTrash: false })).catch(() => undefined);
        throw error;
    }
}

/** A hidden, unique name beside `fileName` for the temporary copy. */
export function temporaryName(fileName: string, unique: string): string {
    return `.${fileName}.${unique}.tmp`;
}
