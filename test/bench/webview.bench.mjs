/**
 * The other half of what a user feels while typing: the diagram webview (the real bundle and page,
 * CSP included, in headless Debian Chromium) redrawing after each edit. A generated blueprint of 200,
 * 1,000 and 5,000 steps is shown, then the layouts of a label typed one character at a time (as
 * `server.bench.mjs` types it; the box widens, then wraps) arrive as the extension posts them (each a
 * patch of the one before); each is timed inside the page from `postMessage` to the first frame after
 * the SVG changed (the message's structured clone, applying the patch, building the Sprotty model,
 * rendering and patching the DOM, style and layout).
 * The layouts are computed beforehand in process (`@blueprint/diagram`), so only the webview is
 * timed. Printed: median and p95 per size, and the first diagram's time. Needs `npm run build` and
 * Chromium (`/usr/bin/chromium`); skipped with a message without it.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBlueprintServices } from '@blueprint/language';
import { layoutBlueprint, createLayoutCache } from '@blueprint/diagram';
import { patchForReceiver } from '@blueprint/protocol';
import { webviewHtml } from '@blueprint/webview';
import { EmptyFileSystem, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generateBlueprint } from './generate.mjs';

const CHROMIUM = '/usr/bin/chromium';
const DIST = fileURLToPath(new URL('../../packages/webview/dist/', import.meta.url));
const SIZES = (process.env.BENCH_SIZES ?? '200,1000,5000').split(',').map(Number);
const RUNS = { 200: 30, 1000: 20, 5000: 6 };
/** What the label edits type, one more character each (as in server.bench.mjs). */
const TYPED = ' and then a few more words, typed one character at a time';
// e.g. BENCH_WEBVIEW_PROFILE=/tmp/wv: a CPU profile of the page during the timed edits, per size.
const PROFILE_DIR = process.env.BENCH_WEBVIEW_PROFILE;

function quantile(values, q) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** The layouts of the generated blueprint and of each typed version, as the language server makes them. */
async function typedLayouts(steps, runs) {
    const services = createBlueprintServices(EmptyFileSystem);
    const { shared } = services;
    const uri = URI.parse(`memory:///bench-${steps}.blueprint`);
    const builtin = services.Blueprint.workspace.BuiltinLibrary.document;
    const cache = createLayoutCache();
    let version = 0;
    let previous;
    const layoutOf = async text => {
        const documents = shared.workspace.LangiumDocuments;
        if (documents.hasDocument(uri)) documents.deleteDocument(uri);
        const document = shared.workspace.LangiumDocumentFactory.fromTextDocument(TextDocument.create(uri.toString(), 'blueprint', ++version, text), uri);
        documents.addDocument(document);
        await shared.workspace.DocumentBuilder.build(version === 1 ? [builtin, document] : [document], { validation: true });
        const model = services.Blueprint.model.BlueprintModelProvider.getDocumentModel(document);
        previous = await layoutBlueprint(model, { previous, cache });
        return { version, layout: previous };
    };
    const text = generateBlueprint(steps);
    const layouts = [await layoutOf(text)];
    for (let run = 0; run < runs; run++) layouts.push(await layoutOf(text.replace('request e0"', `request e0${TYPED.slice(0, run + 1)}"`)));
    return layouts;
}

