/** `blueprint check`: exit codes, the text format, file discovery, rule settings and imports. */
import { chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ANSI, BANK_DEPOSIT, BROKEN, CLEAN, CLI_BIN, UNFINISHED, Workspace, ensureBuilt, positionOf } from './cli-harness.js';

beforeAll(ensureBuilt);

let workspace: Workspace;
afterEach(() => workspace?.dispose());

function textLines(stdout: string): string[] {
    return stdout.split('\n').filter(line => /:\d+:\d+ /.test(line));
}

describe('exit codes and the text format', () => {
    test('a clean file passes with exit 0 and a summary', async () => {
        workspace = new Workspace({ 'help.blueprint': CLEAN });
        const result = await workspace.run(['check', 'help.blueprint']);
        expect(result.code).toBe(0);
        expect(textLines(result.stdout)).toEqual([]);
        expect(result.stdout.trim()).toBe('Checked 1 file: no problems.');
        expect(result.stderr).toBe('');
    });

    test('warnings alone pass, each reported as path:line:col severity rule message', async () => {
        workspace = new Workspace({ 'bank/deposit.blueprint': BANK_DEPOSIT });
        const result = await workspace.run(['check', 'bank']);
        expect(result.code).toBe(0);
        const wait = positionOf(BANK_DEPOSIT, 'Wait', 'customer Wait');
        const leave = positionOf(BANK_DEPOSIT, 'Leave', 'customer Leave');
        const lines = textLines(result.stdout);
        expect(lines).toHaveLength(2);
        expect(lines[0]).toMatch(new RegExp(`^bank/deposit\\.blueprint:${wait.line}:${wait.column} warning BP008 Touchpoint 'Wait' `));
        expect(lines[1]).toMatch(new RegExp(`^bank/deposit\\.blueprint:${leave.line}:${leave.column} warning BP008 Touchpoint 'Leave' `));
        expect(result.stdout).toContain('Checked 1 file: 0 errors, 2 warnings.');
    });

    test('errors fail with exit 1, every rule reported at its position', async () => {
        workspace = new Workspace({ 'broken.blueprint': BROKEN });
        const result = await workspace.run(['check', 'broken.blueprint']);
        expect(result.code).toBe(1);
        const duplicate = positionOf(BROKEN, 'Ask', 'customer Ask "Ask again"');
        const missing = positionOf(BROKEN, 'Missing');
        const percent = positionOf(BROKEN, '120');
        const lines = textLines(result.stdout);
        expect(lines).toContain(`broken.blueprint:${duplicate.line}:${duplicate.column} error BP001 Duplicate name 'Ask': it is already used by the step 'Ask' on line 2.`);
        expect(lines.some(line => line.startsWith(`broken.blueprint:${missing.line}:${missing.column} error BP002 `))).toBe(true);
        expect(lines.some(line => line.startsWith(`broken.blueprint:${percent.line}:${percent.column} error BP013 `))).toBe(true);
        const errors = lines.filter(line => / error BP/.test(line)).length;
        const warnings = lines.filter(line => / warning BP/.test(line)).length;
        expect(result.stdout).toContain(`Checked 1 file: ${errors} errors, ${warnings} warning${warnings === 1 ? '' : 's'}.`);
    });

    test('a syntax error is a BP000 error', async () => {
        workspace = new Workspace({ 'unfinished.blueprint': UNFINISHED });
        const result = await workspace.run(['check', 'unfinished.blueprint']);
        expect(result.code).toBe(1);
        expect(textLines(result.stdout).some(line => / error BP000 /.test(line))).toBe(true);
    });

    test('one file with errors among clean ones fails the whole run', async () => {
        workspace = new Workspace({ 'a.blueprint': CLEAN, 'b.blueprint': BROKEN, 'c.blueprint': BANK_DEPOSIT });
        const result = await workspace.run(['check']);
        expect(result.code).toBe(1);
        expect(result.stdout).toMatch(/Checked 3 files: /);
        expect(textLines(result.stdout).every(line => /^(b|c)\.blueprint:/.test(line))).toBe(true);
    });

    test('paths are shown relative to the working directory, even when given absolute', async () => {
        workspace = new Workspace({ 'deep/er/deposit.blueprint': BANK_DEPOSIT });
        const result = await workspace.run(['check', workspace.path('deep/er/deposit.blueprint')]);
        expect(textLines(result.stdout).every(line => line.startsWith('deep/er/deposit.blueprint:'))).toBe(true);
    });
});

