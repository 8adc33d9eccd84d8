/**
 * Terminal colors: only for a terminal, never when `NO_COLOR` is set (https://no-color.org), and
 * on request through `FORCE_COLOR` (for pagers and tests; `NO_COLOR` still wins).
 */
import type { OutputStream } from './cli-context.js';

export function colorsEnabled(stream: OutputStream, env: Readonly<Record<string, string | undefined>>): boolean {
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
    if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
    return stream.isTTY === true;
}

export interface Colors {
    readonly red: (text: string) => string;
    readonly yellow: (text: string) => string;
    readonly blue: (text: string) => string;
    readonly green: (text: string) => string;
    readonly dim: (text: string) => string;
    readonly bold: (text: string) => string;
}

const style = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string) => text;

const ANSI: Colors = {
    red: style(31, 39), yellow: style(33, 39), blue: style(34, 39), green: style(32, 39), dim: style(2, 22), bold: style(1, 22)
};
const NONE: Colors = { red: plain, yellow: plain, blue: plain, green: plain, dim: plain, bold: plain };

export function createColors(enabled: boolean): Colors {
    return enabled ? ANSI : NONE;
}
