/**
 * Memory the language server keeps per step (issue 13: ≤ 5 KB): a generated blueprint of 1,000 and
 * 10,000 steps opened in the server's own services, built with validation, its model and analysis
 * computed (as lenses and the diagram ask), then the heap after full collections, less the heap
 * before the document; and the layout of an open diagram on top (the server keeps the last one).
 * Run with --expose-gc (`npm run bench` does).
 */
import { layoutBlueprint } from '@blueprint/diagram';
import { createBlueprintServices } from '@blueprint/language';
import { EmptyFileSystem, URI } from 'langium';
import { pathToFileURL } from 'node:url';
import { generateBlueprint } from './generate.mjs';

const BUDGET_KB_PER_STEP = 5;

function heapAfterGc() {
    if (!globalThis.gc) throw new Error('run with --expose-gc');
    for (let i = 0; i < 3; i++) globalThis.gc();
    return process.memoryUsage().heapUsed;
}

async function measure(steps) {
    const { Blueprint, shared } = createBlueprintServices(EmptyFileSystem);
    await shared.workspace.DocumentBuilder.build([Blueprint.workspace.BuiltinLibrary.document], { validation: true });
    // ELK, the analysis and the layout code loaded and warm (a fixed cost, not per step), then the baseline.
    const warm = URI.parse('memory:///warm-up.blueprint');
    const warmDocument = shared.workspace.LangiumDocumentFactory.fromString(generateBlueprint(50, 'WarmUp'), warm);
    shared.workspace.LangiumDocuments.addDocument(warmDocument);
    await shared.workspace.DocumentBuilder.build([warmDocument], { validation: true });
    const warmModel = Blueprint.model.BlueprintModelProvider.getDocumentModel(warmDocument);
    Blueprint.model.BlueprintAnalysisProvider.forModel(warm, warmModel);
    await layoutBlueprint(warmModel);
    const before = heapAfterGc();
    const uri = URI.parse(`memory:///memory-${steps}.blueprint`);
    const document = shared.workspace.LangiumDocumentFactory.fromString(generateBlueprint(steps), uri);
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    const model = Blueprint.model.BlueprintModelProvider.getDocumentModel(document);
    Blueprint.model.BlueprintAnalysisProvider.forModel(uri, model);
    const built = heapAfterGc();
    const layout = await layoutBlueprint(model);
    const withLayout = heapAfterGc();
    globalThis.keepAlive = [document, model, layout];
    const kb = bytes => bytes / steps / 1024;
    return { steps, document: kb(built - before), layout: kb(withLayout - built) };
}

export default async function runMemoryBenchmark(log = console.log) {
    log('Heap the language server keeps per step (KB, after GC): the document with its index, model and analysis; an open diagram\'s layout on top');
    log('steps   document   + layout   budget (document)');
    let within = true;
    for (const steps of [1000, 10000]) {
        const r = await measure(steps);
        const ok = r.document <= BUDGET_KB_PER_STEP;
        within &&= ok;
        log(`${String(steps).padStart(5)}   ${r.document.toFixed(2).padStart(8)}   ${r.layout.toFixed(2).padStart(8)}   ${ok ? 'ok' : 'OVER'} (≤ ${BUDGET_KB_PER_STEP})`);
        globalThis.keepAlive = undefined;
    }
    return within;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
    if (!(await runMemoryBenchmark())) process.exitCode = 1;
}