describe('--max-warnings', () => {
    test.each([
        [undefined, 0],
        ['2', 0],
        ['1', 1],
        ['0', 1]
    ])('--max-warnings %s with two warnings exits %i', async (max, code) => {
        workspace = new Workspace({ 'deposit.blueprint': BANK_DEPOSIT });
        const result = await workspace.run(['check', ...(max === undefined ? [] : ['--max-warnings', max])]);
        expect(result.code).toBe(code);
        if (code === 1) expect(result.stderr).toContain(`more than the maximum of ${max}`);
    });

    test.each(['-1', 'many', '1.5'])('a bad count (%s) is a usage error', async value => {
        workspace = new Workspace({ 'deposit.blueprint': BANK_DEPOSIT });
        const result = await workspace.run(['check', '--max-warnings', value]);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/^blueprint: option '--max-warnings <count>' argument '.*' is invalid/);
    });
});

describe('file discovery', () => {
    test('folders are searched recursively; node_modules and dot-folders are skipped; the default is "."', async () => {
        workspace = new Workspace({
            'top.blueprint': CLEAN,
            'a/b/c/deep.blueprint': BANK_DEPOSIT,
            'node_modules/pkg/dep.blueprint': BROKEN,
            'a/node_modules/dep.blueprint': BROKEN,
            '.git/hidden.blueprint': BROKEN,
            'a/.cache/hidden.blueprint': BROKEN,
            'a/notes.txt': 'not a blueprint'
        });
        const result = await workspace.run(['check', '--format', 'json']);
        expect(result.code).toBe(0);
        const paths = (JSON.parse(result.stdout) as { files: Array<{ path: string }> }).files.map(file => file.path);
        expect(paths).toEqual(['a/b/c/deep.blueprint', 'top.blueprint']);
    });

    test('a dot-folder named on the command line is searched', async () => {
        workspace = new Workspace({ '.github/flows/deposit.blueprint': BANK_DEPOSIT });
        const result = await workspace.run(['check', '.github', '--format', 'json']);
        expect(result.code).toBe(0);
        expect(JSON.parse(result.stdout).files.map((file: { path: string }) => file.path)).toEqual(['.github/flows/deposit.blueprint']);
    });

    test('glob patterns match .blueprint files, and overlapping inputs are checked once', async () => {
        workspace = new Workspace({
            'flows/one.blueprint': CLEAN,
            'flows/two.blueprint': BANK_DEPOSIT,
            'flows/sub/three.blueprint': CLEAN,
            'other/four.blueprint': BROKEN
        });
        const shallow = await workspace.run(['check', 'flows/*.blueprint', '--format', 'json']);
        expect(JSON.parse(shallow.stdout).files.map((file: { path: string }) => file.path)).toEqual(['flows/one.blueprint', 'flows/two.blueprint']);
        expect(shallow.code).toBe(0);

        const overlapping = await workspace.run(['check', 'flows/**/*.blueprint', 'flows', 'flows/one.blueprint', '--format', 'json']);
        const output = JSON.parse(overlapping.stdout);
        expect(output.files.map((file: { path: string }) => file.path)).toEqual(['flows/one.blueprint', 'flows/sub/three.blueprint', 'flows/two.blueprint']);
        expect(output.summary.files).toBe(3);
    });

    test('a missing path is a usage error naming it', async () => {
        workspace = new Workspace({ 'a.blueprint': CLEAN });
        const result = await workspace.run(['check', 'a.blueprint', 'nope.blueprint']);
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr).toBe('blueprint: nope.blueprint: no such file or folder\n');
    });

    test('a folder or pattern without blueprint files fails unless --allow-empty', async () => {
        workspace = new Workspace({ 'docs/readme.md': '# docs', 'a.blueprint': CLEAN });
        const strict = await workspace.run(['check', 'docs']);
        expect(strict.code).toBe(2);
        expect(strict.stderr).toBe(`blueprint: no .blueprint files found in 'docs' (use --allow-empty to accept this)\n`);

        const pattern = await workspace.run(['check', 'a.blueprint', 'docs/*.md']);
        expect(pattern.code).toBe(2);
        expect(pattern.stderr).toContain(`'docs/*.md'`);

        const allowed = await workspace.run(['check', 'docs', '--allow-empty']);
        expect(allowed.code).toBe(0);
        expect(allowed.stderr).toBe(`blueprint: no .blueprint files found in 'docs'\n`);
        expect(allowed.stdout.trim()).toBe('Checked 0 files: no problems.');
    });

    test('a file that is not a .blueprint file is refused', async () => {
        workspace = new Workspace({ 'notes.txt': CLEAN });
        const result = await workspace.run(['check', 'notes.txt']);
        expect(result.code).toBe(2);
        expect(result.stderr).toBe('blueprint: notes.txt: not a .blueprint file\n');
    });
});

