/**
 * Writing a file so that it is never lost: the content goes to a temporary file in the same folder,
 * is flushed to disk, and replaces the target by a rename, which is atomic on every local file
 * system. Killed, out of space or refused halfway, the target still holds its old content and the
 * temporary file is gone (a SIGKILL can leave one behind: a dot-file that no command reads).
 * The target keeps its permission bits (and, when we may, its owner); a symbolic link stays a link
 * and its target is written.
 */
import { constants, type Stats } from 'node:fs';
import { lstat, mkdir, open, realpath, rename, stat, unlink, writeFile, type FileHandle } from 'node:fs/promises';
import * as path from 'node:path';

export interface AtomicWriteOptions {
    /** Create missing parent folders first (as `-o out/report.md` does). */
    readonly createFolders?: boolean;
}

export async function writeFileAtomic(target: string, content: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
    const file = await resolveLink(target);
    const folder = path.dirname(file);
    if (options.createFolders) await mkdir(folder, { recursive: true });
    const existing = await stat(file).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
    });
    if (existing?.isDirectory()) throw Object.assign(new Error(`EISDIR: is a folder: ${file}`), { code: 'EISDIR' });
    // A device or a pipe (`-o /dev/stdout`) cannot be replaced, only written to.
    if (existing && !existing.isFile()) {
        await writeFile(file, content);
        return;
    }

    // Web Crypto, loaded when first used: importing node:crypto cost every command 7 ms of start-up.
    const suffix = Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(4))).toString('hex');
    const temporary = path.join(folder, `.${path.basename(file)}.${process.pid}.${suffix}.tmp`);
    // `wx`: never follow or reuse something already there; 0o666 lets the umask decide for new files.
    const handle = await open(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666);
    try {
        try {
            await handle.writeFile(content, typeof content === 'string' ? 'utf8' : undefined);
            if (existing) await keepOwnerAndMode(handle, existing);
            await handle.sync();
        } finally {
            await handle.close();
        }
        await rename(temporary, file);
    } catch (error) {
        await unlink(temporary).catch(() => undefined);
        throw error;
    }
    await syncFolder(folder);
}

/** The file a path names after following symbolic links, or the path itself when nothing is there yet. */
async function resolveLink(target: string): Promise<string> {
    const entry = await lstat(target).catch(() => undefined);
    if (!entry?.isSymbolicLink()) return target;
    return realpath(target).catch(() => target);
}

async function keepOwnerAndMode(handle: FileHandle, existing: Stats): Promise<void> {
    await handle.chmod(existing.mode & 0o7777);
    if (process.getuid && (existing.uid !== process.getuid() || existing.gid !== process.getgid?.())) {
        // Only root may give a file away; for anyone else the new file is theirs, as with any editor.
        await handle.chown(existing.uid, existing.gid).catch(() => undefined);
    }
}

/** The rename itself is durable only once the folder's entry is on disk (not possible on every platform). */
async function syncFolder(folder: string): Promise<void> {
    const handle = await open(folder, constants.O_RDONLY).catch(() => undefined);
    if (!handle) return;
    await handle.sync().catch(() => undefined);
    await handle.close().catch(() => undefined);
}
