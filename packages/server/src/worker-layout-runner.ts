/** The layout worker thread of the Node language server. */
import { Worker } from 'node:worker_threads';
import type { BlueprintLayout, LayoutSpacing } from '@blueprint/diagram';
import type { BlueprintModel } from '@blueprint/model';
import { InProcessLayoutRunner, type LayoutRunner } from './layout-runner.js';

/** What the worker is started with, so the same script can tell it is the layout worker. */
export const LAYOUT_WORKER_ROLE = 'blueprint-layout-worker';

/**
 * Worker messages. The previous layout is the biggest part of a request (as big as the answer), and
 * the worker already has it when it is the layout the worker itself returned last for the document:
 * then the request says `keepPrevious` instead of copying it across again.
 */
export type LayoutRequest =
    | { readonly kind: 'layout'; readonly id: number; readonly uri: string; readonly model: BlueprintModel; readonly previous?: BlueprintLayout; readonly keepPrevious?: boolean; readonly spacing?: Partial<LayoutSpacing> }
    | { readonly kind: 'release'; readonly uri: string };

export type LayoutResponse = { readonly id: number; readonly layout: BlueprintLayout } | { readonly id: number; readonly error: string };

/**
 * Lays out in a `worker_threads` worker running `script` (the server's own entry, which starts the
 * layout loop instead of a server when it sees the worker role). If the worker cannot start or dies,
 * layouts continue in process: a diagram late is better than no diagram.
 */
export class WorkerLayoutRunner implements LayoutRunner {
    private worker?: Worker;
    private nextId = 0;
    private readonly waiting = new Map<number, { resolve: (layout: BlueprintLayout) => void; reject: (error: Error) => void }>();
    private readonly fallback = new InProcessLayoutRunner();
    private failed = false;
    /** Per document, the layout the worker returned last (and keeps). */
    private readonly kept = new Map<string, BlueprintLayout>();

    /** `onFallback` hears once why layouts moved in process (for the server log). */
    constructor(private readonly script: string | URL, private readonly onFallback: (reason: string) => void = () => undefined) {}

    layout(uri: string, model: BlueprintModel, previous?: BlueprintLayout, spacing?: Partial<LayoutSpacing>): Promise<BlueprintLayout> {
        const worker = this.failed ? undefined : this.ensureWorker();
        if (!worker) return this.fallback.layout(uri, model, previous, spacing);
        const id = this.nextId++;
        const keepPrevious = previous !== undefined && this.kept.get(uri) === previous;
        return new Promise<BlueprintLayout>((resolve, reject) => {
            this.waiting.set(id, { resolve, reject });
            worker.postMessage({ kind: 'layout', id, uri, model, previous: keepPrevious ? undefined : previous, keepPrevious, spacing } satisfies LayoutRequest);
        }).then(layout => {
            this.kept.set(uri, layout);
            return layout;
        });
    }

    release(uri: string): void {
        if (!this.kept.delete(uri)) return;
        this.worker?.postMessage({ kind: 'release', uri } satisfies LayoutRequest);
    }

    dispose(): void {
        this.kept.clear();
        this.failed = true;
        void this.worker?.terminate();
        this.worker = undefined;
    }

    private ensureWorker(): Worker | undefined {
        if (this.worker) return this.worker;
        try {
            const worker = new Worker(this.script, { workerData: { role: LAYOUT_WORKER_ROLE } });
            worker.unref();
            worker.on('message', (response: LayoutResponse) => {
                const waiter = this.waiting.get(response.id);
                this.waiting.delete(response.id);
                if ('layout' in response) waiter?.resolve(response.layout);
                else waiter?.reject(new Error(response.error));
            });
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

    private abandonWorker(error: Error): void {
        if (!this.failed) this.onFallback(error.message);
        this.failed = true;
        this.worker = undefined;
        this.kept.clear();
        for (const waiter of this.waiting.values()) waiter.reject(error);
        this.waiting.clear();
    }
}
