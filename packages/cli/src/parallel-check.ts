/**
 * `blueprint check` on many files uses every core: the files are split into contiguous shares, each
 * checked by a worker thread with its own language services (a file's diagnostics depend only on the
 * file and what it imports), and the reports are merged in path order.
 */
import { maxFileBytes } from '@blueprint/language';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { summarize, type CheckedFile, type CheckReport } from './check-report.js';
import { checkFiles, type CheckOptions } from './checker.js';
import { CliError } from './errors.js';

/** Below this many files a worker's start-up (loading the language services) costs more than it saves. */
const PARALLEL_THRESHOLD = 200;

export async function checkFilesInParallel(files: readonly string[], options: CheckOptions): Promise<CheckReport> {
    const workers = Math.min(availableParallelism(), 4, Math.floor(files.length / (PARALLEL_THRESHOLD / 2)));
    if (workers < 2) return checkFiles(files, options);
    const size = Math.ceil(files.length / workers);
    const shares = Array.from({ length: workers }, (_, i) => files.slice(i * size, (i + 1) * size)).filter(share => share.length > 0);
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
