/**
 * The conventions of ESLint- and Prettier-style tools: `-` for standard input with
 * `--stdin-filepath`, `--config`, .gitignore respected in folder walks, `-o` creating folders,
 * `REV:path` wherever a file is read, and `fmt` writing in place or to stdout.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { BROKEN, CLEAN, CLI_BIN, Workspace, ensureBuilt } from './cli-harness.js';

beforeAll(ensureBuilt);

let workspace: Workspace;
afterEach(() => workspace?.dispose());

const DEAD_END = 'blueprint Lone "Lone" {\n    customer Ask "Ask" { evidence "Sign" start }\n}\n';
const UNFORMATTED = 'blueprint Help "Help" {\ncustomer Ask "Ask" { evidence "Sign" start end }\n}\n';

function git(cwd: string, ...args: string[]): void {
    const result = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(result.stderr);
}

describe('standard input', () => {
    test('check - reads standard input and reports it as <stdin>', async () => {
        workspace = new Workspace();
        const result = await workspace.run(['check', '-'], undefined, BROKEN);
        expect(result.code).toBe(1);
        expect(result.stdout).toMatch(/^<stdin>:\d+:\d+ error BP002 /m);
    });

    test('--stdin-filepath places the text: imports resolve and the nearest config applies', async () => {
        workspace = new Workspace({
            'flows/shared.blueprint': 'actor Teller "Teller"\n',
            'flows/blueprint.config.json': JSON.stringify({ rules: { BP016: 'off' } })
        });
        const text = 'import "shared"\nblueprint Lone "Lone" {\n    customer Ask "Ask" by Teller { evidence "Sign" start }\n}\n';
        const result = await workspace.run(['check', '-', '--stdin-filepath', 'flows/new.blueprint', '--format', 'json'], undefined, text);
        expect(result.stderr).toBe('');
        const report = JSON.parse(result.stdout) as { files: Array<{ path: string; diagnostics: Array<{ rule: string }> }> };
        expect(report.files.map(f => f.path)).toEqual(['flows/new.blueprint']);
        expect(report.files[0].diagnostics.map(d => d.rule)).toEqual([]);
        const elsewhere = await workspace.run(['check', '-', '--stdin-filepath', 'new.blueprint'], undefined, text);
        expect(elsewhere.stdout).toContain('BP003');
    });

    test('fmt - prints the formatted text; --check lists <stdin> and exits 1', async () => {
        workspace = new Workspace();
        const formatted = await workspace.run(['fmt', '-'], undefined, UNFORMATTED);
        expect(formatted.code).toBe(0);
        expect(formatted.stdout).toBe('blueprint Help "Help" {\n    customer Ask "Ask" {\n        evidence "Sign"\n        start\n        end\n    }\n}\n');
        const again = await workspace.run(['fmt', '-'], undefined, formatted.stdout);
        expect(again.stdout).toBe(formatted.stdout);
        const check = await workspace.run(['fmt', '-', '--check'], undefined, UNFORMATTED);
        expect([check.code, check.stdout]).toEqual([1, '<stdin>\n']);
    });

    test("'-' cannot be mixed with paths", async () => {
        workspace = new Workspace({ 'help.blueprint': CLEAN });
        const result = await workspace.run(['check', '-', 'help.blueprint'], undefined, CLEAN);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain("'-' (standard input) cannot be combined");
    });
});

describe('configuration and ignored files', () => {
    test('--config replaces the nearest blueprint.config.json', async () => {
        workspace = new Workspace({
            'flows/lone.blueprint': DEAD_END,
            'flows/blueprint.config.json': JSON.stringify({ rules: { BP016: 'error' } }),
            'ci/strict.json': JSON.stringify({ rules: { BP016: 'off' } })
        });
        expect((await workspace.run(['check', 'flows'])).code).toBe(1);
        const withConfig = await workspace.run(['check', 'flows', '--config', 'ci/strict.json']);
        expect([withConfig.code, withConfig.stdout.trim()]).toEqual([0, 'Checked 1 file: no problems.']);
        const missing = await workspace.run(['check', 'flows', '--config', 'ci/none.json']);
        expect(missing.code).toBe(2);
    });

    test('folder walks and patterns leave out what .gitignore ignores; a file named explicitly is checked', async () => {
        workspace = new Workspace({
            'flows/good.blueprint': CLEAN,
            'flows/generated/broken.blueprint': BROKEN,
            'flows/scratch.blueprint': BROKEN,
            '.gitignore': 'generated/\nscratch.blueprint\n'
        });
        git(workspace.root, 'init', '-q');
        const walk = await workspace.run(['check', 'flows', '--format', 'json']);
        expect(walk.code).toBe(0);
        expect((JSON.parse(walk.stdout) as { files: Array<{ path: string }> }).files.map(f => f.path)).toEqual(['flows/good.blueprint']);
        const pattern = await workspace.run(['check', 'flows/**/*.blueprint', '--format', 'json']);
        expect((JSON.parse(pattern.stdout) as { files: Array<{ path: string }> }).files.map(f => f.path)).toEqual(['flows/good.blueprint']);
        expect((await workspace.run(['check', 'flows/scratch.blueprint'])).code).toBe(1);
    });
});

