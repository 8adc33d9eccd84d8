/** A worker thread of a parallel `blueprint check`: checks its share of the files and posts the report. */
import { parentPort, workerData } from 'node:worker_threads';
import { checkFiles, type CheckOptions } from './checker.js';
import { CliError } from './errors.js';

interface CheckJob {
    readonly files: readonly string[];
    readonly options: CheckOptions;
}

const job = workerData as CheckJob;
try {
    parentPort!.postMessage({ report: await checkFiles(job.files, job.options) });
} catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error), usage: error instanceof CliError });
}
