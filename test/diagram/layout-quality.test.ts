/**
 * Routing that never misleads: the layout-quality checker finds no flow through a foreign box, no
 * line shared by unrelated flows, no ambiguous arrowhead, no covered label, no overlapping boxes and
 * no evidence connector through another card, on every example and on generated blueprints.
 */
import * as path from 'node:path';
import { checkLayoutQuality, layoutBlueprint, summarizeLayoutQuality, type BlueprintLayout, type LaidOutStep } from '@blueprint/diagram';
import { describe, expect, test } from 'vitest';
import { generateBlueprint as generateEpisodes } from '../bench/generate.mjs';
import { EXAMPLES_ROOT, layoutViolations, listExamples, loadExampleModel, modelFromText } from './diagram-helpers.js';
import { generateRichBlueprint } from './rich-blueprint.js';

function defects(layout: BlueprintLayout): Record<string, readonly string[]> {
    const { crossings: _crossings, ...lists } = checkLayoutQuality(layout);
    return lists;
}

const NONE = {
    flowsThroughBoxes: [], sharedSegments: [], ambiguousArrowheads: [], labelOverlaps: [], flowsThroughLabels: [], boxOverlaps: [], evidenceCrossings: [], gatewayOverlaps: [],
    flowsAlongLines: [], flowsHuggingBoxes: [], crampedParallels: [], crowdedArrowheads: []
};

describe('layout quality checker', () => {
    // The checker must see each defect, or its zeros below would mean nothing.
    const box = (id: string, x: number, y: number) => ({
        id, lane: 'customer', label: id, lines: [id], x, y, width: 100, height: 40,
        failPoint: false, waitPoint: false, moment: false, metrics: 0, segments: [], touchpoint: false
    }) as unknown as LaidOutStep; // the checker reads geometry only
    const layout = (flows: BlueprintLayout['flows'], steps = [box('A', 0, 0), box('B', 300, 0), box('C', 150, 0), box('D', 0, 100), box('E', 300, 100)]): BlueprintLayout => ({
        id: 'T', title: 'T', width: 500, height: 300, lanes: [], lines: [], stages: [], steps, flows
    });
    const flow = (id: string, from: string, to: string, points: { x: number; y: number }[], extra: object = {}) =>
        ({ id, from, to, kind: 'sequence' as const, loop: false, points, ...extra });

    test('finds a flow through a foreign box', () => {
        const report = checkLayoutQuality(layout([flow('f', 'A', 'B', [{ x: 100, y: 20 }, { x: 300, y: 20 }])]));
        expect(report.flowsThroughBoxes).toEqual(['A -> B runs through C']);
    });

    test('finds unrelated flows on one line, but not flows that share an end', () => {
        const report = checkLayoutQuality(layout([
            flow('f', 'A', 'E', [{ x: 100, y: 60 }, { x: 280, y: 60 }, { x: 280, y: 120 }, { x: 300, y: 120 }]),
            flow('g', 'D', 'B', [{ x: 100, y: 120 }, { x: 270, y: 120 }, { x: 270, y: 61 }, { x: 290, y: 61 }, { x: 290, y: 20 }, { x: 300, y: 20 }]),
            flow('h', 'A', 'B', [{ x: 100, y: 30 }, { x: 200, y: 30 }, { x: 200, y: 60 }, { x: 250, y: 60 }])
        ], [box('A', 0, 0), box('B', 300, 0), box('D', 0, 100), box('E', 300, 100)]));
        expect(report.sharedSegments).toEqual(['A -> E and D -> B share a segment']);
    });

    test('finds an arrowhead on another flow and a label over a box or a label', () => {
        const report = checkLayoutQuality(layout([
            flow('f', 'A', 'B', [{ x: 100, y: 20 }, { x: 300, y: 20 }], { kind: 'two-way' }),
            flow('g', 'A', 'E', [{ x: 100, y: 20 }, { x: 200, y: 20 }, { x: 200, y: 120 }, { x: 300, y: 120 }],
                { label: 'x', labelBox: { x: 120, y: 30, width: 60, height: 12, lines: ['x'] } }),
            flow('h', 'D', 'E', [{ x: 100, y: 130 }, { x: 300, y: 130 }],
                { label: 'y', labelBox: { x: 150, y: 35, width: 60, height: 12, lines: ['y'] } })
        ], [box('A', 0, 0), box('B', 300, 0), box('C', 140, 40), box('D', 0, 100), box('E', 300, 100)]));
        expect(report.ambiguousArrowheads).toEqual(['the arrowhead of A -> B at 100,20 sits on A -> E']);
        expect(report.labelOverlaps).toEqual([
            'the label of A -> E overlaps C', 'the label of D -> E overlaps C', 'the label of D -> E overlaps the label of A -> E'
        ]);
        expect(report.flowsThroughBoxes).toEqual(['A -> E runs through C']);
    });

    test('finds a line through a flow label, but not one along its edge', () => {
        const report = checkLayoutQuality(layout([
            flow('f', 'A', 'B', [{ x: 100, y: 20 }, { x: 300, y: 20 }], { label: 'x', labelBox: { x: 120, y: 60, width: 60, height: 12, lines: ['x'] } }),
            flow('g', 'D', 'E', [{ x: 100, y: 120 }, { x: 150, y: 120 }, { x: 150, y: 50 }, { x: 300, y: 50 }]),
            flow('h', 'D', 'B', [{ x: 100, y: 130 }, { x: 120, y: 130 }, { x: 120, y: 30 }, { x: 300, y: 30 }])
        ], [box('A', 0, 0), box('B', 300, 0), box('D', 0, 100), box('E', 300, 100)]));
        expect(report.flowsThroughLabels).toEqual(['D -> E runs through the label of A -> B']);
    });

    test('finds overlapping boxes and an evidence connector through a card', () => {
        const report = checkLayoutQuality(layout(
            [{ id: 'K->D', from: 'K', to: 'D', kind: 'evidence', loop: false, points: [{ x: 50, y: 40 }, { x: 50, y: 100 }] }],
            [box('K', 0, 0), box('L', 0, 45), box('M', 30, 50), box('D', 0, 100)]));
        expect(report.boxOverlaps).toEqual(['L overlaps M']);
        expect(report.evidenceCrossings).toEqual(['K -> D runs through L', 'K -> D runs through M']);
    });
});

