/**
 * Diagram patches (record-patch.ts): applying the patch of two real layouts gives the second one,
 * item by item for id-keyed lists and whole for other fields; a one-label edit patches a fraction
 * of the geometry; a patch naming an item it does not hold is refused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { layoutBlueprint, type BlueprintLayout } from '@blueprint/diagram';
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
