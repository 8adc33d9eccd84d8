/**
 * `blueprint check` on many files uses several cores: the calling thread and worker threads, each with
 * its own language services (a file's diagnostics depend only on the file and what it imports), take
 * batches of the files from one queue until none is left (check-queue.ts), and the reports are
 * merged in path order.
 */
import { maxFileBytes } from '@blueprint/language/core';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { summarize, type CheckedFile, type CheckReport } from './check-report.js';
import { CheckQueue, type CheckQueueHandle } from './check-queue.js';
import { checkFiles, checkQueued, type CheckOptions, type QueuedCheck } from './checker.js';
import { CliError } from './errors.js';

/** Below this many files a worker's start-up (loading the language services) costs more than it saves. */
const PARALLEL_THRESHOLD = 200;

/**
 * How many threads check this many files: one when they are too few to pay for a worker; otherwise
 * one fewer than the cores, at most four. A thread that checks keeps V8's compiler and garbage
 * collector threads busy for about two thirds of its own time: on two cores a second checking
 * thread left them no core, and cost 28 % more CPU for no shorter a check (README, `check`, sixth pass).
 */
export function checkThreads(fileCount: number, cores: number = availableParallelism()): number {
    return Math.max(1, Math.min(cores - 1, 4, Math.floor(fileCount / (PARALLEL_THRESHOLD / 2))));
}

/** The job of a worker thread (check-worker.ts). */
export interface CheckJob {
    readonly files: readonly string[];
    readonly queue: CheckQueueHandle;
    readonly options: CheckOptions;
}

/** What a worker posts when its queue is empty: its report, or the batch it failed on. */
export interface CheckJobResult {
    readonly report: CheckReport;
    readonly failure?: { readonly batch: number; readonly message: string; readonly usage: boolean };
}

/** `threads`: how many threads check (`--threads`), `checkThreads` when not given; never more than there are batches. */
export async function checkFilesInParallel(files: readonly string[], options: CheckOptions, threads: number = checkThreads(files.length)): Promise<CheckReport> {
    if (threads < 2) return checkFiles(files, options);
    const queue = CheckQueue.create(files.length, threads);
    const job: CheckJob = { files, queue: queue.handle, options: { ...options, maxFileBytes: maxFileBytes() } };
    const pending = Array.from({ length: Math.min(threads, queue.batches) - 1 }, () => runWorker(job));
    // If the calling thread's check throws, the workers' results are no longer wanted: don't let them go unhandled.
    pending.forEach(promise => promise.catch(() => undefined));
    // The calling thread has the language services loaded already: it takes batches while the workers start.
    const own = await checkQueued(files, queue, options);
    const results: QueuedCheck[] = [own, ...await Promise.all(pending)];
    const failures = results.flatMap(result => result.failure ? [result.failure] : []);
    if (failures.length > 0) throw failures.reduce((first, failure) => failure.batch < first.batch ? failure : first).error;
    const seen = new Set<string>();
    const merged: CheckedFile[] = [];
    for (const file of results.flatMap(result => result.report.files)) {
        // With --report-imports, a file imported by files of several threads is reported once.
        if (seen.has(file.path)) continue;
        seen.add(file.path);
        merged.push(file);
    }
    merged.sort((a, b) => a.path.localeCompare(b.path));
    return { files: merged, summary: summarize(merged) };
}

function runWorker(job: CheckJob): Promise<QueuedCheck> {
    return new Promise((resolve, reject) => {
        const worker = new Worker(new URL('./check-worker.js', import.meta.url), { workerData: job });
        worker.once('message', (message: CheckJobResult) => {
            const failure = message.failure;
            resolve(failure
                ? { report: message.report, failure: { batch: failure.batch, error: failure.usage ? new CliError(failure.message) : new Error(failure.message) } }
                : { report: message.report });
            void worker.terminate();
        });
        worker.once('error', reject);
    });
}
