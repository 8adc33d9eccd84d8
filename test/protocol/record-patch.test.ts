/**
 * Diagram patches (record-patch.ts): applying the patch of two real layouts gives the second one,
 * item by item for id-keyed lists and whole for other fields; a one-label edit patches a fraction
 * of the geometry; a patch naming an item it does not hold is refused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ABSOLUTE_NESTED_FIELDS, layoutBlueprint, type BlueprintLayout } from '@blueprint/diagram';
import { applyRecordPatch, diffRecords, isEmptyPatch, type RecordPatch } from '@blueprint/protocol';
import { describe, expect, test } from 'vitest';
import { EXAMPLES_ROOT, modelFromText } from '../diagram/diagram-helpers.js';

type Json = Record<string, unknown>;
const patchOf = (a: BlueprintLayout, b: BlueprintLayout) => diffRecords(a as unknown as Json, b as unknown as Json, 1);
const bytes = (value: unknown) => JSON.stringify(value).length;

describe('record patches of diagram layouts', () => {
    const text = readFileSync(join(EXAMPLES_ROOT, 'credit-card-hotline.blueprint'), 'utf8');
    // Edits a user makes: a label typed into, a step and flow added, a step's flows removed.
    const lastFlow = text.lastIndexOf('\n    flow ');
    const edits: Record<string, string> = {
        'one label': text.replace(/"([^"]+)"/, (_, label: string) => `"${label}x"`),
        'a new step': text.slice(0, lastFlow) + '\n    backstage Extra "Extra check" { end }' + text.slice(lastFlow),
        'flows removed': text.slice(0, lastFlow) + '\n}\n'
    };

    test.each(Object.keys(edits))('%s: applying the patch gives the new layout', async name => {
        const before = await layoutBlueprint(await modelFromText(text));
        const after = await layoutBlueprint(await modelFromText(edits[name]), { previous: before });
        const patch = patchOf(before, after);
        expect(JSON.parse(JSON.stringify(applyRecordPatch(before, patch)))).toEqual(JSON.parse(JSON.stringify(after)));
        if (name === 'one label') expect(bytes(patch)).toBeLessThan(bytes(after) / 4);
    });

    test('an unchanged text gives an empty patch once the layout follows its previous one', async () => {
        // The first relayout with a previous layout may only reorder the step list (by x): no geometry moves.
        const first = await layoutBlueprint(await modelFromText(text));
        const second = await layoutBlueprint(await modelFromText(text), { previous: first });
        const reorder = patchOf(first, second);
        expect(Object.keys(reorder.set)).toEqual([]);
        expect(Object.values(reorder.lists).flatMap(list => list.upsert)).toEqual([]);
        const third = await layoutBlueprint(await modelFromText(text), { previous: second });
        expect(isEmptyPatch(patchOf(second, third))).toBe(true);
    });
});

describe('record patches in general', () => {
    test('lists without unique ids are replaced whole, removed fields unset, order kept', () => {
        const before = { title: 'a', points: [{ x: 1 }, { x: 2 }], items: [{ id: 'a', v: 1 }, { id: 'b', v: 2 }], gone: 1 };
        const after = { title: 'a', points: [{ x: 1 }, { x: 3 }], items: [{ id: 'b', v: 2 }, { id: 'a', v: 5 }, { id: 'c', v: 0 }] };
        const patch = diffRecords(before, after, 7);
        expect(patch).toEqual({
            base: 7, set: { points: [{ x: 1 }, { x: 3 }] }, unset: ['gone'],
            lists: { items: { upsert: [{ id: 'a', v: 5 }, { id: 'c', v: 0 }], order: ['b', 'a', 'c'] } }
        });
        expect(applyRecordPatch(before, patch)).toEqual(after);
    });

    test('a patch that names an item it does not hold is refused', () => {
        const patch: RecordPatch = { base: 1, set: {}, unset: [], lists: { items: { upsert: [], order: ['x'] } } };
        expect(() => applyRecordPatch({ items: [{ id: 'a' }] }, patch)).toThrow(/'x'/);
    });

    test('items that are the same objects are skipped; a changed one in place is upserted without an order', () => {
        const kept = { id: 'a', deep: { values: [1, 2, 3] } };
        const before = { items: [kept, { id: 'b', v: 1 }, { id: 'c', v: 1 }] };
        const after = { items: [kept, { id: 'b', v: 2 }, before.items[2]] };
        const patch = diffRecords(before, after, 1);
        expect(patch.lists).toEqual({ items: { upsert: [{ id: 'b', v: 2 }] } });
        const applied = applyRecordPatch(before, patch);
        expect(applied).toEqual(after);
        expect(applied.items[0]).toBe(kept);
        // Equal but not identical items are compared and skipped too; the same ids in another order send the order.
        expect(isEmptyPatch(diffRecords(before, structuredClone(before), 1))).toBe(true);
        const swapped = diffRecords(before, { items: [before.items[1], kept, before.items[2]] }, 1);
        expect(swapped.lists).toEqual({ items: { upsert: [], order: ['b', 'a', 'c'] } });
    });

    test('an exact patch tells undefined from absent and NaN from Infinity (both null in JSON), so the patched copy is the record itself', () => {
        const before: Record<string, unknown> = { a: 1, gone: undefined, steps: [{ id: 's', rate: Number.NaN }] };
        const after: Record<string, unknown> = { a: 1, added: undefined, steps: [{ id: 's', rate: Number.POSITIVE_INFINITY }] };
        expect(isEmptyPatch(diffRecords(before, after, 1))).toBe(true);
        const exact = diffRecords(before, after, 1, { exact: true });
        expect(exact.unset).toEqual(['gone']);
        expect(Object.keys(exact.set)).toEqual(['added']);
        expect(exact.lists.steps.upsert).toEqual([{ id: 's', rate: Number.POSITIVE_INFINITY }]);
        const applied = applyRecordPatch(structuredClone(before), exact);
        expect(Object.keys(applied).sort()).toEqual(['a', 'added', 'steps']);
        expect(applied).toStrictEqual(after);
    });
});

describe('moved items', () => {
    const moves = { nested: ABSOLUTE_NESTED_FIELDS };
    const text = readFileSync(join(EXAMPLES_ROOT, 'credit-card-hotline.blueprint'), 'utf8');

    test('typing into a label widens its column: the boxes and flows right of it go as moves, and the patch gives the new layout', async () => {
        const before = await layoutBlueprint(await modelFromText(text));
        const settled = await layoutBlueprint(await modelFromText(text), { previous: before });
        const first = settled.steps[0];
        const typed = text.replace(`"${first.label}"`, `"${first.label} and a few more words typed"`);
        const after = await layoutBlueprint(await modelFromText(typed), { previous: settled });
        const whole = patchOf(settled, after);
        const patch = diffRecords(settled as unknown as Json, after as unknown as Json, 1, { moves });
        const movedSteps = (patch.lists.steps?.moved ?? []).flatMap(group => group.ids);
        const movedFlows = (patch.lists.flows?.moved ?? []).flatMap(group => group.ids);
        expect(movedSteps.length).toBeGreaterThan(settled.steps.length / 2);
        expect(movedFlows.length).toBeGreaterThan(0);
        expect(patch.movedWith).toEqual(ABSOLUTE_NESTED_FIELDS);
        expect(bytes(patch)).toBeLessThan(bytes(whole) / 3);
        expect(applyRecordPatch(settled, patch)).toEqual(after);
        expect(JSON.parse(JSON.stringify(applyRecordPatch(JSON.parse(JSON.stringify(settled)), JSON.parse(JSON.stringify(patch)))))).toEqual(JSON.parse(JSON.stringify(after)));
    });

    test('a moved item keeps its relative coordinates (a box\'s marks) and shifts the absolute ones (points, label box, anchor)', () => {
        const step = { id: 's', x: 10, y: 20, marks: [{ x: 1, y: 2 }], details: { notes: ['n'] } };
        const flow = { id: 'f', points: [{ x: 0, y: 0 }, { x: 5, y: 0 }], labelBox: { x: 2, y: -3, lines: ['a'], anchor: { x: 2, y: 0 } } };
        const before: { steps: Record<string, unknown>[]; flows: Record<string, unknown>[] } = { steps: [step, { id: 't', x: 0, y: 0, marks: [{ x: 1, y: 2 }] }], flows: [flow] };
        const after = {
            steps: [{ ...step, x: 13, y: 19 }, { id: 't', x: 3, y: 0, marks: [{ x: 4, y: 2 }] }],
            flows: [{ ...flow, points: [{ x: 3, y: -1 }, { x: 8, y: -1 }], labelBox: { x: 5, y: -4, lines: ['a'], anchor: { x: 5, y: -1 } } }]
        };
        const patch = diffRecords(before, after, 1, { moves });
        expect(patch.lists.steps).toEqual({ upsert: [after.steps[1]], moved: [{ dx: 3, dy: -1, ids: ['s'] }] });
        expect(patch.lists.flows).toEqual({ upsert: [], moved: [{ dx: 3, dy: -1, ids: ['f'] }] });
        const applied = applyRecordPatch(before, patch);
        expect(applied).toEqual(after);
        // The parts a move leaves alone are the base's own objects.
        expect(applied.steps[0].details).toBe(step.details);
        expect(applied.steps[0].marks).toBe(step.marks);
    });

    test('a shift that floating point cannot repeat exactly is sent whole', () => {
        // 2.5 + (0.1 - 2.5) is not 0.1 in doubles.
        const before = { items: [{ id: 'a', x: 2.5, y: 0 }] };
        const after = { items: [{ id: 'a', x: 0.1, y: 0 }] };
        expect(before.items[0].x + (after.items[0].x - before.items[0].x)).not.toBe(after.items[0].x);
        const patch = diffRecords(before, after, 1, { moves });
        expect(patch.lists.items).toEqual({ upsert: [after.items[0]] });
        expect(applyRecordPatch(before, patch)).toEqual(after);
    });

    test('a move of an item the base lacks is refused', () => {
        const patch: RecordPatch = { base: 1, set: {}, unset: [], lists: { items: { upsert: [], moved: [{ dx: 1, dy: 0, ids: ['x'] }] } }, movedWith: [] };
        expect(() => applyRecordPatch({ items: [{ id: 'a', x: 0 }] }, patch)).toThrow(/'x'/);
    });

    test.each([false, true])('random layouts and edits: applying the patch gives the new record (exact: %s)', exact => {
        let seed = exact ? 7 : 13;
        const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
        const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
        const coordinate = () => pick([0, 1, 2.5, -3, 0.1, 0.7, 100, 1e-9, 123.456]);
        const point = () => ({ x: coordinate(), y: coordinate() });
        const item = (id: string): Record<string, unknown> => random() < 0.5
            ? { id, x: coordinate(), y: coordinate(), label: pick(['a', 'b']), marks: [point()], ...(random() < 0.3 ? { gone: undefined } : {}) }
            : { id, points: [point(), point()], ...(random() < 0.5 ? { labelBox: { ...point(), lines: ['l'], ...(random() < 0.5 ? { anchor: point() } : {}) } } : {}) };
        const shift = (value: unknown, dx: number, dy: number, top: boolean): unknown => {
            if (Array.isArray(value)) return value.map(entry => shift(entry, dx, dy, top));
            if (typeof value !== 'object' || value === null) return value;
            return Object.fromEntries(Object.entries(value).map(([key, field]) => [key,
                key === 'x' && typeof field === 'number' ? field + dx
                    : key === 'y' && typeof field === 'number' ? field + dy
                        : ABSOLUTE_NESTED_FIELDS.includes(key) || (!top && key !== 'marks') ? shift(field, dx, dy, false) : field]));
        };
        let moved = 0;
        for (let round = 0; round < 200; round++) {
            const ids = Array.from({ length: 1 + Math.floor(random() * 8) }, (_, index) => `i${index}`);
            const before = { title: 't', items: ids.map(item) };
            const items = before.items.flatMap(entry => {
                const roll = random();
                if (roll < 0.1) return [];
                if (roll < 0.5) return [shift(entry, coordinate(), pick([0, coordinate()]), true) as Record<string, unknown>];
                if (roll < 0.6) return [{ ...shift(entry, 1, 0, true) as Record<string, unknown>, label: 'changed' }];
                if (roll < 0.7) return [{ ...entry, marks: [point()] }];
                return [roll < 0.8 ? structuredClone(entry) : entry];
            });
            if (random() < 0.3) items.push(item(`new${round}`));
            if (random() < 0.2) items.reverse();
            const after = { title: random() < 0.1 ? 'u' : 't', items };
            const patch = diffRecords(before, after, 1, { exact, moves });
            moved += patch.lists.items?.moved?.length ?? 0;
            const applied = applyRecordPatch(structuredClone(before), structuredClone(patch));
            if (exact) expect(applied).toStrictEqual(after);
            else expect(JSON.parse(JSON.stringify(applied))).toEqual(JSON.parse(JSON.stringify(after)));
            // Through JSON, as the server sends it to the preview.
            expect(JSON.parse(JSON.stringify(applyRecordPatch(JSON.parse(JSON.stringify(before)), JSON.parse(JSON.stringify(patch))))))
                .toEqual(JSON.parse(JSON.stringify(after)));
        }
        expect(moved).toBeGreaterThan(50);
    });
});