describe('output and sources', () => {
    test('render -o and report -o create the folders they write into', async () => {
        workspace = new Workspace({ 'help.blueprint': CLEAN });
        const render = await workspace.run(['render', 'help.blueprint', '-o', 'out/svg/help.svg']);
        expect(render.code, render.stderr).toBe(0);
        expect(workspace.read('out/svg/help.svg')).toMatch(/^<svg /);
        const report = await workspace.run(['report', 'help.blueprint', '-o', 'out/md/help.md']);
        expect(report.code, report.stderr).toBe(0);
        expect(existsSync(workspace.path('out/md/help.md'))).toBe(true);
    });

    test('render and report read REV:path from git', async () => {
        workspace = new Workspace({ 'help.blueprint': CLEAN });
        git(workspace.root, 'init', '-q');
        git(workspace.root, 'add', '.');
        git(workspace.root, 'commit', '-qm', 'first');
        workspace.write('help.blueprint', CLEAN.replace('"Help at the counter"', '"Help at the desk"'));
        const old = await workspace.run(['render', 'HEAD:help.blueprint']);
        expect(old.code, old.stderr).toBe(0);
        expect(old.stdout).toContain('Help at the counter');
        const current = await workspace.run(['render', 'help.blueprint']);
        expect(current.stdout).toContain('Help at the desk');
        const report = await workspace.run(['report', 'HEAD:help.blueprint']);
        expect(report.stdout).toContain('Help at the counter');
    });

    test('fmt --stdout prints without touching the file; fmt --write rewrites it', async () => {
        workspace = new Workspace({ 'help.blueprint': UNFORMATTED });
        const printed = await workspace.run(['fmt', 'help.blueprint', '--stdout']);
        expect(printed.stdout).toContain('\n    customer Ask "Ask" {\n');
        expect(workspace.read('help.blueprint')).toBe(UNFORMATTED);
        const written = await workspace.run(['fmt', '--write', 'help.blueprint']);
        expect(written.code).toBe(0);
        expect(workspace.read('help.blueprint')).toBe(printed.stdout);
        expect((await workspace.run(['fmt', '--write', '--check', 'help.blueprint'])).code).toBe(2);
    });
});

