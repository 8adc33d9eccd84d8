/**
 * What `blueprint check` loads: the language's core (`@blueprint/language/core`), never the LSP
 * layer (langium/lsp, vscode-languageserver, Blueprint's editor services), in the calling thread
 * and in the worker threads of a parallel check alike. Only `check --fix` needs the LSP services
 * (the quick fixes), and loads them when asked.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadedModules, LSP_MODULE } from '../helpers/loaded-modules.js';
import { BROKEN, CLEAN, CLI_BIN, ensureBuilt, Workspace } from './cli-harness.js';

/** Files enough for a parallel check (`--threads 2` asks for one on any machine). */
const FILES = 200;

describe('what check loads', () => {
    let workspace: Workspace;

    beforeAll(() => {
        ensureBuilt();
        workspace = new Workspace();
        for (let i = 0; i < FILES; i++) workspace.write(`f${i}.blueprint`, CLEAN.replace('blueprint Help', `blueprint Help${i}`));
    });

    afterAll(() => workspace.dispose());

    test('a check of many files loads no LSP module, in any thread', () => {
        const run = loadedModules([CLI_BIN, 'check', '--threads', '2', '.'], workspace.root);
        expect(run.status).toBe(0);
        expect(run.stdout).toContain(`Checked ${FILES} files: no problems.`);
        expect(run.urls.some(url => url.includes('/language/dist/core.js'))).toBe(true);
        expect(run.urls.some(url => url.endsWith('/cli/dist/check-worker.js'))).toBe(true);
        expect(run.urls.filter(url => LSP_MODULE.test(url))).toEqual([]);
    });

    test('check --fix loads the LSP services, for its quick fixes', () => {
        const fixable = new Workspace({ 'broken.blueprint': BROKEN });
        try {
            const run = loadedModules([CLI_BIN, 'check', '--fix', '.'], fixable.root);
            expect(run.status).toBe(1);
            expect(run.urls.some(url => url.includes('/langium/lib/lsp/'))).toBe(true);
        } finally {
            fixable.dispose();
        }
    });
});
