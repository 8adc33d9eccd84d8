/** The layout worker thread of the Node language server. */
import { Worker } from 'node:worker_threads';
import type { BlueprintLayout, LayoutSpacing } from '@blueprint/diagram';
import type { BlueprintModel } from '@blueprint/model';
import { applyRecordPatch, diffRecords, rememberLayoutPatch, type RecordPatch } from '@blueprint/protocol';
import { InProcessLayoutRunner, type LayoutRunner } from './layout-runner.js';

/** What the worker is started with, so the same script can tell it is the layout worker. */
export const LAYOUT_WORKER_ROLE = 'blueprint-layout-worker';

/**
 * Worker messages. The previous layout is the biggest part of a request (as big as the answer), and
 * the worker already has it when it is the layout the worker itself returned last for the document:
 * then the request says `keepPrevious` instead of copying it across again. The model is sent whole
 * once per document, then as a patch of the model sent before it (`modelPatch`, exact: the worker's
 * copy is the model itself): a label edit copies one step instead of the whole model, and the
 * steps it leaves alone stay the worker's same objects.
 */
export type LayoutRequest =
    | {
        readonly kind: 'layout'; readonly id: number; readonly uri: string; readonly model?: BlueprintModel; readonly modelPatch?: RecordPatch;
        readonly previous?: BlueprintLayout; readonly keepPrevious?: boolean; readonly spacing?: Partial<LayoutSpacing>;
    }
    | { readonly kind: 'release'; readonly uri: string }
    /** How many documents the worker holds something for (tests: closed documents must not add up). */
    | { readonly kind: 'held'; readonly id: number };

/**
 * A whole layout, or a patch of the document's last layout (which both threads hold); `missingModel`
 * when a model patch came for a document whose model the worker does not hold (it is then sent whole).
 */
export type LayoutResponse =
    | { readonly id: number; readonly layout: BlueprintLayout }
    | { readonly id: number; readonly patch: RecordPatch }
    | { readonly id: number; readonly missingModel: true }
    | { readonly id: number; readonly error: string }
    | { readonly id: number; readonly held: number };

interface LayoutWaiter {
    readonly uri: string;
    /** The request as sent (sent again with the whole model if the worker lost the one a patch applies to). */
    request: LayoutJobRequest;
    readonly model: BlueprintModel;
    readonly resolve: (layout: BlueprintLayout) => void;
    readonly reject: (error: Error) => void;
    /** Set when the document was released while its layout was under way, with the layout a patch of it would apply to. */
    released?: { readonly base?: BlueprintLayout };
}

type LayoutJobRequest = Extract<LayoutRequest, { kind: 'layout' }>;

/**
 * Lays out in a `worker_threads` worker running `script` (the server's own entry, which starts the
 * layout loop instead of a server when it sees the worker role). If the worker cannot start or dies,
 * layouts continue in process: a diagram late is better than no diagram.
 */
export class WorkerLayoutRunner implements LayoutRunner {
    private worker?: Worker;
    private nextId = 0;
    private readonly waiting = new Map<number, LayoutWaiter>();
    private readonly heldQueries = new Map<number, (held: number) => void>();
    private readonly fallback = new InProcessLayoutRunner();
    private failed = false;
    /** Per document, the layout the worker returned last (and keeps). */
    private readonly kept = new Map<string, BlueprintLayout>();
    /** Per document, the model sent to the worker last (which it keeps: the base of the next model patch). */
    private readonly sentModels = new Map<string, BlueprintModel>();

    /** `onFallback` hears once why layouts moved in process (for the server log). */
    constructor(private readonly script: string | URL, private readonly onFallback: (reason: string) => void = () => undefined) {}

    layout(uri: string, model: BlueprintModel, previous?: BlueprintLayout, spacing?: Partial<LayoutSpacing>): Promise<BlueprintLayout> {
        const worker = this.failed ? undefined : this.ensureWorker();
        if (!worker) return this.fallback.layout(uri, model, previous, spacing);
        const id = this.nextId++;
        const keepPrevious = previous !== undefined && this.kept.get(uri) === previous;
        const sent = this.sentModels.get(uri);
        const modelPatch = sent === undefined ? undefined
            : diffRecords(sent as unknown as Record<string, unknown>, model as unknown as Record<string, unknown>, 0, { exact: true });
        this.sentModels.set(uri, model);
        const request: LayoutJobRequest = {
            kind: 'layout', id, uri, ...(modelPatch ? { modelPatch } : { model }), previous: keepPrevious ? undefined : previous, keepPrevious, spacing
        };
        return new Promise<BlueprintLayout>((resolve, reject) => {
            this.waiting.set(id, { uri, request, model, resolve, reject });
            worker.postMessage(request);
        });
    }