describe('files that cannot be blueprint text: an error on that file (rule "file"), exit 1, the others checked', () => {
    async function expectFileProblem(args: string[], file: string, reason: RegExp): Promise<void> {
        const result = await workspace.run(['check', ...args]);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(1);
        const lines = result.stdout.trimEnd().split('\n');
        expect(lines[0]).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}:1:1 error file This file cannot be used as a blueprint: ${reason.source}`));
        expect(lines.at(-1)).toMatch(/: 1 error, 0 warnings\.$/);
    }

    test('a binary file', async () => {
        workspace = new Workspace({ 'image.blueprint': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d, 0x0a, 0x1a, 0x00]) });
        await expectFileProblem(['image.blueprint'], 'image.blueprint', /looks like a binary file \(it contains NUL bytes\), not blueprint text\./);
    });

    test('a file over the size limit (--max-file-size, in MiB)', async () => {
        workspace = new Workspace({ 'huge.blueprint': `// ${'x'.repeat(6 * 1024 * 1024)}\n` });
        await expectFileProblem(['--max-file-size', '5', 'huge.blueprint'], 'huge.blueprint', /too large \(6 MiB; the limit is 5 MiB\)/);
    });

    test('a file over the size limit set by BLUEPRINT_MAX_FILE_SIZE', async () => {
        workspace = new Workspace({ 'huge.blueprint': `// ${'x'.repeat(3 * 1024 * 1024)}\n` });
        const result = await workspace.run(['check', 'huge.blueprint'], { BLUEPRINT_MAX_FILE_SIZE: '2.5' });
        expect(result.code).toBe(1);
        expect(result.stdout).toMatch(/^huge\.blueprint:1:1 error file This file cannot be used as a blueprint: too large \(3 MiB; the limit is 2\.5 MiB\)/);
    });

    test('the default limit (16 MiB) refuses a 17 MiB file and accepts a 6 MiB one', async () => {
        workspace = new Workspace({ 'huge.blueprint': `// ${'x'.repeat(17 * 1024 * 1024)}\n`, 'big.blueprint': `// ${'x'.repeat(6 * 1024 * 1024)}\n` });
        await expectFileProblem(['huge.blueprint'], 'huge.blueprint', /too large \(17 MiB; the limit is 16 MiB\)/);
        const big = await workspace.run(['check', 'big.blueprint']);
        expect(big.stderr).toBe('');
        // Read and parsed: a comment of 6 MiB holds nothing, which is BP032, not a file problem.
        expect(big.stdout).toMatch(/^big\.blueprint:1:1 warning BP032 /);
        expect(big.stdout).not.toMatch(/ file This file/);
        expect(big.code).toBe(0);
    });

    test('--max-file-size must be a size', async () => {
        workspace = new Workspace({ 'a.blueprint': CLEAN });
        const result = await workspace.run(['check', '--max-file-size', 'big', 'a.blueprint']);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/--max-file-size.*expected a size in MiB greater than 0/);
    });

    test('text that is not UTF-8', async () => {
        workspace = new Workspace({ 'latin1.blueprint': new Uint8Array([0x62, 0x6c, 0x75, 0x65, 0xe9, 0x20, 0x22]) });
        await expectFileProblem(['latin1.blueprint'], 'latin1.blueprint', /is not UTF-8 text\./);
    });

    test.skipIf(process.getuid?.() === 0)('an unreadable file (not testable as root)', async () => {
        workspace = new Workspace({ 'secret.blueprint': CLEAN });
        chmodSync(workspace.path('secret.blueprint'), 0o000);
        await expectFileProblem(['secret.blueprint'], 'secret.blueprint', /cannot read: permission denied\./);
    });

    test('an imported path that is a folder is an error at the import', async () => {
        workspace = new Workspace({ 'main.blueprint': `import "shared.blueprint"\n\n${CLEAN}` });
        mkdirSync(workspace.path('shared.blueprint'));
        const result = await workspace.run(['check', 'main.blueprint']);
        expect(result.code).toBe(1);
        expect(result.stdout).toMatch(/^main\.blueprint:1:8 error BP003 The imported file 'shared\.blueprint' cannot be used as a blueprint: is a folder, not a file\.$/m);
    });

    test('a binary file among others: every other file is checked, in every format', async () => {
        workspace = new Workspace({ 'flows/ok.blueprint': CLEAN, 'flows/broken.blueprint': BROKEN, 'flows/bad.blueprint': new Uint8Array([0, 1, 2, 3]) });
        const text = await workspace.run(['check', 'flows']);
        expect(text.code).toBe(1);
        expect(text.stderr).toBe('');
        expect(text.stdout).toMatch(/^flows\/bad\.blueprint:1:1 error file This file cannot be used as a blueprint: looks like a binary file/m);
        expect(text.stdout).toMatch(/^flows\/broken\.blueprint:\d+:\d+ error BP001 /m);
        expect(text.stdout).toMatch(/Checked 3 files: 4 errors, 0 warnings\.\n$/);

        const json = JSON.parse((await workspace.run(['check', 'flows', '--format', 'json'])).stdout);
        const bad = json.files.find((file: { path: string }) => file.path === 'flows/bad.blueprint');
        expect(bad.diagnostics).toEqual([expect.objectContaining({ rule: 'file', severity: 'error', line: 1, column: 1 })]);
        expect(json.files.map((file: { path: string }) => file.path)).toEqual(['flows/bad.blueprint', 'flows/broken.blueprint', 'flows/ok.blueprint']);

        const github = (await workspace.run(['check', 'flows', '--format', 'github'])).stdout;
        expect(github).toMatch(/^::error file=flows\/bad\.blueprint,line=1,col=1,endLine=1,endColumn=1,title=file::This file cannot be used as a blueprint: looks like a binary file/m);

        const sarif = JSON.parse((await workspace.run(['check', 'flows', '--format', 'sarif'])).stdout);
        const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'file');
        expect(result.level).toBe('error');
        expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('flows/bad.blueprint');
    });
});

