/**
 * `blueprint check` over 1,000 files of 50 steps against its parse floor (issue 13: at most 1.5×).
 * The floor is what no check can go below: the same language package (`@blueprint/language`, the
 * one the CLI loads) parsing the same 1,001 files in process, one document per file, all kept as a
 * check keeps them; no Node start-up, no module loading, no reading from disk. The check is the
 * real CLI as a child process, everything included. Both are given as wall time and as CPU time
 * (the check's child process, all its threads; the parse on this thread): on a shared machine the
 * wall ratio moves with the load, the CPU ratio much less.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createBlueprintServices } from '@blueprint/language';
import { EmptyFileSystem, URI } from 'langium';
import { generateBlueprint, generateSharedFile } from './generate.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = join(ROOT, 'packages/cli/bin/blueprint.js');
/** The installable CLI (`service-blueprint`), one esbuild bundle: `npm run build` makes it. */
export const BUNDLED_CLI = join(ROOT, 'packages/blueprint-cli/dist/blueprint.js');
export const BUDGET = 1.5;

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

/** Parses every file once, as the check does; wall and CPU ms. */
export function parseFloor(files) {
    const { Blueprint } = createBlueprintServices({ ...EmptyFileSystem }, { batch: true });
    const factory = Blueprint.shared.workspace.LangiumDocumentFactory;
    globalThis.gc?.();
    const cpu = process.cpuUsage();
    const start = performance.now();
    const documents = files.map(([path, text]) => factory.fromString(text, URI.parse(`memory:///bench/${path}`)));
    const wall = performance.now() - start;
    const used = process.cpuUsage(cpu);
    const errors = documents.reduce((sum, d) => sum + d.parseResult.parserErrors.length + d.parseResult.lexerErrors.length, 0);
    if (errors > 0) throw new Error(`generated input has ${errors} parse errors`);
    return { wall, cpu: (used.user + used.system) / 1000 };
}

/**
 * Median of `runs` for the floor and for each CLI given (the workspace's `blueprint`, unbundled ESM,
 * by default): a row for the table each, and whether all are within budget.
 */
export function checkAgainstParseFloor({ runs = 3, clis = [CLI] } = {}) {
    const files = multiFileCorpus();
    parseFloor(files.slice(0, 50)); // the parser built and warm
    const floors = Array.from({ length: runs }, () => parseFloor(files));
    const floor = { wall: median(floors.map(f => f.wall)), cpu: median(floors.map(f => f.cpu)) };
    const dir = mkdtempSync(join(tmpdir(), 'blueprint-bench-'));
    try {
        for (const [path, text] of files) writeFileSync(join(dir, path), text);
        const rows = clis.map(cli => checkRow(cli, dir, runs, floor));
        return { within: rows.every(row => row.within), rows: rows.map(row => row.row), row: rows[0].row };
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

function checkRow(cli, dir, runs, floor) {
    const checks = [];
    let status = 0, summary = '';
    for (let run = 0; run < runs; run++) {
        const cpuBefore = childrenCpuMs();
        const start = performance.now();
        const result = spawnSync(process.execPath, [cli, 'check', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        const wall = performance.now() - start;
        const cpuAfter = childrenCpuMs();
        checks.push({ wall, cpu: cpuBefore === undefined ? NaN : cpuAfter - cpuBefore });
        status = result.status ?? -1;
        summary = (result.stdout.trim().split('\n').pop() ?? '') + (result.stderr ? ` ${result.stderr.trim().split('\n')[0]}` : '');
    }
    const check = { wall: median(checks.map(c => c.wall)), cpu: median(checks.map(c => c.cpu)) };
    const ratio = check.wall / floor.wall;
    const within = ratio <= BUDGET && status === 0;
    return {
        within,
        row: {
            cli: cli === BUNDLED_CLI ? 'service-blueprint (bundled)' : 'blueprint (packages/cli)',
            'parse floor ms': floor.wall.toFixed(0), 'check ms': check.wall.toFixed(0), 'check/floor': ratio.toFixed(2),
            'floor CPU ms': floor.cpu.toFixed(0), 'check CPU ms': Number.isNaN(check.cpu) ? '-' : check.cpu.toFixed(0),
            'CPU ratio': Number.isNaN(check.cpu) ? '-' : (check.cpu / floor.cpu).toFixed(2),
            exit: status, output: summary, budget: within ? `ok (≤ ${BUDGET})` : `OVER (> ${BUDGET})`
        }
    };
}
