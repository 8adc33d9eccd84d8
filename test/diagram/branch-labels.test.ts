/**
 * A decision's shares stay readable: four labelled branches bundled in one gap left every label a
 * line of another branch through it ("10 % · Needs approval" struck by the hand-off to "Automated
 * fix") or sent it to another lane on a leader line; the gap now widens until each label sits clean
 * beside its own flow. The telecom store's tiered numbers had the same defect.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkLayoutQuality, layoutBlueprint } from '@blueprint/diagram';
import { EXAMPLES_ROOT, loadExampleModel } from './diagram-helpers.js';

const FOUR_BRANCHES = fileURLToPath(new URL('./fixtures/branch-labels/four-branches.blueprint', import.meta.url));

describe('labels of bundled branches', () => {
    it('puts every share of a four-way decision beside its own branch, with no line through it', async () => {
        const { model, errors } = await loadExampleModel(FOUR_BRANCHES);
        expect(errors).toEqual([]);
        const layout = await layoutBlueprint(model!);
        expect(checkLayoutQuality(layout).flowsThroughLabels).toEqual([]);
        const branches = layout.flows.filter(flow => flow.from === 'Triage');
        expect(branches.map(flow => flow.label).sort()).toEqual(['10 % · Needs approval', '20 % · Known bug', '30 % · Needs an expert', '40 % · Simple question']);
        const laneOf = (y: number) => layout.lanes.findIndex(lane => y >= lane.y && y < lane.y + lane.height);
        for (const flow of branches) {
            // Beside its own line: no leader line, and within the lanes the branch passes through.
            expect(flow.labelBox?.anchor, flow.label).toBeUndefined();
            const ys = flow.points.map(point => point.y);
            const [first, last] = [laneOf(Math.min(...ys)), laneOf(Math.max(...ys))];
            for (const y of [flow.labelBox!.y, flow.labelBox!.y + flow.labelBox!.height]) {
                expect(laneOf(y) >= first && laneOf(y) <= last, flow.label).toBe(true);
            }
        }
    });

    it('keeps the telecom store\'s tiered-number labels clear of the neighbouring branch', async () => {
        const { model } = await loadExampleModel(path.join(EXAMPLES_ROOT, 'telecom-store.blueprint'));
        expect(checkLayoutQuality(await layoutBlueprint(model!)).flowsThroughLabels).toEqual([]);
    });
});
