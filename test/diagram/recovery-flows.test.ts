/**
 * A fail point's corrective sub-process in the geometry: the flows into, between and out of the
 * steps its recovery names carry the fail point's number (`recovery: 'F1'`), the way in is labelled
 * with it, and nothing else is marked (Shostack's shoeshine; the other examples have no such steps).
 */
import * as path from 'node:path';
import { layoutBlueprint, type BlueprintLayout } from '@blueprint/diagram';
import { describe, expect, test } from 'vitest';
import { EXAMPLES_ROOT, listExamples, loadExampleModel, modelFromText } from './diagram-helpers.js';

const recoveryOf = (layout: BlueprintLayout) =>
    Object.fromEntries(layout.flows.filter(flow => flow.recovery !== undefined).map(flow => [flow.id, flow.recovery]));

const SHOESHINE = `blueprint Shine "Shine" {
    customer Sit "Sit" { start }
    frontstage Polish "Apply polish" {
        fail "Wrong colour" rate 10 % recovery "Strip and polish again" by Strip, Repolish
    }
    frontstage Strip "Remove the polish"
    frontstage Repolish "Polish again"
    frontstage Buff "Buff"
    customer Pay "Pay" { end }
    flow Sit -> Polish -> Buff -> Pay
    flow Polish -> Strip -> Repolish -> Buff
}
`;

describe('recovery flows in the geometry', () => {
    test('the shoeshine: the way into, through and out of the corrective sub-process is F1, the main flow is not', async () => {
        const { model } = await loadExampleModel(path.join(EXAMPLES_ROOT, 'shostack-shoeshine.blueprint'));
        const layout = await layoutBlueprint(model!);
        expect(recoveryOf(layout)).toEqual({ 'Polish->Strip': 'F1', 'Strip->Repolish': 'F1', 'Repolish->Buff': 'F1' });
        // The way in says which fail point it remedies; the others keep their labels (none here).
        expect(layout.flows.find(flow => flow.id === 'Polish->Strip')!.label).toBe('F1');
        expect(layout.flows.find(flow => flow.id === 'Strip->Repolish')!.label).toBeUndefined();
        expect(layout.flows.find(flow => flow.id === 'Polish->Buff')!.recovery).toBeUndefined();
    });

    test('no other example has a flow marked as a recovery', async () => {
        const others = listExamples().filter(file => !file.endsWith('shostack-shoeshine.blueprint'));
        let drawn = 0;
        for (const file of others) {
            // A file of shared declarations only has no blueprint to draw.
            const { model } = await loadExampleModel(file);
            if (!model) continue;
            drawn++;
            const layout = await layoutBlueprint(model);
            expect(recoveryOf(layout), path.basename(file)).toEqual({});
        }
        expect(drawn).toBeGreaterThan(8);
    });

    test('a recovery that returns to its fail step: the way back is part of it', async () => {
        const model = await modelFromText(`blueprint Visit "Visit" {
    customer Arrive "Arrive" { start }
    frontstage Desk "Serve at the desk" {
        fail "Form incomplete" rate 20 % recovery "Fill the form again" by Refill
    }
    customer Refill "Fill the form again"
    customer Leave "Leave" { end }
    flow Arrive -> Desk -> Leave
    flow Desk -> Refill -> Desk
}
`);
        const layout = await layoutBlueprint(model);
        expect(recoveryOf(layout)).toEqual({ 'Desk->Refill': 'F1', 'Refill->Desk': 'F1' });
    });

    test('a step the main flow also reaches is not part of the recovery, and neither are its flows', async () => {
        const model = await modelFromText(`blueprint Shine "Shine" {
    customer Sit "Sit" { start }
    frontstage Polish "Apply polish" {
        fail "Wrong colour" rate 10 % recovery "Buff it out" by Buff
    }
    frontstage Brush "Brush"
    frontstage Buff "Buff"
    customer Pay "Pay" { end }
    flow Sit -> Brush -> Buff -> Pay
    flow Sit -> Polish -> Buff
}
`);
        const layout = await layoutBlueprint(model);
        expect(recoveryOf(layout)).toEqual({});
        expect(layout.flows.every(flow => !flow.label?.startsWith('F1'))).toBe(true);
    });

    test('numbers follow the fail points as drawn: the second fail point\'s recovery is F2', async () => {
        const model = await modelFromText(SHOESHINE.replace('customer Sit "Sit" { start }', 'customer Sit "Sit" {\n        start\n        fail "Seat taken"\n    }'));
        const layout = await layoutBlueprint(model);
        expect(recoveryOf(layout)).toEqual({ 'Polish->Strip': 'F2', 'Strip->Repolish': 'F2', 'Repolish->Buff': 'F2' });
        expect(layout.flows.find(flow => flow.id === 'Polish->Strip')!.label).toBe('F2');
    });

    test('a layout after an edit that only drops the recovery\'s steps drops the marks (no stale placement reused)', async () => {
        const before = await layoutBlueprint(await modelFromText(SHOESHINE));
        expect(Object.keys(recoveryOf(before))).toHaveLength(3);
        const after = await layoutBlueprint(await modelFromText(SHOESHINE.replace(' by Strip, Repolish', '')), { previous: before });
        expect(recoveryOf(after)).toEqual({});
        expect(after.flows.find(flow => flow.id === 'Polish->Strip')!.label).toBeUndefined();
        const again = await layoutBlueprint(await modelFromText(SHOESHINE), { previous: after });
        expect(recoveryOf(again)).toEqual(recoveryOf(before));
    });
});
