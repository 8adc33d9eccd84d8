/**
 * Reading a blueprint file safely: refuses what cannot be a blueprint (binary data, text that is not
 * UTF-8, files far larger than any hand-written blueprint) with a message instead of feeding the parser.
 */
import { readFileSync, statSync, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { FileError } from '../errors.js';
import { reasonOf } from './paths.js';

// The language server applies the same limit (`@blueprint/language`), set by `--max-file-size` or BLUEPRINT_MAX_FILE_SIZE.
import { tooLargeReason } from '@blueprint/language/core';

/** How far to look for a NUL byte, the sign of a binary file (as Git does). */
const BINARY_SNIFF_BYTES = 8000;

/** `keepByteOrderMark`: the text starts with U+FEFF when the file does (`fmt` writes it back; everything else reads past it). */
export async function readTextFile(file: string, shownAs = file, options: { keepByteOrderMark?: boolean } = {}): Promise<string> {
    try {
        checkFile(await stat(file), shownAs);
        return decode(await readFile(file), shownAs, options.keepByteOrderMark === true);
    } catch (error) {
        throw asFileError(error, shownAs);
    }
}

export function readTextFileSync(file: string, shownAs = file): string {
    try {
        checkFile(statSync(file), shownAs);
        return decode(readFileSync(file), shownAs);
    } catch (error) {
        throw asFileError(error, shownAs);
    }
}

/** Before reading: a pipe or device would block or never end, a huge file would stall the parser. */
function checkFile(stats: Stats, shownAs: string): void {
    if (stats.isDirectory()) throw new FileError(shownAs, 'is a folder, not a file');
    if (!stats.isFile()) throw new FileError(shownAs, 'not a regular file');
    const tooLarge = tooLargeReason(stats.size);
    if (tooLarge) throw new FileError(shownAs, tooLarge);
}

function decode(bytes: Uint8Array, shownAs: string, keepByteOrderMark = false): string {
    if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
        throw new FileError(shownAs, 'looks like a binary file (it contains NUL bytes), not blueprint text');
    }
    try {
        return new TextDecoder('utf-8', { fatal: true, ignoreBOM: keepByteOrderMark }).decode(bytes);
    } catch {
        throw new FileError(shownAs, 'is not UTF-8 text');
    }
}

function asFileError(error: unknown, shownAs: string): Error {
    if (error instanceof FileError) return error;
    const errno = error as NodeJS.ErrnoException;
    // Not there at all (or a dangling link): a wrong path, not a bad file.
    if (errno.code === 'ENOENT' || errno.code === 'ENOTDIR') return new FileError(shownAs, `cannot read: ${reasonOf(errno)}`, true);
    return new FileError(shownAs, `cannot read: ${errno.code ? reasonOf(errno) : String(errno.message ?? error)}`);
}
