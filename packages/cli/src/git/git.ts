/** The few git commands the CLI needs, run without a shell (arguments are never interpolated). */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CliError } from '../errors.js';

const run = promisify(execFile);

export async function git(cwd: string, args: string[]): Promise<string> {
    try {
        const { stdout } = await run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
        return stdout;
    } catch (error) {
        const e = error as NodeJS.ErrnoException & { stderr?: string };
        if (e.code === 'ENOENT') throw new CliError('git is not installed or not on PATH');
        const detail = (e.stderr ?? e.message).trim().split('\n')[0];
        throw new CliError(`git ${args[0]}: ${detail}`);
    }
}

export async function repositoryRoot(cwd: string): Promise<string> {
    try {
        return (await git(cwd, ['rev-parse', '--show-toplevel'])).trim();
    } catch (error) {
        // git's own words ("fatal: not a git repository (or any of the parent directories): .git") do not say what asked for git.
        if (error instanceof CliError && /not a git repository/i.test(error.message)) {
            throw new CliError(`${cwd} is not in a git repository, and REV:path and --git read from git (to compare two files, name both: blueprint diff old.blueprint new.blueprint)`);
        }
        throw error;
    }
}

/** Verifies that `rev` names a commit, so that a typo gives one clear message. */
export async function verifyRevision(root: string, rev: string): Promise<void> {
    if (rev.startsWith('-')) throw new CliError(`'${rev}' is not a revision`);
    await git(root, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]).catch(() => {
        throw new CliError(`unknown git revision '${rev}'`);
    });
}

/** The file's content at `rev`, or undefined when it does not exist there. */
export async function showFile(root: string, rev: string, relativePath: string): Promise<string | undefined> {
    try {
        const { stdout } = await run('git', ['show', `${rev}:${relativePath}`], { cwd: root, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
        return stdout;
    } catch {
        return undefined;
    }
}

/** `.blueprint` files that differ between `rev` and the working tree (including new, untracked ones). */
export async function changedBlueprintFiles(root: string, rev: string, paths: string[]): Promise<string[]> {
    const pathspec = paths.length > 0 ? paths : ['.'];
    const changed = await git(root, ['diff', '--name-only', '--no-renames', rev, '--', ...pathspec]);
    const untracked = await git(root, ['ls-files', '--others', '--exclude-standard', '--', ...pathspec]);
    const files = new Set([...changed.split('\n'), ...untracked.split('\n')].filter(f => f.endsWith('.blueprint')));
    return [...files].sort();
}
