/**
 * Runs a composite action (action.yml) the way a GitHub runner does, on this machine: inputs with
 * their defaults, `${{ }}` expressions, `if:` conditions with the implied `success()`, each `run:`
 * step in `bash --noprofile --norc -eo pipefail` with GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, step
 * outputs and outcomes, and the action's outputs. `uses:` steps are stood in for by the simulations
 * given (only actions/upload-artifact is needed here).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { condition, interpolate, type Value } from './expressions.js';

export interface ActionStep {
    readonly id?: string;
    readonly name?: string;
    readonly if?: string;
    readonly shell?: string;
    readonly run?: string;
    readonly uses?: string;
    readonly env?: Record<string, string>;
    readonly with?: Record<string, string>;
}

export interface ActionManifest {
    readonly name: string;
    readonly description: string;
    readonly inputs: Record<string, { description: string; default?: string; required?: boolean }>;
    readonly outputs: Record<string, { description: string; value: string }>;
    readonly runs: { using: string; steps: ActionStep[] };
}

export function readAction(file: string): ActionManifest {
    return parse(readFileSync(file, 'utf8'), { prettyErrors: true, strict: true, uniqueKeys: true }) as ActionManifest;
}

export interface StepResult {
    readonly id?: string;
    readonly name: string;
    readonly outcome: 'success' | 'failure' | 'skipped';
    readonly outputs: Record<string, string>;
    readonly stdout: string;
    readonly stderr: string;
}

export interface Artifact {
    readonly name: string;
    readonly folder: string;
}

export interface RunResult {
    readonly steps: StepResult[];
    readonly outputs: Record<string, string>;
    readonly failed: boolean;
    readonly summary: string;
    /** `::error`, `::warning` and `::notice` lines printed by the steps. */
    readonly annotations: string[];
    readonly artifacts: Artifact[];
}

export interface RunOptions {
    /** The action's folder (GITHUB_ACTION_PATH). */
    readonly actionPath: string;
    /** The checked-out repository the job runs in (GITHUB_WORKSPACE). */
    readonly workspace: string;
    readonly inputs: Record<string, string>;
    readonly eventName: string;
    readonly event: Record<string, Value>;
    /** owner/name */
    readonly repository: string;
    readonly job?: string;
    readonly runId?: number;
    readonly token?: string;
    /** Folders put first on PATH (stub executables). */
    readonly path?: string[];
    readonly env?: Record<string, string>;
    /** Where uploaded artifacts are kept; shared between runs to catch name collisions within one workflow run. */
    readonly artifactStore: string;
}

const UPLOAD_ARTIFACT = 'actions/upload-artifact@';

