/**
 * Blueprints as the literature draws them (issue 10, the diagram side): a decision's branch point
 * and a parallel split/join drawn as gateways where the branches fan out, the line of order
 * penetration between the right lanes, fail-point notes with their failure rate, poka-yoke types
 * and corrective steps, and the legend and notes in the blueprint's language.
 */
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { checkLayoutQuality, layoutBlueprint, renderSvg, type BlueprintLayout, type LaidOutGateway } from '@blueprint/diagram';
import { exportDrawio } from '@blueprint/export';
import { describe, expect, test } from 'vitest';
import { EXAMPLES_ROOT, loadExampleModel, modelFromText } from './diagram-helpers.js';

const HOTLINE = `blueprint Hotline "Card hotline" {
    customer Call "Call the hotline" via hotline { start }
    frontstage Answer "Answer the call" via hotline
    frontstage Resolve "Resolve on the call" via hotline
    frontstage Ticket "File a ticket" via hotline
    backstage Investigate "Second line investigates"
    support Notify "Send the ticket number by SMS"
    frontstage CallBack "Call back with the answer" via hotline
    customer Done "Hang up" via hotline { end }

    flow Call -> Answer
    decision Answer "Resolved <first> call?" {
        -> Resolve 95 % "Within authority"
        -> Ticket 5 % "Beyond authority"
    }
    parallel Ticket "Tell the customer while the second line works" {
        ~> Notify
        => Investigate
    } join CallBack
    flow Notify -> CallBack
    flow Investigate -> CallBack
    flow Resolve -> Done
    flow CallBack -> Done
}
`;

function boxOf(layout: BlueprintLayout, id: string) {
    const box = layout.steps.find(step => step.id === id);
    if (!box) throw new Error(`no box ${id}`);
    return box;
}

/** True when the point lies inside the diamond (its outline included). */
function inDiamond(gateway: LaidOutGateway, point: { x: number; y: number }): boolean {
    return Math.abs(point.x - gateway.x) / gateway.halfWidth + Math.abs(point.y - gateway.y) / gateway.halfHeight <= 1.0001;
}

function defectsOf(layout: BlueprintLayout) {
    const { crossings: _crossings, ...defects } = checkLayoutQuality(layout);
    return Object.entries(defects).filter(([, list]) => list.length > 0);
}

