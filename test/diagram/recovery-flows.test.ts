/**
 * A fail point's corrective sub-process in the geometry: the flows into, between and out of the
 * steps its recovery names carry the fail point's number (`recovery: 'F1'`), the way in is labelled
 * with it, and nothing else is marked (Shostack's shoeshine; the other examples have no such steps).
 * The SVG draws them in the recovery colour with the legend entry, in the blueprint's language.
 * Recovery steps between the fail step and the main flow's next step sit below the lane's main row,
 * so the happy path runs straight and the recovery is a loop under it.
 */
import * as path from 'node:path';
import { layoutBlueprint, renderSvg, type BlueprintLayout } from '@blueprint/diagram';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { EXAMPLES_ROOT, layoutViolations, listExamples, loadExampleModel, modelFromText } from './diagram-helpers.js';

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

/** The SVG's flow groups as parsed XML: class, data-recovery, the path's end marker. */
function svgFlows(svg: string): Array<{ id: string; classes: string[]; recovery?: string; marker?: string; label?: string }> {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: name => name === 'g' || name === 'tspan' });
    const found: Array<{ id: string; classes: string[]; recovery?: string; marker?: string; label?: string }> = [];
    const visit = (node: unknown): void => {
        if (Array.isArray(node)) return node.forEach(visit);
        if (!node || typeof node !== 'object') return;
        const element = node as Record<string, unknown>;
        const classes = typeof element.class === 'string' ? element.class.split(' ') : [];
        if (classes.includes('bp-flow') && typeof element['data-id'] === 'string') {
            const path = element.path as Record<string, string> | undefined;
            const text = element.text as { tspan?: Array<string | { '#text': string }>; '#text'?: string } | undefined;
            const label = text?.tspan?.map(span => typeof span === 'string' ? span : span['#text']).join(' ') ?? text?.['#text'];
            found.push({ id: element['data-id'], classes, recovery: element['data-recovery'] as string | undefined, marker: path?.['marker-end'], label: label === undefined ? undefined : String(label) });
        }
        for (const value of Object.values(element)) visit(value);
    };
    visit(parser.parse(svg));
    return found;
}

describe('recovery flows in the SVG', () => {
    test('the shoeshine: the recovery\'s flows in their class and colour, the way in labelled F1; the legend explains them', async () => {
        const { model } = await loadExampleModel(path.join(EXAMPLES_ROOT, 'shostack-shoeshine.blueprint'));
        const layout = await layoutBlueprint(model!);
        for (const theme of ['light', 'dark'] as const) {
            const svg = renderSvg(layout, { theme });
            const flows = svgFlows(svg);
            const recovery = flows.filter(flow => flow.classes.includes('bp-flow-recovery'));
            expect(recovery.map(flow => [flow.id, flow.recovery, flow.marker])).toEqual([
                ['Polish->Strip', 'F1', 'url(#bp-arrow-recovery)'],
                ['Strip->Repolish', 'F1', 'url(#bp-arrow-recovery)'],
                ['Repolish->Buff', 'F1', 'url(#bp-arrow-recovery)']
            ]);
            expect(recovery[0].label).toBe('F1');
            expect(flows.find(flow => flow.id === 'Polish->Buff')!.marker).toBe('url(#bp-arrow-end)');
            const colour = theme === 'light' ? '#0f766e' : '#2dd4bf';
            expect(svg).toContain(`.bp-flow-recovery .bp-flow-path { stroke: ${colour};`);
            expect(svg).toContain(`.bp-arrowhead-recovery { fill: ${colour}; }`);
            expect(svg).toMatch(/<marker id="bp-arrow-recovery"[^>]*><path class="bp-arrowhead-recovery"/);
        }
        const entry = layout.legend!.entries.find(item => item.key === 'flow:recovery');
        expect(entry?.label).toBe('Recovery: the corrective sub-process of a fail point');
        // Its sample is drawn in the recovery's style.
        expect(renderSvg(layout)).toMatch(/<g class="bp-legend-entry" data-key="flow:recovery"><g class="bp-legend-sample bp-flow-sequence bp-flow-recovery"><path class="bp-flow-path" [^>]*marker-end="url\(#bp-arrow-recovery\)"/);
    });

    test('the legend has no recovery entry where no recovery is drawn', async () => {
        for (const name of ['bank-deposit', 'credit-card-hotline']) {
            const { model } = await loadExampleModel(path.join(EXAMPLES_ROOT, `${name}.blueprint`));
            const layout = await layoutBlueprint(model!);
            expect(layout.legend!.entries.map(item => item.key), name).not.toContain('flow:recovery');
            expect(renderSvg(layout), name).not.toContain('class="bp-flow bp-flow-sequence bp-flow-recovery');
        }
    });

    test('the legend says it in the blueprint\'s language', async () => {
        const expected = { zh: '补救：失败点的纠正子流程', ja: '回復：失敗ポイントの是正サブプロセス', ko: '복구: 실패 지점의 시정 하위 프로세스' };
        for (const [language, label] of Object.entries(expected)) {
            const layout = await layoutBlueprint(await modelFromText(SHOESHINE.replace('blueprint Shine "Shine" {', `blueprint Shine "Shine" {\n    language ${language}`)));
            expect(layout.legend!.entries.find(item => item.key === 'flow:recovery')?.label, language).toBe(label);
        }
    });

    test('a label on the way into a recovery is escaped after the fail point\'s number', async () => {
        const layout = await layoutBlueprint(await modelFromText(SHOESHINE.replace('flow Polish -> Strip -> Repolish -> Buff',
            'flow Polish -> Strip "<b>wrong</b> & \\"odd\\""\n    flow Strip -> Repolish -> Buff')));
        const entry = layout.flows.find(flow => flow.id === 'Polish->Strip')!;
        expect(entry.label).toBe('F1 · <b>wrong</b> & "odd"');
        const svg = renderSvg(layout);
        expect(svg).not.toContain('<b>wrong');
        expect(svg).toContain('&lt;b&gt;wrong&lt;/b&gt; &amp;');
        expect(svgFlows(svg).find(flow => flow.id === 'Polish->Strip')!.label).toContain('<b>wrong</b> & "odd"');
    });
});