describe('--watch', () => {
    /** Runs `args` until `done` says the output is complete, then interrupts it. */
    function watching(args: string[], steps: Array<{ until: RegExp; then?: () => void }>): Promise<{ stdout: string; stderr: string }> {
        return new Promise((resolve, reject) => {
            const child = spawn(process.execPath, [CLI_BIN, ...args], { cwd: workspace.root, env: { ...process.env, NO_COLOR: '1' } });
            let stdout = '', stderr = '', step = 0;
            const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`watch timed out at step ${step}: ${stdout}\n${stderr}`)); }, 60_000);
            const advance = () => {
                while (step < steps.length && steps[step].until.test(stdout + stderr)) {
                    steps[step].then?.();
                    step++;
                }
                if (step === steps.length) child.kill('SIGINT');
            };
            child.stdout.setEncoding('utf8').on('data', chunk => { stdout += chunk; advance(); });
            child.stderr.setEncoding('utf8').on('data', chunk => { stderr += chunk; advance(); });
            child.on('close', () => { clearTimeout(timer); resolve({ stdout, stderr }); });
        });
    }

    test('check --watch checks again when a file changes', async () => {
        workspace = new Workspace({ 'flows/help.blueprint': CLEAN });
        const { stdout, stderr } = await watching(['check', 'flows', '--watch'], [
            { until: /waiting for changes/, then: () => workspace.write('flows/help.blueprint', BROKEN) },
            { until: /error BP002/ }
        ]);
        expect(stdout).toContain('Checked 1 file: no problems.');
        expect(stdout).toMatch(/flows\/help\.blueprint:\d+:\d+ error BP002/);
        expect(stderr).toContain('[watch] changed: flows/help.blueprint');
    });

    test('render --watch draws again into -o', async () => {
        workspace = new Workspace({ 'help.blueprint': CLEAN });
        const { stderr } = await watching(['render', 'help.blueprint', '-o', 'out/help.svg', '--watch'], [
            { until: /waiting for changes/, then: () => workspace.write('help.blueprint', CLEAN.replace('"Help at the counter"', '"Help at the desk"')) },
            { until: /changed: help\.blueprint[\s\S]*wrote out\/help\.svg/ }
        ]);
        expect(stderr).toContain('[watch] wrote out/help.svg');
        expect(workspace.read('out/help.svg')).toContain('Help at the desk');
    });
});

describe('shell completion', () => {
    test('the bash script completes commands, their options and .blueprint files', async () => {
        workspace = new Workspace({ 'flows/help.blueprint': CLEAN, 'notes.txt': 'x' });
        const script = await workspace.run(['completion', 'bash']);
        expect(script.code).toBe(0);
        workspace.write('completion.sh', script.stdout);
        const complete = (...words: string[]) => spawnSync('bash', ['-c',
            `source completion.sh; COMP_WORDS=(${words.map(w => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _blueprint; printf '%s\\n' "\${COMPREPLY[@]}"`],
        { cwd: workspace.root, encoding: 'utf8' }).stdout.trim().split('\n').sort();
        expect(complete('blueprint', 're')).toEqual(['render', 'report']);
        expect(complete('blueprint', 'check', '--st')).toEqual(['--stdin-filepath']);
        expect(complete('blueprint', 'fmt', '--')).toContain('--write');
        expect(complete('blueprint', 'check', 'flows/')).toEqual(['flows/help.blueprint']);
    });

    test('zsh and fish scripts name every command; an unknown shell is a usage error', async () => {
        workspace = new Workspace();
        const zsh = await workspace.run(['completion', 'zsh']);
        const fish = await workspace.run(['completion', 'fish']);
        for (const command of ['check', 'fmt', 'render', 'report', 'diff', 'rules']) {
            expect(zsh.stdout).toContain(`${command})`);
            expect(fish.stdout).toContain(`-a ${command} `);
        }
        expect((await workspace.run(['completion', 'tcsh'])).code).toBe(2);
    });
});

describe('check --fix', () => {
    test('applies the safe fixes in place, then reports what is left', async () => {
        const text = 'blueprint W "W" {\n    customer Wait "Wait" {\n        evidence "Seat"\n        start\n        wait tolerance 10 min\n    }\n'
            + '    customer Again "Wait again" {\n        evidence "Seat"\n        wait\n    }\n    customer Leave "Leave" { end }\n    flow Wait -> Again -> Leave\n}\n';
        workspace = new Workspace({ 'w.blueprint': text });
        const before = await workspace.run(['check', '.']);
        expect(before.stdout.match(/BP010/g)).toHaveLength(2);
        const fixed = await workspace.run(['check', '.', '--fix']);
        expect(fixed.stderr).toContain('fixed 1 in w.blueprint');
        expect(workspace.read('w.blueprint')).toBe(text.replace('wait tolerance 10 min', 'wait 10 min tolerance 10 min'));
        expect(fixed.stdout.match(/BP010/g)).toHaveLength(1);
        const again = await workspace.run(['check', '.', '--fix']);
        expect(again.stderr).not.toContain('fixed');
    });
});
