/**
 * The document's layout cache (createLayoutCache) changes nothing but the time. The oracle: after
 * every edit of a sequence (labels, names, flows, steps, metrics, the language, the spacing and
 * the box metrics), the layout made with the cache and the previous layout is byte for byte the
 * layout made without either of them reusing anything (no cache, and a JSON copy of the previous
 * layout, which carries no placement to reuse); and the patch of it against the previous layout
 * gives it back. Unchanged boxes, flows and notes come back as the very objects of the previous
 * layout, which the patch skips by identity.
 */
import { applyRecordPatch, diffRecords, isEmptyPatch } from '@blueprint/protocol';
import { ABSOLUTE_NESTED_FIELDS, createLayoutCache, layoutBlueprint, type BlueprintLayout, type LayoutCache, type LayoutOptions } from '@blueprint/diagram';
import type { BlueprintModel } from '@blueprint/model';
import { describe, expect, test } from 'vitest';
import { generateBlueprint } from '../bench/generate.mjs';
import { listExamples, loadExampleModel, modelFromText } from './diagram-helpers.js';

type Edit = { readonly name: string; readonly model: BlueprintModel; readonly options?: Partial<LayoutOptions> };

const json = (layout: BlueprintLayout) => JSON.stringify(layout);
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Where two JSON values first differ (a path and both sides), for a readable failure; undefined when alike. */
function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
    if (JSON.stringify(a) === JSON.stringify(b)) return undefined;
    if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && Array.isArray(a) === Array.isArray(b)) {
        const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
        for (const key of keys) {
            const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
            if (found) return found;
        }
    }
    return `${path}: ${JSON.stringify(a)?.slice(0, 300)} ≠ ${JSON.stringify(b)?.slice(0, 300)}`;
}

/** Model-level edits of every kind, each from the one before (a clone each: a worker gets a copy too). */
function editsOf(start: BlueprintModel): Edit[] {
    const edits: Edit[] = [];
    let model = structuredClone(start);
    const push = (name: string, change: (model: BlueprintModel) => BlueprintModel, options?: Partial<LayoutOptions>) => {
        model = change(structuredClone(model));
        edits.push({ name, model, options });
    };
    const withStep = (m: BlueprintModel, index: number, change: (step: BlueprintModel['steps'][number]) => object) =>
        ({ ...m, steps: m.steps.map((step, i) => (i === index ? { ...step, ...change(step) } : step)) }) as BlueprintModel;
    const last = start.steps.length - 1;
    push('one letter in the first label', m => withStep(m, 0, step => ({ label: `${step.label}x` })));
    push('one more letter', m => withStep(m, 0, step => ({ label: `${step.label}y` })));
    push('a label that wraps and widens its box', m => withStep(m, Math.min(1, last), step => ({ label: `${step.label} and then a long explanation of what happens at this point` })));
    const otherLane = start.lanes.find(lane => lane.kind !== 'evidence' && lane.id !== start.steps[last].lane);
    if (otherLane) push('a step moved to another lane', m => withStep(m, last, () => ({ lane: otherLane.id, laneKind: otherLane.kind })));
    if (start.actors.length > 0) push('an actor renamed', m => ({ ...m, actors: m.actors.map((actor, i) => (i === 0 ? { ...actor, label: `${actor.label} Senior` } : actor)) }));
    if (start.metrics.length > 0) push('a metric renamed', m => ({ ...m, metrics: m.metrics.map((metric, i) => (i === 0 ? { ...metric, label: `${metric.label} (weekly)` } : metric)) }));
    if (start.flows.length > 1) push('a flow removed', m => ({ ...m, flows: m.flows.slice(0, -1) }));
    push('the last step removed', m => ({ ...m, steps: m.steps.slice(0, -1) }));
    if (start.stages.length > 0) push('a stage renamed', m => ({ ...m, stages: m.stages.map((stage, i) => (i === 0 ? { ...stage, label: `${stage.label}!` } : stage)) }));
    push('another language', m => ({ ...m, language: m.language === 'ja' ? 'en' : 'ja' }));
    push('wider spacing', m => m, { spacing: { columnGap: 80 } });
    push('other box metrics', m => m, { boxMetrics: { maxLabelWidth: 120 } });
    push('back to the start', () => structuredClone(start));
    return edits;
}