function serve() {
    const server = createServer((request, response) => {
        const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
        if (path === '/') {
            const origin = `http://127.0.0.1:${server.address().port}`;
            response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
            response.end(webviewHtml({ scriptUri: `${origin}/webview.js`, styleUri: `${origin}/webview.css`, cspSource: origin, nonce: randomBytes(18).toString('base64') }));
        } else if (path === '/webview.js' || path === '/webview.css') {
            response.writeHead(200, { 'content-type': path.endsWith('.js') ? 'text/javascript' : 'text/css' });
            response.end(readFileSync(join(DIST, path.slice(1))));
        } else {
            response.writeHead(404).end();
        }
    });
    return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Posts the layout the page holds as `__next` and resolves with the ms until the frame after the SVG changed. */
function timeShow() {
    return new Promise(resolve => {
        const root = document.body;
        const start = performance.now();
        const observer = new MutationObserver(() => {
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
        });
        observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
        window.postMessage(window.__next, '*');
    });
}

async function measure(context, origin, steps) {
    const runs = RUNS[steps] ?? 6;
    const layouts = await typedLayouts(steps, runs + 1);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', error => errors.push(error.message));
    await page.addInitScript(() => {
        window.acquireVsCodeApi = () => ({ postMessage: () => undefined, getState: () => null, setState: () => undefined });
    });
    await page.goto(`${origin}/`);
    const uri = `untitled:bench-${steps}.blueprint`;
    // What the extension posts: each diagram a patch of the one the page holds (the first whole).
    let held;
    const sizes = [];
    const message = ({ version, layout }) => {
        const step = patchForReceiver(held, { uri, version, layout, stale: false, errors: 0 });
        held = step.held;
        return { kind: 'diagram', params: step.params };
    };
    const show = async entry => {
        const next = message(entry);
        sizes.push(JSON.stringify(next).length);
        await page.evaluate(value => { window.__next = value; }, next);
        return page.evaluate(timeShow);
    };
    const first = await show(layouts[0]);
    await show(layouts[1]); // warm-up: the update path's JIT
    const profiler = PROFILE_DIR ? await context.newCDPSession(page) : undefined;
    if (profiler) {
        await profiler.send('Profiler.enable');
        await profiler.send('Profiler.start');
    }
    const times = [];
    for (const entry of layouts.slice(2)) times.push(await show(entry));
    if (profiler) {
        const { profile } = await profiler.send('Profiler.stop');
        mkdirSync(PROFILE_DIR, { recursive: true });
        writeFileSync(join(PROFILE_DIR, `webview-${steps}.cpuprofile`), JSON.stringify(profile));
    }
    // The last edit is on screen: the step's title is its whole label.
    const typed = `Customer arrives with request e0${TYPED.slice(0, layouts.length - 1)}`;
    const shown = await page.evaluate(label => [...document.querySelectorAll('g.step > title')].some(title => title.textContent === label), typed);
    await page.close();
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    if (!shown) throw new Error(`the last edit ("${typed}") is not drawn`);
    return { steps, first, median: quantile(times, 0.5), p95: quantile(times, 0.95), firstBytes: sizes[0], editBytes: quantile(sizes.slice(2), 0.5) };
}

export default async function runWebviewBenchmark(log = console.log) {
    if (!existsSync(CHROMIUM) || !existsSync(join(DIST, 'webview.js'))) {
        log(`webview bench skipped: needs ${CHROMIUM} and the built webview (npm run build)`);
        return [];
    }
    const { chromium } = await import('playwright-core');
    const server = await serve();
    const origin = `http://127.0.0.1:${server.address().port}`;
    const profile = mkdtempSync(join(tmpdir(), 'blueprint-webview-bench-'));
    const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM, headless: true, viewport: { width: 1400, height: 900 },
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']
    });
    const results = [];
    try {
        for (const steps of SIZES) results.push(await measure(context, origin, steps));
    } finally {
        await context.close();
        server.close();
        rmSync(profile, { recursive: true, force: true });
    }
    log('typing → redrawn webview in headless Chromium (ms from postMessage of the layout to the frame after the SVG changed)');
    log('steps   first diagram   typed edit median   p95   bytes: first   edit (median, a patch)');
    for (const r of results) log(`${String(r.steps).padStart(5)}   ${r.first.toFixed(0).padStart(13)}   ${r.median.toFixed(1).padStart(17)}   ${r.p95.toFixed(1).padStart(5)}   ${String(r.firstBytes).padStart(12)}   ${String(r.editBytes).padStart(7)}`);
    return results;
}

if (import.meta.url === `file://${process.argv[1]}`) await runWebviewBenchmark();
