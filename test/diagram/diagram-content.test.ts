/**
 * Everything the designer wrote is on the diagram (issue 9, points 2 and 4): boxes sized for their
 * label, badges and chips; a legend of exactly what is used; fail points, service standards and
 * notes as numbered notes below the drawing; times against their tolerances; labels, not ids.
 */
import * as path from 'node:path';
import { estimateTextWidth, layoutBlueprint, renderSvg, type BlueprintLayout } from '@blueprint/diagram';
import { localisation, type BlueprintModel, type ModelRemedy } from '@blueprint/model';
import { describe, expect, test } from 'vitest';
import { generateBlueprint } from '../bench/diagram.bench.mjs';
import { contentViolations, EXAMPLES_ROOT, layoutViolations, listExamples, loadExampleModel, modelFromText } from './diagram-helpers.js';

/** Examples holding a blueprint (a file of shared declarations has none). */
async function exampleModels(): Promise<Array<[string, BlueprintModel]>> {
    const models: Array<[string, BlueprintModel]> = [];
    for (const file of listExamples()) {
        const { model } = await loadExampleModel(file);
        if (model) models.push([path.relative(EXAMPLES_ROOT, file), model]);
    }
    return models;
}
const EXAMPLES = await exampleModels();

/** The legend keys a blueprint needs, worked out from the model (not from the layout). */
function expectedLegendKeys(model: BlueprintModel): string[] {
    const keys = new Set<string>();
    const seen = new Set<string>();
    const metricSteps = new Set(model.metrics.flatMap(metric => metric.steps));
    for (const step of model.steps) {
        if (seen.has(step.id)) continue;
        seen.add(step.id);
        if (step.failPoints.length > 0) keys.add('badge:fail');
        const waitOver = (step.wait?.expected?.seconds ?? 0) > (step.wait?.tolerance?.seconds ?? Infinity);
        if (step.wait) keys.add(waitOver ? 'badge:wait-over' : 'badge:wait');
        const durationOver = (step.duration?.seconds ?? 0) > (step.durationTolerance?.seconds ?? Infinity);
        if (step.duration) keys.add(durationOver ? 'badge:duration-over' : 'badge:duration');
        if (step.moment) keys.add('badge:moment');
        if (step.emotion) keys.add(`badge:emotion-${step.emotion.feeling}`);
        if (metricSteps.has(step.id)) keys.add('badge:metric');
        if (step.moment?.reason || step.emotion?.note || step.notes.length > 0) keys.add('badge:note');
        if (step.actor) keys.add('chip:actor');
        const actorLabel = model.actors.find(actor => actor.id === step.actor)?.label;
        const channelLabel = model.channels.find(channel => channel.id === step.channel)?.label;
        if (step.channel && channelLabel !== actorLabel) keys.add('chip:channel');
        if (step.segments.length > 0) keys.add('chip:segment');
        if (step.touchpoint) keys.add('box:touchpoint');
    }
    if (model.lanes.some(lane => lane.kind === 'evidence') && model.evidence.some(item => item.step && seen.has(item.step))) {
        keys.add('box:evidence');
        keys.add('flow:evidence');
    }
    for (const flow of model.flows) {
        if (!seen.has(flow.from) || !seen.has(flow.to)) continue;
        keys.add(`flow:${flow.kind}`);
        if (flow.loop) keys.add('flow:loop');
    }
    for (const step of model.steps) if (step.independent && seen.has(step.id)) keys.add('box:independent');
    // A recovery drawn: a step its recovery names that only the fail step (or the recovery's other steps) leads into, with a flow.
    for (const step of model.steps) {
        for (const fail of step.failPoints) {
            const named = new Set(fail.recoveryDetails.flatMap(remedy => remedy.steps).filter(id => id !== step.id && seen.has(id)));
            const only = (id: string) => model.flows.filter(flow => flow.to === id && seen.has(flow.from)).every(flow => flow.from === step.id || named.has(flow.from));
            if ([...named].some(id => only(id) && model.flows.some(flow => (flow.to === id || flow.from === id) && seen.has(flow.from) && seen.has(flow.to)))) keys.add('flow:recovery');
        }
    }
    // A branch point for every decision or parallel split with two or more branches drawn.
    const drawnFlows = new Set(model.flows.filter(flow => seen.has(flow.from) && seen.has(flow.to)).map(flow => flow.id));
    for (const decision of model.decisions) {
        if (decision.flows.filter(id => drawnFlows.has(id)).length >= 2) keys.add(decision.kind === 'parallel' ? 'gateway:parallel' : 'gateway:exclusive');
    }
    if (model.lines.some(line => line.kind !== 'order-penetration')) keys.add('line');
    if (model.lines.some(line => line.kind === 'order-penetration')) keys.add('line:order-penetration');
    return [...keys].sort();
}

