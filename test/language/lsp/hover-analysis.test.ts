import { describe, expect, it } from 'vitest';
import { createServices, freshUri, withMarkers } from './helpers.js';
import { validateText } from '../../helpers/validate-text.js';

const services = createServices();

/** The Markdown of the hover at the `<|>` marker. */
async function hoverText(input: string): Promise<string> {
    const { text, offsets } = withMarkers(input);
    expect(offsets).toHaveLength(1);
    const document = await validateText(services, text, freshUri());
    const result = await services.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offsets[0])
    });
    const contents = result?.contents;
    return contents && typeof contents === 'object' && 'value' in contents ? contents.value : '';
}

const CLINIC = `blueprint <|>Clinic "Clinic *visit*" {
    tolerance 20 min
    stage Arrive "Arrive"
    customer <|>CheckIn "Check in" in Arrive via kiosk { evidence "Ticket" duration 1 min moment "First look" start }
    customer <|>Wait "Wait" in Arrive { evidence "Chairs" wait 13 min tolerance 15 min fail "Long queue" prevention "Book slots" }
    frontstage <|>Consult "Consult" { duration 10 min wait 30 s fail "Doctor late" }
    backstage Notes "Write notes" { duration 2 min }
    customer <|>Leave "Leave" { evidence "Prescription" end }
    flow CheckIn -> Wait -> Consult -> Leave
    flow Consult ~> Notes
    metric Waited "Seen within 15 min" on Wait target >= 90 %
}`;

/** CLINIC with only the given marker (0 = blueprint name, 1..4 = steps) left in. */
function at(index: number): string {
    const parts = CLINIC.split('<|>');
    return parts.map((part, i) => (i === index + 1 ? '<|>' : '') + part).join('');
}

