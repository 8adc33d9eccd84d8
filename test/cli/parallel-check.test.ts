/**
 * A parallel `blueprint check` (threads taking batches of the files from one queue) reports exactly
 * what one thread checking every file reports, in the same order; a broken config file stops it
 * with the message a check in one thread gives.
 */
import { checkFiles, REPORTERS } from '@blueprint/cli';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BANK_DEPOSIT, BROKEN, CLEAN, ensureBuilt, Workspace } from './cli-harness.js';

const FILES = 240;

describe('parallel check', () => {
    let workspace: Workspace;

    beforeAll(() => {
        ensureBuilt();
        workspace = new Workspace({ 'shared/people.blueprint': 'actor Teller "Teller"\n' });
        for (let i = 0; i < FILES; i++) {
            const text = i % 7 === 3 ? BROKEN : i % 5 === 1 ? BANK_DEPOSIT : CLEAN.replace('    actor Teller "Teller"\n', '');
            const named = text.replace(/blueprint (\w+)/, `blueprint $1${i}`);
            // Most files import the shared one (a few do not, so they fail to resolve Teller).
            workspace.write(`d${i % 3}/f${String(i).padStart(3, '0')}.blueprint`, i % 11 === 0 ? named : `import "../shared/people.blueprint"\n${named}`);
        }
    });

    afterAll(() => workspace.dispose());

    test('reports what one thread reports, byte for byte', async () => {
        const files = ['d0', 'd1', 'd2', 'shared'].flatMap(folder =>
            readdirSync(workspace.path(folder)).map(name => workspace.path(path.join(folder, name)))).sort();
        for (const reportImports of [false, true]) {
            const flags = reportImports ? ['--report-imports'] : [];
            const parallel = await workspace.run(['check', '--threads', '3', '--format', 'json', ...flags, '.']);
            const oneThread = await checkFiles(files, { cwd: workspace.root, reportImports });
            expect(oneThread.summary.errors).toBeGreaterThan(30);
            expect(parallel.stdout).toBe(REPORTERS.json(oneThread, { color: false, version: '', cwd: workspace.root }));
            expect(parallel.code).toBe(1);
        }
    });

    test('--threads takes a whole number from 1 to 64', async () => {
        for (const bad of ['0', '65', 'two']) {
            const result = await workspace.run(['check', '--threads', bad, '.']);
            expect(result.code).toBe(2);
            expect(result.stderr).toContain("option '--threads <count>' argument '" + bad + "' is invalid. expected a whole number from 1 to 64.");
        }
        const one = await workspace.run(['check', '--threads', '1', '--format', 'json', '.']);
        const three = await workspace.run(['check', '--threads', '3', '--format', 'json', '.']);
        expect(one.stdout).toBe(three.stdout);
    });

    test('a broken config file far down the list stops the check with its message', async () => {
        workspace.write('d2/blueprint.config.json', '{ "rules": { "BP999": "error" } }');
        try {
            const result = await workspace.run(['check', '--threads', '3', '.']);
            expect(result.code).toBe(2);
            expect(result.stderr).toBe("blueprint: d2/blueprint.config.json: unknown rule 'BP999' (see 'blueprint rules')\n");
        } finally {
            workspace.write('d2/blueprint.config.json', '{}');
        }
    });

    test('with two broken config files, the message is the one a check in one thread meets first, every time', async () => {
        workspace.write('d0/blueprint.config.json', '{ "rules": { "BP998": "error" } }');
        workspace.write('d2/blueprint.config.json', '{ "rules": { "BP999": "error" } }');
        try {
            for (let run = 0; run < 3; run++) {
                const result = await workspace.run(['check', '--threads', '3', '.']);
                expect(result.code).toBe(2);
                expect(result.stderr).toBe("blueprint: d0/blueprint.config.json: unknown rule 'BP998' (see 'blueprint rules')\n");
            }
        } finally {
            workspace.write('d0/blueprint.config.json', '{}');
            workspace.write('d2/blueprint.config.json', '{}');
        }
    });
});
