/**
 * Where diagram layouts are computed. The language server lays out in a worker thread so that a
 * large blueprint never blocks completion or hover; tests and hosts without workers lay out in process.
 */
import { Worker } from 'node:worker_threads';
import { layoutBlueprint, type BlueprintLayout, type LayoutSpacing } from '@blueprint/diagram';
import type { BlueprintModel } from '@blueprint/language';

export interface LayoutRunner {
    layout(model: BlueprintModel, previous?: BlueprintLayout, spacing?: Partial<LayoutSpacing>): Promise<BlueprintLayout>;
    dispose(): void;
}

/** Lays out on the calling thread (elkjs is asynchronous, but its work is not interruptible). */
export class InProcessLayoutRunner implements LayoutRunner {
    layout(model: BlueprintModel, previous?: BlueprintLayout, spacing?: Partial<LayoutSpacing>): Promise<BlueprintLayout> {
        return layoutBlueprint(model, { previous, spacing });
    }

    dispose(): void {
        // Nothing to release.
    }
}

/** What the worker is started with, so the same script can tell it is the layout worker. */
export const LAYOUT_WORKER_ROLE = 'blueprint-layout-worker';

export interface LayoutRequest {
    readonly id: number;
    readonly model: BlueprintModel;
    readonly previous?: BlueprintLayout;
    readonly spacing?: Partial<LayoutSpacing>;
}

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

    /** `onFallback` hears once why layouts moved in process (for the server log). */
    constructor(private readonly script: string | URL, private readonly onFallback: (reason: string) => void = () => undefined) {}

    layout(model: BlueprintModel, previous?: BlueprintLayout, spacing?: Partial<LayoutSpacing>): Promise<BlueprintLayout> {
        const worker = this.failed ? undefined : this.ensureWorker();
        if (!worker) return this.fallback.layout(model, previous, spacing);
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            this.waiting.set(id, { resolve, reject });
            worker.postMessage({ id, model, previous, spacing } satisfies LayoutRequest);
        });
    }

    dispose(): void {
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
        for (const waiter of this.waiting.values()) waiter.reject(error);
        this.waiting.clear();
    }
}
