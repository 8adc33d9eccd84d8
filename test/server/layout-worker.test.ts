/**
 * The layout worker of the built server: the same layouts as in process (the worker answers with
 * patches of its last layout, applied here), without copying a document's previous layout back to
 * the worker that produced it, and forgetting it on release: what the worker and the runner hold
 * does not grow as documents are opened and closed, even when closed while a layout is under way.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { afterEach, expect, test, vi } from 'vitest';
import { InProcessLayoutRunner, WorkerLayoutRunner, type LayoutRequest } from '@blueprint/server';
import { modelFromText } from '../diagram/diagram-helpers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SERVER = join(ROOT, 'packages/server/dist/main.js');

const TEXT = `blueprint Visit "Visit" {
    customer Enter "Enter the branch" { start }
    frontstage Greet "Greet the customer"
    customer Go "Go home" { end }
    flow Enter -> Greet -> Go
}
`;

let runner: WorkerLayoutRunner | undefined;
afterEach(() => {
    runner?.dispose();
    vi.restoreAllMocks();
});

test('the worker keeps the previous layout it returned and forgets it on release', async () => {
    spawnSync('npx', ['tsc', '-b', 'packages/server'], { cwd: ROOT, stdio: 'ignore' });
    const sent: LayoutRequest[] = [];
    const postMessage = Worker.prototype.postMessage;
    vi.spyOn(Worker.prototype, 'postMessage').mockImplementation(function (this: Worker, message: LayoutRequest) {
        sent.push(message);
        return postMessage.call(this, message);
    });
    const fallbacks: string[] = [];
    runner = new WorkerLayoutRunner(SERVER, reason => fallbacks.push(reason));
    const inProcess = new InProcessLayoutRunner();
    const uri = 'file:///visit.blueprint';
    const first = await modelFromText(TEXT);
    const second = await modelFromText(TEXT.replace('Greet the customer', 'Greet the customer warmly'));

    const a = await runner.layout(uri, first);
    const b = await runner.layout(uri, second, a);
    expect(fallbacks).toEqual([]);
    const expectedA = await inProcess.layout(uri, first);
    expect(a).toEqual(expectedA);
    expect(b).toEqual(await inProcess.layout(uri, second, expectedA));
    expect(sent.map(m => m.kind === 'layout' ? { keep: m.keepPrevious, previous: m.previous !== undefined } : m.kind))
        .toEqual([{ keep: false, previous: false }, { keep: true, previous: false }]);
    // The model goes across whole once, then as a patch of it: the edited step alone.
    const [firstRequest, secondRequest] = sent.filter(m => m.kind === 'layout');
    expect(firstRequest.model).toBeDefined();
    expect(firstRequest.modelPatch).toBeUndefined();
    expect(secondRequest.model).toBeUndefined();
    expect(Object.keys(secondRequest.modelPatch!.lists)).toEqual(['steps']);
    expect(secondRequest.modelPatch!.lists.steps.upsert.map(step => step.id)).toEqual(['Greet']);

    // Closed: the worker drops it, so a later request copies the previous layout again; with no
    // document left the worker stops (everything it held is freed) and starts again when needed.
    expect(runner.running).toBe(true);
    runner.release(uri);
    expect(runner.running).toBe(false);
    const c = await runner.layout(uri, first, b);
    expect(runner.running).toBe(true);
    expect(fallbacks).toEqual([]);
    expect(c).toEqual(await inProcess.layout(uri, first, b));
    expect(sent.slice(2).map(m => m.kind === 'layout' ? { keep: m.keepPrevious, previous: m.previous !== undefined, whole: m.model !== undefined } : m.kind))
        .toEqual(['release', { keep: false, previous: true, whole: true }]);
}, 120_000); // builds the server and starts a worker twice: slow on a loaded machine

test('closed documents leave nothing behind in the worker or the runner, even when closed mid-layout', async () => {
    spawnSync('npx', ['tsc', '-b', 'packages/server'], { cwd: ROOT, stdio: 'ignore' });
    const fallbacks: string[] = [];
    runner = new WorkerLayoutRunner(SERVER, reason => fallbacks.push(reason));
    const inProcess = new InProcessLayoutRunner();
    const first = await modelFromText(TEXT);
    const second = await modelFromText(TEXT.replace('Greet the customer', 'Greet the customer warmly'));
    const open = 'file:///open.blueprint';
    await runner.layout(open, first);

    // Documents opened, laid out twice (the second answer a patch) and closed, three rounds: one document held throughout.
    for (let round = 0; round < 3; round++) {
        const uris = [0, 1, 2].map(n => `file:///round${round}-${n}.blueprint`);
        for (const uri of uris) await runner.layout(uri, second, await runner.layout(uri, first));
        expect(await runner.held()).toEqual({ here: 4, worker: 4 });
        for (const uri of uris) runner.release(uri);
        expect(await runner.held()).toEqual({ here: 1, worker: 1 });
    }

    // Closed while its first layout is under way: the layout still arrives, and is not kept.
    const closedEarly = runner.layout('file:///closed-early.blueprint', first);
    runner.release('file:///closed-early.blueprint');
    expect(await closedEarly).toEqual(await inProcess.layout('file:///closed-early.blueprint', first));
    expect(await runner.held()).toEqual({ here: 1, worker: 1 });

    // Closed while a later layout is under way (the worker answers with a patch of the layout it had).
    const patched = 'file:///patched.blueprint';
    const base = await runner.layout(patched, first);
    const closedLate = runner.layout(patched, second, base);
    runner.release(patched);
    expect(await closedLate).toEqual(await inProcess.layout(patched, second, await inProcess.layout(patched, first)));
    expect(await runner.held()).toEqual({ here: 1, worker: 1 });

    runner.release(open);
    expect(runner.running).toBe(false);
    expect(await runner.held()).toEqual({ here: 0, worker: 0 });
    expect(fallbacks).toEqual([]);
}, 120_000);

test('a document\'s layouts patched one from another do not hold each other: only the last one stays', async () => {
    spawnSync('npx', ['tsc', '-b', 'packages/server'], { cwd: ROOT, stdio: 'ignore' });
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    runner = new WorkerLayoutRunner(SERVER);
    const uri = 'file:///typed.blueprint';
    const earlier: WeakRef<object>[] = [];
    let last = await runner.layout(uri, await modelFromText(TEXT));
    // Typed into, a character at a time: each layout arrives as a patch of the one before.
    for (const typed of ['w', 'wa', 'war', 'warm']) {
        earlier.push(new WeakRef(last));
        last = await runner.layout(uri, await modelFromText(TEXT.replace('Greet the customer', `Greet the customer ${typed}`)), last);
    }
    expect(last.steps.find(step => step.id === 'Greet')?.label).toBe('Greet the customer warm');
    // WeakRefs hold their targets until the task that made them ends.
    await new Promise(resolve => setTimeout(resolve, 0));
    gc();
    expect(earlier.map(ref => ref.deref() === undefined)).toEqual([true, true, true, true]);
}, 60_000);
