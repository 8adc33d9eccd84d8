/**
 * Flow labels stay off the lines between lanes: a label lying on the dashed line of interaction
 * (or any lane boundary) is struck through and hard to read (the hotel check-in's decision shares
 * "70 % · Everyone else" did, its flow running just below the line).
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { layoutBlueprint, type BlueprintLayout } from '@blueprint/diagram';
import { listExamples, loadExampleModel, EXAMPLES_ROOT } from './diagram-helpers.js';

const HOTEL = fileURLToPath(new URL('./fixtures/hotel-checkin/hotel.blueprint', import.meta.url));

/** The labels whose box a lane line (a lane's top or bottom edge, or a named line) runs through or along. */
function labelsOnLaneLines(layout: BlueprintLayout): string[] {
    const lineYs = [...layout.lines.map(line => line.y), ...layout.lanes.flatMap(lane => [lane.y, lane.y + lane.height])];
    const struck: string[] = [];
    for (const flow of layout.flows) {
        const box = flow.labelBox;
        if (!flow.label || !box) continue;
        const y = lineYs.find(lineY => lineY >= box.y - 1 && lineY <= box.y + box.height + 1);
        if (y !== undefined) struck.push(`"${flow.label}" (${box.y}..${box.y + box.height}) on the line at y ${y}`);
    }
    return struck;
}

describe('flow labels and lane lines', () => {
    it('keeps the hotel check-in decision shares off the line of interaction', async () => {
        const { model, errors } = await loadExampleModel(HOTEL);
        expect(errors).toEqual([]);
        const layout = await layoutBlueprint(model!);
        const labelled = layout.flows.filter(flow => flow.label?.includes('%'));
        expect(labelled.map(flow => flow.label).sort()).toEqual(['30 % · Gold or above', '70 % · Everyone else']);
        expect(labelsOnLaneLines(layout)).toEqual([]);
    });

    for (const file of listExamples()) {
        it(`no label of ${path.relative(EXAMPLES_ROOT, file)} lies on a lane line`, async () => {
            const { model } = await loadExampleModel(file);
            if (!model) return;
            expect(labelsOnLaneLines(await layoutBlueprint(model))).toEqual([]);
        });
    }
});
