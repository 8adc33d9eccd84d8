/**
 * What a tool returns, shaped like an MCP `CallToolResult` so the MCP server passes it on as it is
 * and the editor maps it to its own parts: text, images (base64) and whether the call failed.
 */
export type ToolContent =
    | { readonly type: 'text'; readonly text: string }
    | { readonly type: 'image'; readonly data: string; readonly mimeType: string };

export interface ToolResult {
    readonly content: ToolContent[];
    /** The call could not do what was asked (missing file, errors in the blueprint, unknown rule). */
    readonly isError?: boolean;
}

export function textResult(...texts: string[]): ToolResult {
    return { content: texts.map(text => ({ type: 'text', text })) };
}

export function jsonText(value: unknown): string {
    return JSON.stringify(value, undefined, 2);
}

export function errorResult(message: string): ToolResult {
    return { content: [{ type: 'text', text: message }], isError: true };
}

/** Thrown inside a tool for input it cannot use; the dispatcher turns it into an error result. */
export class ToolInputError extends Error {}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 without Node's Buffer: the tools also run in the language server's web worker. */
export function toBase64(bytes: Uint8Array): string {
    let out = '';
    for (let i = 0; i < bytes.length; i += 3) {
        const a = bytes[i], b = bytes[i + 1], c = bytes[i + 2];
        out += BASE64[a >> 2] + BASE64[((a & 3) << 4) | ((b ?? 0) >> 4)]
            + (b === undefined ? '=' : BASE64[((b & 15) << 2) | ((c ?? 0) >> 6)])
            + (c === undefined ? '=' : BASE64[c & 63]);
    }
    return out;
}
