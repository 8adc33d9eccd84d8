/**
 * `blueprint check` on many files uses every core: the files are split into contiguous shares, each
 * checked by a worker thread with its own language services (a file's diagnostics depend only on the
 * file and what it imports), and the reports are merged in path order.
 */
import { maxFileBytes } from '@blueprint/language/core';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { summarize, type CheckedFile, type CheckReport } from './check-report.js';
import { checkFiles, type CheckOptions } from './checker.js';
import { CliError } from './errors.js';

/** Below this many files a worker's start-up (loading the language services) costs more than it saves. */
const PARALLEL_THRESHOLD = 200;

/**
 * What a worker's start-up (loading the modules and building the parser, while the calling thread
 * already checks) costs, in files of the size a blueprint usually has: so many more go to the
 * calling thread, so that all threads finish together. At most an eighth of a share, for big files.
 */
const WORKER_START_UP_FILES = 100;

/** How many threads check this many files: one when they are too few to pay for a worker. */
export function checkThreads(fileCount: number, cores: number = availableParallelism()): number {
    return Math.max(1, Math.min(cores, 4, Math.floor(fileCount / (PARALLEL_THRESHOLD / 2))));
}

/**
 * The files split into contiguous shares in the order given, one per thread, the first for the
 * calling thread and a little larger (see `WORKER_START_UP_FILES`).
 */
export function checkShares<T>(files: readonly T[], threads: number = checkThreads(files.length)): T[][] {
    if (threads < 2) return [[...files]];
    const size = Math.ceil(files.length / threads);
    const headStart = Math.min(Math.floor(WORKER_START_UP_FILES / threads), Math.floor(size / 8));
    const first = Math.min(files.length, size + headStart * (threads - 1));
    const rest = Math.ceil((files.length - first) / (threads - 1));
    const shares = [files.slice(0, first)];
    for (let start = first; start < files.length; start += rest) shares.push(files.slice(start, start + rest));
    return shares;
}

export async function checkFilesInParallel(files: readonly string[], options: CheckOptions): Promise<CheckReport> {
    const shares = checkShares(files);
    if (shares.length < 2) return checkFiles(files, options);
    // The main thread has the language services loaded already: it checks the first share itself.
    const [first, ...rest] = shares;
    const pending = rest.map(share => runWorker(share, { ...options, maxFileBytes: maxFileBytes() }));
    // If the main share fails, the workers' results are no longer wanted: don't let them go unhandled.
    pending.forEach(promise => promise.catch(() => undefined));
    const reports = [await checkFiles(first, options), ...await Promise.all(pending)];
    const seen = new Set<string>();
    const merged: CheckedFile[] = [];
    for (const file of reports.flatMap(report => report.files)) {
        // With --report-imports, a file imported from several shares is reported once.
        if (seen.has(file.path)) continue;
        seen.add(file.path);
        merged.push(file);
    }
    merged.sort((a, b) => a.path.localeCompare(b.path));
    return { files: merged, summary: summarize(merged) };
}

function runWorker(files: readonly string[], options: CheckOptions): Promise<CheckReport> {
    return new Promise((resolve, reject) => {
        const worker = new Worker(new URL('./check-worker.js', import.meta.url), { workerData: { files, options } });
        worker.once('message', (message: { report?: CheckReport; error?: string; usage?: boolean }) => {
            if (message.report) resolve(message.report);
            else reject(message.usage ? new CliError(message.error ?? 'check failed') : new Error(message.error));
            void worker.terminate();
        });
        worker.once('error', reject);
    });
}
