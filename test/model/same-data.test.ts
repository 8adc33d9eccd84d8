import { describe, expect, it } from 'vitest';
import { sameData } from '@blueprint/model';

/** A small seeded generator, so a failure names the case that reproduces it. */
function random(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state * 1664525 + 1013904223) >>> 0;
        return state / 2 ** 32;
    };
}

const LEAVES: unknown[] = [0, -0, 1, 2.5, NaN, Infinity, -Infinity, '', 'a', 'x', true, false, null, undefined];

/** Plain data of a few levels, with every kind of leaf, `undefined` fields and holes of meaning. */
function data(next: () => number, depth = 0): unknown {
    const pick = next();
    if (depth > 2 || pick < 0.5) return LEAVES[Math.floor(next() * LEAVES.length)];
    if (pick < 0.75) return Array.from({ length: Math.floor(next() * 3) }, () => data(next, depth + 1));
    const record: Record<string, unknown> = {};
    for (const key of ['id', 'x', 'y', 'marks']) if (next() < 0.6) record[key] = data(next, depth + 1);
    return record;
}

/** A value like `value` with one leaf (or none) changed, so that many pairs are equal or nearly. */
function mutate(value: unknown, next: () => number): unknown {
    if (next() < 0.3) return value;
    if (Array.isArray(value)) return value.map(item => (next() < 0.5 ? mutate(item, next) : item));
    if (typeof value === 'object' && value !== null) {
        const copy: Record<string, unknown> = {};
        for (const [key, item] of Object.entries(value)) if (next() < 0.9) copy[key] = next() < 0.5 ? mutate(item, next) : item;
        if (next() < 0.2) copy.extra = undefined;
        return copy;
    }
    return LEAVES[Math.floor(next() * LEAVES.length)];
}

/** Exact equality the slow way: keys, `undefined` ones included, and `Object.is` on primitives. */
function exactly(a: unknown, b: unknown): boolean {
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Object.is(a, b);
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    return keysA.length === keysB.length && keysA.every(key => key in b
        && exactly((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

describe('sameData', () => {
    it('json: equal exactly when JSON.stringify writes the two alike (2,000 seeded pairs)', () => {
        const next = random(13);
        let equal = 0;
        for (let round = 0; round < 2000; round++) {
            const a = data(next);
            const b = mutate(a, next);
            const expected = JSON.stringify(a) === JSON.stringify(b);
            expect(sameData(a, b, 'json'), `round ${round}: ${JSON.stringify(a)} / ${JSON.stringify(b)}`).toBe(expected);
            if (expected) equal++;
        }
        // Both outcomes are exercised.
        expect(equal).toBeGreaterThan(200);
        expect(equal).toBeLessThan(1800);
    });

    it('exact: equal exactly when the values are the same keys and Object.is leaves (2,000 seeded pairs)', () => {
        const next = random(29);
        for (let round = 0; round < 2000; round++) {
            const a = data(next);
            const b = next() < 0.3 ? structuredClone(a) : mutate(a, next);
            expect(sameData(a, b, 'exact'), `round ${round}`).toBe(exactly(a, b));
        }
    });

    it('tells the three apart where they differ', () => {
        const cases: Array<[unknown, unknown, boolean, boolean, boolean]> = [
            // a, b, json, value, exact
            [{ x: 1, y: undefined }, { x: 1 }, true, true, false],
            [NaN, NaN, true, true, true],
            [NaN, Infinity, true, false, false],
            [Infinity, -Infinity, true, false, false],
            [0, -0, true, true, false],
            [[undefined], [null], true, false, false],
            [{ f: () => 1 }, {}, true, false, false],
            [{ a: [1, { b: 'c' }] }, { a: [1, { b: 'c' }] }, true, true, true],
            [{ a: [1, { b: 'c' }] }, { a: [1, { b: 'd' }] }, false, false, false],
            [[1, 2], { 0: 1, 1: 2 }, false, false, false],
            [{ a: 1 }, { a: 1, b: 2 }, false, false, false],
            [null, undefined, false, false, false],
            ['1', 1, false, false, false],
            [[null], [NaN], true, false, false],
            [{ a: null }, { a: Infinity }, true, false, false]
        ];
        for (const [a, b, json, value, exact] of cases) {
            const label = `${String(a)} / ${String(b)}`;
            expect([sameData(a, b, 'json'), sameData(a, b, 'value'), sameData(a, b, 'exact')], label).toEqual([json, value, exact]);
            // Symmetric in every mode.
            expect([sameData(b, a, 'json'), sameData(b, a, 'value'), sameData(b, a, 'exact')], label).toEqual([json, value, exact]);
        }
    });
});
