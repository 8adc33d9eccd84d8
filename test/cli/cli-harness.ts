/**
 * Runs the built `blueprint` binary as a child process, as CI does, and makes throw-away workspaces
 * of real `.blueprint` files for it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI_BIN = path.join(REPO_ROOT, 'packages/cli/bin/blueprint.js');
const CLI_MAIN = path.join(REPO_ROOT, 'packages/cli/dist/main.js');

/** Builds the CLI (and what it depends on) when its `dist` is missing. */
export function ensureBuilt(): void {
    if (existsSync(CLI_MAIN)) return;
    // tsc exits non-zero on type errors elsewhere but still emits; what matters is the output below.
    spawnSync('npx', ['tsc', '-b', 'packages/cli'], { cwd: REPO_ROOT, stdio: 'ignore', timeout: 300_000 });
    if (!existsSync(CLI_MAIN)) throw new Error(`building the CLI did not produce ${CLI_MAIN}`);
}

export interface CliResult {
    readonly code: number | null;
    readonly stdout: string;
    readonly stderr: string;
}

export interface RunOptions {
    readonly cwd: string;
    /** Extra environment; color variables are cleared unless given here. */
    readonly env?: Record<string, string>;
    /** Text for standard input (none when absent). */
    readonly input?: string;
}

export function runCli(args: readonly string[], options: RunOptions): Promise<CliResult> {
    const env: Record<string, string | undefined> = { ...process.env };
    delete env.FORCE_COLOR;
    delete env.NO_COLOR;
    delete env.BLUEPRINT_DEBUG;
    Object.assign(env, options.env);
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [CLI_BIN, ...args], { cwd: options.cwd, env, stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
        if (options.input !== undefined) child.stdin!.end(options.input);
        let stdout = '', stderr = '';
        child.stdout!.setEncoding('utf8').on('data', chunk => stdout += chunk);
        child.stderr!.setEncoding('utf8').on('data', chunk => stderr += chunk);
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.on('error', reject);
        child.on('close', code => {
            clearTimeout(timer);
            resolve({ code, stdout, stderr });
        });
    });
}

/** A temporary folder holding `files` (relative path → content); removed by `dispose()`. */
export class Workspace {
    readonly root: string;

    constructor(files: Record<string, string | Uint8Array> = {}) {
        this.root = mkdtempSync(path.join(tmpdir(), 'blueprint-cli-'));
        for (const [file, content] of Object.entries(files)) this.write(file, content);
    }

    write(file: string, content: string | Uint8Array): string {
        const absolute = this.path(file);
        mkdirSync(path.dirname(absolute), { recursive: true });
        writeFileSync(absolute, content);
        return absolute;
    }

    read(file: string): string {
        return readFileSync(this.path(file), 'utf8');
    }

    path(file: string): string {
        return path.join(this.root, file);
    }

    run(args: readonly string[], env?: Record<string, string>, input?: string): Promise<CliResult> {
        return runCli(args, { cwd: this.root, env, input });
    }

    dispose(): void {
        rmSync(this.root, { recursive: true, force: true });
    }
}

/** The 1-based line and column of `needle` in `text`, searching from the first occurrence of `within`. */
export function positionOf(text: string, needle: string, within = needle): { line: number; column: number } {
    const start = text.indexOf(within);
    const offset = start < 0 ? -1 : text.indexOf(needle, start);
    if (offset < 0) throw new Error(`not found: ${needle} in ${within}`);
    const before = text.slice(0, offset).split('\n');
    return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** An early version of the bank example: valid, with two BP008 warnings (touchpoints without evidence). */
export const BANK_DEPOSIT = readFileSync(path.join(REPO_ROOT, 'test/cli/fixtures/bank-deposit-with-warnings.blueprint'), 'utf8');

/** A small blueprint with no problems at all. */
export const CLEAN = `blueprint Help "Help at the counter" {
    actor Teller "Teller"

    customer Ask "Ask for help" via branch {
        evidence "Counter sign"
        start
    }
    frontstage Answer "Answer the question" by Teller via branch {
        end
    }

    flow Ask -> Answer
}
`;

/** Errors of three rules: a duplicate name (BP001), an unresolved step (BP002), a percentage over 100 (BP013). */
export const BROKEN = `blueprint Broken "Broken" {
    customer Ask "Ask" via branch {
        evidence "Sign"
        start
        end
    }
    customer Ask "Ask again"
    flow Ask -> Missing
    metric Score "Score" on Ask target >= 120 %
}
`;

/** Stops in the middle of a step: a syntax error (BP000). */
export const UNFINISHED = `blueprint Unfinished "Unfinished" {
    customer Ask "Ask" {
        start
`;

export const ANSI = /\u001b\[\d+m/;
