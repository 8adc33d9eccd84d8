/**
 * How `blueprint check` spreads many files over threads: one thread for few files or up to two
 * cores, then one fewer than the cores, up to four; the threads take batches from one shared queue, every file exactly once, in batches small
 * enough to balance and large enough to pay for their build; a closed queue gives nothing more, in
 * this thread or another one.
 */
import { batchSize, CheckQueue, checkThreads } from '@blueprint/cli';
import { describe, expect, test } from 'vitest';
import { Worker } from 'node:worker_threads';

describe('check threads', () => {
    test('few files, or one or two cores, take one thread', () => {
        expect(checkThreads(199, 8)).toBe(1);
        expect(checkThreads(5000, 1)).toBe(1);
        expect(checkThreads(5000, 2)).toBe(1);
    });

    test('more files take more threads, one fewer than the cores (V8 compiles and collects on the last) and at most four', () => {
        expect(checkThreads(200, 8)).toBe(2);
        expect(checkThreads(1001, 3)).toBe(2);
        expect(checkThreads(1001, 4)).toBe(3);
        expect(checkThreads(100_000, 16)).toBe(4);
    });
});

/** Takes batches from `queue` until it is empty: the file indices of each. */
function drain(queue: CheckQueue): number[][] {
    const batches: number[][] = [];
    for (let next = queue.take(); next; next = queue.take()) {
        batches.push(Array.from({ length: next.end - next.start }, (_, i) => next.start + i));
    }
    return batches;
}

describe('check queue', () => {
    test.each([[200, 2], [1001, 2], [1001, 3], [437, 4], [20_000, 4]])('%i files on %i threads: every file once, in order', (count, threads) => {
        const queue = CheckQueue.create(count, threads);
        const batches = drain(queue);
        expect(batches.flat()).toEqual(Array.from({ length: count }, (_, i) => i));
        // Each thread gets many batches (the last one taken is a small part of its work), none empty.
        expect(batches.length).toBeGreaterThanOrEqual(Math.min(threads * 8, Math.ceil(count / 4)));
        for (const batch of batches) expect(batch.length).toBeGreaterThan(0);
        expect(queue.take()).toBeUndefined();
    });

    test('batches stay between 4 and 64 files', () => {
        expect(batchSize(10, 4)).toBe(4);
        expect(batchSize(1001, 2)).toBe(32);
        expect(batchSize(1_000_000, 2)).toBe(64);
    });

    test('threads sharing the queue take each batch once between them', async () => {
        const queue = CheckQueue.create(20_000, 2);
        // A worker takes from the same buffer: its batches and ours never overlap, and together they are all.
        const worker = new Worker(`
            const { workerData, parentPort } = require('node:worker_threads');
            const next = new Int32Array(workerData.buffer);
            const batches = Math.ceil(workerData.fileCount / workerData.batchSize);
            const taken = [];
            for (let batch = Atomics.add(next, 0, 1); batch < batches; batch = Atomics.add(next, 0, 1)) taken.push(batch);
            parentPort.postMessage(taken);`, { eval: true, workerData: queue.handle });
        const theirs = new Promise<number[]>(resolve => worker.once('message', resolve));
        const ours: number[] = [];
        for (let next = queue.take(); next; next = queue.take()) ours.push(next.batch);
        const all = [...ours, ...await theirs].sort((a, b) => a - b);
        expect(all).toEqual(Array.from({ length: queue.batches }, (_, i) => i));
        await worker.terminate();
    });

    test('a closed queue gives no more batches, to any thread', () => {
        const queue = CheckQueue.create(1001, 2);
        expect(queue.take()?.batch).toBe(0);
        queue.close();
        expect(queue.take()).toBeUndefined();
        expect(CheckQueue.join(queue.handle).take()).toBeUndefined();
    });
});