    /**
     * Forgets the document's layout here and in the worker; when no document is left, the worker
     * stops, so everything it holds (layouts, cached rankings, ELK) is freed; the next layout starts it again.
     */
    release(uri: string): void {
        this.fallback.release(uri);
        this.sentModels.delete(uri);
        // A layout still under way is not kept when it arrives: the diagram it was for is closed.
        const base = this.kept.get(uri);
        let underWay = false;
        for (const waiter of this.waiting.values()) {
            if (waiter.uri !== uri || waiter.released) continue;
            waiter.released = { base };
            underWay = true;
        }
        if (!this.kept.delete(uri) && !underWay) return;
        this.worker?.postMessage({ kind: 'release', uri } satisfies LayoutRequest);
        if (this.kept.size === 0 && this.waiting.size === 0) this.stopWorker();
    }

    /** How many documents' layouts are kept here, and (asked of the worker) there; 0 there when no worker runs. */
    async held(): Promise<{ here: number; worker: number }> {
        const worker = this.worker;
        if (!worker) return { here: this.kept.size, worker: 0 };
        const id = this.nextId++;
        const answer = new Promise<number>(resolve => this.heldQueries.set(id, resolve));
        worker.postMessage({ kind: 'held', id } satisfies LayoutRequest);
        return { here: this.kept.size, worker: await answer };
    }

    dispose(): void {
        this.kept.clear();
        this.sentModels.clear();
        this.fallback.dispose();
        this.failed = true;
        this.stopWorker();
    }

    /** Layouts run in the worker unless it could not start or died. */
    get concurrent(): boolean {
        return !this.failed;
    }

    /** Whether a worker thread is running now (it stops when the last document is released). */
    get running(): boolean {
        return this.worker !== undefined;
    }

    private stopWorker(): void {
        const worker = this.worker;
        if (!worker) return;
        this.worker = undefined;
        this.sentModels.clear();
        for (const query of this.heldQueries.values()) query(0);
        this.heldQueries.clear();
        // Its exit is expected: no fallback to in-process layouts.
        worker.removeAllListeners();
        void worker.terminate();
    }

    private ensureWorker(): Worker | undefined {
        if (this.worker) return this.worker;
        try {
            const worker = new Worker(this.script, { workerData: { role: LAYOUT_WORKER_ROLE } });
            worker.unref();
            worker.on('message', (response: LayoutResponse) => this.answer(response));
            worker.on('error', error => this.abandonWorker(error));
            worker.on('exit', code => this.abandonWorker(new Error(`layout worker exited with code ${code}`)));
            this.worker = worker;
            return worker;
        } catch (error) {
            this.failed = true;
            this.onFallback(error instanceof Error ? error.message : String(error));
            return undefined;
        }
    }

    private answer(response: LayoutResponse): void {
        if ('held' in response) {
            this.heldQueries.get(response.id)?.(response.held);
            this.heldQueries.delete(response.id);
            return;
        }
        const waiter = this.waiting.get(response.id);
        if (!waiter) return;
        if ('missingModel' in response) {
            // The worker lost the model the patch applies to: the same request with the whole model.
            if (!waiter.released) this.sentModels.set(waiter.uri, waiter.model);
            const { modelPatch: _patch, ...rest } = waiter.request;
            const request: LayoutJobRequest = { ...rest, model: waiter.model };
            waiter.request = request;
            this.worker?.postMessage(request);
            return;
        }
        this.waiting.delete(response.id);
        if ('error' in response) {
            waiter.reject(new Error(response.error));
            return;
        }
        let layout: BlueprintLayout;
        if ('layout' in response) {
            layout = response.layout;
        } else {
            // The worker patched the layout it returned last for this document: the one kept here.
            const base = waiter.released ? waiter.released.base : this.kept.get(waiter.uri);
            if (!base) {
                waiter.reject(new Error('the layout worker sent a patch of a layout this side does not hold'));
                return;
            }
            layout = applyRecordPatch(base, response.patch);
            rememberLayoutPatch(layout, base, response.patch);
        }
        if (!waiter.released) this.kept.set(waiter.uri, layout);
        waiter.resolve(layout);
        if (waiter.released && this.kept.size === 0 && this.waiting.size === 0) this.stopWorker();
    }

    private abandonWorker(error: Error): void {
        if (!this.failed) this.onFallback(error.message);
        this.failed = true;
        this.worker = undefined;
        this.kept.clear();
        this.sentModels.clear();
        for (const waiter of this.waiting.values()) waiter.reject(error);
        this.waiting.clear();
        for (const query of this.heldQueries.values()) query(0);
        this.heldQueries.clear();
    }
}
