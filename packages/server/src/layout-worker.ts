/**
 * The layout loop run inside the worker thread: models in, layouts out, one at a time. The worker
 * keeps each document's last layout (the next request's `previous`) until the document is released.
 */
import type { MessagePort } from 'node:worker_threads';
import { layoutBlueprint, type BlueprintLayout } from '@blueprint/diagram';
import type { LayoutRequest, LayoutResponse } from './worker-layout-runner.js';

export function runLayoutWorker(port: MessagePort): void {
    const lastLayouts = new Map<string, BlueprintLayout>();
    port.on('message', async (request: LayoutRequest) => {
        if (request.kind === 'release') {
            lastLayouts.delete(request.uri);
            return;
        }
        let response: LayoutResponse;
        try {
            const previous = request.keepPrevious ? lastLayouts.get(request.uri) : request.previous;
            const layout = await layoutBlueprint(request.model, { previous });
            lastLayouts.set(request.uri, layout);
            response = { id: request.id, layout };
        } catch (error) {
            response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
        }
        port.postMessage(response);
    });
}
