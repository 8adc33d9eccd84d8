/** The `blueprint` program itself: help, version and usage errors. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { REPO_ROOT, Workspace, ensureBuilt } from './cli-harness.js';

let workspace: Workspace;
beforeAll(() => {
    ensureBuilt();
    workspace = new Workspace();
});
afterAll(() => workspace.dispose());

test('--version prints the version of the package', async () => {
    const { version } = JSON.parse(readFileSync(`${REPO_ROOT}/packages/cli/package.json`, 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
        const result = await workspace.run([flag]);
        expect(result.code).toBe(0);
        expect(result.stdout).toBe(`${version}\n`);
    }
});

test('--help lists the commands', async () => {
    const result = await workspace.run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: blueprint /);
    for (const command of ['check', 'rules', 'fmt']) expect(result.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
});

test.each([
    ['check', ['--format', '--max-warnings', '--rule', '--report-imports', '--allow-empty']],
    ['rules', ['--format']],
    ['fmt', ['--check', '--allow-empty']]
])('%s --help documents its options', async (command, options) => {
    const result = await workspace.run([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: blueprint ${command} `));
    for (const option of options) expect(result.stdout).toContain(option);
});

test.each([
    [[], /Usage: blueprint/],
    [['frobnicate'], /^blueprint: unknown command 'frobnicate'/],
    [['check', '--bogus'], /^blueprint: unknown option '--bogus'/],
    [['check', '--format', 'xml'], /^blueprint: option '-f, --format <format>' argument 'xml' is invalid/],
    [['check', '--format'], /^blueprint: option '-f, --format <format>' argument missing/]
])('%j is a usage error (exit 2)', async (args, message) => {
    const result = await workspace.run(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
});