describe('layout quality checker: lines the eye cannot tell apart', () => {
    const box = (id: string, x: number, y: number, height = 40) => ({ id, lane: 'customer', label: id, x, y, width: 100, height }) as unknown as LaidOutStep;
    const flow = (id: string, from: string, to: string, points: { x: number; y: number }[], kind: 'sequence' | 'hand-off' | 'two-way' = 'sequence') =>
        ({ id, from, to, kind, loop: false, points });
    const layout = (flows: BlueprintLayout['flows'], steps: LaidOutStep[], lines: BlueprintLayout['lines'] = []): BlueprintLayout => ({
        id: 'T', title: 'T', width: 600, height: 400, lanes: [], lines, stages: [], steps, flows
    });

    test('finds a hand-off running along a line between lanes, not one crossing it', () => {
        const report = checkLayoutQuality(layout([
            flow('f', 'A', 'B', [{ x: 100, y: 20 }, { x: 150, y: 20 }, { x: 150, y: 94 }, { x: 280, y: 94 }, { x: 280, y: 140 }, { x: 300, y: 140 }], 'hand-off'),
            flow('g', 'A', 'C', [{ x: 100, y: 30 }, { x: 120, y: 30 }, { x: 120, y: 150 }, { x: 300, y: 150 }])
        ], [box('A', 0, 0), box('B', 300, 120), box('C', 300, 130)], [{ kind: 'visibility', label: 'Line of visibility', y: 100 }]));
        expect(report.flowsAlongLines).toEqual(['A -> B runs along the visibility line, 6 px from it']);
    });

    test('finds a flow running just outside a box, and parallel flows a few pixels apart', () => {
        const report = checkLayoutQuality(layout([
            // 5 px above C, then 6 px beside the next flow.
            flow('f', 'A', 'B', [{ x: 100, y: 20 }, { x: 120, y: 20 }, { x: 120, y: 195 }, { x: 400, y: 195 }, { x: 400, y: 220 }, { x: 450, y: 220 }]),
            flow('g', 'D', 'E', [{ x: 100, y: 300 }, { x: 126, y: 300 }, { x: 126, y: 100 }, { x: 450, y: 100 }]),
            // 8 px from f: readable.
            flow('h', 'D', 'B', [{ x: 100, y: 310 }, { x: 112, y: 310 }, { x: 112, y: 230 }, { x: 450, y: 230 }])
        ], [box('A', 0, 0), box('B', 450, 200), box('C', 200, 200), box('D', 0, 280), box('E', 450, 80)]));
        expect(report.flowsHuggingBoxes).toEqual(['A -> B runs 5 px along C']);
        expect(report.crampedParallels).toEqual(['A -> B and D -> E run 6 px apart']);
    });

    test('finds arrowheads stacked on one side of a box', () => {
        const report = checkLayoutQuality(layout([
            flow('f', 'A', 'B', [{ x: 100, y: 20 }, { x: 200, y: 20 }, { x: 200, y: 215 }, { x: 300, y: 215 }]),
            flow('g', 'C', 'B', [{ x: 100, y: 220 }, { x: 300, y: 220 }]),
            flow('h', 'D', 'B', [{ x: 100, y: 330 }, { x: 220, y: 330 }, { x: 220, y: 232 }, { x: 300, y: 232 }])
        ], [box('A', 0, 0), box('B', 300, 200), box('C', 0, 200), box('D', 0, 310)]));
        expect(report.crowdedArrowheads).toEqual(['the arrowheads of A -> B and C -> B are 5 px apart on the left of B']);
    });
});

