/**
 * `blueprint check` over 1,000 files of 50 steps against its parse floor (issue 13: at most 1.5×).
 * The floor is what no check can go below: the same language package (`@blueprint/language`, the
 * one the CLI loads, with the CLI's core services) parsing the same 1,001 files into documents that
 * it keeps, as a check keeps them, split evenly over as many threads as the check uses
 * (`checkThreads` of `@blueprint/cli`), each a fresh thread as the check's are (so its parser is as
 * cold); no Node start-up, no module loading, no building of the parser, no reading from disk. The
 * check is the real CLI as a child process, everything included. Both are given as wall time and as
 * CPU time (of the whole process, all its threads: the check's child, and this process while its
 * floor threads parse). The floor and the checks run in turns, and each ratio is taken within a turn:
 * on a shared machine the wall ratio moves with the load, the CPU ratio much less.
 * With `breakdown`, the CPU time is also split by thread (Linux): the floor's parsing threads and the
 * rest (V8's compiler and garbage collector threads), the check's main thread, its workers and the rest
 * (the check's child then runs with thread-cpu.cjs preloaded, which writes one line to its stderr).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { checkThreads } from '@blueprint/cli';
import { generateBlueprint, generateSharedFile } from './generate.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = join(ROOT, 'packages/cli/bin/blueprint.js');
/** The installable CLI (`service-blueprint`), one esbuild bundle: `npm run build` makes it. */
export const BUNDLED_CLI = join(ROOT, 'packages/blueprint-cli/dist/blueprint.js');
export const BUDGET = 1.5;
const THREAD_CPU_PRELOAD = join(ROOT, 'test/bench/thread-cpu.cjs');
/** How thread-cpu.cjs begins its line. */
const THREAD_CPU_MARK = 'blueprint-bench-thread-cpu ';

/** The 1,000 files that import a shared one (actors, systems, stages), as the language bench uses. */
export function multiFileCorpus(files = 1000, stepsPerFile = 50) {
    const result = [['shared.blueprint', generateSharedFile()]];
    for (let i = 0; i < files; i++) result.push([`f${i}.blueprint`, generateBlueprint(stepsPerFile, `File${i}`, { shared: true })]);
    return result;
}

function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** CPU milliseconds (user + system) of this process's finished children, from /proc (Linux); undefined elsewhere. */
function childrenCpuMs() {
    try {
        const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
        // After the command name: cutime and cstime are fields 16 and 17 of stat, in clock ticks (100 a second).
        return (Number(fields[13]) + Number(fields[14])) * 10;
    } catch {
        return undefined;
    }
}

const FLOOR_WORKER = new URL('./parse-floor-worker.mjs', import.meta.url);

/**
 * Parses every file once, on as many fresh threads as the check uses; wall and CPU ms from the
 * moment all threads have their parser until the last share is parsed.
 */
export async function parseFloor(files) {
    // Even shares: the floor's threads all start parsing at once (the check's threads take batches
    // from one queue, so a worker that starts late takes fewer).
    const threads = checkThreads(files.length);
    const size = Math.ceil(files.length / threads);
    const shares = Array.from({ length: threads }, (_, i) => files.slice(i * size, (i + 1) * size));
    const workers = shares.map(share => new Worker(FLOOR_WORKER, { workerData: { files: share } }));
    try {
        await Promise.all(workers.map(worker => new Promise((resolve, reject) => {
            worker.once('message', resolve);
            worker.once('error', reject);
        })));
        globalThis.gc?.();
        const cpu = process.cpuUsage();
        const start = performance.now();
        const results = await Promise.all(workers.map(worker => new Promise((resolve, reject) => {
            worker.once('message', resolve);
            worker.once('error', reject);
            worker.postMessage('go');
        })));
        const wall = performance.now() - start;
        const used = process.cpuUsage(cpu);
        const errors = results.reduce((sum, result) => sum + result.errors, 0);
        if (errors > 0) throw new Error(`generated input has ${errors} parse errors`);
        const threadsCpu = results.every(result => typeof result.threadCpuMs === 'number')
            ? results.reduce((sum, result) => sum + result.threadCpuMs, 0) : undefined;
        return { wall, cpu: (used.user + used.system) / 1000, threads: shares.length, threadsCpu };
    } finally {
        await Promise.all(workers.map(worker => worker.terminate()));
    }
}

/**
 * `runs` rounds, each one floor and one check per CLI given (the workspace's `blueprint`,
 * unbundled ESM, by default), so that the floor and the checks it is compared with run under the same
 * load: on a shared machine the speed of the same run drifts by a third within minutes, and a floor
 * measured once before all the checks made the ratio follow the drift. A ratio is taken per round and
 * the median of those is reported (the absolute figures are medians too). A row for the table per
 * CLI, and whether all are within budget. `breakdown` adds the CPU time by thread to each row (see
 * the top of this file).
 */