function legendKeysInSvg(svg: string): string[] {
    return [...svg.matchAll(/class="bp-legend-entry" data-key="([^"]+)"/g)].map(match => match[1]).sort();
}

/** Footnote refs with their text, in the order drawn. */
function footnotesInSvg(svg: string): Array<{ ref: string; kind: string; text: string }> {
    return [...svg.matchAll(/<g class="bp-footnote bp-footnote-(\w+)"[^>]*><text[^>]*>([^<]+)<\/text><text class="bp-footnote-text">(.*?)<\/text><\/g>/g)]
        .map(match => ({ kind: match[1], ref: match[2], text: match[3].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim() }));
}

const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, '\'').replace(/&amp;/g, '&');

const normalise = (text: string) => text.replace(/\s+/g, '');

const CROWDED = `blueprint Crowded "Crowded boxes: every badge & chip" {
    tolerance 1 min
    stage Only "The only stage"
    actor FirstLine "First-line hotline agent with a very long role name"
    actor Ivr "IVR"
    channel Hotline "Credit-card service hotline (24 hours)"
    channel Kiosk "고객센터 무인 키오스크 단말기"
    segment Platinum "Platinum cardholders"
    segment Gold "Gold cardholders with a premium package"
    customer Call "Call the number on the back of the card" in Only via Hotline {
        start
        evidence "Hotline number"
        wait 20 min tolerance 5 min
        duration 3 min tolerance 1 min
        fail "Line busy" prevention "Staff to the forecast" recovery "Offer a call-back"
        fail "Wrong number printed" recovery "Reprint the cards"
        moment "First impression"
        emotion frustrated "Has waited too long"
        note "Peak at noon"
    }
    frontstage Answer "Supercalifragilisticexpialidociousandevenlongerwordthatcannotbreak" in Only by FirstLine via Hotline for Platinum, Gold {
        duration 30 s tolerance 1 min
        emotion delighted
    }
    frontstage Kiosk1 "키오스크에서 본인 확인을 하고 결정을 기다린다" in Only by Ivr via Kiosk { duration 10 s }
    frontstage Zh "引导至贵宾室，由客户经理专人办理（贵宾客户）" in Only by Ivr { wait 2 min tolerance 5 min end }
    flow Call -> Answer
    flow Call -> Kiosk1
    flow Call -> Zh
    metric Answered "Calls answered within 15 seconds" on Call, Answer target >= 85 %
    metric Abandoned "Calls abandoned" on Call target <= 5 %
    metric Overall "Customer satisfaction" target >= 4.5 points
}
`;

