/**
 * The files of a parallel `blueprint check` as batches that the threads take one at a time from a
 * counter they share (a `SharedArrayBuffer`), so that they all finish together: a thread that
 * started late (a worker first loads its modules and builds its parser) or that the machine slows
 * down simply takes fewer batches. Fixed shares left one thread idle while another still had
 * files, by a head start that could only be guessed.
 */

/** How many batches each thread gets, on average: enough that the last one is a small part of a thread's work. */
const BATCHES_PER_THREAD = 16;
/** Below this a batch's build (six phases over the batch, one config lookup per folder) costs more than it balances. */
const MIN_BATCH = 4;
/** Above this, one batch of big files could still leave the other threads waiting. */
const MAX_BATCH = 64;

export function batchSize(fileCount: number, threads: number): number {
    return Math.max(MIN_BATCH, Math.min(MAX_BATCH, Math.ceil(fileCount / (threads * BATCHES_PER_THREAD))));
}

/** What a worker needs to take batches from the same queue: the buffer is shared, not copied. */
export interface CheckQueueHandle {
    readonly buffer: SharedArrayBuffer;
    readonly fileCount: number;
    readonly batchSize: number;
}

export class CheckQueue {
    private readonly next: Int32Array;

    private constructor(readonly handle: CheckQueueHandle) {
        this.next = new Int32Array(handle.buffer);
    }

    static create(fileCount: number, threads: number): CheckQueue {
        return new CheckQueue({ buffer: new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT), fileCount, batchSize: batchSize(fileCount, threads) });
    }

    /** The queue a worker shares with the thread that made `handle`. */
    static join(handle: CheckQueueHandle): CheckQueue {
        return new CheckQueue(handle);
    }

    get batches(): number {
        return Math.ceil(this.handle.fileCount / this.handle.batchSize);
    }

    /** The next batch no thread has taken, as the indices `[start, end)` of its files; undefined when none is left. */
    take(): { readonly batch: number; readonly start: number; readonly end: number } | undefined {
        const batch = Atomics.add(this.next, 0, 1);
        if (batch >= this.batches) return undefined;
        const start = batch * this.handle.batchSize;
        return { batch, start, end: Math.min(this.handle.fileCount, start + this.handle.batchSize) };
    }

    /** No more batches for anyone (a thread failed: the check stops); those being checked are finished. */
    close(): void {
        Atomics.store(this.next, 0, this.batches);
    }
}
