/**
 * `blueprint check` on many files uses every core: the files are cut into small contiguous batches,
 * in order, and each thread (the calling one and its workers, each with its own language services:
 * a file's diagnostics depend only on the file and what it imports) takes the next batch whenever it
 * is done with one. So the threads finish together however long a worker takes to start (loading
 * its modules, building its parser), however large the files, and however busy the cores are with
 * other work; the reports are merged in path order.
 */
import { maxFileBytes } from '@blueprint/language/core';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { summarize, type CheckedFile, type CheckReport } from './check-report.js';
import { CheckSession, checkFiles, type CheckOptions } from './checker.js';
import { CliError } from './errors.js';

/** Below this many files a worker's start-up (loading the language services) costs more than it saves. */
const PARALLEL_THRESHOLD = 200;

/** Batches per thread: enough that the last ones even out the threads, few enough that each is worth its build. */
const BATCHES_PER_THREAD = 16;
const MIN_BATCH_FILES = 4;
const MAX_BATCH_FILES = 64;

/** How many threads check this many files: one when they are too few to pay for a worker. */
export function checkThreads(fileCount: number, cores: number = availableParallelism()): number {
    return Math.max(1, Math.min(cores, 4, Math.floor(fileCount / (PARALLEL_THRESHOLD / 2))));
}

/** The files cut into contiguous batches in the order given, for `threads` threads to take one after another. */
export function checkBatches<T>(files: readonly T[], threads: number = checkThreads(files.length)): T[][] {
    const size = Math.min(MAX_BATCH_FILES, Math.max(MIN_BATCH_FILES, Math.ceil(files.length / (threads * BATCHES_PER_THREAD))));
    const batches: T[][] = [];
    for (let start = 0; start < files.length; start += size) batches.push(files.slice(start, start + size));
    return batches;
}

/** A batch's failure; of several, the one of the earliest batch is reported, as a check in one thread would. */
interface BatchFailure {
    readonly batch: number;
    readonly error: unknown;
}

export async function checkFilesInParallel(files: readonly string[], options: CheckOptions): Promise<CheckReport> {
    const threads = checkThreads(files.length);
    if (threads < 2) return checkFiles(files, options);
    const batches = checkBatches(files, threads);
    let next = 0;
    const failures: BatchFailure[] = [];
    const take = (): { batch: number; files: readonly string[] } | undefined =>
        failures.length === 0 && next < batches.length ? { batch: next, files: batches[next++] } : undefined;

    const workerOptions = { ...options, maxFileBytes: maxFileBytes() };
    const workers = Array.from({ length: threads - 1 }, () => runWorker(workerOptions, take, failures));
    const own = await checkInThisThread(options, take, failures);
    const reports = [own, ...await Promise.all(workers)];
    if (failures.length > 0) throw failures.reduce((first, failure) => failure.batch < first.batch ? failure : first).error;

    const seen = new Set<string>();
    const merged: CheckedFile[] = [];
    for (const file of reports.flat()) {
        // With --report-imports, a file imported from several batches is reported once.
        if (seen.has(file.path)) continue;
        seen.add(file.path);
        merged.push(file);
    }
    merged.sort((a, b) => a.path.localeCompare(b.path));
    return { files: merged, summary: summarize(merged) };
}

/** The calling thread takes batches too (its language services are loaded already), letting the workers ask in between. */
async function checkInThisThread(options: CheckOptions, take: () => { batch: number; files: readonly string[] } | undefined,
    failures: BatchFailure[]): Promise<CheckedFile[]> {
    const checked: CheckedFile[] = [];
    let session: CheckSession;
    try {
        session = new CheckSession(options);
    } catch (error) {
        failures.push({ batch: -1, error });
        return checked;
    }
    for (let job = take(); job; job = take()) {
        try {
            checked.push(...await session.check(job.files));
        } catch (error) {
            failures.push({ batch: job.batch, error });
            break;
        }
        // A worker's request for its next batch is answered here.
        await new Promise(resolve => setImmediate(resolve));
    }
    return checked;
}

/** What a worker sends: a request for a batch (it asks for the next one as it starts one), its reports, or a failure. */
type WorkerMessage =
    | { readonly next: true }
    | { readonly checked: CheckedFile[] }
    | { readonly batch: number; readonly error: string; readonly usage: boolean };

function runWorker(options: CheckOptions, take: () => { batch: number; files: readonly string[] } | undefined,
    failures: BatchFailure[]): Promise<CheckedFile[]> {
    return new Promise(resolve => {
        const worker = new Worker(new URL('./check-worker.js', import.meta.url), { workerData: { options } });
        const done = (checked: CheckedFile[]) => {
            resolve(checked);
            void worker.terminate();
        };
        worker.on('message', (message: WorkerMessage) => {
            if ('next' in message) {
                worker.postMessage(take() ?? null);
            } else if ('checked' in message) {
                done(message.checked);
            } else {
                failures.push({ batch: message.batch, error: message.usage ? new CliError(message.error) : new Error(message.error) });
                done([]);
            }
        });
        worker.once('error', error => {
            failures.push({ batch: -1, error });
            done([]);
        });
    });
}