describe('an empty file', () => {
    test('empty, blank or comments only: a BP032 warning (exit 0), as the editor shows it; a shared-declarations file is fine', async () => {
        workspace = new Workspace({ 'empty.blueprint': '', 'blank.blueprint': '\n  \n', 'notes.blueprint': '// to do\n/* later */\n', 'shared.blueprint': 'actor Clerk "Clerk"\n' });
        const result = await workspace.run(['check']);
        expect(result.code).toBe(0);
        const warning = 'warning BP032 This file is empty: it holds no blueprint and no shared declarations. Write a blueprint (`blueprint Name "Title" { … }`) or delete the file.';
        expect(result.stdout).toBe([`blank.blueprint:1:1 ${warning}`, `empty.blueprint:1:1 ${warning}`, `notes.blueprint:1:1 ${warning}`, '',
            'Checked 4 files: 0 errors, 3 warnings.', ''].join('\n'));
        expect((await workspace.run(['check', '--max-warnings', '0', 'empty.blueprint'])).code).toBe(1);
    });
});

describe('paths that name nothing: exit 2 with a one-line message', () => {
    async function expectUsageError(args: string[], message: RegExp): Promise<void> {
        const result = await workspace.run(['check', ...args]);
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
        expect(result.stderr).toMatch(message);
    }

    test('a dangling symbolic link', async () => {
        workspace = new Workspace();
        symlinkSync(workspace.path('gone.blueprint'), workspace.path('link.blueprint'));
        await expectUsageError(['link.blueprint'], /^blueprint: link\.blueprint: no such file or folder/);
    });

    const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0;
    test.skipIf(!hasMkfifo)('a named pipe is refused instead of blocking', async () => {
        workspace = new Workspace();
        expect(spawnSync('mkfifo', [workspace.path('pipe.blueprint')]).status).toBe(0);
        await expectUsageError(['pipe.blueprint'], /^blueprint: pipe\.blueprint: not a file or folder/);
    });
});