describe('branch points', () => {
    test('a decision gets an empty diamond on its step where the alternatives fan out, with their shares on the flows', async () => {
        const layout = await layoutBlueprint(await modelFromText(HOTLINE));
        const answer = boxOf(layout, 'Answer');
        const gateway = layout.gateways!.find(item => item.step === 'Answer')!;
        expect(gateway).toMatchObject({ kind: 'exclusive', role: 'split', side: 'right', flows: ['Answer->Resolve', 'Answer->Ticket'] });
        // On the step's right border, within its height.
        expect(gateway.x - gateway.halfWidth).toBeLessThan(answer.x + answer.width);
        expect(gateway.x + gateway.halfWidth).toBeGreaterThan(answer.x + answer.width);
        expect(gateway.y).toBeGreaterThan(answer.y);
        expect(gateway.y).toBeLessThan(answer.y + answer.height);
        // Both alternatives leave the box inside the diamond: they visibly branch out of it.
        for (const id of gateway.flows) {
            const flow = layout.flows.find(item => item.id === id)!;
            expect(inDiamond(gateway, flow.points[0]), id).toBe(true);
        }
        const labels = Object.fromEntries(layout.flows.map(flow => [flow.id, flow.labelBox?.lines.join(' ')]));
        expect(labels['Answer->Resolve']).toBe('95 % · Within authority');
        expect(labels['Answer->Ticket']).toBe('5 % · Beyond authority');
        expect(gateway.description).toBe('Decision: Resolved <first> call? (Resolve on the call: 95 % · Within authority; File a ticket: 5 % · Beyond authority)');
        expect(defectsOf(layout)).toEqual([]);
    });

    test('parallel work gets a + diamond where it splits and another where it joins', async () => {
        const layout = await layoutBlueprint(await modelFromText(HOTLINE));
        const split = layout.gateways!.find(item => item.step === 'Ticket')!;
        expect(split).toMatchObject({ kind: 'parallel', role: 'split', flows: ['Ticket->Notify', 'Ticket->Investigate'] });
        const join = layout.gateways!.find(item => item.role === 'join')!;
        expect(join).toMatchObject({ kind: 'parallel', step: 'CallBack', side: 'left' });
        expect([...join.flows].sort()).toEqual(['Investigate->CallBack', 'Notify->CallBack']);
        const callBack = boxOf(layout, 'CallBack');
        expect(join.x).toBe(callBack.x + 1);
        // The branches meet around the diamond: their arrowheads on either side of it, clear of it and
        // of each other (inside it they stacked into one blot), so the diamond is where they join.
        const tips = join.flows.map(id => layout.flows.find(item => item.id === id)!.points.at(-1)!).sort((a, b) => a.y - b.y);
        for (const tip of tips) {
            expect(tip.x).toBe(callBack.x);
            expect(Math.abs(tip.y - join.y)).toBeGreaterThanOrEqual(join.halfHeight + 2);
        }
        expect(tips[0].y).toBeLessThan(join.y);
        expect(tips.at(-1)!.y).toBeGreaterThan(join.y);
        expect(tips[1].y - tips[0].y).toBeGreaterThanOrEqual(12);
        const svg = renderSvg(layout);
        expect(svg.match(/class="bp-gateway bp-gateway-parallel bp-gateway-(split|join)" data-step=/g)).toHaveLength(2);
        expect(svg.match(/class="bp-gateway-plus"/g)!.length).toBeGreaterThanOrEqual(2);
        expect(svg).toContain('class="bp-gateway bp-gateway-exclusive bp-gateway-split" data-step="Answer"');
        // The question is escaped in the tooltip.
        expect(svg).toContain('Decision: Resolved &lt;first&gt; call?');
        expect(svg).not.toContain('<first>');
        // The legend explains exactly the two kinds drawn.
        const keys = layout.legend!.entries.map(entry => entry.key);
        expect(keys).toContain('gateway:exclusive');
        expect(keys).toContain('gateway:parallel');
    });

    test('one parallel branch beside a decision at the same step is drawn as a split too, apart from the decision\'s diamond', async () => {
        const text = HOTLINE.replace('    flow Resolve -> Done', '    support Log "Log the call" { end }\n    parallel Answer "Log while deciding" {\n        ~> Log\n    }\n    flow Resolve -> Done');
        const layout = await layoutBlueprint(await modelFromText(text));
        const atAnswer = (layout.gateways ?? []).filter(gateway => gateway.step === 'Answer');
        expect(atAnswer.map(gateway => gateway.kind).sort()).toEqual(['exclusive', 'parallel']);
        const [a, b] = atAnswer;
        // Diamonds side by side or stacked, with a gap between their tips: never touching, never on top of each other.
        const gap = a.side === 'left' || a.side === 'right' ? Math.abs(a.y - b.y) - a.halfHeight - b.halfHeight : Math.abs(a.x - b.x) - a.halfWidth - b.halfWidth;
        expect(a.side === b.side ? gap : Infinity).toBeGreaterThanOrEqual(4);
        const parallel = atAnswer.find(gateway => gateway.kind === 'parallel')!;
        expect(parallel.flows).toEqual(['Answer->Log']);
        expect(layout.legend!.entries.map(entry => entry.key)).toContain('gateway:parallel');
        // Alone, one parallel branch is no split.
        const alone = await layoutBlueprint(await modelFromText(text.replace(/    decision Answer[^}]*}\n/, '    flow Answer -> Resolve\n')));
        expect((alone.gateways ?? []).filter(gateway => gateway.step === 'Answer')).toEqual([]);
    });

    test('no branch point without a decision; a plain fork stays as it was', async () => {
        const layout = await layoutBlueprint(await modelFromText(`blueprint Fork "Fork" {
            customer A "Arrive" { start }
            frontstage B "Greet"
            frontstage C "Seat"
            customer D "Leave" { end }
            flow A -> B -> D
            flow A -> C -> D
        }`));
        expect(layout.gateways).toBeUndefined();
        expect(layout.legend!.entries.map(entry => entry.key).filter(key => key.startsWith('gateway:'))).toEqual([]);
    });

    test('the checker sees a flow drawn through a diamond it does not belong to', async () => {
        const layout = await layoutBlueprint(await modelFromText(HOTLINE));
        const gateway = layout.gateways!.find(item => item.step === 'Answer')!;
        const intruder = { id: 'X->Y', from: 'X', to: 'Y', kind: 'sequence' as const, loop: false,
            points: [{ x: gateway.x, y: gateway.y - 40 }, { x: gateway.x, y: gateway.y + 40 }] };
        const report = checkLayoutQuality({ ...layout, flows: [...layout.flows, intruder] });
        expect(report.gatewayOverlaps).toEqual(['X -> Y runs through the exclusive split at Answer']);
    });

    test.each(['credit-card-hotline.blueprint', 'bitner-hotel.blueprint', 'car-service-poka-yoke.blueprint'])(
        '%s: a branch point for each decision and parallel block, and no layout defect', async name => {
            const { model } = await loadExampleModel(path.join(EXAMPLES_ROOT, name));
            const layout = await layoutBlueprint(model!);
            const splits = layout.gateways!.filter(gateway => gateway.role === 'split').map(gateway => `${gateway.kind}:${gateway.step}`).sort();
            const expected = model!.decisions.filter(decision => decision.flows.length >= 2)
                .map(decision => `${decision.kind === 'parallel' ? 'parallel' : 'exclusive'}:${decision.step}`).sort();
            expect(splits).toEqual(expected);
            expect(defectsOf(layout)).toEqual([]);
        });
});

