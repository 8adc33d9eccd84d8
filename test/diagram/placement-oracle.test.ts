/**
 * The oracle for the fast placement and routing (issue 13): a label edit that widens a box at
 * 1,000 steps places and routes everything again, so that path must stay exactly the layout it was.
 * - The digests of the whole layout JSON (ranges left out) of every example and of generated
 *   blueprints, fresh and after an edit laid out with `previous`, are pinned as a snapshot:
 *   a speed-up must not move a single point. (Update it with `-u` only for an intended layout change.)
 * - Whatever the path (a layout with an earlier one that carries its placement, or a plain copy of
 *   it that does not), the same model and the same `previous` give the same layout.
 * - The layout checker finds no defect, and every flow starts and ends on its boxes' borders.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { checkLayoutQuality, layoutBlueprint, stripRanges, type BlueprintLayout, type LaidOutStep, type Point } from '@blueprint/diagram';
import { describe, expect, test } from 'vitest';
import { generateBlueprint as generateEpisodes } from '../bench/generate.mjs';
import { EXAMPLES_ROOT, layoutViolations, listExamples, loadExampleModel, modelFromText } from './diagram-helpers.js';

function digest(layout: BlueprintLayout): string {
    return createHash('sha256').update(JSON.stringify(stripRanges(layout))).digest('hex').slice(0, 16);
}

function defects(layout: BlueprintLayout): Record<string, string[]> {
    const { crossings: _crossings, ...found } = checkLayoutQuality(layout);
    return Object.fromEntries(Object.entries(found).map(([kind, list]) => [kind, list.slice(0, 3)]));
}

const onBorder = (box: Pick<LaidOutStep, 'x' | 'y' | 'width' | 'height'>, point: Point) =>
    ((point.x === box.x || point.x === box.x + box.width) && point.y >= box.y && point.y <= box.y + box.height)
    || ((point.y === box.y || point.y === box.y + box.height) && point.x >= box.x && point.x <= box.x + box.width);

function portViolations(layout: BlueprintLayout): string[] {
    const boxes = new Map(layout.steps.map(step => [step.id, step]));
    const problems: string[] = [];
    for (const flow of layout.flows) {
        const from = boxes.get(flow.from);
        const to = boxes.get(flow.to);
        if (!from || !to) continue;
        if (!onBorder(from, flow.points[0])) problems.push(`${flow.id} does not start on ${flow.from}`);
        if (!onBorder(to, flow.points[flow.points.length - 1])) problems.push(`${flow.id} does not end on ${flow.to}`);
    }
    for (const gateway of layout.gateways ?? []) {
        const box = boxes.get(gateway.step)!;
        const inset = { x: box.x + 1, y: box.y + 1, width: box.width - 2, height: box.height - 2 };
        if (!onBorder(inset, gateway)) problems.push(`${gateway.id} is not on the border of ${gateway.step}`);
    }
    return problems.slice(0, 5);
}

/** A plain copy: the same geometry, but not the object the layout module knows (no placement to reuse). */
const copy = (layout: BlueprintLayout): BlueprintLayout => JSON.parse(JSON.stringify(layout)) as BlueprintLayout;

describe('placement and routing oracle', () => {
    test('every example lays out to its pinned digest, without defects', async () => {
        const digests: Record<string, string> = {};
        for (const file of listExamples()) {
            const { model } = await loadExampleModel(file);
            if (!model) continue;
            const layout = await layoutBlueprint(model);
            expect(defects(layout), file).toEqual(Object.fromEntries(Object.keys(defects(layout)).map(kind => [kind, []])));
            expect(portViolations(layout), file).toEqual([]);
            digests[path.relative(EXAMPLES_ROOT, file)] = digest(layout);
        }
        expect(Object.keys(digests).length).toBeGreaterThan(5);
        expect(digests).toMatchSnapshot();
    }, 300_000);

    const generated: [string, string][] = [
        ['200 steps', generateEpisodes(200)],
        ['200 steps, branching', generateEpisodes(200, 'Branching200', { branching: true })],
        ['1,000 steps, branching', generateEpisodes(1000, 'Branching1000', { branching: true })]
    ];
    test.each(generated)('%s: fresh, after a label edit that widens a box, and back: pinned and the same on every path', async (_name, text) => {
        const before = await modelFromText(text);
        // A longer label on one step: its box widens (and gains a line), so placement and routing run again.
        const widened = text.replace('Check the records for e5"', 'Check the records for e5 and a great deal more besides that"');
        expect(widened).not.toBe(text);
        const after = await modelFromText(widened);

        const first = await layoutBlueprint(before);
        const edited = await layoutBlueprint(after, { previous: first });
        const back = await layoutBlueprint(before, { previous: edited });
        const box = (layout: BlueprintLayout) => layout.steps.find(step => step.id === 'e5b2')!;
        expect(box(edited).width > box(first).width || box(edited).height > box(first).height).toBe(true);

        for (const layout of [first, edited, back]) {
            expect(defects(layout)).toEqual(Object.fromEntries(Object.keys(defects(layout)).map(kind => [kind, []])));
            expect(portViolations(layout)).toEqual([]);
            expect(layoutViolations(layout, before).slice(0, 5)).toEqual([]);
        }
        // The earlier layout as an object the layout module made, or as a plain copy: the same result.
        expect(digest(await layoutBlueprint(after, { previous: copy(first) }))).toBe(digest(edited));
        expect(digest(await layoutBlueprint(before, { previous: copy(edited) }))).toBe(digest(back));
        expect({ first: digest(first), edited: digest(edited), back: digest(back) }).toMatchSnapshot();
    }, 600_000);
});
