/**
 * The preview draws the badges, chips and legend the layout computed (one geometry, one notation
 * with the SVG), and its hover card says everything written on the step.
 */
import { layoutBlueprint, renderSvg, type LaidOutStep } from '@blueprint/diagram';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { labelBaseline, legendSample, markClasses } from '../src/badges.js';
import { hoverCard } from '../src/features/details/hover-card.js';
import { buildGraph } from '../src/graph-builder.js';
import { BlueprintElementType, type AnnotationsSchema, type StepSchema } from '../src/schema.js';
import { modelFromText } from '../../../test/diagram/diagram-helpers.js';

const hotline = readFileSync(new URL('../../../examples/credit-card-hotline.blueprint', import.meta.url), 'utf8');

describe('marks in the preview', () => {
    it('are the layout\'s marks, with the same text as the SVG', async () => {
        const layout = await layoutBlueprint(await modelFromText(hotline));
        const graph = buildGraph(layout);
        const svg = renderSvg(layout);
        for (const step of layout.steps) {
            const node = graph.children.find(child => child.id === step.id) as StepSchema;
            expect(node.marks).toEqual(step.marks);
            for (const mark of step.marks) for (const line of mark.lines) expect(svg).toContain(`>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</tspan>`);
        }
        const annotations = graph.children.find(child => child.type === BlueprintElementType.annotations) as AnnotationsSchema;
        expect(annotations.legend).toEqual(layout.legend);
        expect(annotations.footnotes).toEqual(layout.footnotes);
        expect(annotations.processTime).toEqual(layout.processTime);
        // Stage columns end with the lanes; the legend and notes below belong to no stage.
        const lanesBottom = Math.max(...layout.lanes.map(lane => lane.y + lane.height));
        for (const stage of graph.children.filter(child => child.type === BlueprintElementType.stage)) {
            expect((stage as unknown as { size: { height: number } }).size.height).toBe(lanesBottom);
        }
        expect(lanesBottom).toBeLessThan(layout.height);
    });

    it('get classes by kind, tone and variant; chips are told apart from badges', () => {
        expect(markClasses({ kind: 'fail', tone: 'red' })).toEqual({ badge: true, chip: false, 'badge-fail': true, 'tone-red': true });
        expect(markClasses({ kind: 'wait', tone: 'red', variant: 'over' })).toMatchObject({ 'badge-wait': true, 'mark-over': true, 'tone-red': true });
        expect(markClasses({ kind: 'emotion', tone: 'orange', variant: 'negative' })).toMatchObject({ 'emotion-negative': true, 'tone-orange': true });
        expect(markClasses({ kind: 'segment', tone: 'plain' })).toMatchObject({ badge: false, chip: true, 'chip-segment': true });
    });

    it('draw the label on the same baselines as the SVG', () => {
        expect(labelBaseline({ labelTop: 26, lineHeight: 16, fontSize: 12 }, 0)).toBeCloseTo(38.2);
        expect(labelBaseline({ labelTop: 26, lineHeight: 16, fontSize: 12 }, 1)).toBeCloseTo(54.2);
    });

    it('legend samples: badges with their variant, box, flow and line styles', () => {
        const base = { tone: 'red' as const, label: 'x', x: 5, y: 6, sampleWidth: 40, height: 16, width: 80 };
        expect(legendSample({ ...base, key: 'badge:wait-over', sample: 'W 15 min > 10 min' })).toMatchObject({
            shape: 'mark', mark: { kind: 'wait', variant: 'over', lines: ['W 15 min > 10 min'], x: 0, y: 0, width: 40 }
        });
        expect(legendSample({ ...base, key: 'badge:emotion-frustrated', sample: '−−' })).toMatchObject({ shape: 'mark', mark: { kind: 'emotion', variant: 'frustrated' } });
        expect(legendSample({ ...base, key: 'chip:actor', sample: 'Teller' })).toMatchObject({ shape: 'mark', mark: { kind: 'actor' } });
        expect(legendSample({ ...base, key: 'box:touchpoint' })).toEqual({ shape: 'box', style: 'touchpoint' });
        expect(legendSample({ ...base, key: 'flow:loop' })).toEqual({ shape: 'flow', kind: 'sequence', loop: true });
        expect(legendSample({ ...base, key: 'flow:hand-off' })).toEqual({ shape: 'flow', kind: 'hand-off', loop: false });
        expect(legendSample({ ...base, key: 'line' })).toEqual({ shape: 'line' });
    });
});

describe('hover card', () => {
    it('shows cause, prevention and recovery of each fail point, times, KPIs, moment, emotion and notes', async () => {
        const layout = await layoutBlueprint(await modelFromText(hotline));
        const hold = layout.steps.find(step => step.id === 'Hold') as LaidOutStep;
        const card = hoverCard(hold.label, hold.details);
        expect(card.title).toBe('Hold for an agent');
        expect(card.subtitle).toContain('Customer actions');
        const fail = card.sections.find(section => section.kind === 'fail')!;
        expect(fail.heading).toMatch(/^Fail point F\d+$/);
        expect(fail.lines).toEqual([
            { lead: 'Cause: ', text: 'Peak-hour queue longer than 15 seconds' },
            { lead: 'Prevention: ', text: 'Staff to the half-hour call forecast' },
            { lead: 'Recovery: ', text: 'Offer a call-back instead of holding' }
        ]);
        expect(card.sections.find(section => section.kind === 'time')!.lines).toEqual([{ lead: 'Wait: ', text: '10 s, tolerance 15 s', warning: false }]);
        const metrics = card.sections.find(section => section.kind === 'metric')!;
        expect(metrics.lines.map(line => line.text)).toContain('Calls answered within 15 seconds — target ≥ 85 %');

        const answer = layout.steps.find(step => step.id === 'Answer')!;
        const answerCard = hoverCard(answer.label, answer.details);
        expect(answerCard.sections.find(section => section.kind === 'moment')!.lines[0].text).toBe('The first human voice: a warm, prompt answer sets the tone for the whole call');
        const dial = layout.steps.find(step => step.id === 'Dial')!;
        expect(hoverCard(dial.label, dial.details).sections.find(section => section.kind === 'emotion')).toEqual({
            kind: 'emotion', heading: 'Customer emotion: negative', lines: [{ text: 'Has a problem, expects to be kept waiting' }]
        });
    });

    it('warns about a time beyond its tolerance and a fail point without remedy', async () => {
        const layout = await layoutBlueprint(await modelFromText(`blueprint Late "Late" {
            customer Q "Queue" { start end wait 20 min tolerance 5 min duration 3 min tolerance 1 min fail "Too long" }
        }`));
        const queue = layout.steps.find(step => step.id === 'Q')!;
        const card = hoverCard(queue.label, queue.details);
        expect(card.sections.find(section => section.kind === 'time')!.lines).toEqual([
            { lead: 'Duration: ', text: '3 min, standard 1 min — above its standard', warning: true },
            { lead: 'Wait: ', text: '20 min, tolerance 5 min — beyond its tolerance', warning: true }
        ]);
        expect(card.sections.find(section => section.kind === 'fail')!.lines.at(-1)).toEqual({ text: 'No prevention or recovery written.', warning: true });
    });

    it('copes with a layout from an older server (no details)', () => {
        expect(hoverCard('Alone', undefined)).toEqual({ title: 'Alone', subtitle: '', sections: [] });
    });
});
