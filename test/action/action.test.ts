/**
 * The GitHub Action as GitHub runs it. Statically: action.yml and the documented workflow parse
 * (strict YAML), every input and step output they use exists, third-party actions are pinned by
 * commit. End to end: the composite steps run in a simulated runner (test/action/simulated-runner.ts)
 * on a temporary git repository with a base and a head commit, with the packed service-blueprint
 * CLI and a stub `gh` on PATH that records what it is asked to post.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packServiceBlueprint } from '../package/pack.js';
import { evaluate, type Value } from './expressions.js';
import { readAction, runAction, type RunOptions, type RunResult } from './simulated-runner.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const STUB_BIN = fileURLToPath(new URL('./stub-bin', import.meta.url));
const REPOSITORY = 'acme/blueprints';
const BOT = 'github-actions[bot]';
const MARKER = '<!-- blueprint-diff -->';
/** Outputs of actions/upload-artifact v7 (its action.yml). */
const UPLOAD_ARTIFACT_OUTPUTS = ['artifact-id', 'artifact-url', 'artifact-digest'];

const action = readAction(join(ROOT, 'action.yml'));
const expressionsIn = (text: string) => [...text.matchAll(/\$\{\{(.*?)\}\}/gs)].map(m => m[1]);

describe('action.yml and the documented workflow', () => {
    const stepTexts = action.runs.steps.map(step => JSON.stringify(step));
    const everything = JSON.stringify(action.runs.steps) + JSON.stringify(action.outputs) + JSON.stringify(action.inputs);

    it('parse as strict YAML', () => {
        expect(action.name).toBe('Blueprint review');
        for (const file of readdirSync(join(ROOT, 'docs/ci')).filter(f => /\.ya?ml$/.test(f))) {
            expect(() => parse(readFileSync(join(ROOT, 'docs/ci', file), 'utf8'), { strict: true, uniqueKeys: true }), file).not.toThrow();
        }
    });

    it('uses only the inputs it declares, and every input it declares', () => {
        const used = new Set([...everything.matchAll(/\binputs\.([A-Za-z0-9_-]+)/g)].map(m => m[1]));
        expect([...used].sort()).toEqual(Object.keys(action.inputs).sort());
    });

    it('reads only step outputs that an earlier step writes', () => {
        const scriptOf = (index: number) => {
            const run = action.runs.steps[index].run ?? '';
            const script = /\$GITHUB_ACTION_PATH\/(action\/[\w.-]+)/.exec(run)?.[1];
            return run + (script ? readFileSync(join(ROOT, script), 'utf8') : '');
        };
        const references = [...stepTexts.entries(), [-1, JSON.stringify(action.outputs)] as const];
        for (const [at, text] of references) {
            for (const [, id, kind, output] of text.matchAll(/\bsteps\.([\w-]+)\.(outputs|outcome|conclusion)\.?([\w-]*)/g)) {
                const index = action.runs.steps.findIndex(step => step.id === id);
                expect(index, `step '${id}'`).toBeGreaterThanOrEqual(0);
                if (at >= 0) expect(index, `step '${id}' runs before it is read`).toBeLessThan(at);
                if (kind !== 'outputs') continue;
                const writer = action.runs.steps[index];
                if (writer.uses) expect(UPLOAD_ARTIFACT_OUTPUTS, `${id}.outputs.${output}`).toContain(output);
                else expect(scriptOf(index), `${id} writes ${output}`).toMatch(new RegExp(`(echo "|\\b)${output}=`));
            }
        }
    });

    it('has expressions the runner can evaluate', () => {
        const context: Record<string, Value> = { inputs: {}, github: {}, steps: {}, runner: {}, env: {} };
        for (const expression of expressionsIn(everything)) {
            expect(() => evaluate(expression, context, { failed: false }), expression).not.toThrow();
        }
        for (const step of action.runs.steps.filter(s => s.if)) {
            expect(() => evaluate(step.if!.replace(/^\$\{\{|\}\}$/g, ''), context, { failed: false })).not.toThrow();
        }
    });

    it('pins every third-party action by commit SHA and builds nothing on the runner', () => {
        const workflows = readdirSync(join(ROOT, 'docs/ci')).map(f => readFileSync(join(ROOT, 'docs/ci', f), 'utf8'));
        const uses = [...[JSON.stringify(action), ...workflows].join('\n').matchAll(/uses"?:\s*"?([^"\s#]+)/g)].map(m => m[1]);
        expect(uses.length).toBeGreaterThan(2);
        for (const reference of uses.filter(u => !u.startsWith('blueprint-tools/blueprint@'))) {
            expect(reference, reference).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
        }
        expect(everything).not.toMatch(/npm (ci|run build)|tsc\b/);
    });

    it('documents a workflow that uses this action with inputs it has', () => {
        const workflow = parse(readFileSync(join(ROOT, 'docs/ci/blueprint-review.yml'), 'utf8')) as {
            permissions: Record<string, string>; jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, unknown> }> }>;
        };
        expect(workflow.permissions['pull-requests']).toBe('write');
        const steps = Object.values(workflow.jobs).flatMap(job => job.steps);
        const ours = steps.find(step => step.uses?.startsWith('blueprint-tools/blueprint@'));
        expect(ours, 'a step using blueprint-tools/blueprint').toBeDefined();
        for (const input of Object.keys(ours!.with ?? {})) expect(Object.keys(action.inputs)).toContain(input);
        const manifest = JSON.parse(readFileSync(join(ROOT, 'packages/extension/package.json'), 'utf8')) as { repository: { url: string } };
        expect(manifest.repository.url).toContain('blueprint-tools/blueprint');
        const cliVersion = (JSON.parse(readFileSync(join(ROOT, 'packages/blueprint-cli/package.json'), 'utf8')) as { version: string }).version;
        expect(action.inputs.cli.default).toBe(`service-blueprint@${cliVersion}`);
    });

    it('asks of the CLI only what the default cli has (no input needs a newer version than the default)', () => {
        const defaultVersion = /^service-blueprint@(.+)$/.exec(String(action.inputs.cli.default))?.[1];
        expect(defaultVersion).toBeDefined();
        const parts = (version: string) => version.split('.').map(Number);
        const older = (a: string, b: string) => {
            const [x, y] = [parts(a), parts(b)];
            for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0);
            return false;
        };
        for (const [name, input] of Object.entries(action.inputs)) {
            const text = String(input.description ?? '').replace(/\s+/g, ' ');
            for (const [, version] of text.matchAll(/newer than service-blueprint (\d+(?:\.\d+)*)/g)) {
                expect(older(version, defaultVersion!), `input '${name}' needs a CLI newer than ${version}, the default is ${defaultVersion}`).toBe(true);
            }
            // A version named as the default's must be the default.
            for (const [, version] of text.matchAll(/default `cli`, service-blueprint (\d+(?:\.\d+)*)/g)) expect(version, name).toBe(defaultVersion);
        }
        expect(String(action.inputs.mermaid.description)).toContain('--mermaid');
    });
});

describe('the action in a simulated runner', () => {
    let scratch: string;
    let tarball: string;
    let repo: string;
    let state: string;
    let log: string;

    const git = (...args: string[]) => {
        const result = spawnSync('git', ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', ...args], { cwd: repo, encoding: 'utf8' });
        if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
        return result.stdout.trim();
    };
    const ghCalls = () => existsSync(log)
        ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map(line => JSON.parse(line) as { args: string[]; input?: { body: string } })
        : [];
    const comments = () => (JSON.parse(readFileSync(state, 'utf8')) as { comments: Array<{ id: number; user: { login: string }; body: string }> }).comments;
    const writes = () => ghCalls().filter(call => call.args.includes('--method'));

    function pullRequestEvent(options: { fork?: boolean } = {}): Record<string, Value> {
        return {
            number: 7,
            pull_request: {
                number: 7,
                base: { sha: git('rev-parse', 'base'), repo: { full_name: REPOSITORY } },
                head: { sha: git('rev-parse', 'HEAD'), repo: { full_name: options.fork ? 'contributor/blueprints' : REPOSITORY } }
            }
        };
    }

    function run(inputs: Record<string, string>, options: Partial<RunOptions> = {}): RunResult {
        const artifactStore = mkdtempSync(join(scratch, 'artifacts-'));
        return runAction({
            actionPath: ROOT, workspace: repo, eventName: 'pull_request', event: pullRequestEvent(), repository: REPOSITORY,
            path: [STUB_BIN], artifactStore, ...options,
            inputs: { cli: tarball, paths: 'blueprints', ...inputs },
            env: { GH_STUB_STATE: state, GH_STUB_LOG: log, ...options.env }
        });
    }

    function commit(file: string, edit: (text: string) => string, message: string): void {
        const target = join(repo, file);
        const before = readFileSync(target, 'utf8');
        const after = edit(before);
        expect(after, `edit of ${file}`).not.toBe(before);
        writeFileSync(target, after);
        git('commit', '-qam', message);
    }

    beforeAll(() => {
        scratch = mkdtempSync(join(tmpdir(), 'blueprint-action-'));
        tarball = packServiceBlueprint(scratch);
    }, 180_000);

    afterAll(() => {
        if (scratch) rmSync(scratch, { recursive: true, force: true });
    });

    function freshRepository(): void {
        repo = mkdtempSync(join(scratch, 'repo-'));
        mkdirSync(join(repo, 'blueprints/branch/deep'), { recursive: true });
        cpSync(join(ROOT, 'examples/bank-deposit.blueprint'), join(repo, 'blueprints/bank-deposit.blueprint'));
        cpSync(join(ROOT, 'examples/branch-visit.blueprint'), join(repo, 'blueprints/branch/deep/branch-visit.blueprint'));
        git('init', '-q', '-b', 'main');
        git('add', '.');
        git('commit', '-qm', 'base');
        git('tag', 'base');
        commit('blueprints/bank-deposit.blueprint', text => text.replace('"Deposit at the branch counter"', '"Cash deposit at the counter"'), 'retitle');
        state = join(scratch, `gh-state-${Date.now()}.json`);
        log = join(scratch, `gh-log-${Date.now()}.jsonl`);
        writeFileSync(state, JSON.stringify({
            repository: REPOSITORY, number: 7, nextId: 100, botLogin: BOT,
            // Someone quoting the marker: the action must never take this comment over.
            comments: [{ id: 1, issue: 7, user: { login: 'mallory' }, body: `${MARKER}\nLooks good to me` }]
        }));
    }

    it('posts one sticky comment, then updates it on the next push; fails on risk only after commenting', () => {
        freshRepository();
        const first = run({ 'fail-on-risk': 'true' });
        expect(first.steps.map(s => `${s.name}: ${s.outcome}`)).toEqual([
            'Install the Blueprint CLI: success', 'Check blueprints: success', 'Semantic diff: success', 'Upload the diff: success',
            'Comment on the pull request: success', 'Fail on risky changes: skipped'
        ]);
        expect(first.failed).toBe(false);
        expect(writes().map(call => call.args.slice(0, 3))).toEqual([['api', '--method', 'POST']]);
        const posted = comments().filter(c => c.user.login === BOT);
        expect(posted).toHaveLength(1);
        expect(posted[0].body.startsWith(`${MARKER}\n`)).toBe(true);
        expect(posted[0].body).toContain('"Deposit at the branch counter" → "Cash deposit at the counter"');
        expect(posted[0].body).toContain(`https://github.com/${REPOSITORY}/actions/runs/1001/artifacts/`);
        expect(first.outputs['comment-url']).toBe(`https://github.com/${REPOSITORY}/pull/7#issuecomment-${posted[0].id}`);
        expect(first.outputs.risky).toBe('false');
        expect(first.summary).toContain('Cash deposit at the counter');
        // One diff run produced every format, and the artifact holds them.
        const [artifact] = first.artifacts;
        expect(artifact.name).toMatch(/^blueprint-diff-review-[0-9a-f]{8}$/);
        expect(readdirSync(artifact.folder).sort()).toEqual(['diff.json', 'diff.md', 'svg']);
        expect(readdirSync(join(artifact.folder, 'svg/blueprints'))).toEqual(['bank-deposit.diff.svg']);

        // The second push lengthens a wait: a risk. The same comment is updated, then the job fails.
        commit('blueprints/bank-deposit.blueprint', text => text.replace('wait 8 min tolerance 15 min', 'wait 12 min tolerance 15 min'), 'slower');
        const second = run({ 'fail-on-risk': 'true' }, { runId: 1002 });
        expect(second.steps.map(s => s.outcome)).toEqual(['success', 'success', 'success', 'success', 'success', 'failure']);
        expect(second.failed).toBe(true);
        expect(second.annotations.some(a => a.startsWith('::error') && a.includes('risky changes'))).toBe(true);
        expect(writes().map(call => call.args.slice(0, 4))).toEqual([
            ['api', '--method', 'POST', `repos/${REPOSITORY}/issues/7/comments`],
            ['api', '--method', 'PATCH', `repos/${REPOSITORY}/issues/comments/${posted[0].id}`]
        ]);
        const after = comments();
        expect(after.filter(c => c.user.login === BOT)).toHaveLength(1);
        expect(after.find(c => c.user.login === BOT)!.body).toMatch(/8 min.*12 min/s);
        expect(after.find(c => c.user.login === 'mallory')!.body).toBe(`${MARKER}\nLooks good to me`);
    }, 180_000);

    it('puts the diff in the job summary with a notice for a pull request from a fork, without failing', () => {
        freshRepository();
        const result = run({}, { event: pullRequestEvent({ fork: true }) });
        expect(result.failed).toBe(false);
        expect(ghCalls()).toEqual([]);
        expect(result.annotations.some(a => a.startsWith('::notice') && a.includes('fork'))).toBe(true);
        expect(result.summary).toContain('comes from a fork');
        expect(result.summary).toContain('Cash deposit at the counter');
        expect(result.outputs['comment-url']).toBe('');
    }, 120_000);

    it('degrades to the job summary with a warning when the token may not comment', () => {
        freshRepository();
        const result = run({}, { env: { GH_STUB_DENY_WRITES: '1' } });
        expect(result.failed).toBe(false);
        expect(result.annotations.some(a => a.startsWith('::warning') && a.includes('pull-requests: write'))).toBe(true);
        expect(result.summary).toContain('Could not comment');
        expect(comments().filter(c => c.user.login === BOT)).toEqual([]);
    }, 120_000);

    it('passes glob patterns to the CLI unexpanded and annotates what check finds', () => {
        freshRepository();
        // bash (without globstar) would read **/ as one level: it would pass only shallow.blueprint.
        cpSync(join(ROOT, 'examples/bank-deposit.blueprint'), join(repo, 'blueprints/branch/shallow.blueprint'));
        git('add', '.');
        commit('blueprints/branch/deep/branch-visit.blueprint', text => text.replace(/\}\s*$/, '    customer Lonely "A step no flow reaches"\n}\n'), 'add a step');
        const result = run({ paths: 'blueprints/**/*.blueprint', 'max-warnings': '0', comment: 'false' });
        const check = result.steps.find(s => s.name === 'Check blueprints')!;
        expect(check.outcome).toBe('failure');
        expect(check.stdout).toMatch(/^::warning file=blueprints\/branch\/deep\/branch-visit\.blueprint,line=\d+/m);
        // The diff still runs and reaches the summary; with comment: false nothing is posted.
        expect(result.steps.find(s => s.name === 'Semantic diff')!.outcome).toBe('success');
        expect(result.summary).toContain('branch-visit.blueprint');
        expect(ghCalls()).toEqual([]);
    }, 120_000);

    it('draws the changed region as Mermaid in the comment with mermaid: true, and not without it', () => {
        freshRepository();
        // A new blueprint in the same pull request: reviewed like a changed one, not an empty heading.
        writeFileSync(join(repo, 'blueprints/new-visit.blueprint'), readFileSync(join(ROOT, 'examples/bank-deposit.blueprint'), 'utf8'));
        git('add', '.');
        commit('blueprints/bank-deposit.blueprint', text => text.replace('"Call the number"', '"Call the number aloud"'), 'relabel');
        const drawn = run({ mermaid: 'true', comment: 'false' });
        expect(drawn.steps.find(s => s.name === 'Semantic diff')!.outcome).toBe('success');
        expect(drawn.summary).toMatch(/```mermaid\n[\s\S]*Call the number aloud[\s\S]*class [^\n]* changed\n[\s\S]*```/);
        const created = drawn.summary.slice(drawn.summary.indexOf('### New blueprint'));
        expect(created).toMatch(/^### New blueprint: .* — `blueprints\/new-visit\.blueprint`\n\n\d+ steps \(/);
        expect(created).toMatch(/\| Expected \| .*\d+ min/);
        expect(created).toContain('```mermaid');
        expect(drawn.outputs.risky).toBe('false');
        expect(readdirSync(join(drawn.artifacts[0].folder, 'svg/blueprints')).sort()).toEqual(['bank-deposit.diff.svg', 'new-visit.diff.svg']);
        const plain = run({ comment: 'false' });
        expect(plain.summary).toContain('Call the number aloud');
        expect(plain.summary).not.toContain('```mermaid');
    }, 180_000);

    it('keeps a long diff under the comment limit with a link to the artifact', () => {
        freshRepository();
        // Forty steps relabelled in each of twenty files: a diff far over 65,536 characters.
        const steps = Array.from({ length: 40 }, (_, i) => `    customer S${i} "Step ${i} of the long process" {${i === 0 ? ' start' : ''}${i === 39 ? ' end' : ''} }`).join('\n');
        const flows = Array.from({ length: 39 }, (_, i) => `    flow S${i} -> S${i + 1}`).join('\n');
        for (let f = 0; f < 20; f++) writeFileSync(join(repo, `blueprints/long-${f}.blueprint`), `blueprint Long${f} "Long ${f}" {\n${steps}\n${flows}\n}\n`);
        git('add', '.');
        git('commit', '-qm', 'long ones');
        git('tag', '-f', 'base');
        for (let f = 0; f < 20; f++) {
            commit(`blueprints/long-${f}.blueprint`, text => text.replace(/of the long process/g, 'of the rather longer process, relabelled'), `relabel ${f}`);
        }
        const result = run({});
        expect(result.failed).toBe(false);
        const markdown = readFileSync(result.outputs['diff-markdown'], 'utf8');
        expect(markdown.length).toBeGreaterThan(65_536);
        const [posted] = comments().filter(c => c.user.login === BOT);
        expect(posted.body.length).toBeLessThanOrEqual(65_536);
        expect(posted.body).toContain('too long for a comment');
        expect(posted.body).toContain(`/actions/runs/1001/artifacts/`);
        expect((posted.body.match(/^```/gm) ?? []).length % 2).toBe(0);
    }, 180_000);
});
