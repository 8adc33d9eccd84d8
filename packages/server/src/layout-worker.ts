/**
 * The layout loop run inside the worker thread: models in, layouts out, one at a time. The worker
 * keeps each document's last layout (the next request's `previous`) until the document is released,
 * and answers with a patch of that layout: the thread that asked holds the same layout, so only
 * what changed is copied across (a label edit of 1,000 steps: a few boxes instead of ~1 MB). Each
 * document also has its layout cache (boxes and notes by what they are made of), released with it:
 * a label edit measures one box, and the patch skips the unchanged ones by identity.
 */
import type { MessagePort } from 'node:worker_threads';
import { createLayoutCache, layoutBlueprint, type BlueprintLayout, type LayoutCache } from '@blueprint/diagram';
import type { BlueprintModel } from '@blueprint/model';
import { applyRecordPatch, diffRecords, LAYOUT_PATCH_OPTIONS } from '@blueprint/protocol';
import type { LayoutRequest, LayoutResponse } from './worker-layout-runner.js';

export function runLayoutWorker(port: MessagePort): void {
    const lastLayouts = new Map<string, BlueprintLayout>();
    const caches = new Map<string, LayoutCache>();
    /** Each document's last model: the base of the next request's model patch. */
    const models = new Map<string, BlueprintModel>();
    // The layouts under way per document: one released meanwhile (its diagram closed) is not kept when it ends.
    const underWay = new Map<string, Set<{ released: boolean }>>();
    port.on('message', async (request: LayoutRequest) => {
        if (request.kind === 'release') {
            lastLayouts.delete(request.uri);
            caches.delete(request.uri);
            models.delete(request.uri);
            for (const layout of underWay.get(request.uri) ?? []) layout.released = true;
            return;
        }
        if (request.kind === 'held') {
            port.postMessage({ id: request.id, held: lastLayouts.size + underWay.size } satisfies LayoutResponse);
            return;
        }
        let model = request.model;
        if (request.modelPatch) {
            const base = models.get(request.uri);
            if (!base) {
                port.postMessage({ id: request.id, missingModel: true } satisfies LayoutResponse);
                return;
            }
            model = applyRecordPatch(base, request.modelPatch);
        }
        if (!model) {
            port.postMessage({ id: request.id, error: 'the layout request carried no model' } satisfies LayoutResponse);
            return;
        }
        models.set(request.uri, model);
        let response: LayoutResponse;
        const run = { released: false };
        const running = underWay.get(request.uri) ?? new Set();
        underWay.set(request.uri, running.add(run));
        try {
            const last = lastLayouts.get(request.uri);
            const previous = request.keepPrevious ? last : request.previous;
            let cache = caches.get(request.uri);
            if (!cache) caches.set(request.uri, cache = createLayoutCache());
            const layout = await layoutBlueprint(model, { previous, spacing: request.spacing, cache });
            if (!run.released) lastLayouts.set(request.uri, layout);
            response = last
                ? { id: request.id, patch: diffRecords(last as unknown as Record<string, unknown>, layout as unknown as Record<string, unknown>, 0, LAYOUT_PATCH_OPTIONS) }
                : { id: request.id, layout };
        } catch (error) {
            response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
        }
        running.delete(run);
        if (running.size === 0) underWay.delete(request.uri);
        port.postMessage(response);
    });
}
