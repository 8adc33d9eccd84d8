/**
 * What the CLI and the language server accept as a blueprint file, in one place: the same size
 * limit and the same refusal of binary data and text that is not UTF-8, with the same reasons.
 */

/** Real blueprints are a few kilobytes; this leaves generated ones ample room. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** How far to look for a NUL byte, the sign of a binary file (as Git does). */
const BINARY_SNIFF_BYTES = 8000;

export function tooLargeReason(size: number): string | undefined {
    return size > MAX_FILE_BYTES ? `too large (${mebibytes(size)} MiB; the limit is ${mebibytes(MAX_FILE_BYTES)} MiB)` : undefined;
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

function mebibytes(bytes: number): string {
    return (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
}