describe('rule settings', () => {
    test('the nearest blueprint.config.json applies', async () => {
        workspace = new Workspace({
            'blueprint.config.json': JSON.stringify({ rules: { BP008: 'error' } }),
            'strict/deposit.blueprint': BANK_DEPOSIT,
            'relaxed/blueprint.config.json': JSON.stringify({ rules: { 'touchpoint-evidence': 'off' } }),
            'relaxed/deposit.blueprint': BANK_DEPOSIT
        });
        const result = await workspace.run(['check', '--format', 'json']);
        const output = JSON.parse(result.stdout);
        const byPath = Object.fromEntries(output.files.map((file: { path: string; diagnostics: unknown[] }) => [file.path, file.diagnostics]));
        expect(byPath['relaxed/deposit.blueprint']).toEqual([]);
        expect(byPath['strict/deposit.blueprint']).toHaveLength(2);
        expect(byPath['strict/deposit.blueprint'].every((d: { rule: string; severity: string }) => d.rule === 'BP008' && d.severity === 'error')).toBe(true);
        expect(result.code).toBe(1);
    });

    test.each([
        ['an unknown rule', { rules: { BP999: 'off' } }, /^blueprint: blueprint\.config\.json: unknown rule 'BP999'/],
        ['a bad setting', { rules: { BP008: 'loud' } }, /^blueprint: blueprint\.config\.json: rule 'BP008' must be one of error, warning, info, hint, off/],
        ['rules that are not an object', { rules: ['BP008'] }, /^blueprint: blueprint\.config\.json: "rules" must be an object/],
        ['a rule that cannot be switched off', { rules: { BP000: 'off' } }, /^blueprint: blueprint\.config\.json: rule 'BP000' \(syntax\) cannot be reconfigured/]
    ])('a config file with %s is a usage error', async (_case, config, message) => {
        workspace = new Workspace({ 'blueprint.config.json': JSON.stringify(config), 'deposit.blueprint': BANK_DEPOSIT });
        const result = await workspace.run(['check']);
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr).toMatch(message);
        expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    });

    test('a config file that is not JSON is a usage error naming the file', async () => {
        workspace = new Workspace({ 'team/blueprint.config.json': '{ "rules": ', 'team/deposit.blueprint': BANK_DEPOSIT });
        const result = await workspace.run(['check', 'team']);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/^blueprint: team\/blueprint\.config\.json: .*JSON/);
    });

    test('--rule overrides the config file, repeatable and comma-separated', async () => {
        workspace = new Workspace({
            'blueprint.config.json': JSON.stringify({ rules: { BP008: 'off' } }),
            'deposit.blueprint': BANK_DEPOSIT,
            'broken.blueprint': BROKEN
        });
        const result = await workspace.run(['check', '--format', 'json', '--rule', 'BP008=error', '--rule', 'BP001=off,metric-target=warning']);
        const diagnostics = JSON.parse(result.stdout).files.flatMap((file: { diagnostics: unknown[] }) => file.diagnostics) as Array<{ rule: string; severity: string }>;
        expect(diagnostics.filter(d => d.rule === 'BP008').map(d => d.severity)).toEqual(['error', 'error']);
        expect(diagnostics.some(d => d.rule === 'BP001')).toBe(false);
        expect(diagnostics.filter(d => d.rule === 'BP013').map(d => d.severity)).toEqual(['warning']);
        expect(result.code).toBe(1);
    });

    test.each([
        [['--rule', 'BP008'], /argument 'BP008' is invalid/],
        [['--rule', 'BP777=off'], /^blueprint: --rule: unknown rule 'BP777'/],
        [['--rule', 'BP008=loud'], /^blueprint: --rule: rule 'BP008' must be one of/]
    ])('a bad --rule %j is a usage error', async (args, message) => {
        workspace = new Workspace({ 'deposit.blueprint': BANK_DEPOSIT });
        const result = await workspace.run(['check', ...args]);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(message);
    });
});

