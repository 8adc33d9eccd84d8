/**
 * What a command may write to: never one of its own input files (as gcc refuses "input file is the
 * same as output file" and cp "are the same file"), and never a blueprint source: an SVG, PNG, PDF,
 * report or export written over (or under the name of) a `.blueprint` file is never what anyone
 * wants, and would be lost work. Paths are compared after resolving `./x`, `..` and symbolic links,
 * and an existing target also by device and inode (a hard link, a case-insensitive file system).
 * `fmt` and `check --fix` rewrite their inputs on purpose and do not come through here.
 */
import { realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { CliError } from '../errors.js';
import { outputRefusal } from '@blueprint/export/output-guard';
import { displayPath } from './paths.js';

export interface OutputGuard {
    /** The command's input files, absolute (or relative to `cwd`). */
    readonly inputs: readonly string[];
    /** What is written, for the message: `the SVG`, `the report`. */
    readonly what: string;
    /** The output is blueprint text itself (`import`): a `.blueprint` target is what was asked for. */
    readonly blueprintText?: boolean;
    /** Paths in messages are relative to this folder. */
    readonly cwd: string;
}

/** Why `target` must not be written, or undefined when it may (the rule: @blueprint/export/output-guard). */
export function unsafeOutputReason(target: string, guard: OutputGuard): string | undefined {
    const absolute = path.resolve(guard.cwd, target);
    const resolved = resolvePath(absolute);
    // `out.svg` as a symbolic link to `hotel.blueprint` is shown as what it is.
    const shown = displayPath(absolute, guard.cwd) + (resolved === absolute ? '' : ` (a link to ${displayPath(resolved, guard.cwd)})`);
    return outputRefusal({
        shown,
        names: [absolute, resolved],
        exists: statOf(resolved) !== undefined,
        isInput: guard.inputs.some(input => sameFile(resolved, resolvePath(path.resolve(guard.cwd, input))))
    }, guard.what, guard.blueprintText);
}

/** Refuses (exit 2, nothing written) when any of `targets` must not be written; check them all before writing one. */
export function ensureSafeOutputs(targets: readonly string[], guard: OutputGuard): void {
    for (const target of targets) {
        const reason = unsafeOutputReason(target, guard);
        if (reason) throw new CliError(reason);
    }
}

/** Whether `target` (after resolving links, even of folders not created yet) lies inside `folder`. */
export function isInsideFolder(target: string, folder: string): boolean {
    const relative = path.relative(resolvePath(path.resolve(folder)), resolvePath(path.resolve(folder, target)));
    return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/**
 * The path with every symbolic link resolved; for a file not there yet, its nearest existing folder
 * resolved and the rest appended (a link to a folder still counts).
 */
function resolvePath(absolute: string): string {
    const missing: string[] = [];
    for (let current = absolute; ; current = path.dirname(current)) {
        try {
            return path.join(realpathSync(current), ...missing.reverse());
        } catch {
            if (path.dirname(current) === current) return absolute;
            missing.push(path.basename(current));
        }
    }
}

/** The file's status, or undefined when there is none to read (missing, or a part of the path is a file: ENOTDIR). */
function statOf(file: string): ReturnType<typeof statSync> | undefined {
    try {
        return statSync(file, { throwIfNoEntry: false });
    } catch {
        return undefined;
    }
}

function sameFile(a: string, b: string): boolean {
    if (a === b) return true;
    const first = statOf(a);
    const second = first && statOf(b);
    return first !== undefined && second !== undefined && first.isFile() && first.dev === second.dev && first.ino === second.ino;
}
