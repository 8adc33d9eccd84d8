/**
 * A worker thread of a parallel `blueprint check`: asks the calling thread for batches of files
 * (the next one as soon as it starts on one, so it never waits idle for an answer), checks them with
 * one set of language services, and posts its reports once there are no batches left.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CheckedFile } from './check-report.js';
import { CheckSession, type CheckOptions } from './checker.js';
import { CliError } from './errors.js';

interface Batch {
    readonly batch: number;
    readonly files: readonly string[];
}

const port = parentPort!;
const { options } = workerData as { readonly options: CheckOptions };

function nextBatch(): Promise<Batch | null> {
    const answer = new Promise<Batch | null>(resolve => port.once('message', resolve));
    port.postMessage({ next: true });
    return answer;
}

function failure(batch: number, error: unknown) {
    return { batch, error: error instanceof Error ? error.message : String(error), usage: error instanceof CliError };
}

let session: CheckSession | undefined;
try {
    session = new CheckSession(options);
} catch (error) {
    port.postMessage(failure(-1, error));
}
if (session) {
    const checked: CheckedFile[] = [];
    let pending = nextBatch();
    let failed = false;
    for (let job = await pending; job && !failed; job = await pending) {
        pending = nextBatch();
        try {
            checked.push(...await session.check(job.files));
        } catch (error) {
            port.postMessage(failure(job.batch, error));
            failed = true;
        }
    }
    if (!failed) port.postMessage({ checked });
}
