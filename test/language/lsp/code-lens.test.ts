import type { LangiumDocument } from 'langium';
import type { CodeLens } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { createServices, freshUri } from './helpers.js';
import { validateText } from '../../helpers/validate-text.js';

const services = createServices();
// The provider the language module registers, as the language server calls it.
const provider = services.lsp.CodeLensProvider!;

interface LensLine {
    readonly line: number;
    readonly title: string;
}

async function lensesOf(text: string): Promise<{ document: LangiumDocument; lenses: CodeLens[]; lines: LensLine[] }> {
    const document = await validateText(services, text, freshUri());
    const lenses = await provider.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } }) ?? [];
    return { document, lenses, lines: lenses.map(lens => ({ line: lens.range.start.line, title: lens.command?.title ?? '' })) };
}

function titlesOnLine(lines: LensLine[], line: number): string[] {
    return lines.filter(lens => lens.line === line).map(lens => lens.title);
}

const CLINIC = `// A clinic visit, line 0
blueprint Clinic "Clinic visit" {
    tolerance 20 min
    stage Arrive "Arrive"
    stage Visit "Visit"
    customer CheckIn "Check in" in Arrive via kiosk { evidence "Ticket" duration 1 min start }
    customer Wait "Wait" in Arrive { evidence "Chairs" wait 13 min tolerance 15 min fail "Long queue" prevention "Book slots" }
    frontstage Consult "Consult" in Visit { duration 10 min fail "Doctor late" }
    backstage Notes "Write notes" in Visit { duration 2 min }
    customer Leave "Leave" in Visit { evidence "Prescription" end }
    flow CheckIn -> Wait -> Consult -> Leave
    flow Consult ~> Notes
}`;

