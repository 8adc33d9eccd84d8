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
    flowsThroughBoxes: [], sharedSegments: [], ambiguousArrowheads: [], labelOverlaps: [], flowsThroughLabels: [], boxOverlaps: [], evidenceCrossings: [], gatewayOverlaps: []
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
        // Channel tracks stacked across one lane leave a skip's label no spot clear of its neighbours'
        // lines (not solved yet): held at what it is, every other defect at zero.
        const { flowsThroughLabels, ...others } = defects(layout);
        const { flowsThroughLabels: _none, ...othersNone } = NONE;
        expect(others).toEqual(othersNone);
        expect(flowsThroughLabels.length).toBeLessThanOrEqual(14);
    }, 60_000);

    test('the benchmark episodes at 200 steps', async () => {
        const model = await modelFromText(generateEpisodes(200));
        expect(defects(await layoutBlueprint(model))).toEqual(NONE);
    }, 60_000);
});
