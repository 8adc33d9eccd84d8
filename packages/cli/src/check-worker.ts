/** A worker thread of a parallel `blueprint check`: checks batches from the shared queue until none is left, and posts its report. */
import { parentPort, workerData } from 'node:worker_threads';
import { CheckQueue } from './check-queue.js';
import { checkQueued } from './checker.js';
import { CliError } from './errors.js';
import type { CheckJob, CheckJobResult } from './parallel-check.js';

const job = workerData as CheckJob;
const { report, failure } = await checkQueued(job.files, CheckQueue.join(job.queue), job.options);
const result: CheckJobResult = failure
    ? { report, failure: { batch: failure.batch, message: failure.error instanceof Error ? failure.error.message : String(failure.error), usage: failure.error instanceof CliError } }
    : { report };
parentPort!.postMessage(result);
