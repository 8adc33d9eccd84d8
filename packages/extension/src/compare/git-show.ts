/**
 * The text of a file at a git revision, for "Compare with Git". Runs git without a shell; no
 * `vscode` import, so it is tested on its own.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';

export type GitShowResult = { readonly text: string } | { readonly error: string };

function git(cwd: string, args: string[]): Promise<{ stdout: string; stderr: string; code: number | 'ENOENT' }> {
    return new Promise(resolve => {
        execFile('git', args, { cwd, encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
            const code = error ? ((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'ENOENT' : (typeof error.code === 'number' ? error.code : 1)) : 0;
            resolve({ stdout, stderr, code });
        });
    });
}

export async function gitShow(file: string, revision: string): Promise<GitShowResult> {
    const folder = path.dirname(file);
    if (!revision.trim() || revision.startsWith('-')) return { error: `'${revision}' is not a git revision.` };
    const root = await git(folder, ['rev-parse', '--show-toplevel']);
    if (root.code === 'ENOENT') return { error: 'git is not installed or not on the PATH.' };
    if (root.code !== 0) return { error: `${path.basename(file)} is not in a git repository.` };
    const relative = path.relative(root.stdout.trim(), file).split(path.sep).join('/');
    const verified = await git(folder, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]);
    if (verified.code !== 0) return { error: `Unknown git revision '${revision}'.` };
    const shown = await git(root.stdout.trim(), ['show', `${revision}:${relative}`]);
    if (shown.code !== 0) return { error: `${relative} does not exist at ${revision}.` };
    return { text: shown.stdout };
}
