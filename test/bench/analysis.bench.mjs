/**
 * Analysis benchmark: the service analysis (expected time, most likely path, worst case, exception
 * paths, segments, touchpoints, coverage) against building the blueprint model from the same linked
 * AST, on generated blueprints of 1k, 10k and 50k steps, linear and with a 90/10 decision and a
 * rework loop in every episode. Budget: analysis at most 2× model building (both linear), fastest of
 * several runs each.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { ast, buildBlueprintModel, createBlueprintServices } from '@blueprint/language';
import { analyseBlueprint } from '@blueprint/model';
import { EmptyFileSystem, URI } from 'langium';
import { generateBlueprint } from './generate.mjs';


/** Parses and links one generated file; returns its Blueprint node. */
async function linkedBlueprint(text, name) {
    const { Blueprint } = createBlueprintServices({ ...EmptyFileSystem }, { batch: true });
    const workspace = Blueprint.shared.workspace;
    const document = workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///bench/${name}.blueprint`));
    workspace.LangiumDocuments.addDocument(document);
    await workspace.DocumentBuilder.build([Blueprint.workspace.BuiltinLibrary.document, document], { validation: false });
    return document.parseResult.value.elements.find(ast.isBlueprint);
}

function time(fn, runs) {
    const samples = [];
    let result;
    for (let run = 0; run < runs; run++) {
        globalThis.gc?.();
        const start = performance.now();
        result = fn();
        samples.push(performance.now() - start);
    }
    // The fastest run: both figures are CPU-bound, and the fastest is the one least disturbed by other load.
    return { ms: Math.min(...samples), result };
}

export default async function runAnalysisBenchmark(log = console.log) {
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
        const build = time(() => buildBlueprintModel(blueprint), c.runs);
        const model = build.result;
        const analysis = time(() => analyseBlueprint(model), c.runs);
        const ratio = analysis.ms / build.ms;
        const within = ratio <= 2;
        ok &&= within;
        const t = analysis.result.time;
        rows.push({
            case: `${c.steps / 1000}k steps${c.branching ? ', decisions + rework' : ''}`,
            'model ms': build.ms.toFixed(1), 'analysis ms': analysis.ms.toFixed(1), 'analysis/model': ratio.toFixed(2),
            'expected s': Math.round(t.expected?.totalSeconds ?? 0), 'worst s': Math.round(t.criticalPath?.totalSeconds ?? 0),
            'exception paths': t.exceptionPaths.length,
            budget: within ? 'ok (≤ 2)' : 'OVER (> 2)'
        });
    }
    log('\nAnalysis (expected, most likely, worst case, exception paths, segments) vs building the model');
    console.table(rows);
    return ok;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
    const ok = await runAnalysisBenchmark();
    process.exitCode = ok ? 0 : 1;
}
