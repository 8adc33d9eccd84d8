/** `blueprint diff`: two files, REV:path from git, --git over a temporary repository, formats and exit codes. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { CLEAN, Workspace, ensureBuilt } from './cli-harness.js';

beforeAll(ensureBuilt);

let workspace: Workspace;
afterEach(() => workspace?.dispose());

/** CLEAN with one more wait and a loosened answer: a realistic small iteration. */
const ITERATED = CLEAN
    .replace('evidence "Counter sign"', 'evidence "Counter sign"\n        wait 5 min tolerance 10 min')
    .replace('frontstage Answer "Answer the question"', 'frontstage Answer "Answer the question politely"');

function git(cwd: string, ...args: string[]): string {
    const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
    return result.stdout;
}

function repository(files: Record<string, string>): Workspace {
    const ws = new Workspace(files);
    git(ws.root, 'init', '-q', '-b', 'main');
    git(ws.root, 'add', '.');
    git(ws.root, 'commit', '-q', '-m', 'first');
    return ws;
}

describe('blueprint diff', () => {
    test('compares two files and reports the changes as Markdown, exit 0', async () => {
        workspace = new Workspace({ 'old.blueprint': CLEAN, 'new.blueprint': ITERATED });
        const result = await workspace.run(['diff', 'old.blueprint', 'new.blueprint']);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        expect(result.stdout).toContain('### Blueprint changes: Help at the counter');
        expect(result.stdout).toContain('Step Ask "Ask for help": new wait point (5 min, tolerance 10 min)');
        expect(result.stdout).toContain('the customer now waits here');
        expect(result.stdout).toContain('Step Answer: label "Answer the question" → "Answer the question politely"');
    });

    test('writes the structured change set as JSON', async () => {
        workspace = new Workspace({ 'old.blueprint': CLEAN, 'new.blueprint': ITERATED });
        const result = await workspace.run(['diff', 'old.blueprint', 'new.blueprint', '--format', 'json', '-o', 'out/diff.json']);
        expect(result.code).toBe(0);
        expect(result.stdout).toBe('');
        const json = JSON.parse(workspace.read('out/diff.json'));
        expect(json.summary).toMatchObject({ changes: 2, risks: 1, customerVisible: 2 });
        expect(json.changes.map((c: { kind: string; id: string }) => `${c.kind} ${c.id}`).sort()).toEqual(['relabelled Answer', 'wait-added Ask']);
    });

    test('--fail-on risk exits 1 when a risky change exists, 0 otherwise', async () => {
        workspace = new Workspace({ 'old.blueprint': CLEAN, 'new.blueprint': ITERATED, 'same.blueprint': CLEAN });
        expect((await workspace.run(['diff', 'old.blueprint', 'new.blueprint', '--fail-on', 'risk'])).code).toBe(1);
        expect((await workspace.run(['diff', 'old.blueprint', 'same.blueprint', '--fail-on', 'risk'])).code).toBe(0);
    });

    test('says that REV:path needs git when the folder is not in a repository', async () => {
        workspace = new Workspace({ 'help.blueprint': CLEAN });
        // Even if the temporary folder happened to lie inside a repository, git stops looking above it.
        const noParents = { GIT_CEILING_DIRECTORIES: path.dirname(workspace.root) };
        const result = await workspace.run(['diff', 'main:help.blueprint', 'help.blueprint'], noParents);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/is not in a git repository, and REV:path and --git read from git \(to compare two files, name both/);
        expect(result.stderr).not.toMatch(/fatal:/);
        const all = await workspace.run(['diff', '--git', 'main'], noParents);
        expect(all.code).toBe(2);
        expect(all.stderr).toMatch(/is not in a git repository/);
    });

    test('reads REV:path from git, imports included', async () => {
        workspace = repository({
            'shared.blueprint': 'actor Teller "Teller"\n',
            'help.blueprint': CLEAN.replace('    actor Teller "Teller"\n', '').replace('blueprint Help', 'import "shared.blueprint"\nblueprint Help')
        });
        workspace.write('help.blueprint', workspace.read('help.blueprint').replace('"Answer the question"', '"Answer at once"'));
        const result = await workspace.run(['diff', 'main:help.blueprint', 'help.blueprint', '--format', 'json']);
        expect(result.stderr).toBe('');
        const json = JSON.parse(result.stdout);
        expect(json.changes).toMatchObject([{ kind: 'relabelled', id: 'Answer', before: 'Answer the question', after: 'Answer at once' }]);
    });

    test('--git compares every changed blueprint with the working tree, new and deleted files included', async () => {
        workspace = repository({ 'a.blueprint': CLEAN, 'b.blueprint': CLEAN.replace('Help', 'Other'), 'c.blueprint': CLEAN.replace('Help', 'Gone') });
        workspace.write('a.blueprint', ITERATED);
        workspace.write('d.blueprint', CLEAN.replace('Help', 'Fresh'));
        spawnSync('rm', [workspace.path('c.blueprint')]);
        const result = await workspace.run(['diff', '--git', 'main']);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        expect(result.stdout).toContain('### Blueprint changes: Help at the counter — `a.blueprint`');
        expect(result.stdout).not.toContain('b.blueprint');
        expect(result.stdout).toContain('### Deleted blueprint — `c.blueprint`');
        // A new blueprint is reviewed like a changed one: what it holds and its time, not an empty heading.
        expect(result.stdout).toMatch(/### New blueprint: Help at the counter — `d\.blueprint`\n\n\d+ steps? \(Customer actions \d+, Frontstage actions \d+\)/);
        const json = JSON.parse((await workspace.run(['diff', '--git', 'main', '--format', 'json'])).stdout);
        const fresh = json.files.find((f: { path: string }) => f.path === 'd.blueprint');
        expect(fresh).toMatchObject({ status: 'added', created: { flows: expect.any(Number) }, summary: { risks: 0 } });
        expect(fresh.changes.filter((c: { kind: string; subject: string }) => c.subject === 'step').every((c: { kind: string }) => c.kind === 'added')).toBe(true);
        const out = await workspace.run(['diff', '--git', 'main', '--out-dir', 'review']);
        expect(out.code).toBe(0);
        const svg = workspace.read('review/svg/d.diff.svg');
        expect(svg).toContain('bp-added');
        expect(svg).not.toContain('data-key="box:removed"');
    });

    test('says what a change does to the time standard: figures before → after, the verdict, new and resolved findings', async () => {
        const fixture = (name: string) => readFileSync(new URL(`../diff/fixtures/${name}`, import.meta.url), 'utf8');
        workspace = new Workspace({ 'v1.blueprint': fixture('first-line-v1.blueprint'), 'v2.blueprint': fixture('first-line-v2.blueprint'), 'v3.blueprint': fixture('first-line-v3.blueprint') });
        // Shares 95/5 → 80/20: 19 min 42 s → 56 min 18 s, over the 30 min standard.
        const shares = await workspace.run(['diff', 'v1.blueprint', 'v2.blueprint']);
        expect(shares.code).toBe(0);
        expect(shares.stdout).toContain('| Time standard | 30 min | 30 min |');
        expect(shares.stdout).toContain('| Expected | at least 19 min 42 s, within the 30 min standard | ⚠️ at least 56 min 18 s, **now above the 30 min standard** |');
        expect(shares.stdout).toMatch(/\| Worst case \| at least 4 h 11 min 30 s, above the 30 min standard \| at least 4 h 11 min 30 s, above the 30 min standard \|/);
        expect(shares.stdout).toMatch(/- ⚠️ New: BP024 The expected time is at least 56 min 18 s, more than the time standard of 30 min/);
        expect(shares.stdout).toMatch(/- ✅ Resolved: BP024 The expected time is within the time standard of 30 min/);
        expect(shares.stdout).toContain('Expected time at least 19 min 42 s → at least 56 min 18 s: now above the 30 min time standard — _an average journey now takes longer than the customer accepts_');
        const json = JSON.parse((await workspace.run(['diff', 'v1.blueprint', 'v3.blueprint', '--format', 'json'])).stdout);
        // Duration 4 → 20 min: 35 min 42 s.
        expect(json.time.before).toMatchObject({ expectedSeconds: 19 * 60 + 42, toleranceSeconds: 1800, expectedAboveStandard: false, worstCaseAboveStandard: true });
        expect(json.time.after).toMatchObject({ expectedSeconds: 35 * 60 + 42, expectedAboveStandard: true });
        expect(json.time.after.criticalPath).toEqual(['Dial', 'Answer', 'Ticket', 'Investigate', 'CallBack', 'Done']);
        expect(json.diagnostics.added.map((d: { rule: string }) => d.rule)).toEqual(['BP024']);
        expect(json.changes.find((c: { kind: string }) => c.kind === 'time-standard-exceeded')).toMatchObject({ subject: 'blueprint', customerVisible: true });
        expect(json.summary.risks).toBe(2);
        // --fail-on risk catches a change that puts the expected time over the standard.
        expect((await workspace.run(['diff', 'v1.blueprint', 'v3.blueprint', '--fail-on', 'risk'])).code).toBe(1);
    });

    test('bad input: unknown revision, missing file, broken blueprint, wrong number of sides', async () => {
        workspace = repository({ 'a.blueprint': CLEAN });
        const unknown = await workspace.run(['diff', 'nope:a.blueprint', 'a.blueprint']);
        expect(unknown.code).toBe(2);
        expect(unknown.stderr).toContain("unknown git revision 'nope'");
        const missing = await workspace.run(['diff', 'a.blueprint', 'missing.blueprint']);
        expect(missing.code).toBe(2);
        expect(missing.stderr).toMatch(/missing\.blueprint: .*no such file/);
        workspace.write('broken.blueprint', CLEAN.replace('flow Ask -> Answer', 'flow Ask -> Nowhere'));
        const broken = await workspace.run(['diff', 'a.blueprint', 'broken.blueprint']);
        expect(broken.code).toBe(1);
        expect(broken.stderr).toContain('BP002');
        const one = await workspace.run(['diff', 'a.blueprint']);
        expect(one.code).toBe(2);
        expect(one.stderr).toContain('diff needs two sides');
    });
});