describe('line of order penetration', () => {
    test('Bitner\'s hotel: drawn between the last lane of customer-induced work and the preparation lane, named, in the legend', async () => {
        const { model } = await loadExampleModel(path.join(EXAMPLES_ROOT, 'bitner-hotel.blueprint'));
        const layout = await layoutBlueprint(model!);
        const line = layout.lines.find(item => item.kind === 'order-penetration')!;
        expect(line.label).toBe('Line of order penetration');
        const support = layout.lanes.find(lane => lane.id === 'support')!;
        const preparation = layout.lanes.find(lane => lane.id === 'Preparation')!;
        expect(line.y).toBe(support.y + support.height);
        expect(line.y).toBe(preparation.y);
        // Every customer-induced step above it, the independent one below it, drawn as independent.
        for (const step of layout.steps) {
            const independent = model!.steps.find(item => item.id === step.id)?.independent === true;
            if (independent) expect(step.y, step.id).toBeGreaterThan(line.y);
            else expect(step.y + step.height, step.id).toBeLessThan(line.y);
            expect(step.independent === true, step.id).toBe(independent);
        }
        const svg = renderSvg(layout);
        expect(svg).toMatch(/<g class="bp-line bp-line-order-penetration"><line class="bp-line-stroke" x1="16" y1="(\d+)"[^>]*\/><text class="bp-line-label"[^>]*>Line of order penetration<\/text><\/g>/);
        expect(svg).toContain(`y1="${line.y}"`);
        expect(svg).toContain('<g class="bp-step bp-step-Preparation bp-independent"');
        const keys = layout.legend!.entries.map(entry => entry.key);
        expect(keys).toContain('line:order-penetration');
        expect(keys).toContain('box:independent');
        // draw.io: the line as its own dash-dot edge with its name.
        const cells = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: name => name === 'mxCell' })
            .parse(exportDrawio(layout)).mxfile.diagram.mxGraphModel.root.mxCell as Array<{ id: string; value?: string; style?: string }>;
        const edge = cells.find(cell => cell.id === 'line-order-penetration')!;
        expect(edge.value).toBe('Line of order penetration');
        expect(edge.style).toContain('dashPattern=12 4 2 4');
        expect(cells.filter(cell => cell.style?.startsWith('rhombus;'))).toHaveLength(layout.gateways!.length);
    });

    test('independent work sharing a lane with customer-induced work stays above the line, marked as independent', async () => {
        const layout = await layoutBlueprint(await modelFromText(`blueprint Shared "Shared lane" {
            line order-penetration
            customer A "Order" via hotline { start }
            backstage B "Take the order" via hotline
            backstage Restock "Restock the shelves" { independent }
            customer C "Receive" via hotline { end }
            flow A -> B -> C
            flow Restock -> B
        }`));
        // Backstage holds customer-induced work, so the line goes under the support lane (below all of it).
        const line = layout.lines.find(item => item.kind === 'order-penetration')!;
        const support = layout.lanes.find(lane => lane.id === 'support')!;
        expect(line.y).toBe(support.y + support.height);
        expect(boxOf(layout, 'Restock').independent).toBe(true);
        expect(boxOf(layout, 'B').independent).toBeUndefined();
    });
});