export function runAction(options: RunOptions): RunResult {
    const manifest = readAction(join(options.actionPath, 'action.yml'));
    if (manifest.runs.using !== 'composite') throw new Error(`not a composite action: ${manifest.runs.using}`);
    const temp = mkdtempSync(join(options.workspace, '..', 'runner-temp-'));
    const eventPath = join(temp, 'event.json');
    writeFileSync(eventPath, JSON.stringify(options.event));
    const summaryFile = join(temp, 'step-summary.md');
    writeFileSync(summaryFile, '');
    const runId = options.runId ?? 1001;

    const github: Record<string, Value> = {
        event_name: options.eventName, event: options.event, repository: options.repository,
        token: options.token ?? 'ghs_simulated', job: options.job ?? 'review', run_id: String(runId),
        server_url: 'https://github.com', action_path: options.actionPath, workspace: options.workspace
    };
    for (const name of Object.keys(options.inputs)) {
        if (!(name in manifest.inputs)) throw new Error(`unexpected input '${name}' (action.yml declares ${Object.keys(manifest.inputs).join(', ')})`);
    }
    const inputs: Record<string, Value> = {};
    const steps: Record<string, Value> = {};
    const context: Record<string, Value> = { github, inputs, steps, runner: { temp, os: 'Linux' }, env: {} };
    const status = { failed: false };
    for (const [name, input] of Object.entries(manifest.inputs)) {
        inputs[name] = options.inputs[name] ?? interpolate(input.default ?? '', context, status);
    }

    const baseEnv: Record<string, string> = {
        PATH: [...(options.path ?? []), process.env.PATH ?? ''].join(':'),
        HOME: process.env.HOME ?? temp,
        CI: 'true', GITHUB_ACTIONS: 'true',
        GITHUB_ACTION_PATH: options.actionPath, GITHUB_WORKSPACE: options.workspace,
        GITHUB_EVENT_NAME: options.eventName, GITHUB_EVENT_PATH: eventPath, GITHUB_REPOSITORY: options.repository,
        GITHUB_JOB: String(github.job), GITHUB_RUN_ID: String(runId), GITHUB_RUN_ATTEMPT: '1',
        GITHUB_SERVER_URL: 'https://github.com', GITHUB_STEP_SUMMARY: summaryFile, RUNNER_TEMP: temp, RUNNER_OS: 'Linux',
        ...options.env
    };

    const results: StepResult[] = [];
    const annotations: string[] = [];
    const artifacts: Artifact[] = [];
    manifest.runs.steps.forEach((step, index) => {
        const name = step.name ?? step.id ?? `step ${index + 1}`;
        if (!condition(step.if, context, status)) {
            results.push({ id: step.id, name, outcome: 'skipped', outputs: {}, stdout: '', stderr: '' });
            if (step.id) steps[step.id] = { outcome: 'skipped', conclusion: 'skipped', outputs: {} };
            return;
        }
        let result: StepResult;
        if (step.run !== undefined) {
            if (step.shell !== 'bash') throw new Error(`step '${name}': composite run steps need shell: bash`);
            const outputFile = join(temp, `output-${index}`);
            writeFileSync(outputFile, '');
            const script = join(temp, `step-${index}.sh`);
            writeFileSync(script, interpolate(step.run, context, status));
            const env: Record<string, string> = { ...baseEnv, GITHUB_OUTPUT: outputFile };
            for (const [key, value] of Object.entries(step.env ?? {})) env[key] = interpolate(String(value), context, status);
            const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
                cwd: options.workspace, env, encoding: 'utf8', timeout: 180_000
            });
            result = {
                id: step.id, name, outcome: run.status === 0 ? 'success' : 'failure',
                outputs: parseOutputFile(readFileSync(outputFile, 'utf8')), stdout: run.stdout, stderr: run.stderr
            };
            annotations.push(...run.stdout.split('\n').filter(line => /^::(error|warning|notice)\b/.test(line)));
        } else if (step.uses?.startsWith(UPLOAD_ARTIFACT)) {
            result = simulateUploadArtifact(step, name, context, status, options.artifactStore, options.repository, runId, artifacts);
        } else {
            throw new Error(`step '${name}': no simulation for uses: ${step.uses}`);
        }
        if (result.outcome === 'failure') status.failed = true;
        results.push(result);
        if (step.id) steps[step.id] = { outcome: result.outcome, conclusion: result.outcome, outputs: result.outputs };
    });
    const outputs: Record<string, string> = {};
    for (const [name, output] of Object.entries(manifest.outputs)) outputs[name] = interpolate(output.value, context, status);
    return { steps: results, outputs, failed: status.failed, summary: readFileSync(summaryFile, 'utf8'), annotations, artifacts };
}

/** `name=value` lines and `name<<DELIMITER` blocks, as the runner reads GITHUB_OUTPUT. */
export function parseOutputFile(text: string): Record<string, string> {
    const outputs: Record<string, string> = {};
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
        if (heredoc) {
            const end = lines.indexOf(heredoc[2], i + 1);
            if (end < 0) throw new Error(`GITHUB_OUTPUT: unterminated ${heredoc[1]}<<${heredoc[2]}`);
            outputs[heredoc[1]] = lines.slice(i + 1, end).join('\n');
            i = end;
        } else if (lines[i].includes('=')) {
            const at = lines[i].indexOf('=');
            outputs[lines[i].slice(0, at)] = lines[i].slice(at + 1);
        } else if (lines[i].trim() !== '') {
            throw new Error(`GITHUB_OUTPUT: not an output line: ${lines[i]}`);
        }
    }
    return outputs;
}

function simulateUploadArtifact(step: ActionStep, name: string, context: Record<string, Value>, status: { failed: boolean },
    store: string, repository: string, runId: number, artifacts: Artifact[]): StepResult {
    const given = Object.fromEntries(Object.entries(step.with ?? {}).map(([key, value]) => [key, interpolate(String(value), context, status)]));
    const artifactName = given.name ?? 'artifact';
    const folder = join(store, artifactName);
    // upload-artifact v4+ refuses a name already used in the same workflow run.
    if (existsSync(folder)) {
        return { id: step.id, name, outcome: 'failure', outputs: {}, stdout: '', stderr: `an artifact named ${artifactName} already exists` };
    }
    mkdirSync(folder, { recursive: true });
    if (given.path && existsSync(given.path)) cpSync(given.path, folder, { recursive: true });
    else if (given['if-no-files-found'] !== 'ignore') {
        return { id: step.id, name, outcome: 'failure', outputs: {}, stdout: '', stderr: `no files at ${given.path}` };
    }
    artifacts.push({ name: artifactName, folder });
    const id = String(5000 + artifacts.length);
    return {
        id: step.id, name, outcome: 'success', stdout: '', stderr: '',
        outputs: { 'artifact-id': id, 'artifact-url': `https://github.com/${repository}/actions/runs/${runId}/artifacts/${id}` }
    };
}