describe('hover on the blueprint name', () => {
    it('shows the analysis summary with hand-computed figures', async () => {
        const value = await hoverText(at(0));
        // the title is Markdown-escaped
        expect(value).toContain('**blueprint** `Clinic` — Clinic \\*visit\\*');
        // touchpoints: CheckIn (kiosk), Wait and Leave (flows across the line of interaction);
        // wait points: Wait and Consult
        expect(value).toContain('5 steps, 4 flows · 3 touchpoints · 2 wait points · 1 moment of truth · 1 metric');
        // no shares: the branches after Consult are parallel work, and the longer one counts:
        // CheckIn 60 + Wait 780 + Consult (600 + 30) + Notes 120 = 1590 s = 26 min 30 s
        expect(value).toContain('**Expected time (= worst case: no alternatives, recoveries or rework)**: 26 min 30 s');
        // waits: Wait 780 + Consult 30 = 810 s
        expect(value).toContain('- waiting: 13 min 30 s');
        // visible: CheckIn 60 + Wait 780 + Consult 630 = 1470 s; backstage: Notes 120 s
        expect(value).toContain('- visible: 24 min 30 s');
        expect(value).toContain('- backstage: 2 min');
        // steps by their labels
        expect(value).toContain('- steps: Check in → Wait → Consult → Write notes');
        // 1590 - 1200 = 390 s over the 20 min tolerance
        expect(value).toContain('**Tolerance**: 20 min — expected: ⚠ exceeded by 6 min 30 s');
        expect(value).toContain('**Branches without shares**, counted as parallel work: `Consult`');
        expect(value).toContain('**Fail points**: 1 of 2 covered by a prevention or recovery (50 %)');
        expect(value).not.toContain('without a time');
        expect(value).not.toContain('| |'); // no segments, no table
    });

    it('marks lower bounds exactly where times are missing', async () => {
        const value = await hoverText(`blueprint <|>Hot "Hotline" {
            tolerance 10 min
            customer Dial "Dial" via hotline { evidence "Tone" start }
            frontstage Menu "Menu" { duration 1 min }
            customer Hold "Hold" { evidence "Music" wait tolerance 5 min }
            backstage Lookup "Look up the account" { duration 20 s }
            frontstage Agent "Agent answers" { duration 3 min end }
            flow Dial -> Menu -> Hold -> Lookup -> Agent
        }`);
        // known: Menu 60 + Lookup 20 + Agent 180 = 260 s; Dial and Hold have no time
        expect(value).toContain('**Expected time (= worst case: no alternatives, recoveries or rework)**: ≥ 4 min 20 s (2 steps without a time)');
        // Hold is a wait without an expected time
        expect(value).toContain('- waiting: unknown');
        // both unknown steps are customer steps, so only the visible figure is a lower bound
        expect(value).toContain('- visible: ≥ 4 min');
        expect(value).toContain('- backstage: 20 s');
        expect(value).toContain('- without a time: `Dial`, `Hold`');
        // 600 - 260 = 340 s left for the two steps without a time
        expect(value).toContain('**Tolerance**: 10 min — expected: within so far, 5 min 40 s left for 2 steps without a time');
        expect(value).toContain('**Fail points**: none marked');
    });

    it('puts the base path and the segment variants side by side in a table', async () => {
        const value = await hoverText(`blueprint <|>V "V" {
            segment Gold "Gold card"
            segment Basic "Basic | plan"
            customer Enter "Enter" via store { evidence "Door" duration 1 min start }
            customer Queue "Queue" for Basic { evidence "Ticket" wait 10 min }
            customer Lounge "Lounge" for Gold { evidence "Lounge" wait 2 min }
            frontstage Serve "Serve" { duration 5 min }
            backstage File "File" { end }
            flow Enter -> Queue -> Serve
            flow Enter -> Lounge -> Serve -> File
        }`);
        const table = value.slice(value.indexOf('| |'));
        expect(table.split('\n')).toEqual([
            // labels are escaped, including the pipe that would split a cell
            '| | Base | Gold card | Basic \\| plan |',
            '|---|--:|--:|--:|',
            // base: Enter alone, 60 s; Gold: 60 + 120 + 300 = 480 s, File unknown;
            // Basic: 60 + 600 + 300 = 960 s, File unknown
            '| expected | 1 min | ≥ 8 min | ≥ 16 min |',
            '| waiting (expected) | 0 s | 2 min | 10 min |',
            // visible: Enter, Lounge or Queue, Serve; backstage: only File, whose time is unknown
            '| visible (expected) | 1 min | 8 min | 16 min |',
            '| backstage (expected) | 0 s | unknown | unknown |',
            // no decisions: the worst case is the same
            '| worst case | 1 min | ≥ 8 min | ≥ 16 min |',
            '| steps without a time | 0 | 1 | 1 |'
        ]);
    });

    it('reports loops and a blueprint with no steps', async () => {
        const loops = await hoverText(`blueprint <|>L "L" {
            customer Give "Give feedback" via app { evidence "Survey" duration 2 min start }
            frontstage Tell "Tell what changed" via email { duration 1 min evidence "Newsletter" }
            backstage Plan "Plan" { duration 2 h }
            flow Give -> Tell ~> Plan
            flow Plan -> Tell loop
        }`);
        // Give 120 + Tell 60 + Plan 7200 = 7380 s
        expect(loops).toContain('**Expected time (= worst case: no alternatives, recoveries or rework)**: 2 h 3 min');
        expect(loops).toContain('**Loops** left out of the sums (no repeat given): `Plan` → `Tell`');
        const empty = await hoverText('blueprint <|>Empty "Nothing yet" { stage Later "Later" }');
        expect(empty).toBe('**blueprint** `Empty` — Nothing yet\n\n0 steps, 0 flows · 0 touchpoints · 0 wait points · 0 moments of truth · 0 metrics');
    });
});

