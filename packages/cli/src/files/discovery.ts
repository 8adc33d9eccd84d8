/**
 * Turns the paths on the command line into the `.blueprint` files to work on: a file stands for
 * itself, a folder for every `.blueprint` file below it (skipping `node_modules`, dot-folders, what
 * git ignores and what `blueprint.config.json` ignores), and a glob pattern for the `.blueprint`
 * files it matches (minus what git ignores).
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, parseConfigText } from '@blueprint/language/core';
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
const CONFIG_FILE = CONFIG_FILE_NAME;

export interface DiscoveryOptions {
    /** The config file given with `--config`: its `ignore` applies instead of the nearest ones'. */
    readonly configFile?: string;
}

export async function discoverBlueprintFiles(inputs: readonly string[], cwd: string, options: DiscoveryOptions = {}): Promise<Discovery> {
    const files = new Set<string>();
    const empty: string[] = [];
    for (const input of inputs) {
        const found = await filesFor(input, cwd, options);
        if (found.length === 0) empty.push(input);
        for (const file of found) files.add(file);
    }
    return { files: [...files].sort(), empty };
}

async function filesFor(input: string, cwd: string, options: DiscoveryOptions): Promise<string[]> {
    const absolute = path.resolve(cwd, input);
    const stats = await stat(absolute).catch((error: NodeJS.ErrnoException) => {
        // A pattern is not expected to exist as a path; anything else must.
        if (error.code === 'ENOENT' && isDynamicPattern(input)) return undefined;
        throw new CliError(error.code === 'ENOENT' ? `${input}: no such file or folder` : `${input}: ${reasonOf(error)}`);
    });
    if (!stats) return withoutGitIgnored(await matchPattern(input, cwd), cwd);
    if (stats.isDirectory()) return withoutGitIgnored(await blueprintFilesBelow(absolute, options), absolute);
    if (!stats.isFile()) throw new CliError(`${input}: not a file or folder`);
    if (!absolute.endsWith(BLUEPRINT_FILE_EXTENSION)) {
        throw new CliError(`${input}: not a ${BLUEPRINT_FILE_EXTENSION} file`);
    }
    return [absolute];
}

async function blueprintFilesBelow(folder: string, options: DiscoveryOptions): Promise<string[]> {
    // `dot: false` skips dot-folders below `folder`; the folder itself may be one (e.g. `.github`).
    const ignored = options.configFile ? ignorePatterns(folder, [options.configFile]) : await ignoredBelow(folder);
    return glob([`**/*${BLUEPRINT_FILE_EXTENSION}`], {
        cwd: folder, absolute: true, onlyFiles: true, dot: false, ignore: [...SKIPPED_FOLDERS, ...ignored],
        followSymbolicLinks: false, expandDirectories: false
    });
}

/**
 * `"ignore"` patterns of the `blueprint.config.json` files in and above `folder` (relative to each
 * config file's folder, e.g. `["invalid", "drafts/**"]`) leave paths out of a folder walk. They never
 * apply to the folder named on the command line or anything it is inside: naming it asks for it.
 */
async function ignoredBelow(folder: string): Promise<string[]> {
    const configs = new Set<string>(await glob([`**/${CONFIG_FILE}`], { cwd: folder, absolute: true, dot: false, ignore: SKIPPED_FOLDERS }));
    for (let dir = folder; ; dir = path.dirname(dir)) {
        const candidate = path.join(dir, CONFIG_FILE);
        if (existsSync(candidate)) configs.add(candidate);
        if (path.dirname(dir) === dir) break;
    }
    return ignorePatterns(folder, configs);
}

function ignorePatterns(folder: string, configs: Iterable<string>): string[] {
    const patterns: string[] = [];
    for (const config of configs) {
        for (const pattern of readIgnorePatterns(config)) {
            const relative = path.relative(folder, path.resolve(path.dirname(config), pattern));
            if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) continue;
            const posix = relative.split(path.sep).join('/');
            patterns.push(posix, `${posix}/**`);
        }
    }
    return patterns;
}

function readIgnorePatterns(config: string): readonly string[] {
    try {
        return parseConfigText(readFileSync(config, 'utf8')).ignore;
    } catch {
        return []; // an unreadable config file is reported when the files it governs are checked
    }
}

/**
 * Leaves out what git ignores (.gitignore files, .git/info/exclude, the global excludes), asking
 * git itself so that its rules (negations, nested files) hold exactly. Outside a repository, or
 * without git, nothing is left out.
 */
function withoutGitIgnored(files: string[], cwd: string): Promise<string[]> {
    if (files.length === 0) return Promise.resolve(files);
    return new Promise(resolve => {
        const child = execFile('git', ['check-ignore', '--stdin', '-z'], { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
            // Exit 1: nothing ignored; 128: not a repository. Either way keep every file.
            if (error && !stdout) return resolve(files);
            const ignored = new Set(stdout.split('\0').filter(Boolean).map(file => path.resolve(cwd, file)));
            resolve(files.filter(file => !ignored.has(file)));
        });
        child.on('error', () => resolve(files));
        child.stdin?.on('error', () => undefined);
        child.stdin?.end(files.join('\0') + '\0');
    });
}

async function matchPattern(pattern: string, cwd: string): Promise<string[]> {
    const matches = await glob([pattern], {
        cwd, absolute: true, onlyFiles: true, dot: false, ignore: SKIPPED_FOLDERS, expandDirectories: false
    });
    return matches.filter(file => file.endsWith(BLUEPRINT_FILE_EXTENSION)).map(file => path.resolve(file));
}
