/**
 * Where diagram layouts are computed. The Node language server lays out in a worker thread
 * (worker-layout-runner.ts) so that a large blueprint never blocks completion or hover; the browser
 * server, which already runs in a web worker, and tests lay out in process.
 */
import { createLayoutCache, layoutBlueprint, type BlueprintLayout, type LayoutCache, type LayoutSpacing } from '@blueprint/diagram';
import type { BlueprintModel } from '@blueprint/model';

export interface LayoutRunner {
    /** Lays out the model of document `uri`; `previous` (its last layout) keeps the picture stable. */
    layout(uri: string, model: BlueprintModel, previous?: BlueprintLayout, spacing?: Partial<LayoutSpacing>): Promise<BlueprintLayout>;
    /**
     * Lays out on another thread, so a layout started before validation overlaps it (the bridge
     * starts layouts early only then: on the calling thread it would just delay the diagnostics).
     */
    readonly concurrent?: boolean;
    /** The document's diagram was closed: forget what is kept for it. */
    release(uri: string): void;
    dispose(): void;
}

/**
 * Lays out on the calling thread (elkjs is asynchronous, but its work is not interruptible), with
 * a layout cache per document until the document is released.
 */
export class InProcessLayoutRunner implements LayoutRunner {
    private readonly caches = new Map<string, LayoutCache>();

    layout(uri: string, model: BlueprintModel, previous?: BlueprintLayout, spacing?: Partial<LayoutSpacing>): Promise<BlueprintLayout> {
        let cache = this.caches.get(uri);
        if (!cache) this.caches.set(uri, cache = createLayoutCache());
        return layoutBlueprint(model, { previous, spacing, cache });
    }

    release(uri: string): void {
        this.caches.delete(uri);
    }

    /** Documents with a cache (for tests: a released document has none). */
    get cachedDocuments(): number {
        return this.caches.size;
    }

    dispose(): void {
        this.caches.clear();
    }
}
