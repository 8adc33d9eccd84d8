/** How the CLI names files and file system errors to people. */
import * as path from 'node:path';

/** Paths as the CLI shows them: relative to the working directory, with `/` separators. */
export function displayPath(file: string, cwd: string): string {
    const relative = path.relative(cwd, file) || '.';
    return relative.split(path.sep).join('/');
}

/** A short reason for a file system error, without Node's errno prefix. */
export function reasonOf(error: NodeJS.ErrnoException): string {
    switch (error.code) {
        case 'ENOENT': return 'no such file or folder';
        case 'EACCES':
        case 'EPERM': return 'permission denied';
        case 'EISDIR': return 'is a folder, not a file';
        case 'ENOTDIR': return 'a part of the path is not a folder';
        case 'ELOOP': return 'too many symbolic links';
        // `mkdir -p` through a file: EEXIST on Linux, ENOTDIR elsewhere.
        case 'EEXIST': return 'a part of the path is a file, not a folder';
        case 'ENOSPC': return 'no space left on the device';
        case 'EDQUOT': return 'disk quota exceeded';
        case 'EROFS': return 'read-only file system';
        case 'EIO': return 'input/output error';
        case 'EPIPE': return 'the reader closed the pipe';
        default: return error.message;
    }
}