describe('hover with a decision and a recovery', () => {
    const SHOP = `blueprint <|>Shoeshine "Shoeshine" {
        tolerance 3 min
        policy "No charge for a re-polish"
        customer Sit "Sit on the stand" via store { evidence "Chair" duration 15 s start }
        frontstage <|>Polish "Apply polish" via store {
            duration 30 s
            fail "Wrong colour" rate 10 % recovery "Strip and polish again" poka-yoke tangible by Strip, Repolish
            prevention "Colour chart by the stand" poka-yoke tangible
            note "Ask which colour before starting"
            policy "Use the customer's own polish if given"
        }
        frontstage Strip "Remove the polish" via store { duration 1 min }
        frontstage Repolish "Polish again" via store { duration 30 s }
        frontstage Buff "Buff" via store { duration 45 s }
        customer Pay "Pay" via store { evidence "Shine" duration 15 s end }
        flow Sit -> Polish -> Buff -> Pay
        flow Polish -> Strip -> Repolish -> Buff
    }`;
    const only = (index: number) => SHOP.split('<|>').map((part, i) => (i === index + 1 ? '<|>' : '') + part).join('');

    it('the blueprint hover names each figure: expected, most likely, worst case, exception paths', async () => {
        const value = await hoverText(only(0));
        // without failure: Sit 15 + Polish 30 + Buff 45 + Pay 15 = 105 s; the recovery Strip 60 + Repolish 30 = 90 s
        // expected = 105 + 0.1 × 90 = 114 s
        expect(value).toContain('**Expected time**: 1 min 54 s');
        expect(value).toContain('**Most likely path**: 1 min 45 s — 90 % of journeys');
        expect(value).toContain('**Worst case (critical path)**: 3 min 15 s');
        expect(value).toContain('- exception path, recovery from "Wrong colour": 3 min 15 s — 10 % of journeys');
        // 180 s standard: expected within (66 s to spare), worst case 15 s over
        expect(value).toContain('**Tolerance**: 3 min — expected: ✓ within (1 min 6 s to spare); worst case: ⚠ exceeded by 15 s');
        expect(value).toContain('**Policies**: No charge for a re-polish');
    });

    it('the step hover shows the fail point with its rate, remedies, their type and steps; notes and policies', async () => {
        const value = await hoverText(only(1));
        expect(value).toContain('- fail point: Wrong colour — fails in 10 % of cases; prevention: Colour chart by the stand (poka-yoke: tangible); '
            + 'recovery: Strip and polish again (poka-yoke: tangible) — carried out by Remove the polish (`Strip`) → Polish again (`Repolish`)');
        expect(value).toContain("- note: Ask which colour before starting");
        expect(value).toContain("- policy: Use the customer's own polish if given");
    });

    it('a recovery step says whose corrective sub-process it is', async () => {
        const value = await hoverText(SHOP.replace(/<\|>/g, '').replace('frontstage Strip', 'frontstage <|>Strip'));
        expect(value).toContain('- corrective sub-process: recovery from "Wrong colour" at Apply polish (`Polish`), in 10 % of cases');
    });
});

describe('hover on a step', () => {
    it('adds the time contribution and the critical path, without repeating a lone duration or wait', async () => {
        expect(await hoverText(at(1))).toMatch(/- duration: 1 min\n- critical path: yes/);
        expect(await hoverText(at(2))).toMatch(/- wait: 13 min \(tolerance 15 min\)\n- critical path: yes/);
        expect(await hoverText(at(1))).not.toContain('- time:');
        // Consult: 600 s duration + 30 s wait
        expect(await hoverText(at(3))).toContain('- time: 10 min 30 s (duration 10 min + wait 30 s)\n- critical path: yes');
        // Leave has no time and lies on the shorter branch
        expect(await hoverText(at(4))).toContain('- time: none given; totals through this step are lower bounds\n- critical path: no');
    });

    it('names the variants whose critical path the step is on', async () => {
        const text = `blueprint V "V" {
            segment Gold "Gold card"
            segment Basic "Basic"
            customer Enter "Enter" via store { evidence "Door" duration 1 min start }
            customer Queue "Queue" for Basic { evidence "Ticket" wait 10 min }
            customer <|>Lounge "Lounge" for Gold, Basic { evidence "Lounge" wait 2 min }
            frontstage <|>Serve "Serve" { duration 5 min end }
            flow Enter -> Queue -> Serve
            flow Enter -> Lounge -> Serve
        }`;
        const first = text.replace('<|>Serve', 'Serve');
        const second = text.replace('<|>Lounge', 'Lounge');
        // Basic: Queue (600 s) beats Lounge (120 s); Gold has only the Lounge
        expect(await hoverText(first)).toContain('- critical path: yes for Gold card; no for Basic');
        // the base path stops at Enter: no base flow reaches Serve
        expect(await hoverText(second)).toContain('- critical path: yes for Gold card, Basic; no for the base path');
    });
});
