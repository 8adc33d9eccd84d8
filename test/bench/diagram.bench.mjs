/**
 * Diagram benchmark (plain ESM on the built packages; run `npm run build` first):
 * - keystroke to diagram: a one-character edit, rebuild and validate the document, build the model,
 *   lay it out — what the language server does before it can send `blueprint/diagram`;
 * - `blueprint render` wall time (a child process when the CLI has the command, else in process);
 * - plain elkjs layered on the same flat graph, as the reference.
 * Generated blueprints of 50, 200 and 1,000 steps; medians of 20 runs.
 * Budgets (medians, issue 9): at 200 steps a one-character label edit within 50 ms (the layout is
 * reused: no box changed size) and a flow edit, where ELK ranks again, within 150 ms; at 1,000 steps
 * within 1 s and 2 s.
 * Run directly (`node test/bench/diagram.bench.mjs`) or import and call the default export.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createBlueprintServices } from '@blueprint/language';
import { layoutBlueprint, renderSvg } from '@blueprint/diagram';
import { EmptyFileSystem, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import ElkModule from 'elkjs/lib/elk.bundled.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'packages/cli/bin/blueprint.js');
const SIZES = [50, 200, 1000];
const RUNS = 20;
const BUDGET_MS = { 200: { label: 50, flow: 150 }, 1000: { label: 1000, flow: 2000 } };
// The customer only ever meets frontstage steps (rule BP007), so the lanes go down and back up.
const LANES = ['customer', 'frontstage', 'backstage', 'support', 'backstage', 'frontstage'];

/** A plausible blueprint: ten steps per stage, lanes in turn, a main chain with side branches. */
export function generateBlueprint(steps) {
    const stages = Math.max(1, Math.ceil(steps / 10));
    const lines = [`blueprint Generated${steps} "Generated blueprint with ${steps} steps" {`];
    for (let s = 0; s < stages; s++) lines.push(`    stage S${s} "Stage ${s + 1}"`);
    lines.push('    actor Clerk "Clerk"', '    system Core "Core system"');
    for (let i = 0; i < steps; i++) {
        const lane = LANES[i % LANES.length];
        const who = lane === 'frontstage' ? ' by Clerk' : lane === 'support' ? ' by Core' : '';
        const via = lane === 'customer' ? ' via branch' : '';
        const body = [];
        if (i === 0) body.push('start');
        if (i === steps - 1) body.push('end');
        if (lane === 'customer' && i % 5 === 0) body.push(`evidence "Printed form ${i}"`);
        if (i % 7 === 0) body.push(`fail "Step ${i} goes wrong" recovery "Try again"`);
        if (lane === 'customer' && i % 9 === 0) body.push('wait 3 min tolerance 5 min');
        lines.push(`    ${lane} Step${i} "Step number ${i} of the generated service process" in S${Math.floor(i / 10)}${who}${via}`
            + (body.length ? ` { ${body.join(' ')} }` : ''));
    }
    for (let i = 0; i + 1 < steps; i++) lines.push(`    flow Step${i} -> Step${i + 1}`);
    // Frontstage side branches (position 1 to 5 of each round), hand-offs.
    for (let i = 1; i + 4 < steps; i += 6) lines.push(`    flow Step${i} ~> Step${i + 4}`);
    lines.push('}', '');
    return lines.join('\n');
}

function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function timeRuns(runs, action) {
    const times = [];
    for (let i = 0; i < runs; i++) {
        const start = performance.now();
        await action(i);
        times.push(performance.now() - start);
    }
    return median(times);
}

async function keystrokeToDiagram(text, structural = false) {
    const services = createBlueprintServices(EmptyFileSystem);
    const { shared } = services;
    const uri = URI.parse('memory:///bench.blueprint');
    const builtin = services.Blueprint.workspace.BuiltinLibrary.document;
    let version = 0;
    const rebuild = async content => {
        const documents = shared.workspace.LangiumDocuments;
        if (documents.hasDocument(uri)) documents.deleteDocument(uri);
        const document = shared.workspace.LangiumDocumentFactory.fromTextDocument(
            TextDocument.create(uri.toString(), 'blueprint', ++version, content), uri);
        documents.addDocument(document);
        await shared.workspace.DocumentBuilder.build(version === 1 ? [builtin, document] : [document], { validation: true });
        const errors = (document.diagnostics ?? []).filter(d => d.severity === 1);
        if (errors.length > 0) throw new Error(`generated blueprint has errors: ${errors[0].message}`);
        return services.Blueprint.model.BlueprintModelProvider.getDocumentModel(document);
    };
    let previous = await layoutBlueprint(await rebuild(text)); // warm-up: JIT, builtin library
    await layoutBlueprint(await rebuild(text));
    return timeRuns(RUNS, async run => {
        // One character typed into a step label, alternating so every run is a real change; or, for a
        // structural edit, a new step with a flow to it, different each run (ELK must run again).
        const edited = structural
            ? text.replace(/\n}\n$/, `\n    backstage Extra${run} "Extra step ${run}" { end }\n    flow Step1 ~> Extra${run}\n}\n`)
            : text.replace('Step number 1 of', `Step number 1${run % 2 ? 'x' : 'y'} of`);
        previous = await layoutBlueprint(await rebuild(edited), { previous });
    });
}

