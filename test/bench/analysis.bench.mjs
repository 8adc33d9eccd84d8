/**
 * Analysis benchmark: the service analysis (expected time, most likely path, worst case, exception
 * paths, segments, touchpoints, coverage) against building the blueprint model from the same linked
 * AST, on generated blueprints of 1k, 10k and 50k steps, linear and with a 90/10 decision and a
 * rework loop in every episode. Budget: analysis at most 2× model building, on the median of the
 * runs' ratios.
 *
 * Both sides are measured the same way, alternately (build, analysis, build, analysis …, so load
 * from other processes falls on both alike), in CPU time of the main thread (/proc/thread-self/
 * schedstat, nanoseconds; process CPU time where there is none), each after a full `gc()` and a
 * 100 ms pause so that the background sweep of the previous call is not billed to the next.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { ast, buildBlueprintModel, createBlueprintServices } from '@blueprint/language';
import { analyseBlueprint } from '@blueprint/model';
import { EmptyFileSystem, URI } from 'langium';
import { generateBlueprint } from './generate.mjs';

const PAUSE_MS = 100;

/** Parses and links one generated file; returns its Blueprint node. */
async function linkedBlueprint(text, name) {
    const { Blueprint } = createBlueprintServices({ ...EmptyFileSystem }, { batch: true });
    const workspace = Blueprint.shared.workspace;
    const document = workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///bench/${name}.blueprint`));
    workspace.LangiumDocuments.addDocument(document);
    await workspace.DocumentBuilder.build([Blueprint.workspace.BuiltinLibrary.document, document], { validation: false });
    return document.parseResult.value.elements.find(ast.isBlueprint);
}

/** CPU milliseconds of the main thread (the first figure of schedstat, in ns); of the process without /proc. */
const threadCpu = (() => {
    try {
        readFileSync('/proc/thread-self/schedstat', 'utf8');
        return { name: 'main-thread CPU', ms: () => Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6 };
    } catch {
        return { name: 'process CPU', ms: () => { const used = process.cpuUsage(); return (used.user + used.system) / 1000; } };
    }
})();

const pause = () => new Promise(resolve => setTimeout(resolve, PAUSE_MS));

/** One timed call: after a full collection and a pause, its main-thread CPU and wall milliseconds. */
async function measure(fn) {
    globalThis.gc?.();
    await pause();
    const cpu = threadCpu.ms();
    const wall = performance.now();
    const result = fn();
    return { cpu: threadCpu.ms() - cpu, wall: performance.now() - wall, result };
}

/** The q-quantile (0..1) of the samples, by linear interpolation. */
function quantile(samples, q) {
    const sorted = [...samples].sort((a, b) => a - b);
    const at = (sorted.length - 1) * q;
    const low = Math.floor(at);
    return sorted[low] + (sorted[Math.min(low + 1, sorted.length - 1)] - sorted[low]) * (at - low);
}

export default async function runAnalysisBenchmark(log = console.log) {
    if (!globalThis.gc) log('(run with --expose-gc: without it the collector\'s work falls on whichever call it interrupts)');
    const cases = [];
    for (const steps of [1000, 10000, 50000]) {
        for (const branching of [false, true]) cases.push({ steps, branching, runs: steps >= 50000 ? 3 : 7 });
    }
    // Warm-up so the first case is not charged for the JIT.
    const warm = await linkedBlueprint(generateBlueprint(200, 'Warm', { branching: true }), 'warm');
    for (let i = 0; i < 5; i++) analyseBlueprint(buildBlueprintModel(warm));

    const rows = [];
    let ok = true;
    for (const c of cases) {
        const blueprint = await linkedBlueprint(generateBlueprint(c.steps, `G${c.steps}`, { branching: c.branching }), `g${c.steps}${c.branching}`);
        // One untimed round at this size for both sides (optimised code for its shapes), then alternating timed rounds.
        analyseBlueprint(buildBlueprintModel(blueprint));
        const builds = [], analyses = [], ratios = [];
        let result;
        for (let run = 0; run < c.runs; run++) {
            const build = await measure(() => buildBlueprintModel(blueprint));
            const analysis = await measure(() => analyseBlueprint(build.result));
            builds.push(build.cpu);
            analyses.push(analysis.cpu);
            ratios.push(analysis.cpu / build.cpu);
            result = analysis.result;
        }
        const ratio = quantile(ratios, 0.5);
        const within = ratio <= 2;
        ok &&= within;
        const t = result.time;
        const ms = samples => `${quantile(samples, 0.5).toFixed(1)} (p10 ${quantile(samples, 0.1).toFixed(1)})`;
        rows.push({
            case: `${c.steps / 1000}k steps${c.branching ? ', decisions + rework' : ''}`,
            runs: c.runs,
            'model ms': ms(builds), 'analysis ms': ms(analyses),
            'analysis/model': `${ratio.toFixed(2)} (p10–p90 ${quantile(ratios, 0.1).toFixed(2)}–${quantile(ratios, 0.9).toFixed(2)})`,
            'expected s': Math.round(t.expected?.totalSeconds ?? 0), 'worst s': Math.round(t.criticalPath?.totalSeconds ?? 0),
            'exception paths': t.exceptionPaths.length,
            budget: within ? 'ok (≤ 2)' : 'OVER (> 2)'
        });
    }
    log(`\nAnalysis (expected, most likely, worst case, exception paths, segments) vs building the model: ${threadCpu.name}, median (p10), alternating runs`);
    console.table(rows);
    return ok;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
    const ok = await runAnalysisBenchmark();
    process.exitCode = ok ? 0 : 1;
}
