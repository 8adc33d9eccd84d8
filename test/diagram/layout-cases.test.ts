/** Layout invariants on shapes the examples may not cover: loops, missing stages, custom lanes, size. */
import { checkLayoutQuality, layoutBlueprint } from '@blueprint/diagram';
import { describe, expect, test } from 'vitest';
import { generateBlueprint } from '../bench/diagram.bench.mjs';
import { layoutViolations, modelFromText } from './diagram-helpers.js';

describe('layout cases', () => {
    test('loops go backwards from the left side to the right side; other flows left to right', async () => {
        const model = await modelFromText(`blueprint Retry "Retry" {
    stage Try "Try"
    stage Done "Done"
    customer Fill "Fill in the form" in Try { start }
    frontstage Check "Check the form" in Try
    customer Fix "Fix the mistakes" in Try
    customer Leave "Leave" in Done { end }
    flow Fill -> Check -> Fix
    flow Fix -> Fill "again" loop
    flow Check => Leave "accepted"
}`);
        const layout = await layoutBlueprint(model);
        expect(layoutViolations(layout, model)).toEqual([]);
        const loop = layout.flows.find(flow => flow.loop)!;
        expect(loop.points[0].x).toBeGreaterThan(loop.points[loop.points.length - 1].x);
        // Leaves the left side of Fix and enters the right side of Fill, through no other box.
        const fill = layout.steps.find(s => s.id === 'Fill')!;
        const fix = layout.steps.find(s => s.id === 'Fix')!;
        expect(loop.points[0].x).toBe(fix.x);
        expect(loop.points[loop.points.length - 1].x).toBe(fill.x + fill.width);
        expect(checkLayoutQuality(layout).flowsThroughBoxes).toEqual([]);
        expect(layout.flows.find(flow => flow.kind === 'escalation')!.label).toBe('accepted');
    });

    test('no stages, steps stacked in one cell, a custom lane in its declared place', async () => {
        const model = await modelFromText(`blueprint Plain "Plain" {
    lane Partner "Partner bank" below backstage
    customer Ask "Ask" { start }
    frontstage Answer "Answer"
    frontstage Note "Take a note"
    lane Partner Confirm "Confirm with the partner"
    backstage Book "Book it" { end }
    flow Ask -> Answer
    flow Ask -> Note
    flow Answer -> Book
    flow Note -> Book
    flow Book -> Confirm
}`);
        const layout = await layoutBlueprint(model);
        expect(layoutViolations(layout, model)).toEqual([]);
        expect(layout.stages).toEqual([]);
        expect(layout.lanes.map(l => l.id)).toEqual(['evidence', 'customer', 'frontstage', 'backstage', 'Partner', 'support']);
        const answer = layout.steps.find(s => s.id === 'Answer')!;
        const note = layout.steps.find(s => s.id === 'Note')!;
        expect(answer.x).toBe(note.x); // same column, stacked
        expect(note.y).toBeGreaterThanOrEqual(answer.y + answer.height);
        expect(layout.steps.find(s => s.id === 'Confirm')!.lane).toBe('Partner');
    });

    test('a step without a stage joins the stage group around it', async () => {
        const model = await modelFromText(`blueprint Mixed "Mixed" {
    stage A "A"
    stage B "B"
    customer One "One" in A { start }
    frontstage Two "Two"
    customer Three "Three" in B { end }
    flow One -> Two -> Three
}`);
        const layout = await layoutBlueprint(model);
        expect(layoutViolations(layout, model)).toEqual([]);
        const two = layout.steps.find(s => s.id === 'Two')!;
        const stageA = layout.stages.find(s => s.id === 'A')!;
        expect(two.x + two.width).toBeLessThanOrEqual(stageA.x + stageA.width);
    });

    test.each([50, 200])('a generated blueprint of %i steps keeps every invariant', async steps => {
        const model = await modelFromText(generateBlueprint(steps));
        const layout = await layoutBlueprint(model);
        expect(layout.steps.filter(s => s.evidenceFor === undefined)).toHaveLength(steps);
        expect(layoutViolations(layout, model)).toEqual([]);
    });

    test('the invariant checker reports overlaps, diagonal segments, backward flows and boxes outside their lane', async () => {
        const model = await modelFromText(`blueprint Two "Two" {
    customer A "A" { start }
    frontstage B "B" { end }
    flow A -> B
}`);
        const layout = await layoutBlueprint(model);
        const [a, b] = layout.steps;
        const broken = {
            ...layout,
            steps: [a, { ...b, x: a.x, y: a.y }],
            flows: layout.flows.map(flow => ({ ...flow, points: [flow.points[flow.points.length - 1], { x: 0, y: 0 }] }))
        };
        const problems = layoutViolations(broken, model).join('\n');
        expect(problems).toMatch(/A overlaps B/);
        expect(problems).toMatch(/B: outside lane frontstage/);
        expect(problems).toMatch(/A->B: diagonal segment/);
        expect(problems).toMatch(/A->B: not left to right/);
    });
});