describe('fail-point notes with their remedies', () => {
    test('Shostack\'s shoeshine: failure rate, poka-yoke type and the corrective steps by label, in the note, the step details and draw.io', async () => {
        const { model } = await loadExampleModel(path.join(EXAMPLES_ROOT, 'shostack-shoeshine.blueprint'));
        const layout = await layoutBlueprint(model!);
        const polish = boxOf(layout, 'Polish');
        const fail = polish.details.failPoints[0];
        expect(fail.rate).toBe('10 %');
        expect(fail.remedies).toEqual([
            { kind: 'prevention', text: 'Ask the colour and show the tin before opening it', pokaYoke: 'task', pokaYokeLabel: 'task', steps: [] },
            { kind: 'recovery', text: 'Remove the wrong polish and polish again', steps: ['Remove the wrong polish', 'Polish again with the right colour'] }
        ]);
        const note = layout.footnotes!.flatMap(section => section.entries).find(entry => entry.ref === fail.ref)!;
        const text = note.lines.join(' ').replace(/\s+/g, ' ');
        expect(text).toContain('Cause: Wrong colour of polish');
        expect(text).toContain('Failure rate: 10 %');
        expect(text).toContain('Prevention: Ask the colour and show the tin before opening it (poka-yoke: task)');
        expect(text).toContain('Recovery: Remove the wrong polish and polish again → steps: Remove the wrong polish; Polish again with the right colour');
        const drawio = exportDrawio(layout);
        expect(drawio).toContain('Failure rate: 10 %');
        expect(drawio).toContain('poka-yoke: task');
    });

    test('a Korean blueprint: legend, note headings and note texts in Korean', async () => {
        const { model } = await loadExampleModel(path.join(EXAMPLES_ROOT, 'ko-card-loss-hotline.blueprint'));
        const layout = await layoutBlueprint(model!);
        expect(layout.legend!.title).toBe('범례');
        expect(layout.legend!.entries.find(entry => entry.key === 'badge:fail')!.label).toContain('실패 지점');
        expect(layout.legend!.entries.find(entry => entry.key === 'flow:sequence')!.label).toBe('흐름: 다음 단계');
        // No English legend text is left.
        for (const entry of layout.legend!.entries) expect(entry.label, entry.key).not.toMatch(/[A-Za-z]{4,}/);
        const fails = layout.footnotes!.find(section => section.entries[0]?.kind === 'fail')!;
        expect(fails.title).toBe('실패 지점');
        const text = fails.entries.map(entry => entry.lines.join(' ')).join(' ');
        expect(text).toContain('원인: 메뉴가 길어 정지 메뉴를 못 찾음');
        expect(text).toContain('예방: 분실 신고를 첫 번째 메뉴로');
        expect(text).not.toMatch(/Cause|Prevention|Recovery/);
        // The legend's channel sample is the first channel chip drawn, the blueprint's own word.
        expect(layout.legend!.entries.find(entry => entry.key === 'chip:channel')?.sample).toBe('콜센터');
    });

    test('a Chinese blueprint: segment chips and the legend\'s chip samples in Chinese', async () => {
        const { model } = await loadExampleModel(path.join(EXAMPLES_ROOT, 'zh-bank-deposit.blueprint'));
        const layout = await layoutBlueprint(model!);
        const chips = layout.steps.flatMap(step => step.marks.filter(mark => mark.kind === 'segment').map(mark => mark.lines.join('')));
        expect(chips.length).toBeGreaterThan(0);
        for (const chip of chips) expect(chip).toMatch(/^仅限/);
        expect(layout.legend!.entries.find(entry => entry.key === 'chip:segment')?.sample).toBe(chips[0]);
        expect(layout.legend!.entries.find(entry => entry.key === 'chip:actor')?.sample).toBe('排队叫号系统');
    });

    test('poka-yoke types are named in the blueprint\'s language', async () => {
        const layout = await layoutBlueprint(await modelFromText(`blueprint Zh "洗车" {
            language zh
            customer A "到达" {
                start end
                fail "找不到服务区" prevention "清晰的指示牌" poka-yoke encounter
            }
        }`));
        const note = layout.footnotes![0].entries[0];
        expect(note.lines.join('')).toContain('预防：清晰的指示牌（防错类型：接触）');
        expect(layout.legend!.title).toBe('图例');
    });
});
