/** Geometric invariants on the laid-out geometry of every example. */
import * as path from 'node:path';
import { layoutBlueprint, stripRanges } from '@blueprint/diagram';
import { describe, expect, test } from 'vitest';
import { EXAMPLES_ROOT, layoutViolations, listExamples, loadExampleModel } from './diagram-helpers.js';

const examples = listExamples();

describe('layout invariants on the examples', () => {
    test('there are examples to lay out', () => {
        expect(examples.length).toBeGreaterThan(0);
    });

    test.each(examples.map(file => [path.relative(EXAMPLES_ROOT, file), file]))('%s', async (_name, file) => {
        const { model, errors } = await loadExampleModel(file);
        expect(errors).toEqual([]);
        if (!model) return; // a shared-declarations file holds no blueprint to draw
        const layout = stripRanges(await layoutBlueprint(model));
        expect(layoutViolations(layout, model)).toEqual([]);
        // Every step and every flow of the model is drawn.
        const stepIds = new Set(layout.steps.map(step => step.id));
        for (const step of model.steps) expect(stepIds.has(step.id), step.id).toBe(true);
        const flowIds = layout.flows.filter(flow => flow.kind !== 'evidence').map(flow => flow.id);
        expect(flowIds).toEqual(model.flows.map(flow => flow.id));
        // Evidence attached to a step sits in the evidence lane, above that step, in its column.
        for (const box of layout.steps.filter(step => step.evidenceFor !== undefined)) {
            const owner = layout.steps.find(step => step.id === box.evidenceFor)!;
            expect(box.lane).toBe('evidence');
            expect(box.y + box.height).toBeLessThan(owner.y);
            expect(Math.abs((box.x + box.width / 2) - (owner.x + owner.width / 2))).toBeLessThanOrEqual(1);
        }
        // Lines lie between the lanes they separate.
        for (const line of model.lines) {
            const drawn = layout.lines.find(l => l.kind === line.kind)!;
            const above = layout.lanes.find(lane => lane.id === line.above)!;
            expect(drawn.y).toBe(above.y + above.height);
        }
    });

    test('layout is deterministic', async () => {
        const { model } = await loadExampleModel(path.join(EXAMPLES_ROOT, 'bank-deposit.blueprint'));
        const first = JSON.stringify(await layoutBlueprint(model!));
        const second = JSON.stringify(await layoutBlueprint(model!));
        expect(second).toBe(first);
    });
});