/** Runs the edits with one cache, checking each layout against the oracle and its patch. */
async function checkSequence(start: BlueprintModel, edits: readonly Edit[], cache: LayoutCache = createLayoutCache()): Promise<void> {
    let previous = await layoutBlueprint(start, { cache });
    expect(json(previous)).toBe(json(await layoutBlueprint(structuredClone(start))));
    for (const edit of edits) {
        const layout = await layoutBlueprint(edit.model, { ...edit.options, previous, cache }).catch((error: Error) => {
            throw new Error(`${edit.name}: ${error.message}`);
        });
        const oracle = await layoutBlueprint(structuredClone(edit.model), { ...edit.options, previous: copy(previous) });
        expect(firstDifference(layout, oracle), edit.name).toBeUndefined();
        expect(json(layout), edit.name).toBe(json(oracle));
        const patch = diffRecords(previous as never, layout as never, 0);
        expect(json(applyRecordPatch(copy(previous), patch)), `${edit.name}: the patch`).toBe(json(layout));
        // The server's patches (moves sent as moves): the main thread applies the worker's to its own
        // copy of the previous layout and forwards it to the client instead of diffing again, so
        // diffing the patched copy against that copy must give the very same patch.
        const moves = { moves: { nested: ABSOLUTE_NESTED_FIELDS } };
        const workerPatch = diffRecords(previous as never, layout as never, 0, moves);
        const mainCopy = structuredClone(previous);
        const patched = applyRecordPatch(mainCopy, workerPatch);
        expect(json(patched), `${edit.name}: the moves patch`).toBe(json(layout));
        expect(JSON.stringify(diffRecords(mainCopy as never, patched as never, 0, moves)), `${edit.name}: the patch diffed again`).toBe(JSON.stringify(workerPatch));
        previous = layout;
    }
}

describe('the layout cache changes nothing but the time', () => {
    for (const file of listExamples()) {
        const name = file.split('/examples/')[1];
        test(`${name}: every edit of a sequence lays out as without the cache`, async () => {
            const { model } = await loadExampleModel(file);
            if (!model) return;
            await checkSequence(model, editsOf(model));
        }, 60_000);
    }

    test('a generated blueprint of 200 steps, edited through the language: labels, a flow, a step', async () => {
        const text = generateBlueprint(200);
        const texts = [
            text.replace('request e0"', 'request e0x"'),
            text.replace('request e0"', 'request e0y"'),
            text.replace('"Check the records for e3"', '"Check the records for e3 and the signature card of the customer"'),
            text.replace(/\n}\n$/, '\n    backstage Extra "Extra step" { end }\n    flow e0f1 ~> Extra\n}\n'),
            text.replace('actor Clerk "Clerk"', 'actor Clerk "Front desk clerk"'),
            text.replace('    flow e3f4 <-> e3c5\n', ''),
            text
        ];
        const start = await modelFromText(text);
        const edits: Edit[] = [];
        for (const [index, edited] of texts.entries()) edits.push({ name: `text ${index}`, model: await modelFromText(edited) });
        await checkSequence(start, edits);
        // A label edit from a layout made from scratch is the layout made from scratch.
        const cache = createLayoutCache();
        const first = await layoutBlueprint(start, { cache });
        const labelEdit = await layoutBlueprint(edits[0].model, { previous: first, cache });
        expect(json(labelEdit)).toBe(json(await layoutBlueprint(structuredClone(edits[0].model))));
    }, 120_000);

    test('typing into a label of 200 steps, two characters at a time: the box widens, then wraps, and the boxes right of it move', async () => {
        const text = generateBlueprint(200);
        const typed = ' and then a few more words';
        const edits: Edit[] = [];
        for (let length = 1; length <= typed.length; length += 2) {
            edits.push({ name: `typed ${length}`, model: await modelFromText(text.replace('request e2"', `request e2${typed.slice(0, length)}"`)) });
        }
        await checkSequence(await modelFromText(text), edits);
    }, 120_000);
});

