/**
 * Memory the language server keeps per step (issue 13: ≤ 5 KB): a generated blueprint of 1,000 and
 * 10,000 steps opened in the server's own services, built with validation, its model and analysis
 * computed (as lenses and the diagram ask), what an editor asks of an open document answered once
 * (outline, foldings, semantic tokens, code lenses), then the heap after full collections, less the heap
 * before the document; and the layout of an open diagram on top (the server keeps the last one).
 * The services first build, analyse and lay out a 1,000-step warm-up document: what the optimising
 * compiler and the regular expression engine compile at that size is a fixed cost of the services
 * (0.6 KB per step of a 1,000-step measurement when the warm-up had 50 steps), not memory per step.
 * BENCH_MEMORY_BREAKDOWN=1 also prints where the document's memory goes, from heap snapshots.
 * Run with --expose-gc (`npm run bench` does).
 */
import { layoutBlueprint } from '@blueprint/diagram';
import { createBlueprintServices } from '@blueprint/language';
import { EmptyFileSystem, URI } from 'langium';
import { pathToFileURL } from 'node:url';
import { generateBlueprint } from './generate.mjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import { heapBreakdown, readHeapSnapshot } from './heap-breakdown.mjs';

const BUDGET_KB_PER_STEP = 5;
const WARM_UP_STEPS = 1000;

/** Full collections until the heap stops shrinking (the sweeper finishes between them). */
async function heapAfterGc() {
    if (!globalThis.gc) throw new Error('run with --expose-gc');
    let used = Infinity;
    for (let round = 0; round < 8; round++) {
        globalThis.gc();
        await new Promise(resolve => setTimeout(resolve, 10));
        const now = process.memoryUsage().heapUsed;
        if (now >= used - 1024) return Math.min(now, used);
        used = now;
    }
    return used;
}

async function measure(steps, snapshots) {
    const { Blueprint, shared } = createBlueprintServices(EmptyFileSystem);
    await shared.workspace.DocumentBuilder.build([Blueprint.workspace.BuiltinLibrary.document], { validation: true });
    // ELK, the analysis and the layout code loaded and warm (a fixed cost, not per step), then the baseline.
    const warm = URI.parse('memory:///warm-up.blueprint');
    const warmDocument = shared.workspace.LangiumDocumentFactory.fromString(generateBlueprint(WARM_UP_STEPS, 'WarmUp'), warm);
    shared.workspace.LangiumDocuments.addDocument(warmDocument);
    await shared.workspace.DocumentBuilder.build([warmDocument], { validation: true });
    const warmModel = Blueprint.model.BlueprintModelProvider.getDocumentModel(warmDocument);
    Blueprint.model.BlueprintAnalysisProvider.forModel(warm, warmModel);
    await askAsAnEditor(Blueprint, warmDocument);
    await layoutBlueprint(warmModel);
    const before = await heapAfterGc();
    // Written to files, so that no snapshot is in the heap that the next one records.
    if (snapshots) v8.writeHeapSnapshot(join(snapshots, `before-${steps}.heapsnapshot`));
    const uri = URI.parse(`memory:///memory-${steps}.blueprint`);
    const document = shared.workspace.LangiumDocumentFactory.fromString(generateBlueprint(steps), uri);
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    const model = Blueprint.model.BlueprintModelProvider.getDocumentModel(document);
    Blueprint.model.BlueprintAnalysisProvider.forModel(uri, model);
    await askAsAnEditor(Blueprint, document);
    const built = await heapAfterGc();
    if (snapshots) v8.writeHeapSnapshot(join(snapshots, `after-${steps}.heapsnapshot`));
    const layout = await layoutBlueprint(model);
    const withLayout = await heapAfterGc();
    // The model stays in the model provider's cache while the document is unchanged.
    globalThis.keepAlive = [document, layout, Blueprint, shared];
    const kb = bytes => bytes / steps / 1024;
    return { steps, document: kb(built - before), layout: kb(withLayout - built) };
}

/** The requests an editor makes for an open document (their answers go to the client; what they leave behind stays). */
async function askAsAnEditor(Blueprint, document) {
    const params = { textDocument: { uri: document.uri.toString() } };
    await Blueprint.lsp.DocumentSymbolProvider.getSymbols(document, params);
    await Blueprint.lsp.FoldingRangeProvider.getFoldingRanges(document, params);
    await Blueprint.lsp.SemanticTokenProvider.semanticHighlight(document, params);
    await Blueprint.lsp.CodeLensProvider.provideCodeLens(document, params);
}

export default async function runMemoryBenchmark(log = console.log) {
    const snapshots = process.env.BENCH_MEMORY_BREAKDOWN === '1' ? mkdtempSync(join(tmpdir(), 'blueprint-memory-')) : undefined;
    log('Heap the language server keeps per step (KB, after GC): the document with its index, model and analysis; an open diagram\'s layout on top');
    log('steps   document   + layout   budget (document)');
    let within = true;
    const results = [];
    for (const steps of [1000, 10000]) {
        const r = await measure(steps, snapshots);
        const ok = r.document <= BUDGET_KB_PER_STEP;
        within &&= ok;
        log(`${String(steps).padStart(5)}   ${r.document.toFixed(2).padStart(8)}   ${r.layout.toFixed(2).padStart(8)}   ${ok ? 'ok' : 'OVER'} (≤ ${BUDGET_KB_PER_STEP})`);
        results.push(r);
        globalThis.keepAlive = undefined;
    }
    if (snapshots) {
        for (const r of results) {
            const bytes = heapBreakdown(readHeapSnapshot(join(snapshots, `before-${r.steps}.heapsnapshot`)), readHeapSnapshot(join(snapshots, `after-${r.steps}.heapsnapshot`)));
            r.categories = new Map([...bytes].map(([name, size]) => [name, size / r.steps / 1024]));
        }
        rmSync(snapshots, { recursive: true, force: true });
        log('Where the document\'s memory goes (KB per step, objects added, from heap snapshots)');
        const names = [...new Set(results.flatMap(r => [...r.categories.keys()]))]
            .sort((a, b) => (results[1].categories.get(b) ?? 0) - (results[1].categories.get(a) ?? 0));
        log(`${'category'.padEnd(28)}${results.map(r => String(r.steps).padStart(8)).join('')}`);
        for (const name of names) log(`${name.padEnd(28)}${results.map(r => (r.categories.get(name) ?? 0).toFixed(2).padStart(8)).join('')}`);
        const totals = results.map(r => [...r.categories.values()].reduce((a, b) => a + b, 0));
        log(`${'total (snapshot)'.padEnd(28)}${totals.map(t => t.toFixed(2).padStart(8)).join('')}`);
    }
    return within;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
    if (!(await runMemoryBenchmark())) process.exitCode = 1;
}