describe('layout quality on the examples', () => {
    test.each(listExamples().map(file => [path.relative(EXAMPLES_ROOT, file), file]))('%s', async (_name, file) => {
        const { model } = await loadExampleModel(file);
        if (!model) return; // a shared-declarations file holds no blueprint to draw
        const layout = await layoutBlueprint(model);
        expect(defects(layout)).toEqual(NONE);
        // Every flow label has its place in the geometry.
        for (const flow of layout.flows) expect(flow.label === undefined || flow.labelBox !== undefined, flow.id).toBe(true);
    });
});

describe('layout quality on generated blueprints', () => {
    test.each([[50, 1], [50, 2], [50, 3], [200, 4], [200, 5], [1000, 6]])('%i steps (seed %i): branches, loops, two-way flows, evidence, long and CJK labels', async (steps, seed) => {
        const model = await modelFromText(generateRichBlueprint(steps, seed));
        const layout = await layoutBlueprint(model);
        expect(layoutViolations(layout, model)).toEqual([]);
        // Lines closer than a track and arrowheads crowding one side remain where a box side holds
        // more flows than it has room for a track apart (at 200 steps, seed 4: 32 cramped pairs and
        // 11 crowded arrowheads before tracks were 8 px apart, 4 and 2 now): held under one per
        // hundred flows; every other defect at zero.
        const { crampedParallels, crowdedArrowheads, ...others } = defects(layout);
        const { crampedParallels: _c, crowdedArrowheads: _a, ...othersNone } = NONE;
        expect(others).toEqual(othersNone);
        for (const found of [crampedParallels, crowdedArrowheads]) expect(found.length).toBeLessThanOrEqual(Math.ceil(layout.flows.length / 100));
        // The generator makes every kind of case the router has a shape for.
        expect(layout.flows.some(flow => flow.loop)).toBe(true);
        expect(layout.flows.some(flow => flow.kind === 'two-way')).toBe(true);
        expect(summarizeLayoutQuality(checkLayoutQuality(layout)).crossings).toBeLessThan(layout.flows.length);
    }, 120_000);

    test('flows crowding one lane get more room instead of sharing tracks', async () => {
        const n = 16;
        const lines = ['blueprint Dense "Dense" {'];
        for (let i = 0; i < n; i++) lines.push(`    customer c${i} "Customer step ${i}"${i === 0 ? ' { start }' : i === n - 1 ? ' { end }' : ''}`);
        for (let i = 0; i + 1 < n; i++) lines.push(`    flow c${i} -> c${i + 1}`);
        for (let i = 0; i + 3 < n; i++) lines.push(`    flow c${i} -> c${i + 3} "skip ${i}"`);
        for (let i = 0; i + 5 < n; i++) lines.push(`    flow c${i} -> c${i + 5}`);
        for (let i = 2; i < n; i++) lines.push(`    flow c${i} -> c${i - 2} loop`);
        lines.push('}');
        const model = await modelFromText(lines.join('\n'));
        const layout = await layoutBlueprint(model);
        expect(layoutViolations(layout, model)).toEqual([]);
        // Channel tracks a full track apart, clear of the lines and the boxes, leave every skip's
        // label a clean spot (14 labels were struck through with tracks 5 px apart). Boxes one line
        // high carry eight ports on 32 px: those rows stay closer than a track and their arrowheads
        // crowd (not solved yet: the boxes would have to grow), held at what they are.
        const { crampedParallels, crowdedArrowheads, ...others } = defects(layout);
        const { crampedParallels: _cramped, crowdedArrowheads: _crowded, ...othersNone } = NONE;
        expect(others).toEqual(othersNone);
        expect(crampedParallels.length).toBeLessThanOrEqual(28);
        expect(crowdedArrowheads.length).toBeLessThanOrEqual(11);
    }, 60_000);

    test('the benchmark episodes at 200 steps', async () => {
        const model = await modelFromText(generateEpisodes(200));
        expect(defects(await layoutBlueprint(model))).toEqual(NONE);
    }, 60_000);
});