describe('code lenses on the blueprint header', () => {
    it('say which figure is which when a decision makes them differ: expected, most likely, worst case', async () => {
        const { lines } = await lensesOf(`blueprint Hotline "Hotline" {
            tolerance 30 min
            customer Call "Call" via hotline { evidence "Number" duration 30 s start }
            customer Hold "Hold" via hotline { evidence "Music" wait 1 min }
            frontstage Answer "Answer" via hotline { duration 4 min }
            frontstage Resolve "Resolve" via hotline { duration 3 min }
            backstage Second "Second line" { duration 4 h }
            frontstage CallBack "Call back" via hotline { duration 5 min }
            customer Done "Hang up" via hotline { evidence "SMS" duration 10 s end }
            flow Call -> Hold -> Answer
            decision Answer "Resolved on the first call?" { -> Resolve 95 %, -> Second 5 % }
            flow Resolve -> Done
            flow Second -> CallBack -> Done
        }`);
        expect(titlesOnLine(lines, 0)).toEqual([
            '7 steps · 3 touchpoints · no fail points',
            // 330 + 0.95 × 180 + 0.05 × (14400 + 300) + 10 = 330 + 171 + 735 + 10 = 1246 s = 20 min 46 s
            'expected 20 min 46 s · tolerance 30 min ✓ within',
            // Call 30 + Hold 60 + Answer 240 + Resolve 180 + Done 10 = 520 s, 95 % of calls
            'most likely 8 min 40 s (95 % of journeys)',
            // 330 + 14400 + 300 + 10 = 15040 s
            'worst case 4 h 10 min 40 s · tolerance 30 min ⚠ exceeded',
            // Hold's 1 min, on every journey
            'customer waits 1 min (expected)'
        ]);
    });

    it('shows counts, waiting, the critical path and the tolerance breach', async () => {
        const { lines } = await lensesOf(CLINIC);
        expect(titlesOnLine(lines, 1)).toEqual([
            // 5 steps; touchpoints: CheckIn (kiosk), Wait (flow to Consult crosses the line of
            // interaction), Leave (flow from Consult crosses it); fail points: Long queue (prevented), Doctor late
            '5 steps · 3 touchpoints · 2 fail points (1 covered)',
            // branches after Consult without shares count as parallel work: Leave (no time) and Notes (2 min);
            // the longer one decides: CheckIn 60 + Wait 780 + Consult 600 + Notes 120 = 1560 s = 26 min > 20 min
            'expected = worst case 26 min · tolerance 20 min ⚠ exceeded',
            // the only wait: Wait 13 min
            'customer waits 13 min',
            '1 branch point without shares: counted as parallel'
        ]);
    });

    it('puts every lens on the header line and gives none a command that could fail', async () => {
        const { lenses } = await lensesOf(CLINIC);
        expect(lenses.length).toBeGreaterThan(0);
        for (const lens of lenses) {
            expect(lens.command?.command).toBe('');
            expect(lens.range.start.line).toBe(lens.range.end.line);
        }
        const header = lenses.find(lens => lens.range.start.line === 1)!;
        // `blueprint Clinic "Clinic visit"` from column 0
        expect(header.range).toEqual({ start: { line: 1, character: 0 }, end: { line: 1, character: 31 } });
        const expected = lenses.find(lens => lens.command?.title.startsWith('expected'))!;
        expect(expected.command?.tooltip).toBe('No alternatives, recoveries or rework: the expected time is the worst case (critical path): Check in → Wait → Consult → Write notes');
    });

    it('shows unknown times as lower bounds with the count of steps without a time, never as zero', async () => {
        const { lines } = await lensesOf(`blueprint Hot "Hotline" {
            tolerance 10 min
            customer Dial "Dial" via hotline { evidence "Tone" start }
            frontstage Menu "Menu" { duration 1 min }
            customer Hold "Hold" { evidence "Music" wait tolerance 5 min }
            frontstage Agent "Agent answers" { duration 3 min end }
            flow Dial -> Menu -> Hold -> Agent
        }`);
        expect(titlesOnLine(lines, 0)).toEqual([
            '4 steps · 2 touchpoints · no fail points',
            // known: Menu 60 + Agent 180 = 240 s; Dial and Hold have no time. 240 s is below 10 min,
            // but the missing times may still push it over, so it is only "within so far"
            'expected = worst case ≥ 4 min (2 steps without a time) · tolerance 10 min: within so far',
            // Hold waits for an unknown time, so the waiting is unknown rather than 0 s
            'customer waits unknown'
        ]);
    });

    it('says "unknown" when no step on the critical path has a time', async () => {
        const { lines } = await lensesOf(`blueprint N "No times" {
            customer A "Ask" via chat { evidence "Chat window" start }
            frontstage B "Answer" { end }
            flow A -> B
        }`);
        expect(titlesOnLine(lines, 0)).toEqual([
            '2 steps · 1 touchpoint · no fail points',
            'expected = worst case unknown (2 steps without a time)',
            "no waits on the customer's path"
        ]);
    });

    it('puts each segment variant\'s critical path side by side', async () => {
        const { lines } = await lensesOf(`blueprint V "V" {
            segment Gold "Gold card"
            segment Basic "Basic"
            customer Enter "Enter" via store { evidence "Door" duration 1 min start }
            customer Queue "Queue" for Basic { evidence "Ticket" wait 10 min }
            customer Lounge "Lounge" for Gold { evidence "Lounge" wait 2 min }
            frontstage Serve "Serve" { duration 5 min end }
            flow Enter -> Queue -> Serve
            flow Enter -> Lounge -> Serve
        }`);
        const header = titlesOnLine(lines, 0);
        // base path: Enter alone (no base flow reaches Serve), 1 min, no waits
        expect(header).toContain('expected = worst case 1 min');
        // Gold: Enter 60 + Lounge 120 + Serve 300 = 480 s; Basic: Enter 60 + Queue 600 + Serve 300 = 960 s
        expect(header).toContain('expected — Gold card: 8 min · Basic: 16 min');
    });

    it('reports loops as left out of the sums', async () => {
        const { lines } = await lensesOf(`blueprint L "L" {
            customer Give "Give feedback" via app { evidence "Survey" duration 2 min start }
            frontstage Tell "Tell what changed" via email { duration 1 min evidence "Newsletter" }
            backstage Plan "Plan" { duration 2 h }
            flow Give -> Tell ~> Plan
            flow Plan -> Tell loop
        }`);
        // Give 120 + Tell 60 + Plan 7200 = 7380 s = 2 h 3 min; the loop back to Tell is not summed again
        expect(titlesOnLine(lines, 0)).toEqual([
            '3 steps · 1 touchpoint · no fail points',
            'expected = worst case 2 h 3 min',
            "no waits on the customer's path",
            '1 loop not summed (no repeat given)'
        ]);
    });

    it('shows a single lens for a blueprint with no steps', async () => {
        const { lines } = await lensesOf(`blueprint Empty "Nothing yet" {
            stage Later "Later"
        }`);
        expect(lines).toEqual([{ line: 0, title: 'no steps yet' }, { line: 1, title: 'no steps' }]);
    });

    it('escapes `$(` so that VS Code does not read a label as an icon', async () => {
        const { lines } = await lensesOf(`blueprint S "S" {
            segment Rich "$(gold) customers"
            customer A "A" for Rich via app { evidence "x" duration 1 s start }
        }`);
        expect(titlesOnLine(lines, 0)).toContain('expected — \\$(gold) customers: 1 s');
    });
});

