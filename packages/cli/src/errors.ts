/** Errors that end a command with exit code 2 and a one-line message on stderr. */
export class CliError extends Error {
    override readonly name = 'CliError';
}

/** A file that exists but cannot be used: unreadable, binary, too large, not UTF-8 (or, `missing`, one that is not there). */
export class FileError extends CliError {
    constructor(readonly path: string, readonly reason: string, readonly missing = false) {
        super(`${path}: ${reason}`);
    }
}
