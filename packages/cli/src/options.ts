/** Parsers for option values shared by commands; a bad value is a usage error (exit 2). */
import { parseFileSizeMiB } from '@blueprint/language/core';
import { InvalidArgumentError } from 'commander';

/** `--max-warnings 0`: a count of zero or more. */
export function parseCount(value: string): number {
    if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError('expected a whole number of 0 or more.');
    return Number(value);
}

/** `--threads 2`: a whole number from 1 to `MAX_THREADS`. */
export function parseThreads(value: string): number {
    const count = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
    if (!(count >= 1 && count <= MAX_THREADS)) throw new InvalidArgumentError(`expected a whole number from 1 to ${MAX_THREADS}.`);
    return count;
}

/** More threads than this would only add start-up: no machine a check runs on has that many spare cores for one. */
export const MAX_THREADS = 64;

/** `--rule BP008=off` (repeatable, or comma-separated): collected into `{ BP008: 'off' }`. */
export function collectRuleSetting(value: string, previous: Record<string, string> = {}): Record<string, string> {
    const result = { ...previous };
    for (const part of value.split(',').map(p => p.trim()).filter(p => p.length > 0)) {
        const match = /^([^=\s]+)\s*=\s*(\S+)$/.exec(part);
        if (!match) throw new InvalidArgumentError(`expected RULE=SETTING such as BP008=off, not '${part}'.`);
        result[match[1]] = match[2];
    }
    return result;
}

/** `--max-file-size 64`: mebibytes, more than zero; the value in bytes. */
export function parseFileSize(value: string): number {
    const bytes = parseFileSizeMiB(value);
    if (bytes === undefined) throw new InvalidArgumentError('expected a size in MiB greater than 0, such as 64.');
    return bytes;
}
