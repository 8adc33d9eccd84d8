/**
 * Turns the paths on the command line into the `.blueprint` files to work on: a file stands for
 * itself, a folder for every `.blueprint` file below it (skipping `node_modules` and dot-folders),
 * and a glob pattern for the `.blueprint` files it matches.
 */
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { CliError } from '../errors.js';
import { reasonOf } from './paths.js';

export const BLUEPRINT_FILE_EXTENSION = '.blueprint';

export interface Discovery {
    /** Absolute paths, sorted and without duplicates. */
    readonly files: string[];
    /** Folders and patterns that held no `.blueprint` file, as given on the command line. */
    readonly empty: string[];
}

const SKIPPED_FOLDERS = ['**/node_modules/**'];

export async function discoverBlueprintFiles(inputs: readonly string[], cwd: string): Promise<Discovery> {
    const files = new Set<string>();
    const empty: string[] = [];
    for (const input of inputs) {
        const found = await filesFor(input, cwd);
        if (found.length === 0) empty.push(input);
        for (const file of found) files.add(file);
    }
    return { files: [...files].sort(), empty };
}

async function filesFor(input: string, cwd: string): Promise<string[]> {
    const absolute = path.resolve(cwd, input);
    const stats = await stat(absolute).catch((error: NodeJS.ErrnoException) => {
        // A pattern is not expected to exist as a path; anything else must.
        if (error.code === 'ENOENT' && isDynamicPattern(input)) return undefined;
        throw new CliError(error.code === 'ENOENT' ? `${input}: no such file or folder` : `${input}: ${reasonOf(error)}`);
    });
    if (!stats) return matchPattern(input, cwd);
    if (stats.isDirectory()) return blueprintFilesBelow(absolute);
    if (!stats.isFile()) throw new CliError(`${input}: not a file or folder`);
    if (!absolute.endsWith(BLUEPRINT_FILE_EXTENSION)) {
        throw new CliError(`${input}: not a ${BLUEPRINT_FILE_EXTENSION} file`);
    }
    return [absolute];
}

function blueprintFilesBelow(folder: string): Promise<string[]> {
    // `dot: false` skips dot-folders below `folder`; the folder itself may be one (e.g. `.github`).
    return glob([`**/*${BLUEPRINT_FILE_EXTENSION}`], {
        cwd: folder, absolute: true, onlyFiles: true, dot: false, ignore: SKIPPED_FOLDERS,
        followSymbolicLinks: false, expandDirectories: false
    });
}

async function matchPattern(pattern: string, cwd: string): Promise<string[]> {
    const matches = await glob([pattern], {
        cwd, absolute: true, onlyFiles: true, dot: false, ignore: SKIPPED_FOLDERS, expandDirectories: false
    });
    return matches.filter(file => file.endsWith(BLUEPRINT_FILE_EXTENSION)).map(file => path.resolve(file));
}