export async function checkAgainstParseFloor({ runs = 3, clis = [CLI], breakdown = false } = {}) {
    const files = multiFileCorpus();
    const dir = mkdtempSync(join(tmpdir(), 'blueprint-bench-'));
    try {
        for (const [path, text] of files) writeFileSync(join(dir, path), text);
        const floors = [];
        const checks = clis.map(() => []);
        for (let run = 0; run < runs; run++) {
            // Every other round the floor goes last, so neither side always runs first.
            if (run % 2 === 0) floors.push(await parseFloor(files));
            clis.forEach((cli, index) => checks[index].push(checkOnce(cli, dir, breakdown)));
            if (run % 2 === 1) floors.push(await parseFloor(files));
        }
        const rows = clis.map((cli, index) => checkRow(cli, floors, checks[index], breakdown));
        return { within: rows.every(row => row.within), rows: rows.map(row => row.row), row: rows[0].row };
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

/** One `blueprint check` of the corpus as a child process: wall and CPU ms, exit status, last line of output. */
function checkOnce(cli, dir, breakdown) {
    const cpuBefore = childrenCpuMs();
    const start = performance.now();
    const args = breakdown ? ['-r', THREAD_CPU_PRELOAD, cli, 'check', dir] : [cli, 'check', dir];
    const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const wall = performance.now() - start;
    const cpuAfter = childrenCpuMs();
    let threadCpu;
    const stderr = result.stderr.split('\n').filter(line => {
        if (!line.startsWith(THREAD_CPU_MARK)) return true;
        threadCpu = JSON.parse(line.slice(THREAD_CPU_MARK.length));
        return false;
    }).join('\n').trim();
    return {
        wall, cpu: cpuBefore === undefined ? NaN : cpuAfter - cpuBefore, status: result.status ?? -1, threadCpu,
        summary: (result.stdout.trim().split('\n').pop() ?? '') + (stderr ? ` ${stderr.split('\n')[0]}` : '')
    };
}

function checkRow(cli, floors, checks, breakdown) {
    const floor = {
        wall: median(floors.map(f => f.wall)), cpu: median(floors.map(f => f.cpu)), threads: floors[0].threads,
        threadsCpu: floors.every(f => f.threadsCpu !== undefined) ? median(floors.map(f => f.threadsCpu)) : undefined
    };
    const check = { wall: median(checks.map(c => c.wall)), cpu: median(checks.map(c => c.cpu)) };
    // Per round: the floor and the check of the same round saw the same machine.
    const ratio = median(checks.map((c, run) => c.wall / floors[run].wall));
    const cpuRatio = median(checks.map((c, run) => c.cpu / floors[run].cpu));
    const status = checks.find(c => c.status !== 0)?.status ?? 0;
    const within = ratio <= BUDGET && status === 0;
    const threadCpus = checks.map(c => c.threadCpu).filter(t => t !== undefined);
    return {
        within,
        row: {
            cli: cli === BUNDLED_CLI ? 'service-blueprint (bundled)' : 'blueprint (packages/cli)',
            threads: floor.threads, 'parse floor ms': floor.wall.toFixed(0), 'check ms': check.wall.toFixed(0), 'check/floor': ratio.toFixed(2),
            'floor CPU ms': floor.cpu.toFixed(0), 'check CPU ms': Number.isNaN(check.cpu) ? '-' : check.cpu.toFixed(0),
            'CPU ratio': Number.isNaN(cpuRatio) ? '-' : cpuRatio.toFixed(2),
            ...(breakdown ? threadColumns(floor, threadCpus) : {}),
            exit: status, output: checks.at(-1).summary, budget: within ? `ok (≤ ${BUDGET})` : `OVER (> ${BUDGET})`
        }
    };
}

/** The CPU time by thread, medians of the runs: the floor's parsing threads + the rest; the check's main + workers + the rest. */
function threadColumns(floor, threadCpus) {
    const floorColumn = floor.threadsCpu === undefined ? '-' : `${floor.threadsCpu.toFixed(0)} + ${(floor.cpu - floor.threadsCpu).toFixed(0)}`;
    if (threadCpus.length === 0) return { 'floor CPU: threads + other': floorColumn, 'check CPU: main + workers + other': '-' };
    const main = median(threadCpus.map(t => t.main));
    const workers = median(threadCpus.map(t => t.workers.reduce((sum, ms) => sum + ms, 0)));
    const other = median(threadCpus.map(t => t.process - t.main - t.workers.reduce((sum, ms) => sum + ms, 0)));
    return {
        'floor CPU: threads + other': floorColumn,
        'check CPU: main + workers + other': `${main.toFixed(0)} + ${workers.toFixed(0)} + ${other.toFixed(0)}`
    };
}
