/**
 * Blueprint against D2.js (`@terrastruct/d2`, the WebAssembly build of D2) on the same graphs, and
 * `blueprint check` on 1,000 files against its parse floor, in one run (issue 13).
 * - Graphs: the generated blueprints of 50, 200, 1,000 and 5,000 steps (`generate.mjs`); the D2
 *   text is written from the same model: each lane a container holding its steps (with their
 *   labels), each flow a connection. D2 draws it with dagre (its default), with ELK, and as a grid
 *   (lanes as grid rows, steps in a row each), the three layouts D2.js offers.
 * - Ours: text → SVG in process (parse, link, validate, model, layout, SVG), one set of services,
 *   a fresh document each run. D2's: compile and render in its own process, its WebAssembly warm.
 * - The check: the workspace's CLI (unbundled ESM, as `npm run build` leaves it) and the bundled
 *   `service-blueprint`, against the same parse floor (`check-floor.mjs`).
 * - Each figure is the median of a few runs; the ratio is D2's time over ours (above 1: we are
 *   faster). A D2 case that runs past BENCH_D2_TIMEOUT_S (default 90 s) is shown as such.
 */
import { spawnSync } from 'node:child_process';
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createBlueprintServices } from '@blueprint/language';
import { layoutBlueprint, renderSvg } from '@blueprint/diagram';
import { EmptyFileSystem, URI } from 'langium';
import { existsSync } from 'node:fs';
import { BUNDLED_CLI, CLI, checkAgainstParseFloor } from './check-floor.mjs';
import { generateBlueprint } from './generate.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const SIZES = [50, 200, 1000, 5000];
const LAYOUTS = ['dagre', 'elk', 'grid'];
const TIMEOUT_S = Number(process.env.BENCH_D2_TIMEOUT_S ?? 90);
const runsFor = steps => steps <= 50 ? 5 : steps <= 200 ? 3 : 1;

function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A D2 string literal. */
function d2String(text) {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;
}

/** The blueprint's lanes, steps and flows as D2: lanes as containers (grid rows for `grid`). */
export function toD2(model, grid) {
    const lines = grid ? [`grid-rows: ${model.lanes.length}`] : ['direction: right'];
    const laneOf = new Map(model.steps.map(step => [step.id, step.lane]));
    for (const lane of model.lanes) {
        lines.push(`${d2String(lane.id)}: ${d2String(lane.label)} {`);
        if (grid) lines.push('  grid-rows: 1');
        for (const step of model.steps.filter(s => s.lane === lane.id)) lines.push(`  ${d2String(step.id)}: ${d2String(step.label)}`);
        lines.push('}');
    }
    for (const flow of model.flows) {
        const arrow = flow.kind === 'two-way' ? '<->' : '->';
        lines.push(`${d2String(laneOf.get(flow.from))}.${d2String(flow.from)} ${arrow} ${d2String(laneOf.get(flow.to))}.${d2String(flow.to)}`);
    }
    return lines.join('\n') + '\n';
}

async function ours(services, text, steps) {
    const workspace = services.shared.workspace;
    const uri = URI.parse(`memory:///peer-${steps}.blueprint`);
    const times = [];
    let model, svg = '';
    for (let run = 0; run < runsFor(steps) + 1; run++) {
        const start = performance.now();
        if (workspace.LangiumDocuments.hasDocument(uri)) workspace.LangiumDocuments.deleteDocument(uri);
        const document = workspace.LangiumDocumentFactory.fromString(text, uri);
        workspace.LangiumDocuments.addDocument(document);
        await workspace.DocumentBuilder.build([document], { validation: true });
        model = services.model.BlueprintModelProvider.getDocumentModel(document);
        svg = renderSvg(await layoutBlueprint(model));
        // The first run warms the JIT for this size.
        if (run > 0) times.push(performance.now() - start);
    }
    return { ms: median(times), model, bytes: svg.length };
}

function d2(folder, model, steps, layout) {
    const file = join(folder, `g${steps}-${layout}.d2`);
    writeFileSync(file, toD2(model, layout === 'grid'));
    const result = spawnSync(process.execPath, ['--max-old-space-size=8192', join(HERE, 'd2-render.mjs'), file, layout === 'grid' ? 'dagre' : layout, String(runsFor(steps))],
        { encoding: 'utf8', timeout: TIMEOUT_S * 1000, maxBuffer: 16 * 1024 * 1024 });
    if (result.error?.code === 'ETIMEDOUT' || result.signal) return { timedOut: true };
    if (result.status !== 0) return { failed: (result.stderr || result.stdout).trim().split('\n').slice(-1)[0] };
    const { times, rss } = JSON.parse(result.stdout.trim().split('\n').pop());
    return { ms: median(times), rss };
}

export default async function runPeerBenchmark(log = console.log) {
    log(`load: ${execSync('uptime').toString().trim()}`);
    const { Blueprint } = createBlueprintServices({ ...EmptyFileSystem }, { batch: true });
    await Blueprint.shared.workspace.DocumentBuilder.build([Blueprint.workspace.BuiltinLibrary.document], { validation: true });
    const folder = mkdtempSync(join(tmpdir(), 'blueprint-peer-'));
    const rows = [];
    let ahead = true;
    try {
        for (const steps of SIZES) {
            const mine = await ours(Blueprint, generateBlueprint(steps), steps);
            const row = { steps, 'ours text→SVG ms': mine.ms.toFixed(0) };
            for (const layout of LAYOUTS) {
                const peer = d2(folder, mine.model, steps, layout);
                const name = `D2 ${layout}`;
                if (peer.timedOut) row[name] = `> ${TIMEOUT_S} s`;
                else if (peer.failed) row[name] = `failed: ${peer.failed.slice(0, 60)}`;
                else {
                    row[name] = `${peer.ms.toFixed(0)} ms (${(peer.ms / mine.ms).toFixed(1)}×, ${Math.round(peer.rss / 2 ** 20)} MB)`;
                    ahead &&= peer.ms > mine.ms;
                }
            }
            rows.push(row);
        }
    } finally {
        rmSync(folder, { recursive: true, force: true });
    }
    log('\nText → SVG: ours in process against D2.js (time; D2 ÷ ours; D2\'s resident memory)');
    console.table(rows);
    log(ahead ? 'Ahead of D2.js at every size and layout that finished.' : 'BEHIND D2.js in at least one case.');

    const check = await checkAgainstParseFloor({ clis: existsSync(BUNDLED_CLI) ? [CLI, BUNDLED_CLI] : [CLI] });
    log('\n`blueprint check` over 1,000 files of 50 steps against the parse floor (median of 3; CPU: all threads of the check)');
    console.table(check.rows);
    log(`load: ${execSync('uptime').toString().trim()}`);
    return ahead && check.within;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
    process.exitCode = (await runPeerBenchmark()) ? 0 : 1;
}
