/** The layout loop run inside the worker thread: models in, layouts out, one at a time. */
import type { MessagePort } from 'node:worker_threads';
import { layoutBlueprint } from '@blueprint/diagram';
import type { LayoutRequest, LayoutResponse } from './layout-runner.js';

export function runLayoutWorker(port: MessagePort): void {
    port.on('message', async (request: LayoutRequest) => {
        let response: LayoutResponse;
        try {
            response = { id: request.id, layout: await layoutBlueprint(request.model, { previous: request.previous, spacing: request.spacing }) };
        } catch (error) {
            response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
        }
        port.postMessage(response);
    });
}
