/**
 * How `blueprint check` splits many files over threads: into contiguous batches, every file once
 * and in order, small enough that each thread (the calling one and its workers) takes a good many
 * of them one after another, so the threads finish together; large enough to be worth a build each.
 */
import { checkBatches, checkThreads } from '@blueprint/cli';
import { describe, expect, test } from 'vitest';

const files = (count: number) => Array.from({ length: count }, (_, i) => `f${i}.blueprint`);

describe('check batches', () => {
    test('few files, or one core, take one thread', () => {
        expect(checkThreads(199, 8)).toBe(1);
        expect(checkThreads(5000, 1)).toBe(1);
    });

    test('more files take more threads, up to the cores and at most four', () => {
        expect(checkThreads(200, 8)).toBe(2);
        expect(checkThreads(1001, 2)).toBe(2);
        expect(checkThreads(1001, 3)).toBe(3);
        expect(checkThreads(100_000, 16)).toBe(4);
    });

    test.each([[200, 2], [1001, 2], [1001, 3], [1001, 4], [437, 4], [20_000, 4], [7, 2]])('%i files on %i threads: each file once, in order', (count, threads) => {
        const batches = checkBatches(files(count), threads);
        expect(batches.flat()).toEqual(files(count));
        for (const batch of batches) expect(batch.length).toBeGreaterThan(0);
        // All batches but the last of one size.
        expect(new Set(batches.slice(0, -1).map(batch => batch.length)).size).toBeLessThanOrEqual(1);
    });

    test('each thread gets many batches; a batch holds at least a few files and at most 64', () => {
        expect(checkBatches(files(1001), 2).length).toBeGreaterThanOrEqual(2 * 16);
        expect(checkBatches(files(200), 2)[0]).toHaveLength(7);
        expect(checkBatches(files(20), 2)[0]).toHaveLength(4);
        expect(checkBatches(files(100_000), 4)[0]).toHaveLength(64);
    });
});