function renderHasCommand() {
    const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
    return help.status === 0 && /\brender\b/.test(help.stdout);
}

async function renderWallTime(text, folder, childProcess) {
    const file = join(folder, `bench-${text.length}.blueprint`);
    writeFileSync(file, text);
    if (childProcess) {
        const runs = 5; // a child process per run: fewer runs, each includes Node start-up
        return timeRuns(runs, () => {
            const result = spawnSync(process.execPath, [CLI, 'render', file, '-o', join(folder, 'out.svg')], { encoding: 'utf8' });
            if (result.status !== 0) throw new Error(`render failed: ${result.stderr}`);
        });
    }
    const { loadAndValidate } = await import('@blueprint/language');
    const { NodeFileSystem } = await import('langium/node');
    return timeRuns(RUNS, async () => {
        const services = createBlueprintServices({ ...NodeFileSystem }).Blueprint;
        const { documents } = await loadAndValidate(services, [URI.file(file)]);
        const model = services.model.BlueprintModelProvider.getDocumentModel(documents[0]);
        renderSvg(await layoutBlueprint(model));
    });
}

async function plainElk(steps) {
    const elk = new ElkModule();
    const graph = () => ({
        id: 'root',
        layoutOptions: { 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT' },
        children: Array.from({ length: steps }, (_, i) => ({ id: `n${i}`, width: 166, height: 62 })),
        edges: [
            ...Array.from({ length: steps - 1 }, (_, i) => ({ id: `c${i}`, sources: [`n${i}`], targets: [`n${i + 1}`] })),
            ...Array.from({ length: Math.floor((steps - 6) / 6) + 1 }, (_, k) => ({ id: `b${k}`, sources: [`n${k * 6 + 1}`], targets: [`n${k * 6 + 5}`] }))
        ]
    });
    await elk.layout(graph());
    return timeRuns(RUNS, () => elk.layout(graph()));
}

export default async function runDiagramBenchmark(log = console.log) {
    const folder = mkdtempSync(join(tmpdir(), 'blueprint-bench-'));
    const childProcess = renderHasCommand();
    const results = [];
    try {
        for (const steps of SIZES) {
            const text = generateBlueprint(steps);
            const keystroke = await keystrokeToDiagram(text);
            const structural = await keystrokeToDiagram(text, true);
            const render = await renderWallTime(text, folder, childProcess);
            const elk = await plainElk(steps);
            const budget = BUDGET_MS[steps];
            results.push({ steps, keystroke, structural, render, elk, budget,
                withinBudget: budget === undefined || (keystroke < budget.label && structural < budget.flow) });
        }
    } finally {
        rmSync(folder, { recursive: true, force: true });
    }
    log(`diagram benchmark (median of ${RUNS}; render ${childProcess ? 'as a child process, median of 5' : 'in process: the CLI has no render command yet'})`);
    log('steps  keystroke→diagram (label edit)  (flow edit)  blueprint render  plain elkjs  ratio(flow edit/elk)  budget');
    for (const r of results) {
        log(`${String(r.steps).padStart(5)}  ${r.keystroke.toFixed(1).padStart(25)} ms  ${r.structural.toFixed(1).padStart(8)} ms  ${r.render.toFixed(1).padStart(13)} ms  `
            + `${r.elk.toFixed(1).padStart(8)} ms  ${(r.structural / r.elk).toFixed(2).padStart(19)}  `
            + (r.budget === undefined ? '-' : `${r.withinBudget ? 'ok' : 'OVER'} (< ${r.budget.label} / ${r.budget.flow} ms)`));
    }
    return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
    const results = await runDiagramBenchmark();
    if (results.some(r => !r.withinBudget)) process.exitCode = 1;
}
