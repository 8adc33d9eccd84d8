/**
 * Runs layouts one at a time per document and coalesces: while one layout runs, only the newest
 * request waits behind it (a newer one replaces it), so fast typing never builds a queue.
 */
import type { BlueprintLayout, LayoutSpacing } from '@blueprint/diagram';
import type { BlueprintModel } from '@blueprint/model';
import type { LayoutRunner } from './layout-runner.js';

export interface LayoutJob {
    readonly uri: string;
    readonly version: number;
    readonly model: BlueprintModel;
    readonly previous?: BlueprintLayout;
    /** The editor's layout spacing (blueprint.layout.spacing); the defaults when absent. */
    readonly spacing?: Partial<LayoutSpacing>;
}

export type LayoutDone = (job: LayoutJob, result: { layout?: BlueprintLayout; error?: string }) => void;

export class LayoutScheduler {
    private readonly running = new Set<string>();
    private readonly pending = new Map<string, LayoutJob>();

    constructor(private readonly runner: LayoutRunner, private readonly done: LayoutDone) {}

    schedule(job: LayoutJob): void {
        if (this.running.has(job.uri)) {
            this.pending.set(job.uri, job);
            return;
        }
        void this.run(job);
    }

    /** Drops the waiting request of a document (closed, or its newest version has errors). */
    cancel(uri: string): void {
        this.pending.delete(uri);
    }

    /** Number of waiting requests of a document: 0 or 1. */
    pendingCount(uri: string): number {
        return this.pending.has(uri) ? 1 : 0;
    }

    private async run(job: LayoutJob): Promise<void> {
        this.running.add(job.uri);
        let result: { layout?: BlueprintLayout; error?: string };
        try {
            result = { layout: await this.runner.layout(job.uri, job.model, job.previous, job.spacing) };
        } catch (error) {
            result = { error: error instanceof Error ? error.message : String(error) };
        }
        this.running.delete(job.uri);
        try {
            this.done(job, result);
        } finally {
            const next = this.pending.get(job.uri);
            if (next) {
                this.pending.delete(job.uri);
                void this.run(next);
            }
        }
    }
}
