/**
 * What the CLI and the language server accept as a blueprint file, in one place: the same size
 * limit and the same refusal of binary data and text that is not UTF-8, with the same reasons.
 */

/** Real blueprints are a few kilobytes; 16 MiB leaves room for a generated one of 100,000 steps (about 12 MiB). */
export const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024;

/** The environment variable that sets the limit for a whole process (the CLI and the language server), in MiB. */
export const MAX_FILE_SIZE_VARIABLE = 'BLUEPRINT_MAX_FILE_SIZE';

/** How far to look for a NUL byte, the sign of a binary file (as Git does). */
const BINARY_SNIFF_BYTES = 8000;

/** Process-wide, like the environment it comes from: every reader of files (CLI, server, workers) asks here. */
let limit = limitFromEnvironment() ?? DEFAULT_MAX_FILE_BYTES;

/** The largest blueprint file accepted, in bytes. */
export function maxFileBytes(): number {
    return limit;
}

/** Sets the limit for this thread (`--max-file-size`); `undefined` restores the environment's or the default. */
export function setMaxFileBytes(bytes: number | undefined): void {
    if (bytes !== undefined && !(Number.isFinite(bytes) && bytes > 0)) throw new RangeError(`not a file size: ${bytes}`);
    limit = bytes === undefined ? limitFromEnvironment() ?? DEFAULT_MAX_FILE_BYTES : Math.floor(bytes);
}

/** `64` or `0.5` (MiB) as bytes, or undefined when the text is no positive number. */
export function parseFileSizeMiB(text: string): number | undefined {
    const trimmed = text.trim();
    if (!/^\d+(\.\d+)?$/.test(trimmed)) return undefined;
    const mebibytes = Number(trimmed);
    return mebibytes > 0 ? Math.floor(mebibytes * 1024 * 1024) : undefined;
}

export function tooLargeReason(size: number): string | undefined {
    return size > limit ? `too large (${mebibytes(size)} MiB; the limit is ${mebibytes(limit)} MiB)` : undefined;
}

/** The text of a blueprint file, or why these bytes are not one. */
export function decodeBlueprintBytes(bytes: Uint8Array): { readonly text: string } | { readonly problem: string } {
    const large = tooLargeReason(bytes.byteLength);
    if (large) return { problem: large };
    if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
        return { problem: 'looks like a binary file (it contains NUL bytes), not blueprint text' };
    }
    try {
        return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
        return { problem: 'is not UTF-8 text' };
    }
}

/** `6`, `0.21`, `12.5`: two decimals below 10 MiB, one above, trailing zeros dropped. */
function mebibytes(bytes: number): string {
    const fixed = (bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 2 : 1);
    return fixed.replace(/\.?0+$/, '');
}

function limitFromEnvironment(): number | undefined {
    // The web worker build of the server has no process.
    const value = typeof process === 'undefined' ? undefined : process.env?.[MAX_FILE_SIZE_VARIABLE];
    return value === undefined || value === '' ? undefined : parseFileSizeMiB(value);
}
