/**
 * Ranking stage by stage (diagram/stage-ranking.ts) draws what ranking the whole flow graph drew:
 * the same geometry on every example and on generated blueprints (episodes, branching episodes,
 * an unstaged step joining a stage), and the whole graph still ranks where stages cannot
 * be ranked apart (a flow back to an earlier stage).
 */
import * as path from 'node:path';
import { buildDiagramInput, checkLayoutQuality, layoutBlueprint, rankStepsByStage } from '@blueprint/diagram';
import type { BlueprintModel } from '@blueprint/model';
import { describe, expect, test } from 'vitest';
import { generateBlueprint as generateChain } from '../bench/diagram.bench.mjs';
import { generateBlueprint as generateEpisodes } from '../bench/generate.mjs';
import { EXAMPLES_ROOT, listExamples, loadExampleModel, modelFromText } from './diagram-helpers.js';

/** The bench's flow edit: a step without a stage and a flow to it. */
const withUnstagedStep = (text: string) => text.replace(/\n}\n$/, '\n    backstage Extra "Extra step" { end }\n    flow e0f1 ~> Extra\n}\n');

/** Whether the layout ranks `model` stage by stage (rather than as one graph). */
async function ranksByStage(model: BlueprintModel): Promise<boolean> {
    const input = buildDiagramInput(model);
    return (await rankStepsByStage(input.steps, input.flows, model.stages.map(stage => stage.id))) !== undefined;
}

describe('ranking stage by stage', () => {
    test.each(listExamples().map(file => [path.relative(EXAMPLES_ROOT, file), file]))('%s: the same layout as ranking the whole graph', async (_name, file) => {
        const { model } = await loadExampleModel(file);
        if (!model) return;
        expect(await layoutBlueprint(model)).toEqual(await layoutBlueprint(model, { ranking: 'whole' }));
    });

    // The chain's side branches join neighbouring stages twice: ranked whole.
    const generated: Array<[string, string, boolean]> = [
        ['chain of 200 steps', generateChain(200), false],
        ['episodes, 200 steps', generateEpisodes(200), true],
        ['branching episodes, 300 steps', generateEpisodes(300, 'Branching300', { branching: true }), true],
        ['episodes with an unstaged step, 200 steps', withUnstagedStep(generateEpisodes(200)), true],
        ['branching episodes with an unstaged step, 1,000 steps', withUnstagedStep(generateEpisodes(1000, 'Branching1000', { branching: true })), true]
    ];
    test.each(generated)('%s: the same layout as ranking the whole graph, without defects', async (_name, text, byStages) => {
        const model = await modelFromText(text);
        expect(await ranksByStage(model)).toBe(byStages);
        const byStage = await layoutBlueprint(model);
        expect(byStage).toEqual(await layoutBlueprint(model, { ranking: 'whole' }));
        const { crossings: _crossings, ...defects } = checkLayoutQuality(byStage);
        expect(Object.values(defects).flat()).toEqual([]);
    }, 60_000);

    test('a flow back to an earlier stage: the whole graph is ranked, as before', async () => {
        const text = generateEpisodes(40).replace(/\n}\n$/, '\n    flow e3c9 -> e0f4 "Back to the start"\n}\n');
        const model = await modelFromText(text);
        expect(await ranksByStage(model)).toBe(false);
        expect(await layoutBlueprint(model)).toEqual(await layoutBlueprint(model, { ranking: 'whole' }));
    });

    test('stages joined twice, or a stage of two unconnected parts: the whole graph is ranked', async () => {
        const twice = generateEpisodes(200).replace(/\n}\n$/, '\n    flow e0f4 -> e10f4\n}\n');
        expect(await ranksByStage(await modelFromText(twice))).toBe(false);
        const apart = generateEpisodes(200).replace(/\n}\n$/, '\n    backstage Lone "A step with no flows" in S0\n}\n');
        expect(await ranksByStage(await modelFromText(apart))).toBe(false);
    });

    test('above the steps ELK ranks, the whole graph is layered by longest path, as before', async () => {
        const chain = (count: number) => {
            const steps = Array.from({ length: count }, (_, i) => ({ id: `s${i}`, stage: i < count / 2 ? 'A' : 'B', width: 100, height: 50 }));
            const flows = steps.slice(1).map((step, i) => ({ id: `f${i}`, from: steps[i].id, to: step.id, loop: false }));
            return rankStepsByStage(steps as never, flows as never, ['A', 'B']);
        };
        expect((await chain(40))?.ranks.get('s39')).toBe(39);
        expect(await chain(4002)).toBeUndefined();
    });

    test('which examples are ranked stage by stage', async () => {
        const used: string[] = [];
        for (const file of listExamples()) {
            const { model } = await loadExampleModel(file);
            if (model && await ranksByStage(model)) used.push(path.relative(EXAMPLES_ROOT, file));
        }
        // Examples are added in parallel: these three at least (their layouts are compared above).
        expect(used).toEqual(expect.arrayContaining(['branch-visit.blueprint', 'car-service-poka-yoke.blueprint', 'service-iteration.blueprint']));
    });
});
