/**
 * Layout without recursion limits: blueprints far beyond what elkjs can layer (it overflows the
 * stack from about 6,000 steps in a chain) lay out, route cleanly and render, and a one-step edit
 * keeps every other step in its order. Not timed: the benchmark measures speed.
 */
import { checkLayoutQuality, layoutBlueprint, rankByLongestPath, renderSvg, type BlueprintLayout } from '@blueprint/diagram';
import { describe, expect, test } from 'vitest';
import { generateBlueprint as generateChain } from '../bench/diagram.bench.mjs';
import { generateBlueprint as generateEpisodes } from '../bench/generate.mjs';
import { modelFromText } from './diagram-helpers.js';

function leftToRight(layout: BlueprintLayout, ignore: ReadonlySet<string>): string[] {
    return layout.steps.filter(step => !ignore.has(step.id) && step.evidenceFor === undefined)
        .map(step => ({ id: step.id, center: step.x + step.width / 2 }))
        .sort((a, b) => a.center - b.center || (a.id < b.id ? -1 : 1))
        .map(step => step.id);
}

function expectClean(layout: BlueprintLayout): void {
    const { crossings: _crossings, ...defects } = checkLayoutQuality(layout);
    for (const [kind, list] of Object.entries(defects)) expect(list.slice(0, 3), kind).toEqual([]);
}

describe('layout at scale', () => {
    test('a linear chain of 10,000 steps renders, and adding a step keeps the others in order', async () => {
        const text = generateChain(10_000);
        const layout = await layoutBlueprint(await modelFromText(text));
        expect(layout.steps.filter(step => step.evidenceFor === undefined)).toHaveLength(10_000);
        // A chain: every next step lies right of the one before it.
        const x = new Map(layout.steps.map(step => [step.id, step.x]));
        for (let i = 1; i < 10_000; i++) expect(x.get(`Step${i}`)! > x.get(`Step${i - 1}`)!, `Step${i}`).toBe(true);
        expectClean(layout);
        const svg = renderSvg(layout);
        expect(svg.match(/class="bp-step /g)).toHaveLength(10_000);

        const edited = text.replace(/\n}\n$/, '\n    backstage Added "An added step" in S500 { end }\n    flow Step5000 -> Added\n}\n');
        const after = await layoutBlueprint(await modelFromText(edited));
        expect(leftToRight(after, new Set(['Added']))).toEqual(leftToRight(layout, new Set()));
    }, 600_000);

    test('10,000 steps with branches, two-way flows and evidence lay out cleanly', async () => {
        const layout = await layoutBlueprint(await modelFromText(generateEpisodes(10_000)));
        expect(layout.steps.filter(step => step.evidenceFor === undefined)).toHaveLength(10_000);
        expectClean(layout);
        // Flows still run left to right along the episodes: each episode ends right of where it starts.
        const x = new Map(layout.steps.map(step => [step.id, step.x]));
        for (let e = 0; e < 1000; e += 97) expect(x.get(`e${e}c9`)! > x.get(`e${e}c0`)!).toBe(true);
    }, 600_000);
});

describe('iterative longest-path layering', () => {
    test('gives every flow a later layer than its source, breaks cycles, and places a source just before its successor', async () => {
        const steps = ['A', 'B', 'C', 'D', 'E', 'Late'].map(id => ({ id }));
        const ranks = rankByLongestPath(steps, [
            { from: 'A', to: 'B' }, { from: 'B', to: 'C' }, { from: 'C', to: 'A' }, { from: 'A', to: 'C' },
            { from: 'C', to: 'D' }, { from: 'Late', to: 'D' }, { from: 'D', to: 'D' }
        ]);
        expect(Object.fromEntries(ranks)).toEqual({ A: 0, B: 1, C: 2, D: 3, E: 0, Late: 2 });
    });

    test('a 100,000-step chain does not overflow the stack', () => {
        const steps = Array.from({ length: 100_000 }, (_, i) => ({ id: `s${i}` }));
        const edges = steps.slice(1).map((step, i) => ({ from: steps[i].id, to: step.id }));
        const ranks = rankByLongestPath(steps, edges);
        expect(ranks.get('s99999')).toBe(99_999);
    });
});