describe('code lenses on stages', () => {
    it('shows each stage\'s steps and its share of the critical path', async () => {
        const { lines } = await lensesOf(CLINIC);
        // Arrive: CheckIn 60 + Wait 780 = 840 s = 14 min
        expect(titlesOnLine(lines, 3)).toEqual(['2 steps · 14 min on the critical path']);
        // Visit: Consult 600 + Notes 120 = 720 s = 12 min; Leave is on the other branch
        expect(titlesOnLine(lines, 4)).toEqual(['3 steps · 12 min on the critical path']);
    });

    it('marks stages off the critical path and stages whose times are unknown', async () => {
        const { lines } = await lensesOf(`stage Shared "Shared"
blueprint B "B" {
    stage Main "Main"
    stage Side "Side"
    stage Open "Open"
    customer A "A" in Main via app { evidence "x" duration 30 s start }
    frontstage B1 "B1" in Open { duration 10 s }
    frontstage B2 "B2" in Open
    frontstage C "C" in Side { duration 5 s }
    frontstage D "D" in Shared
    flow A -> B1 -> B2
    flow A -> D
    flow A -> C
}`);
        // paths: A B1 B2 = 40 s (B2 unknown), A D = 30 s (D unknown), A C = 35 s: the first is critical
        expect(titlesOnLine(lines, 0)).toEqual(['1 step · not on the critical path']);
        expect(titlesOnLine(lines, 2)).toEqual(['1 step · 30 s on the critical path']);
        expect(titlesOnLine(lines, 3)).toEqual(['1 step · not on the critical path']);
        // B1 10 s known, B2 none
        expect(titlesOnLine(lines, 4)).toEqual(['2 steps · ≥ 10 s on the critical path (1 step without a time)']);
    });

    it('says so when no step of a stage on the critical path has a time', async () => {
        const { lines } = await lensesOf(`blueprint B "B" {
            stage Only "Only"
            customer A "A" in Only via app { evidence "x" start }
        }`);
        expect(titlesOnLine(lines, 1)).toEqual(['1 step · on the critical path, no time given (1 step without a time)']);
    });
});

describe('code lenses on broken input', () => {
    it('gives the figures of what parsed when a step is not closed', async () => {
        const { document, lines } = await lensesOf(`blueprint Broken "Broken" {
            customer A "A" via app { evidence "x" duration 2 min start }
            frontstage B "B" { duration 1 min
            flow A -> B
        }`);
        expect(document.parseResult.parserErrors.length).toBeGreaterThan(0);
        // the parser recovers both steps and the flow: A 120 + B 60 = 180 s
        expect(titlesOnLine(lines, 0)).toEqual([
            '2 steps · 1 touchpoint · no fail points',
            'expected = worst case 3 min',
            "no waits on the customer's path"
        ]);
    });

    it('counts a duration without a unit as unknown, not as seconds', async () => {
        const { lines } = await lensesOf(`blueprint NoUnit "No unit" {
            customer A "A" via app { evidence "x" duration 2 min start }
            frontstage B "B" { duration 1 }
            flow A -> B
        }`);
        // A 120 s known; B's `1` has no unit and is never guessed
        expect(titlesOnLine(lines, 0)).toContain('expected = worst case ≥ 2 min (1 step without a time)');
    });

    it.each([
        ['a flow still being typed', 'flow A -> B ->'],
        ['a duration still being typed', 'frontstage C "C" { duration }']
    ])('does not fail on %s', async (_name, line) => {
        const { document, lenses } = await lensesOf(`blueprint Typing "Typing" {
            customer A "A" via app { evidence "x" duration 2 min start }
            frontstage B "B" { duration 1 min }
            ${line}
        }`);
        expect(document.parseResult.parserErrors.length).toBeGreaterThan(0);
        // Either the figures of what parsed or, while no model can be built, no lenses; never an error.
        expect(lenses.every(lens => lens.command?.command === '' && lens.range.start.line === 0)).toBe(true);
    });

    it('gives no lenses, and no error, for text without a blueprint', async () => {
        const { lenses } = await lensesOf('blueprint {{ -> "');
        expect(lenses.every(lens => lens.command?.command === '')).toBe(true);
        const { lenses: none } = await lensesOf('just some words');
        expect(none).toEqual([]);
        const { lenses: declarationsOnly } = await lensesOf('stage Shared "Shared stage"\nactor Clerk "Clerk"');
        expect(declarationsOnly).toEqual([]);
    });
});
