/**
 * Where diagram layouts are computed. The Node language server lays out in a worker thread
 * (worker-layout-runner.ts) so that a large blueprint never blocks completion or hover; the browser
 * server, which already runs in a web worker, and tests lay out in process.
 */
import { layoutBlueprint, type BlueprintLayout, type LayoutSpacing } from '@blueprint/diagram';
import type { BlueprintModel } from '@blueprint/model';

export interface LayoutRunner {
    /** Lays out the model of document `uri`; `previous` (its last layout) keeps the picture stable. */
    layout(uri: string, model: BlueprintModel, previous?: BlueprintLayout, spacing?: Partial<LayoutSpacing>): Promise<BlueprintLayout>;
    /** The document's diagram was closed: forget what is kept for it. */
    release(uri: string): void;
    dispose(): void;
}

/** Lays out on the calling thread (elkjs is asynchronous, but its work is not interruptible). */
export class InProcessLayoutRunner implements LayoutRunner {
    layout(_uri: string, model: BlueprintModel, previous?: BlueprintLayout, spacing?: Partial<LayoutSpacing>): Promise<BlueprintLayout> {
        return layoutBlueprint(model, { previous, spacing });
    }

    release(): void {
        // Nothing is kept per document.
    }

    dispose(): void {
        // Nothing to release.
    }
}