describe('what a label edit keeps', () => {
    test('the unchanged steps, the flows and the notes are the previous layout\'s objects, and the patch holds only the edited box', async () => {
        const text = generateBlueprint(100);
        const cache = createLayoutCache();
        const before = await layoutBlueprint(await modelFromText(text), { cache });
        const after = await layoutBlueprint(await modelFromText(text.replace('request e0"', 'request e0x"')), { previous: before, cache });
        const previousStep = new Map(before.steps.map(step => [step.id, step]));
        const changed = after.steps.filter(step => step !== previousStep.get(step.id)).map(step => step.id);
        // The evidence card names the step it belongs to (its tooltip): it changes with the label.
        expect(changed).toEqual(['e0c0', 'e0c0.evidence']);
        expect(after.flows).toBe(before.flows);
        const notes = (layout: BlueprintLayout) => (layout.footnotes ?? []).flatMap(section => section.entries);
        expect(notes(after).every((entry, index) => entry === notes(before)[index])).toBe(true);
        const patch = diffRecords(before as never, after as never, 0);
        expect(Object.keys(patch.lists)).toEqual(['steps']);
        expect(patch.lists.steps.upsert.map(step => step.id)).toEqual(['e0c0', 'e0c0.evidence']);
        expect(patch.lists.steps.order).toBeUndefined();
        expect(Object.keys(patch.set)).toEqual([]);
    }, 60_000);

    test('a label that widens its box moves the boxes right of it: their notes stay the previous objects where they stay put', async () => {
        const text = generateBlueprint(100);
        const cache = createLayoutCache();
        const before = await layoutBlueprint(await modelFromText(text), { cache });
        const after = await layoutBlueprint(await modelFromText(text.replace('request e0"', 'request e0 widened"')), { previous: before, cache });
        const x = new Map(before.steps.map(step => [step.id, step.x]));
        const moved = after.steps.filter(step => step.x !== x.get(step.id));
        expect(moved.length).toBeGreaterThan(50);
        const notes = (layout: BlueprintLayout) => (layout.footnotes ?? []).flatMap(section => section.entries);
        const earlier = new Map(notes(before).map(entry => [entry.ref, entry]));
        const movedIds = new Set(moved.map(step => step.id));
        const ofMovedSteps = notes(after).filter(entry => entry.step !== undefined && movedIds.has(entry.step));
        expect(ofMovedSteps.length).toBeGreaterThanOrEqual(10);
        for (const entry of ofMovedSteps) {
            const was = earlier.get(entry.ref)!;
            if (was.x === entry.x && was.y === entry.y) expect(entry, entry.ref).toBe(was);
        }
        expect(json(after)).toBe(json(await layoutBlueprint(await modelFromText(text.replace('request e0"', 'request e0 widened"')))));
    }, 60_000);

    test('the same text again gives the same objects and an empty patch', async () => {
        const text = generateBlueprint(50);
        const cache = createLayoutCache();
        const before = await layoutBlueprint(await modelFromText(text), { cache });
        const again = await layoutBlueprint(await modelFromText(text), { previous: before, cache });
        expect(again.steps.every((step, index) => step === before.steps[index])).toBe(true);
        expect(isEmptyPatch(diffRecords(before as never, again as never, 0))).toBe(true);
    }, 60_000);

    test('a cache shared by two blueprints in turn (one cache per document is the rule) still gives each its own layout', async () => {
        const one = await modelFromText(generateBlueprint(30, 'One'));
        const two = await modelFromText(generateBlueprint(40, 'Two'));
        const cache = createLayoutCache();
        for (const model of [one, two, one]) {
            expect(json(await layoutBlueprint(model, { cache }))).toBe(json(await layoutBlueprint(structuredClone(model))));
        }
    }, 60_000);
});
