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
    flowsAlongLines: [], flowsHuggingBoxes: [], crampedParallels: [], crowdedArrowheads: [], evidenceNearArrowheads: []
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

    test('finds an evidence connector passing next to an arrowhead, not one a little farther', () => {
        const evidence = (id: string, from: string, to: string, points: { x: number; y: number }[]) =>
            ({ id, from, to, kind: 'evidence' as const, loop: false, points });
        const report = checkLayoutQuality(layout([
            // Two arrowheads into B's left side (x 300), reaching back to x 289.
            flow('f', 'A', 'B', [{ x: 100, y: 220 }, { x: 300, y: 220 }]),
            flow('g', 'C', 'B', [{ x: 100, y: 300 }, { x: 250, y: 300 }, { x: 250, y: 230 }, { x: 300, y: 230 }], 'two-way'),
            // 6 px left of the arrowheads' back ends: the dots run into their barbs.
            evidence('K->D', 'K', 'D', [{ x: 200, y: 100 }, { x: 283, y: 100 }, { x: 283, y: 420 }]),
            // 10 px clear of the two-way flow's start arrowhead (at C's right side, reaching to x 111), and 40 px from the others.
            evidence('L->C', 'L', 'C', [{ x: 121, y: 100 }, { x: 121, y: 400 }])
        ], [box('A', 0, 200), box('B', 300, 200), box('C', 0, 280), box('D', 240, 420), box('K', 100, 80), box('L', 100, 60)]));
        expect(report.evidenceNearArrowheads).toEqual([
            'K -> D passes 6 px from the arrowhead of A -> B at 300,220',
            'K -> D passes 6 px from the arrowhead of C -> B at 300,230'
        ]);
        expect(summarizeLayoutQuality(report).evidenceNearArrowheads).toBe(2);
    });
});

describe('boxes grow for the ports on their sides', () => {
    // Five steps stacked in one column flow into one step: its left side takes five arrowheads.
    const text = (extra: string) => [
        'blueprint Fan "Fan in" {',
        ...[1, 2, 3, 4, 5].map(i => `    customer S${i} "Source ${i}"${i === 1 ? ' { start }' : ''}`),
        '    customer T "Target" { end }',
        ...[1, 2, 3, 4, 5].map(i => `    flow S${i} -> T`),
        extra,
        '}'
    ].join('\n');

    test('a side with five incoming flows has room for five arrowheads at the port spacing', async () => {
        const layout = await layoutBlueprint(await modelFromText(text('')));
        const target = layout.steps.find(step => step.id === 'T')!;
        const tips = layout.flows.map(flow => flow.points[flow.points.length - 1]);
        for (const tip of tips) {
            expect(tip.x).toBe(target.x);
            expect(tip.y).toBeGreaterThan(target.y);
            expect(tip.y).toBeLessThan(target.y + target.height);
        }
        const along = tips.map(tip => tip.y).sort((a, b) => a - b);
        for (let i = 1; i < along.length; i++) expect(along[i] - along[i - 1]).toBeGreaterThanOrEqual(12);
        // Grown by the minimum: four spacings of 12 px and a margin of 8 px at either corner.
        expect(target.height).toBe(4 * 12 + 2 * 8);
        // Each flow bends once in the gap, none around through a lane channel.
        for (const flow of layout.flows) expect(flow.points.length, flow.id).toBeLessThanOrEqual(4);
        expect(defects(layout)).toEqual(NONE);
    });

    test('only the boxes whose sides need it grow, and what they draw stays centred', async () => {
        const fanned = await layoutBlueprint(await modelFromText(text('')));
        const plain = await layoutBlueprint(await modelFromText(text('').replace(/\n {4}flow S[2-5] -> T/g, '')));
        const height = (layout: BlueprintLayout, id: string) => layout.steps.find(step => step.id === id)!.height;
        const natural = height(plain, 'T');
        expect(height(fanned, 'T')).toBeGreaterThan(natural);
        // One port each: the sources keep their size.
        for (const id of ['S1', 'S2', 'S3', 'S4', 'S5']) expect(height(fanned, id)).toBe(height(plain, id));
        const grown = fanned.steps.find(step => step.id === 'T')!;
        const before = plain.steps.find(step => step.id === 'T')!;
        expect(grown.labelTop - before.labelTop).toBe(Math.floor((grown.height - before.height) / 2));
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
        // Boxes grow for their ports and the router keeps lines a track apart: at 200 steps (seed 4)
        // 4 cramped pairs and 2 crowded arrowheads were left before, at 1,000 (seed 6) 8 and 14.
        expect(defects(layout)).toEqual(NONE);
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
        // high carry four ports a side: they grow from 32 to 52 px for them (on 32 px, 28 pairs of
        // lines ran cramped and 11 arrowheads crowded).
        expect(defects(layout)).toEqual(NONE);
        expect(Math.max(...layout.steps.map(step => step.height))).toBe(3 * 12 + 2 * 8);
    }, 60_000);

    test('the benchmark episodes at 200 steps', async () => {
        const model = await modelFromText(generateEpisodes(200));
        expect(defects(await layoutBlueprint(model))).toEqual(NONE);
    }, 60_000);
});
