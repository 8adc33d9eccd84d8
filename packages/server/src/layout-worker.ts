/**
 * The layout loop run inside the worker thread: models in, layouts out, one at a time. The worker
 * keeps each document's last layout (the next request's `previous`) until the document is released,
 * and answers with a patch of that layout: the thread that asked holds the same layout, so only
 * what changed is copied across (a label edit of 1,000 steps: a few boxes instead of ~1 MB).
 */
import type { MessagePort } from 'node:worker_threads';
import { layoutBlueprint, type BlueprintLayout } from '@blueprint/diagram';
import { diffRecords } from '@blueprint/protocol';
import type { LayoutRequest, LayoutResponse } from './worker-layout-runner.js';

export function runLayoutWorker(port: MessagePort): void {
    const lastLayouts = new Map<string, BlueprintLayout>();
    // The layouts under way per document: one released meanwhile (its diagram closed) is not kept when it ends.
    const underWay = new Map<string, Set<{ released: boolean }>>();
    port.on('message', async (request: LayoutRequest) => {
        if (request.kind === 'release') {
            lastLayouts.delete(request.uri);
            for (const layout of underWay.get(request.uri) ?? []) layout.released = true;
            return;
        }
        if (request.kind === 'held') {
            port.postMessage({ id: request.id, held: lastLayouts.size + underWay.size } satisfies LayoutResponse);
            return;
        }
        let response: LayoutResponse;
        const run = { released: false };
        const running = underWay.get(request.uri) ?? new Set();
        underWay.set(request.uri, running.add(run));
        try {
            const last = lastLayouts.get(request.uri);
            const previous = request.keepPrevious ? last : request.previous;
            const layout = await layoutBlueprint(request.model, { previous, spacing: request.spacing });
            if (!run.released) lastLayouts.set(request.uri, layout);
            response = last
                ? { id: request.id, patch: diffRecords(last as unknown as Record<string, unknown>, layout as unknown as Record<string, unknown>, 0) }
                : { id: request.id, layout };
        } catch (error) {
            response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
        }
        running.delete(run);
        if (running.size === 0) underWay.delete(request.uri);
        port.postMessage(response);
    });
}
