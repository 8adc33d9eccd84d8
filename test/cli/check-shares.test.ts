/**
 * How `blueprint check` splits many files over threads: every file once, in order, in contiguous
 * shares, one per thread; the calling thread's share a little larger (its workers start later), by
 * at most an eighth of a share, so big files cannot make it much the slowest.
 */
import { checkShares, checkThreads } from '@blueprint/cli';
import { describe, expect, test } from 'vitest';

const files = (count: number) => Array.from({ length: count }, (_, i) => `f${i}.blueprint`);

describe('check shares', () => {
    test('few files, or one core, take one thread', () => {
        expect(checkThreads(199, 8)).toBe(1);
        expect(checkThreads(5000, 1)).toBe(1);
        expect(checkShares(files(150), 1)).toEqual([files(150)]);
    });

    test('more files take more threads, up to the cores and at most four', () => {
        expect(checkThreads(200, 8)).toBe(2);
        expect(checkThreads(1001, 2)).toBe(2);
        expect(checkThreads(1001, 3)).toBe(3);
        expect(checkThreads(100_000, 16)).toBe(4);
    });

    test.each([[200, 2], [1001, 2], [1001, 3], [1001, 4], [437, 4], [20_000, 4]])('%i files on %i threads: each file once, in order', (count, threads) => {
        const shares = checkShares(files(count), threads);
        expect(shares).toHaveLength(threads);
        expect(shares.flat()).toEqual(files(count));
        const even = Math.ceil(count / threads);
        const [first, ...rest] = shares;
        expect(first.length).toBeGreaterThan(Math.max(...rest.map(share => share.length)));
        expect(first.length - even).toBeLessThanOrEqual(Math.floor(even / 8) * (threads - 1));
        for (const share of rest) expect(share.length).toBeGreaterThan(0);
    });

    test('the head start is the same number of files whatever their count, once shares are large', () => {
        const [a] = checkShares(files(4000), 2);
        const [b] = checkShares(files(8000), 2);
        expect(a.length - 2000).toBe(b.length - 4000);
    });
});
