/**
 * Which modules a Node process loads: the process runs with a module hook (`module.register`) that
 * records the URL of every module Node's loader loads (ES modules, and CommonJS ones imported from
 * them), and, as it ends, the CommonJS modules that `require` loaded (`require.cache`). Worker
 * threads inherit the hook through `execArgv`, so their modules are listed too. The hook appends
 * to a file synchronously: it runs on the loader's own thread, whose writes to stderr Node 24 may
 * drop when the process exits.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const RECORD = 'BLUEPRINT_LOADED_MODULES_FILE';

const HOOKS = `import { appendFileSync } from 'node:fs';
export async function load(url, context, nextLoad) {
    if (!url.startsWith('node:')) appendFileSync(process.env.${RECORD}, url + '\\n');
    return nextLoad(url, context);
}
`;

const REGISTER = `import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
register('./hooks.mjs', import.meta.url);
const require = createRequire(import.meta.url);
process.on('exit', () => {
    appendFileSync(process.env.${RECORD}, Object.keys(require.cache).map(file => 'file://' + file + '\\n').join(''));
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
        const record = path.join(dir, 'loaded.txt');
        writeFileSync(record, '');
        const result = spawnSync(process.execPath, ['--import', pathToFileURL(path.join(dir, 'register.mjs')).href, ...args], {
            cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000, env: { ...process.env, [RECORD]: record }
        });
        if (result.status !== 0 && result.status !== 1) throw new Error(`node ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
        const urls = new Set(readFileSync(record, 'utf8').split('\n').filter(line => line.length > 0));
        return { status: result.status, stdout: result.stdout, urls: [...urls] };
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

/** Langium's LSP layer, vscode-languageserver and Blueprint's own LSP services: what only an editor needs. */
export const LSP_MODULE = /\/langium\/lib\/lsp\/|\/node_modules\/vscode-languageserver\/|\/language\/(?:dist|src)\/(?:lsp\/|blueprint-lsp-module)/;