describe('imports', () => {
    const SHARED = 'actor Teller "Teller"\nactor Teller "Second teller"\n';
    const MAIN = `import "../shared/people.blueprint"\n\n${CLEAN.replace('    actor Teller "Teller"\n', '')}`;

    test('an imported file outside the paths is validated but not reported', async () => {
        workspace = new Workspace({ 'shared/people.blueprint': SHARED, 'app/main.blueprint': MAIN });
        const result = await workspace.run(['check', 'app', '--format', 'json']);
        const output = JSON.parse(result.stdout);
        // Teller resolves through the import, so the main file is clean.
        expect(output.files).toEqual([{ path: 'app/main.blueprint', diagnostics: [] }]);
        expect(result.code).toBe(0);
    });

    test('--report-imports reports it too', async () => {
        workspace = new Workspace({ 'shared/people.blueprint': SHARED, 'app/main.blueprint': MAIN });
        const result = await workspace.run(['check', 'app', '--format', 'json', '--report-imports']);
        const output = JSON.parse(result.stdout);
        expect(output.files.map((file: { path: string }) => file.path)).toEqual(['app/main.blueprint', 'shared/people.blueprint']);
        expect(output.files[1].diagnostics.map((d: { rule: string }) => d.rule)).toEqual(['BP001']);
        expect(result.code).toBe(1);
    });

    test('an imported file inside the paths is reported once', async () => {
        workspace = new Workspace({ 'shared/people.blueprint': SHARED, 'app/main.blueprint': MAIN });
        const result = await workspace.run(['check', 'app', 'shared', '--format', 'json']);
        const output = JSON.parse(result.stdout);
        expect(output.files.map((file: { path: string }) => file.path)).toEqual(['app/main.blueprint', 'shared/people.blueprint']);
        expect(result.code).toBe(1);
    });

    test('a missing import is reported as BP003 in the importing file', async () => {
        workspace = new Workspace({ 'main.blueprint': `import "nowhere.blueprint"\n\n${CLEAN}` });
        const result = await workspace.run(['check', 'main.blueprint', '--format', 'json']);
        expect(JSON.parse(result.stdout).files[0].diagnostics.map((d: { rule: string }) => d.rule)).toContain('BP003');
        expect(result.code).toBe(1);
    });
});

describe('colors', () => {
    test('no colors when stdout is not a terminal', async () => {
        workspace = new Workspace({ 'deposit.blueprint': BANK_DEPOSIT });
        expect((await workspace.run(['check'])).stdout).not.toMatch(ANSI);
    });

    test('FORCE_COLOR asks for colors; NO_COLOR always wins', async () => {
        workspace = new Workspace({ 'deposit.blueprint': BANK_DEPOSIT });
        expect((await workspace.run(['check'], { FORCE_COLOR: '1' })).stdout).toMatch(ANSI);
        expect((await workspace.run(['check'], { FORCE_COLOR: '1', NO_COLOR: '1' })).stdout).not.toMatch(ANSI);
    });

    // `script` gives the CLI a real terminal as stdout.
    const hasScript = spawnSync('script', ['--version']).status === 0;
    test.skipIf(!hasScript)('colors on a terminal, none there with NO_COLOR', () => {
        workspace = new Workspace({ 'deposit.blueprint': BANK_DEPOSIT });
        const inTerminal = (env: Record<string, string>) => spawnSync('script', ['-qec', `"${process.execPath}" "${CLI_BIN}" check`, '/dev/null'], {
            cwd: workspace.root, encoding: 'utf8', env: { ...withoutColorVariables(), ...env }, timeout: 20_000
        }).stdout;
        const colored = inTerminal({});
        expect(colored).toContain('deposit.blueprint');
        expect(colored).toMatch(ANSI);
        const plain = inTerminal({ NO_COLOR: '1' });
        expect(plain).toContain('deposit.blueprint');
        expect(plain).not.toMatch(ANSI);
    });
});

function withoutColorVariables(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) {
        if (value !== undefined && key !== 'FORCE_COLOR' && key !== 'NO_COLOR') env[key] = value;
    }
    return env;
}

describe('ignore patterns in blueprint.config.json', () => {
    test('a folder walk skips ignored folders, naming the folder checks it, a bad ignore value is an error', async () => {
        workspace = new Workspace({
            'bp/blueprint.config.json': JSON.stringify({ ignore: ['drafts'] }),
            'bp/good.blueprint': CLEAN,
            'bp/drafts/broken.blueprint': BROKEN
        });
        const walk = await workspace.run(['check', 'bp']);
        expect(walk.code).toBe(0);
        expect(walk.stdout).toContain('Checked 1 file: no problems.');
        const named = await workspace.run(['check', 'bp/drafts']);
        expect(named.code).toBe(1);
        expect(named.stdout).toContain('BP001');
        workspace.write('bp/blueprint.config.json', JSON.stringify({ ignore: 'drafts', extra: 1 }));
        const bad = await workspace.run(['check', 'bp/good.blueprint']);
        expect(bad.code).toBe(2);
        expect(bad.stderr).toContain('unknown field "extra"');
        expect(bad.stderr).toContain('"ignore" must be a list');
    });
});
