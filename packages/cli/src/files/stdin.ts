/**
 * `-` as a path: the text comes from standard input (as with ESLint and Prettier). It is given a
 * file name with `--stdin-filepath`, which places it for imports, config lookup and reports.
 */
import * as path from 'node:path';
import type { CliContext } from '../cli-context.js';
import { CliError } from '../errors.js';

export const STDIN_PATH = '-';
/** How stdin is shown when `--stdin-filepath` is not given. */
export const STDIN_LABEL = '<stdin>';

export interface StdinSource {
    readonly text: string;
    /** Absolute path the text stands for (`--stdin-filepath`, else `<stdin>.blueprint` in the working folder). */
    readonly file: string;
    readonly label: string;
}

export async function readStdinSource(context: CliContext, stdinFilepath: string | undefined): Promise<StdinSource> {
    if (!context.stdin) throw new CliError('no standard input to read for -');
    const chunks: Buffer[] = [];
    for await (const chunk of context.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
    const bytes = Buffer.concat(chunks);
    if (bytes.includes(0)) throw new CliError(`${STDIN_LABEL}: looks like binary data, not blueprint text`);
    const file = path.resolve(context.cwd, stdinFilepath ?? `${STDIN_LABEL}.blueprint`);
    return { text: bytes.toString('utf8'), file, label: stdinFilepath ? path.relative(context.cwd, file).split(path.sep).join('/') : STDIN_LABEL };
}

/** `-` must stand alone: mixing stdin with files would make the report ambiguous. */
export function usesStdin(paths: readonly string[]): boolean {
    if (!paths.includes(STDIN_PATH)) return false;
    if (paths.length > 1) throw new CliError(`'-' (standard input) cannot be combined with other paths`);
    return true;
}
