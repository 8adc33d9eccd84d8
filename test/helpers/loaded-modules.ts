/**
 * Which modules a Node process loads: the process runs with a module hook (`module.register`) that
 * prints the URL of every module Node's loader loads (ES modules, and CommonJS ones imported from
 * them), and, as it ends, the CommonJS modules that `require` loaded (`require.cache`). Worker
 * threads inherit the hook through `execArgv`, so their modules are listed too.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const PREFIX = 'LOADED-MODULE ';

const HOOKS = `export async function load(url, context, nextLoad) {
    if (!url.startsWith('node:')) process.stderr.write(${JSON.stringify(PREFIX)} + url + '\\n');
    return nextLoad(url, context);
}
`;

const REGISTER = `import { createRequire, register } from 'node:module';
register('./hooks.mjs', import.meta.url);
const require = createRequire(import.meta.url);
process.on('exit', () => {
    for (const file of Object.keys(require.cache)) process.stderr.write(${JSON.stringify(PREFIX)} + 'file://' + file + '\\n');
});
`;

export interface LoadedModules {
    readonly status: number | null;
    readonly stdout: string;
    /** The module URLs, each once, in no particular order. */
    readonly urls: readonly string[];
}

/** Runs `node ...args` in `cwd` with the recording hook; returns the modules loaded by it and its worker threads. */
export function loadedModules(args: readonly string[], cwd: string): LoadedModules {
    const dir = mkdtempSync(path.join(tmpdir(), 'blueprint-modules-'));
    try {
        writeFileSync(path.join(dir, 'hooks.mjs'), HOOKS);
        writeFileSync(path.join(dir, 'register.mjs'), REGISTER);
        const result = spawnSync(process.execPath, ['--import', pathToFileURL(path.join(dir, 'register.mjs')).href, ...args], {
            cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000
        });
        const urls = new Set<string>();
        const stderr: string[] = [];
        for (const line of result.stderr.split('\n')) {
            if (line.startsWith(PREFIX)) urls.add(line.slice(PREFIX.length));
            else if (line) stderr.push(line);
        }
        if (result.status !== 0 && result.status !== 1) throw new Error(`node ${args.join(' ')} failed (${result.status}): ${stderr.join('\n')}`);
        return { status: result.status, stdout: result.stdout, urls: [...urls] };
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

/** Langium's LSP layer, vscode-languageserver and Blueprint's own LSP services: what only an editor needs. */
export const LSP_MODULE = /\/langium\/lib\/lsp\/|\/node_modules\/vscode-languageserver\/|\/language\/(?:dist|src)\/(?:lsp\/|blueprint-lsp-module)/;