/** A small deterministic generator (xorshift) of crowded steps: long and short labels in four scripts, every badge and chip. */
function randomCrowdedBlueprint(seed: number, count: number): string {
    let state = seed;
    const next = () => {
        state ^= state << 13; state ^= state >>> 17; state ^= state << 5;
        return (state >>> 0) / 4294967296;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
    const words = ['Verify', 'the', 'caller', 'with', 'security', 'questions', 'before', 'changing', 'limit', 'Telecommunications',
        '고객센터에', '전화하여', '한도를', '조회하고', '排队号票（显示前面等候人数）', '引导至贵宾室，', 'お客様は「番号札」を受け取り、'];
    const phrase = (length: number) => Array.from({ length }, () => pick(words)).join(' ');
    const lines = [`blueprint Random${seed} "Random crowded ${seed}" {`, '    stage S "Stage"'];
    for (let i = 0; i < 4; i++) lines.push(`    actor A${i} "${phrase(1 + Math.floor(next() * 6))}"`);
    for (let i = 0; i < 3; i++) lines.push(`    channel C${i} "${phrase(1 + Math.floor(next() * 5))}"`);
    for (let i = 0; i < 3; i++) lines.push(`    segment G${i} "${phrase(1 + Math.floor(next() * 4))}"`);
    // Customer and frontstage only: a customer step cannot flow straight below the line of visibility.
    const lanes = ['customer', 'frontstage'];
    for (let i = 0; i < count; i++) {
        const lane = i === 0 ? 'customer' : pick(lanes);
        const parts = [`${lane} P${i} "${phrase(1 + Math.floor(next() * 12))}" in S`];
        if (next() < 0.6) parts.push(`by A${Math.floor(next() * 4)}`);
        if (next() < 0.6) parts.push(`via C${Math.floor(next() * 3)}`);
        if (lane === 'customer' && next() < 0.3) parts.push(`for G${Math.floor(next() * 3)}${next() < 0.5 ? ', G2' : ''}`.replace(/for G2, G2/, 'for G2'));
        const body: string[] = [];
        if (i === 0) body.push('start');
        if (i === count - 1) body.push('end');
        if (next() < 0.5) body.push(`duration ${1 + Math.floor(next() * 30)} min tolerance ${1 + Math.floor(next() * 30)} min`);
        if (lane === 'customer' && next() < 0.5) body.push(`wait ${1 + Math.floor(next() * 60)} min tolerance ${1 + Math.floor(next() * 60)} min`);
        if (next() < 0.4) body.push(`fail "${phrase(3)}" recovery "${phrase(4)}"`);
        if (next() < 0.3) body.push(`fail "${phrase(2)}" prevention "${phrase(5)}"`);
        if (lane === 'customer' && next() < 0.4) body.push(`moment "${phrase(6)}"`);
        if (lane === 'customer' && next() < 0.4) body.push(`emotion ${pick(['delighted', 'positive', 'neutral', 'negative', 'frustrated'])} "${phrase(4)}"`);
        if (next() < 0.3) body.push(`note "${phrase(8)}"`);
        lines.push(`    ${parts.join(' ')}${body.length > 0 ? ` { ${body.join(' ')} }` : ''}`);
    }
    for (let i = 1; i < count; i++) lines.push(`    flow P${i - 1} -> P${i}`);
    for (let i = 0; i < 4; i++) lines.push(`    metric M${i} "${phrase(3)}" on ${Array.from({ length: 1 + Math.floor(next() * 3) }, () => `P${Math.floor(next() * count)}`).filter((id, index, all) => all.indexOf(id) === index).join(', ')} target >= ${Math.floor(next() * 100)} %`);
    lines.push('}', '');
    return lines.join('\n');
}

describe('boxes hold their content', () => {
    const cases: Array<[string, () => Promise<BlueprintModel>]> = [
        ...EXAMPLES.map(([name, model]): [string, () => Promise<BlueprintModel>] => [name, async () => model]),
        ['crowded boxes', () => modelFromText(CROWDED)],
        ['generated 50 steps', () => modelFromText(generateBlueprint(50))],
        ...[1, 2, 3, 4, 5].map((seed): [string, () => Promise<BlueprintModel>] => [`random crowded blueprint ${seed}`, () => modelFromText(randomCrowdedBlueprint(seed * 7919, 30))])
    ];

    test.each(cases)('%s: every badge, chip and label inside its box, notes and legend clear of each other', async (_name, load) => {
        const model = await load();
        const layout = await layoutBlueprint(model);
        expect(layout.steps.filter(step => step.marks.length > 0).length).toBeGreaterThan(0);
        expect(contentViolations(layout, estimateTextWidth)).toEqual([]);
        expect(layoutViolations(layout, model)).toEqual([]);
    });

    test('the check finds a chip that sticks out and a badge over the label', async () => {
        const layout = await layoutBlueprint(await modelFromText(CROWDED));
        const broken = {
            ...layout,
            steps: layout.steps.map(step => step.id !== 'Answer' ? step : {
                ...step,
                marks: step.marks.map((mark, index) => index === 0 ? { ...mark, x: step.width - 4 } : index === 1 ? { ...mark, y: step.labelTop + 2 } : mark)
            })
        };
        const problems = contentViolations(broken, estimateTextWidth);
        expect(problems.some(problem => problem.startsWith('Answer: ') && problem.endsWith('outside its box'))).toBe(true);
        expect(problems.some(problem => problem.startsWith('Answer: ') && problem.endsWith('over the label'))).toBe(true);
    });

    test('chips wrap (or their text does) instead of being cut; a word wider than a box is the only thing broken', async () => {
        const layout = await layoutBlueprint(await modelFromText(CROWDED));
        const answer = layout.steps.find(step => step.id === 'Answer')!;
        const chips = answer.marks.filter(mark => mark.kind === 'actor' || mark.kind === 'channel' || mark.kind === 'segment');
        // Labels, not ids; nothing shortened with an ellipsis.
        expect(chips.map(chip => chip.lines.join(' '))).toEqual([
            'First-line hotline agent with a very long role name', 'Credit-card service hotline (24 hours)',
            'for Platinum cardholders', 'for Gold cardholders with a premium package'
        ]);
        expect(layout.steps.flatMap(step => step.marks).some(mark => mark.lines.some(line => line.includes('…')))).toBe(false);
        // More than one row of chips.
        expect(new Set(chips.map(chip => chip.y)).size).toBeGreaterThan(1);
        // The Korean channel stays whole words.
        const kiosk = layout.steps.find(step => step.id === 'Kiosk1')!;
        const korean = kiosk.marks.find(mark => mark.kind === 'channel')!;
        expect(korean.lines.join(' ')).toBe('고객센터 무인 키오스크 단말기');
        expect(kiosk.lines.join(' ')).toBe('키오스크에서 본인 확인을 하고 결정을 기다린다');
    });

    test('times show against their tolerance; beyond it they are marked', async () => {
        const layout = await layoutBlueprint(await modelFromText(CROWDED));
        const call = layout.steps.find(step => step.id === 'Call')!;
        const wait = call.marks.find(mark => mark.kind === 'wait')!;
        expect(wait.lines).toEqual(['W 20 min > 5 min']);
        expect(wait.variant).toBe('over');
        expect(wait.tone).toBe('red');
        const duration = call.marks.find(mark => mark.kind === 'duration')!;
        expect(duration.lines).toEqual(['3 min > 1 min']);
        expect(duration.variant).toBe('over');
        const answer = layout.steps.find(step => step.id === 'Answer')!;
        expect(answer.marks.find(mark => mark.kind === 'duration')).toMatchObject({ lines: ['30 s ≤ 1 min'], tone: 'grey' });
        expect(answer.marks.find(mark => mark.kind === 'duration')?.variant).toBeUndefined();
        const zh = layout.steps.find(step => step.id === 'Zh')!;
        expect(zh.marks.find(mark => mark.kind === 'wait')).toMatchObject({ lines: ['W 2 min ≤ 5 min'], tone: 'orange' });
        // The process: its longest path (20 min wait + 3 min, then the 2 min wait of Zh) is above the 1 min standard.
        expect(layout.processTime).toMatchObject({ over: true });
        expect(layout.processTime!.text).toBe('Longest path: 25 min, above the 1 min time standard');
        const svg = renderSvg(layout);
        expect(svg).toContain('class="bp-process-time bp-over"');
        expect(svg).toContain('W 20 min &gt; 5 min');
    });
});

describe('process time', () => {
    // 95 % resolved on the call (1 min + 2 min), 5 % escalated (1 min + 1 h): expected
    // 1 + 0.95 × 2 + 0.05 × 60 = 5.9 min = 5 min 54 s; worst case 61 min = 1 h 1 min.
    const HOTLINE = (language: string) => `blueprint Hotline "Hotline" {
    ${language}
    tolerance 15 min
    customer Call "Call" { start duration 1 min }
    frontstage Solve "Solve on the call" { duration 2 min end }
    frontstage Escalate "Escalate" { duration 1 h end }
    decision Call "Solved on the call?" {
        -> Solve 95 % "Yes"
        -> Escalate 5 % "No"
    }
}
`;

    test('states the expected time against the standard and the worst case beside it', async () => {
        const layout = await layoutBlueprint(await modelFromText(HOTLINE('')));
        expect(layout.processTime!.text).toBe('Expected 5 min 54 s, within the 15 min time standard · worst case 1 h 1 min (above it)');
        // Shostack's verdict is the expected one: within the standard, so not marked.
        expect(layout.processTime!.over).toBe(false);
    });

    test('in the blueprint\'s language', async () => {
        const layout = await layoutBlueprint(await modelFromText(HOTLINE('language ko')));
        expect(layout.processTime!.text).toBe('예상: 5 min 54 s, 시간 기준 15 min 이내 · 최악의 경우: 1 h 1 min (초과)');
    });
});

describe('legend', () => {
    test.each(EXAMPLES)('%s: exactly the entries the drawing uses', async (_name, model) => {
        const svg = renderSvg(await layoutBlueprint(model!));
        expect(legendKeysInSvg(svg)).toEqual(expectedLegendKeys(model!));
        expect(svg).toContain('<g class="bp-legend">');
    });

    test('a blueprint with no badges has no badge entries, and one with nothing to explain has no legend', async () => {
        const plain = await layoutBlueprint(await modelFromText(`blueprint Plain "Plain" {
            customer A "Arrive" { start }
            customer B "Leave" { end }
            flow A -> B
        }`));
        expect(legendKeysInSvg(renderSvg(plain))).toEqual(['flow:sequence', 'line']);
        expect(plain.footnotes).toEqual([]);
        // No time standard declared: no process time next to the title.
        expect(plain.processTime).toBeUndefined();
        const crowded = renderSvg(await layoutBlueprint(await modelFromText(CROWDED)));
        const keys = legendKeysInSvg(crowded);
        for (const key of ['badge:wait-over', 'badge:duration-over', 'badge:duration', 'badge:emotion-frustrated', 'badge:emotion-delighted', 'chip:segment', 'chip:channel']) {
            expect(keys).toContain(key);
        }
        expect(keys).not.toContain('badge:emotion-neutral');
        expect(keys).not.toContain('flow:escalation');
    });
});

describe('the legend\'s chip samples', () => {
    const sampleOf = (layout: BlueprintLayout, key: string) => layout.legend?.entries.find(entry => entry.key === key)?.sample;

    test('are the first actor, channel and segment chips the drawing shows, in its own words', async () => {
        const layout = await layoutBlueprint(await modelFromText(`blueprint Clinic "Clinic visit" {
            actor Nurse "Triage nurse"
            actor Doctor "Doctor"
            segment Child "Children"
            customer Arrive "Arrive" via web { start evidence "Booking" }
            frontstage Triage "Triage" by Nurse via branch for Child
            frontstage Treat "Treat" by Doctor { end }
            flow Arrive -> Triage -> Treat
        }`));
        expect(sampleOf(layout, 'chip:actor')).toBe('Triage nurse');
        expect(sampleOf(layout, 'chip:channel')).toBe(localisation('en').channels.web);
        expect(sampleOf(layout, 'chip:segment')).toBe('for Children');
        expect(renderSvg(layout)).not.toContain('Teller');
    });

    test.each([['zh', '分诊护士'], ['ja', 'トリアージ看護師'], ['ko', '분류 간호사']] as const)('in a %s blueprint: its own actor, never a bank\'s teller', async (language, nurse) => {
        const layout = await layoutBlueprint(await modelFromText(`blueprint Clinic "Clinic" {
            language ${language}
            actor Nurse "${nurse}"
            customer Arrive "Arrive" via web { start evidence "Booking" }
            frontstage Triage "Triage" by Nurse via web { end }
            flow Arrive -> Triage
        }`));
        expect(sampleOf(layout, 'chip:actor')).toBe(nurse);
        expect(sampleOf(layout, 'chip:channel')).toBe(localisation(language).channels.web);
        const svg = renderSvg(layout);
        for (const teller of ['Teller', '柜员', '窓口係', '창구 직원']) expect(svg).not.toContain(teller);
    });

    test('two samples never say the same: an app that is an actor and a channel is sampled once', async () => {
        const layout = await layoutBlueprint(await modelFromText(`blueprint Order "Order" {
            system App "Ordering app"
            channel app "Ordering app" remote self-service
            actor Packer "Packer"
            customer Browse "Browse" via app { start evidence "Menu" }
            frontstage Confirm "Confirm" by App
            frontstage Pack "Hand over the order" by Packer
            customer Collect "Collect" via branch { evidence "Bag" end }
            flow Browse -> Confirm -> Pack -> Collect
        }`));
        expect(sampleOf(layout, 'chip:channel')).toBe('Ordering app');
        expect(sampleOf(layout, 'chip:actor')).toBe('Packer');
    });

    test('a chip that wraps in its box is sampled by its first line', async () => {
        const long = 'Second-line specialist with the delegated authority of the regional card centre';
        const layout = await layoutBlueprint(await modelFromText(`blueprint Long "Long" {
            actor Specialist "${long}"
            customer Ask "Ask" via hotline { start evidence "Call" }
            frontstage Solve "Solve" by Specialist via hotline { end }
            flow Ask -> Solve
        }`));
        const chip = layout.steps.find(step => step.id === 'Solve')!.marks.find(mark => mark.kind === 'actor')!;
        expect(chip.lines.length).toBeGreaterThan(1);
        expect(sampleOf(layout, 'chip:actor')).toBe(`${chip.lines[0]}…`);
    });
});

describe('numbered notes below the drawing', () => {
    test.each(EXAMPLES)('%s: F1… match the fail points, with cause and remedies', async (_name, model) => {
        const layout = await layoutBlueprint(model!);
        const svg = renderSvg(layout);
        const notes = footnotesInSvg(svg);
        const seen = new Set<string>();
        const fails = model!.steps.filter(step => !seen.has(step.id) && seen.add(step.id)).flatMap(step => step.failPoints.map(fail => ({ step, fail })));
        const failNotes = notes.filter(note => note.kind === 'fail');
        expect(failNotes.map(note => note.ref)).toEqual(fails.map((_, index) => `F${index + 1}`));
        // In the blueprint's language: cause, failure rate, each remedy with its poka-yoke type and the steps that carry it out.
        const say = localisation(model!.language).diagram.notes;
        const labelOf = (id: string) => model!.steps.find(s => s.id === id)?.label ?? id;
        const remedyText = (head: string, remedy: ModelRemedy) => head
            + (remedy.pokaYoke ? say.pokaYoke(say.pokaYokeTypes[remedy.pokaYoke]) : '')
            + (remedy.steps.length > 0 ? say.bySteps(remedy.steps.map(labelOf).join(say.listSeparator)) : '');
        fails.forEach(({ step, fail }, index) => {
            const text = normalise(unescape(failNotes[index].text));
            expect(text).toContain(normalise(step.label));
            expect(text).toContain(normalise(say.cause(fail.cause)));
            if (fail.rate !== undefined) expect(text).toContain(normalise(say.failureRate(`${Math.round(fail.rate * 1000) / 10} %`)));
            for (const remedy of fail.preventionDetails) expect(text).toContain(normalise(remedyText(say.prevention(remedy.text), remedy)));
            for (const remedy of fail.recoveryDetails) expect(text).toContain(normalise(remedyText(say.recovery(remedy.text), remedy)));
            // The step's badge names the same number.
            const drawn = layout.steps.find(s => s.id === step.id)!;
            const badge = drawn.marks.find(mark => mark.kind === 'fail')!;
            expect(badge.lines[0].replace(/^F/, '').split(',').map(n => `F${n}`)).toContain(`F${index + 1}`);
        });
        // Service standards: every metric with its name and target.
        const metricNotes = notes.filter(note => note.kind === 'metric');
        expect(metricNotes.map(note => note.ref)).toEqual(model!.metrics.map((_, index) => `KPI ${index + 1}`));
        model!.metrics.forEach((metric, index) => expect(normalise(unescape(metricNotes[index].text))).toContain(normalise(metric.label)));
    });

    test('the notes carry what is written: KPI targets, moments of truth, emotions with notes, step notes', async () => {
        const layout = await layoutBlueprint(await modelFromText(CROWDED));
        const svg = renderSvg(layout);
        const notes = footnotesInSvg(svg).map(note => ({ ...note, text: unescape(note.text) }));
        expect(notes.find(note => note.ref === 'F1')?.text).toBe('Call the number on the back of the card Cause: Line busy Prevention: Staff to the forecast Recovery: Offer a call-back');
        expect(notes.find(note => note.ref === 'F2')?.text).toContain('Cause: Wrong number printed Recovery: Reprint the cards');
        // The word wider than a note's column is broken there, as a last resort.
        expect(normalise(notes.find(note => note.ref === 'KPI 1')!.text)).toBe(normalise('Calls answered within 15 seconds Target: ≥ 85 % Measured on: Call the number on the back of the card; Supercalifragilisticexpialidociousandevenlongerwordthatcannotbreak'));
        expect(notes.find(note => note.ref === 'KPI 3')?.text).toBe('Customer satisfaction Target: ≥ 4.5 points Measured on: the whole process');
        expect(notes.find(note => note.ref === 'N1')?.text).toBe('Call the number on the back of the card Moment of truth: First impression Emotion (frustrated): Has waited too long Peak at noon');
        const call = layout.steps.find(step => step.id === 'Call')!;
        expect(call.marks.map(mark => mark.lines.join(' '))).toEqual([
            'F1,2', 'W 20 min > 5 min', '3 min > 1 min', 'MOT', '−−', 'KPI 1,2', 'N1', 'Credit-card service hotline (24 hours)'
        ]);
        expect(call.details.metrics).toEqual([
            { ref: 'KPI 1', label: 'Calls answered within 15 seconds', target: '≥ 85 %' },
            { ref: 'KPI 2', label: 'Calls abandoned', target: '≤ 5 %' }
        ]);
    });

    test('labels are escaped in badges, chips, the legend and every note', async () => {
        const hostile = await modelFromText(`blueprint Hostile "T" {
            actor Bob "Bob <admin> & co"
            channel Web "Web <iframe>"
            segment Vip "VIP \\"gold\\""
            customer A "Ask <b>" via Web for Vip {
                start end
                fail "Cause <script>alert(1)</script>" prevention "Use & check" recovery "Retry 'now'"
                emotion negative "Note <img src=x>"
                note "Remark </text><script>"
                moment "MOT <i>reason</i>"
            }
            frontstage B "Answer" by Bob
            flow A -> B
            metric M "Metric <u>" on A target >= 5 %
        }`);
        const svg = renderSvg(await layoutBlueprint(hostile));
        for (const raw of ['<script', '<img', '<iframe', '<admin>', '<b>', '<i>', '<u>', '</text><script>']) expect(svg).not.toContain(raw);
        expect(svg).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#39;)/);
        expect(svg).toContain('Cause: Cause &lt;script&gt;alert(1)&lt;/script&gt;');
        expect(svg).toContain('Bob &lt;admin&gt; &amp; co');
        expect(svg).toContain('Web &lt;iframe&gt;');
        expect(svg).toContain('for VIP &quot;gold&quot;');
        expect(svg).toContain('Metric &lt;u&gt;');
    });
});

describe('partial input', () => {
    test('a fail point, note or label missing from a half-typed step does not break the diagram', async () => {
        const model = await modelFromText(CROWDED);
        const partial = {
            ...model,
            steps: model.steps.map(step => step.id !== 'Call' ? step : {
                ...step, label: undefined as unknown as string, notes: [undefined as unknown as string],
                failPoints: [{ cause: undefined as unknown as string, preventions: [], recoveries: [undefined as unknown as string] }]
            })
        };
        const layout = await layoutBlueprint(partial as BlueprintModel);
        const call = layout.steps.find(step => step.id === 'Call')!;
        expect(call.details.failPoints).toEqual([{ ref: 'F1', cause: '', preventions: [], recoveries: [], remedies: [] }]);
        expect(renderSvg(layout)).not.toContain('undefined');
    });
});

describe('layout JSON', () => {
    test('carries mark positions, the legend and the notes for every export', async () => {
        const { model } = await loadExampleModel(path.join(EXAMPLES_ROOT, 'credit-card-hotline.blueprint'));
        const layout: BlueprintLayout = JSON.parse(JSON.stringify(await layoutBlueprint(model!)));
        expect(layout.legend!.entries.length).toBeGreaterThan(5);
        expect(layout.footnotes!.map(section => section.title)).toEqual(['Fail points', 'Service standards', 'Notes']);
        const lanesBottom = Math.max(...layout.lanes.map(lane => lane.y + lane.height));
        expect(layout.legend!.y).toBeGreaterThanOrEqual(lanesBottom);
        expect(layout.height).toBeGreaterThan(Math.max(...layout.footnotes!.flatMap(section => section.entries.map(note => note.y + note.height))));
        // Labels, not ids: the hotline's channel is named as declared.
        const call = layout.steps.find(step => step.id === 'Dial')!;
        expect(call.marks.find(mark => mark.kind === 'channel')?.lines).toEqual([model!.channels.find(channel => channel.id === call.channel)!.label]);
    });
});