describe('the happy path stays straight', () => {
    const box = (layout: BlueprintLayout, id: string) => layout.steps.find(step => step.id === id)!;

    test('the shoeshine: Apply polish → Buff is one straight line; the recovery\'s steps sit below the main row', async () => {
        const { model } = await loadExampleModel(path.join(EXAMPLES_ROOT, 'shostack-shoeshine.blueprint'));
        const layout = await layoutBlueprint(model!);
        expect(layoutViolations(layout, model!)).toEqual([]);
        const main = layout.flows.find(flow => flow.id === 'Polish->Buff')!;
        expect(main.points).toHaveLength(2);
        expect(main.points[0].y).toBe(main.points[1].y);
        const polish = box(layout, 'Polish');
        expect(box(layout, 'Buff').y).toBe(polish.y);
        expect(box(layout, 'Brush').y).toBe(polish.y);
        for (const id of ['Strip', 'Repolish']) {
            expect(box(layout, id).lane).toBe(polish.lane);
            expect(box(layout, id).y, id).toBeGreaterThanOrEqual(polish.y + polish.height);
        }
        // The way in goes down from the fail step, the way out up to Buff: a loop below the main flow.
        const into = layout.flows.find(flow => flow.id === 'Polish->Strip')!;
        expect(into.points[into.points.length - 1].y).toBeGreaterThan(into.points[0].y);
        const out = layout.flows.find(flow => flow.id === 'Repolish->Buff')!;
        expect(out.points[out.points.length - 1].y).toBeLessThan(out.points[0].y);
    });

    test('the hotel\'s re-keying goes below the desk\'s row too', async () => {
        const { model } = await loadExampleModel(path.join(EXAMPLES_ROOT, '../test/diagram/fixtures/hotel-checkin/hotel.blueprint'));
        const layout = await layoutBlueprint(model!);
        expect(layoutViolations(layout, model!)).toEqual([]);
        const lookup = box(layout, 'Lookup');
        expect(box(layout, 'Upgrade').y).toBe(lookup.y);
        expect(box(layout, 'Rekey').y).toBeGreaterThanOrEqual(lookup.y + lookup.height);
    });

    test('a recovery in another lane, or not in the main flow\'s way, stays where the lanes put it', async () => {
        const model = await modelFromText(`blueprint Visit "Visit" {
    customer Arrive "Arrive" { start }
    frontstage Desk "Serve at the desk" {
        fail "Form incomplete" rate 20 % recovery "Fill the form again" by Refill
        fail "Card declined" rate 5 % recovery "Pay cash" by Cash
    }
    customer Refill "Fill the form again"
    frontstage Cash "Take cash"
    frontstage Pay "Pay" { end }
    flow Arrive -> Desk -> Pay
    flow Desk -> Refill -> Desk
    flow Desk -> Cash -> Desk
}
`);
        const layout = await layoutBlueprint(model);
        expect(recoveryOf(layout)).toEqual({ 'Desk->Refill': 'F1', 'Refill->Desk': 'F1', 'Desk->Cash': 'F2', 'Cash->Desk': 'F2' });
        const laneTop = (id: string) => layout.lanes.find(lane => lane.id === box(layout, id).lane)!.y;
        // Refill is the only box of its lane's cell, at the lane's top padding as every first box is.
        expect(box(layout, 'Refill').y - laneTop('Refill')).toBe(box(layout, 'Arrive').y - laneTop('Arrive'));
        // Cash shares Pay's column (both follow Desk): it stacks under Pay, which stays on the main row.
        expect(box(layout, 'Pay').y).toBe(box(layout, 'Desk').y);
        expect(box(layout, 'Cash').y).toBeGreaterThan(box(layout, 'Pay').y);
        // The ways back to Desk run right to left (not written as loops); nothing else is amiss.
        expect(layoutViolations(layout, model).filter(problem => !problem.includes('not left to right'))).toEqual([]);
    });
});
