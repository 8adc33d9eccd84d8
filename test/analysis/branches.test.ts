/**
 * Shostack's time question with decisions, recoveries, parallel work and rework: every expectation
 * is computed by hand in the comment above it.
 */
import { describe, expect, it } from 'vitest';
import { createBlueprintServices } from '@blueprint/language';
import { analyseBlueprint, analyseTime } from '@blueprint/model';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { modelOf } from '../diff/helpers.js';
import { validateText } from '../helpers/validate-text.js';

const HOTLINE = `blueprint Hotline "Card hotline" {
    tolerance 30 min
    customer Call "Call the number on the card" via hotline { evidence "Number on the card" duration 30 s start }
    customer Hold "Hold for an agent" via hotline { evidence "Hold music" wait 1 min }
    frontstage Answer "Answer and look into it" via hotline { duration 4 min }
    frontstage Resolve "Resolve on the call" via hotline { duration 3 min }
    backstage Ticket "File a second-line ticket" { duration 2 min }
    backstage Investigate "Second line investigates" { duration 4 h }
    frontstage CallBack "Call back with the answer" via hotline { duration 5 min }
    customer Done "Hang up" via hotline { evidence "SMS" duration 10 s end }
    flow Call -> Hold -> Answer
    decision Answer "Resolved on the first call?" {
        -> Resolve 95 %
        -> Ticket 5 % "Beyond the first line's authority"
    }
    flow Resolve -> Done
    flow Ticket -> Investigate -> CallBack -> Done
}`;

describe('a hotline with a 95/5 first-line decision', () => {
    it('expected time weighs the branches by their shares; the worst case is the escalation', async () => {
        const time = analyseTime(await modelOf(HOTLINE));
        // common part: Call 30 + Hold 60 (wait) + Answer 240 = 330 s; the end: Done 10 s
        // first line: Resolve 180 s; second line: Ticket 120 + Investigate 14400 + CallBack 300 = 14820 s
        // expected = 330 + 0.95 × 180 + 0.05 × 14820 + 10 = 330 + 171 + 741 + 10 = 1252 s
        expect(time.expected?.totalSeconds).toBe(1252);
        expect(time.expected?.waitSeconds).toBe(60);
        // visible = 330 + 0.95 × 180 + 0.05 × 300 + 10 = 526; backstage = 0.05 × (120 + 14400) = 726
        expect(time.expected?.visibleSeconds).toBe(526);
        expect(time.expected?.backstageSeconds).toBe(726);
        expect(time.expected?.unknownSteps).toEqual([]);
        // most likely: the first line, 330 + 180 + 10 = 520 s, 95 % of calls
        expect(time.mostLikelyPath?.steps).toEqual(['Call', 'Hold', 'Answer', 'Resolve', 'Done']);
        expect(time.mostLikelyPath?.totalSeconds).toBe(520);
        expect(time.mostLikelyPath?.probability).toBeCloseTo(0.95);
        // worst case: 330 + 14820 + 10 = 15160 s
        expect(time.criticalPath?.steps).toEqual(['Call', 'Hold', 'Answer', 'Ticket', 'Investigate', 'CallBack', 'Done']);
        expect(time.criticalPath?.totalSeconds).toBe(15160);
        // the one exception path is the 5 % escalation, timed on its own
        expect(time.exceptionPaths).toHaveLength(1);
        expect(time.exceptionPaths[0]).toMatchObject({ kind: 'alternative', from: 'Answer', to: 'Ticket', totalSeconds: 15160, label: "Beyond the first line's authority" });
        expect(time.exceptionPaths[0].probability).toBeCloseTo(0.05);
        // against the 30 min (1800 s) standard: expected 1252 s within, worst case 15160 s above
        expect(time.expectedExceedsTolerance).toBe(false);
        expect(time.toleranceExceeded).toBe(true);
    });

    it('weights work like percentages: 19 to 1 is 95 % to 5 %', async () => {
        const time = analyseTime(await modelOf(HOTLINE.replace('-> Resolve 95 %', '-> Resolve 19').replace('-> Ticket 5 %', '-> Ticket 1')));
        expect(time.expected?.totalSeconds).toBe(1252);
    });

    it('shares written on flows make the same decision', async () => {
        const text = HOTLINE.replace(/decision Answer[\s\S]*?\n    }\n/, 'flow Answer -> Resolve 95 %\n    flow Answer -> Ticket 5 % "Beyond the first line\'s authority"\n');
        const model = await modelOf(text);
        expect(model.decisions).toEqual([{ step: 'Answer', kind: 'alternative', declared: false, flows: ['Answer->Resolve', 'Answer->Ticket'] }]);
        expect(analyseTime(model).expected?.totalSeconds).toBe(1252);
    });
});

const SHOESHINE = `blueprint Shoeshine "Corner shoeshine" {
    actor Shiner "Shoeshiner"
    customer Sit "Sit on the stand" via store { evidence "Chair and footrests" duration 15 s start }
    frontstage Clean "Clean the shoes" by Shiner via store { duration 30 s }
    frontstage Polish "Apply polish" by Shiner via store {
        duration 30 s
        fail "Wrong colour of polish" rate 10 % recovery "Remove it and polish again" poka-yoke tangible by Strip, Repolish
    }
    frontstage Strip "Remove the wrong polish" by Shiner via store { duration 1 min }
    frontstage Repolish "Apply the right polish" by Shiner via store { duration 30 s }
    frontstage Buff "Buff" by Shiner via store { duration 45 s }
    customer Pay "Pay and leave" via store { evidence "Shoes that shine" duration 15 s end }
    flow Sit -> Clean -> Polish -> Buff -> Pay
    flow Polish -> Strip -> Repolish -> Buff
}`;

describe("Shostack's shoeshine with a re-polish recovery", () => {
    it('adds the corrective sub-process weighted by its 10 % failure rate', async () => {
        const model = await modelOf(SHOESHINE);
        const time = analyseTime(model);
        // without the failure: Sit 15 + Clean 30 + Polish 30 + Buff 45 + Pay 15 = 135 s
        // the corrective sub-process: Strip 60 + Repolish 30 = 90 s, in 10 % of shines
        // expected = 135 + 0.1 × 90 = 144 s
        expect(time.expected?.totalSeconds).toBe(144);
        // most likely: no failure, 135 s, 90 %
        expect(time.mostLikelyPath?.totalSeconds).toBe(135);
        expect(time.mostLikelyPath?.probability).toBeCloseTo(0.9);
        // worst case: the re-polish, 135 + 90 = 225 s
        expect(time.criticalPath?.totalSeconds).toBe(225);
        expect(time.criticalPath?.steps).toEqual(['Sit', 'Clean', 'Polish', 'Strip', 'Repolish', 'Buff', 'Pay']);
        expect(time.exceptionPaths).toEqual([expect.objectContaining({
            kind: 'recovery', from: 'Polish', to: 'Strip', share: 0.1, label: 'Wrong colour of polish', totalSeconds: 225
        })]);
        expect(model.steps.find(s => s.id === 'Polish')!.failPoints[0].recoveryDetails)
            .toEqual([{ text: 'Remove it and polish again', pokaYoke: 'tangible', steps: ['Strip', 'Repolish'] }]);
    });

    it('a corrective sub-process not drawn as flows runs in place, and BP026 asks for the flow', async () => {
        const text = SHOESHINE.replace('flow Polish -> Strip -> Repolish -> Buff', 'flow Strip -> Repolish');
        const { Blueprint } = createBlueprintServices({ ...EmptyFileSystem });
        const document = await validateText(Blueprint, text, URI.parse('memory:///shoeshine-unreachable.blueprint'));
        const codes = (document.diagnostics ?? []).map(d => d.code);
        expect(codes).toContain('BP026');
        // the recovery steps are judged by BP026, not reported as unreachable as well
        expect(codes).not.toContain('BP015');
        const model = Blueprint.model.BlueprintModelProvider.getDocumentModel(document)!;
        // still 135 + 0.1 × 90 = 144 s expected; the worst case adds the sub-process once: 225 s
        expect(analyseTime(model).expected?.totalSeconds).toBe(144);
        expect(analyseTime(model).criticalPath?.totalSeconds).toBe(225);
    });

    it('a recovery without a rate is left out of the expected time and listed', async () => {
        const time = analyseTime(await modelOf(SHOESHINE.replace(' rate 10 %', '')));
        // 135 s without the unrated recovery; the worst case still takes it: 225 s
        expect(time.expected?.totalSeconds).toBe(135);
        expect(time.criticalPath?.totalSeconds).toBe(225);
        expect(time.unratedRecoveries).toEqual([{ step: 'Polish', cause: 'Wrong colour of polish' }]);
        expect(time.exceptionPaths[0].probability).toBeUndefined();
    });
});

describe('parallel work', () => {
    const DEPOSIT = `blueprint Deposit "Deposit at the counter" {
        actor Teller "Teller"
        system Core "Core banking"
        customer Hand "Hand over cash and passbook" via branch { evidence "Counter" duration 30 s start }
        frontstage Count "Count the cash" by Teller via branch { duration 1 min }
        support Post "Post the deposit" by Core { duration 20 s }
        frontstage Stamp "Stamp the passbook" by Teller via branch { duration 40 s }
        frontstage Return "Return the passbook" by Teller via branch { duration 10 s }
        customer Leave "Leave" via branch { evidence "Stamped passbook" duration 5 s end }
        flow Hand -> Count
        parallel Count "Post and stamp at once" {
            ~> Post
            -> Stamp
        } join Return
        flow Post ~> Return
        flow Stamp -> Return -> Leave
    }`;

    it('a parallel split that joins counts its longest branch, in every figure', async () => {
        const model = await modelOf(DEPOSIT);
        const time = analyseTime(model);
        // Hand 30 + Count 60 + max(Post 20, Stamp 40) + Return 10 + Leave 5 = 145 s
        expect(time.expected?.totalSeconds).toBe(145);
        expect(time.criticalPath?.totalSeconds).toBe(145);
        expect(time.criticalPath?.steps).toEqual(['Hand', 'Count', 'Stamp', 'Return', 'Leave']);
        // the posting runs behind the stamping: the customer sees all 145 s, none of it waiting
        expect(time.expected?.visibleSeconds).toBe(145);
        expect(time.undeclaredBranches).toEqual([]);
        expect(time.exceptionPaths).toEqual([]);
        expect(model.decisions).toEqual([{ step: 'Count', kind: 'parallel', label: 'Post and stamp at once', declared: true, join: 'Return', flows: ['Count->Post', 'Count->Stamp'] }]);
    });

    it('validation: a parallel branch carries no share; a split joins or ends; shares add up to 100 %', async () => {
        const { Blueprint } = createBlueprintServices({ ...EmptyFileSystem });
        const diagnostics = async (text: string) => (await validateText(Blueprint, text, URI.parse(`memory:///v${Math.random()}.blueprint`))).diagnostics ?? [];
        const withShare = await diagnostics(DEPOSIT.replace('-> Stamp', '-> Stamp 50 %'));
        expect(withShare.filter(d => d.code === 'BP027').map(d => d.message)).toEqual([expect.stringContaining('A parallel branch carries no share')]);
        const noJoin = await diagnostics(DEPOSIT.replace('flow Post ~> Return', '').replace('} join Return', '}'));
        expect(noJoin.filter(d => d.code === 'BP028').map(d => d.message)).toEqual([expect.stringContaining("Parallel branch 'Post' neither joins nor ends")]);
        const badSum = await diagnostics(HOTLINE.replace('-> Ticket 5 %', '-> Ticket 10 %'));
        expect(badSum.filter(d => d.code === 'BP027').map(d => d.message)).toEqual([expect.stringContaining('add up to 105 %, not 100 %')]);
        const mixed = await diagnostics(HOTLINE.replace('-> Ticket 5 %', '-> Ticket 1'));
        expect(mixed.filter(d => d.code === 'BP027').map(d => d.message)).toEqual([expect.stringContaining('mix percentages and weights')]);
        const missing = await diagnostics(HOTLINE.replace('-> Ticket 5 %', '-> Ticket'));
        expect(missing.filter(d => d.code === 'BP027').map(d => d.message)).toEqual([expect.stringContaining("Alternative 'Ticket' of the decision at 'Answer' has no share")]);
    });

    it('a branch into a step of another blueprint leaves the process: unresolved across files, never joining within one', async () => {
        const { Blueprint } = createBlueprintServices({ ...EmptyFileSystem });
        // The posting moved into a blueprint of its own: a blueprint is one process, and its steps are not shared.
        const counter = DEPOSIT.replace(/\n\s*support Post[^\n]*/, '').replace('flow Post ~> Return', '');
        const core = 'blueprint Core "Core banking" {\n    support Post "Post the deposit" { duration 20 s }\n}';
        const codes = (document: LangiumDocument) => (document.diagnostics ?? []).map(d => `${d.code} ${d.message}`);
        // Imports share declarations, not steps: one diagnostic, BP002, and no second one on the branch it could not follow.
        const imported = await validateText(Blueprint, `import "core.blueprint"\n${counter}`, URI.parse('memory:///split/counter.blueprint'), { 'core.blueprint': core });
        expect(codes(imported)).toEqual(["BP002 Could not resolve reference to Step named 'Post'."]);
        // Two blueprints in one file are an error (BP020); the branch into the other one's step does not come back to the join.
        const together = await validateText(Blueprint, `${counter}\n${core}`, URI.parse('memory:///together.blueprint'));
        expect(codes(together).filter(line => /^BP02[08] /.test(line))).toEqual([
            "BP020 A file holds one blueprint; move 'Core' into a file of its own and import what they share.",
            "BP028 Parallel branch 'Post' never reaches the join step 'Return': add the flows that bring it back."
        ]);
    });
});

describe('BP031: a decision is exclusive', () => {
    const codes = async (text: string) => {
        const { Blueprint } = createBlueprintServices({ ...EmptyFileSystem });
        const document = await validateText(Blueprint, text, URI.parse(`memory:///exclusive${Math.random()}.blueprint`));
        // Every variant reads and links: the warning, or its absence, is about the flows alone.
        expect((document.diagnostics ?? []).filter(d => d.severity === 1).map(d => d.message)).toEqual([]);
        return (document.diagnostics ?? []).filter(d => d.code === 'BP031').map(d => d.message);
    };
    const LOG = '    support Log "Log the call" { end }\n';

    it('a one-way flow out of the deciding step besides its alternatives is warned about: the analysis does it whichever is taken', async () => {
        const extra = HOTLINE.replace('    flow Resolve -> Done', `${LOG}    flow Answer ~> Log\n    flow Resolve -> Done`);
        expect(await codes(extra)).toEqual([expect.stringContaining("'Answer' makes a decision, so one of its alternatives is taken; this flow to 'Log' is none of them")]);
        // What the warning says: the analysis counts the extra flow in every journey, beside either alternative.
        const model = await modelOf(extra.replace('support Log "Log the call" { end }', 'support Log "Log the call" { duration 6 h end }'));
        expect(analyseTime(model).mostLikelyPath?.steps).toContain('Log');
        // Shares written on flows make the same decision.
        const implied = HOTLINE.replace(/    decision Answer[^}]*}\n/, '    flow Answer -> Resolve 95 %\n    flow Answer -> Ticket 5 %\n')
            .replace('    flow Resolve -> Done', `${LOG}    flow Answer => Log\n    flow Resolve -> Done`);
        expect(await codes(implied)).toHaveLength(1);
    });

    it('alternatives, conversations, rework loops, recoveries and parallel branches out of the deciding step are fine', async () => {
        expect(await codes(HOTLINE)).toEqual([]);
        const conversation = HOTLINE.replace('    flow Resolve -> Done', `${LOG}    flow Answer <-> Log\n    flow Resolve -> Done`);
        expect(await codes(conversation)).toEqual([]);
        const loop = HOTLINE.replace('    flow Resolve -> Done', '    flow Answer -> Hold "Transferred back" loop 5 %\n    flow Resolve -> Done');
        expect(await codes(loop)).toEqual([]);
        const recovery = HOTLINE.replace('frontstage Answer "Answer and look into it" via hotline { duration 4 min }',
            'frontstage Answer "Answer and look into it" via hotline { duration 4 min fail "Line drops" rate 2 % recovery "Call back" by Redial }')
            .replace('    flow Resolve -> Done', '    frontstage Redial "Call the customer back" via hotline { end }\n    flow Answer -> Redial\n    flow Resolve -> Done');
        expect(await codes(recovery)).toEqual([]);
        const parallel = HOTLINE.replace('    flow Resolve -> Done', `${LOG}    parallel Answer "Log while deciding" {\n        ~> Log\n    }\n    flow Resolve -> Done`);
        expect(await codes(parallel)).toEqual([]);
        // Work in parallel with a decision is done whichever alternative is taken; the most likely journey still made the likelier choice.
        const time = analyseTime(await modelOf(parallel.replace('support Log "Log the call" { end }', 'support Log "Log the call" { duration 6 h end }')));
        // Its steps name the alternative its chance stands for (Resolve, then Done) beside the parallel work.
        expect(time.mostLikelyPath?.steps).toEqual(['Call', 'Hold', 'Answer', 'Resolve', 'Done', 'Log']);
        expect(time.mostLikelyPath?.parallel).toEqual([{ at: 'Answer', branches: [['Resolve', 'Done'], ['Log']] }]);
        expect(time.mostLikelyPath?.probability).toBeCloseTo(0.95, 12);
    });
});

describe('rework loops', () => {
    const FORM = `blueprint Form "Online application" {
        customer Fill "Fill in the form" via web { evidence "Form" duration 4 min start }
        frontstage Validate "Check the form" via web { duration 1 min }
        customer Confirm "See the confirmation" via web { evidence "Confirmation page" duration 30 s end }
        flow Fill -> Validate -> Confirm
        flow Validate -> Fill "Errors in the form" loop 20 %
    }`;

    it('a loop with a repeat probability adds p / (1 − p) passes through its body', async () => {
        const time = analyseTime(await modelOf(FORM));
        // body: Fill 240 + Validate 60 = 300 s; 20 % repeat: 0.2 / 0.8 = 0.25 extra passes = 75 s
        // expected = 300 + 75 + Confirm 30 = 405 s
        expect(time.rework).toEqual([{ from: 'Validate', to: 'Fill', expectedRepeats: 0.25, worstRepeats: 1, bodySeconds: 300 }]);
        expect(time.expected?.totalSeconds).toBe(405);
        // worst case: one more pass, 300 + 300 + 30 = 630 s; most likely: no rework, 330 s
        expect(time.criticalPath?.totalSeconds).toBe(630);
        expect(time.mostLikelyPath?.totalSeconds).toBe(330);
        expect(time.loops).toEqual([]);
    });

    it('a loop with a count repeats its body that many times', async () => {
        const time = analyseTime(await modelOf(FORM.replace('loop 20 %', 'loop 2 times')));
        // 300 + 2 × 300 + 30 = 930 s, expected and worst case alike
        expect(time.expected?.totalSeconds).toBe(930);
        expect(time.criticalPath?.totalSeconds).toBe(930);
    });

    it('a loop without a repeat is reported, not summed', async () => {
        const time = analyseTime(await modelOf(FORM.replace(' 20 %', '')));
        expect(time.loops).toEqual([{ from: 'Validate', to: 'Fill' }]);
        expect(time.expected?.totalSeconds).toBe(330);
    });
});

describe('segment variants that take different branches', () => {
    it('each segment follows its own alternative of the decision', async () => {
        const model = await modelOf(`blueprint Store "Store visit" {
            segment Gold "Gold"
            segment Basic "Basic"
            customer Enter "Enter" via store { evidence "Door" duration 1 min start }
            frontstage Greet "Greet and recognise the tier" via store { duration 30 s }
            frontstage Lounge "Escort to the lounge" for Gold via store { duration 2 min }
            customer Queue "Take a number and wait" for Basic via kiosk { evidence "Ticket" wait 10 min }
            frontstage Serve "Serve" via store { duration 5 min }
            customer Leave "Leave" via store { evidence "Receipt" duration 30 s end }
            flow Enter -> Greet
            decision Greet "Which tier?" { -> Lounge 20 %, -> Queue 80 % }
            flow Lounge -> Serve
            flow Queue -> Serve -> Leave
        }`);
        const analysis = analyseBlueprint(model);
        const gold = analysis.segments.find(s => s.segment === 'Gold')!;
        const basic = analysis.segments.find(s => s.segment === 'Basic')!;
        // Gold: Enter 60 + Greet 30 + Lounge 120 + Serve 300 + Leave 30 = 540 s, the lounge taken every time
        expect(gold.expected?.totalSeconds).toBe(540);
        expect(gold.mostLikelyPath?.steps).toEqual(['Enter', 'Greet', 'Lounge', 'Serve', 'Leave']);
        expect(gold.mostLikelyPath?.probability).toBe(1);
        // Basic: 60 + 30 + Queue 600 (wait) + 300 + 30 = 1020 s
        expect(basic.expected?.totalSeconds).toBe(1020);
        expect(basic.expected?.waitSeconds).toBe(600);
        expect(basic.criticalPath?.steps).toEqual(['Enter', 'Greet', 'Queue', 'Serve', 'Leave']);
        // the base path holds only the shared steps: Enter 60 + Greet 30
        expect(analysis.time.expected?.totalSeconds).toBe(90);
    });
});

describe('unknown durations', () => {
    it('stay unknown: the figures are lower bounds that name the steps without a time', async () => {
        const time = analyseTime(await modelOf(`blueprint U "U" {
            customer A "Ask" via hotline { evidence "x" duration 1 min start }
            frontstage B "Answer" via hotline
            frontstage C "Quick fix" via hotline { duration 2 min }
            frontstage D "Deep fix" via hotline
            customer E "Done" via hotline { evidence "y" duration 30 s end }
            decision B "Quick fix possible?" { -> C 70 %, -> D 30 % }
            flow A -> B
            flow C -> E
            flow D -> E
        }`));
        // known: A 60 + 0.7 × C 120 + E 30 = 174 s; B (always) and D (30 %) have no time
        expect(time.expected?.totalSeconds).toBe(174);
        expect(time.expected?.unknownSteps).toEqual(['B', 'D']);
        // most likely: A, B, C, E = 60 + 120 + 30 = 210 s, B unknown
        expect(time.mostLikelyPath?.totalSeconds).toBe(210);
        expect(time.mostLikelyPath?.unknownSteps).toEqual(['B']);
        expect(time.exceptionPaths[0]).toMatchObject({ to: 'D', totalSeconds: 90, unknownSteps: ['B', 'D'] });
    });
});

describe('customer-independent steps', () => {
    it('stay off the customer path and raise no reachability warnings', async () => {
        const text = `blueprint Shop "Shop" {
            customer Arrive "Arrive" via store { evidence "Door" duration 1 min start }
            frontstage Serve "Serve" via store { duration 2 min end }
            support Buy "Buy supplies" { independent duration 1 h }
            support Stock "Stock the shelves" { duration 30 min }
            flow Arrive -> Serve
            flow Buy -> Stock -> Serve
        }`;
        const { Blueprint } = createBlueprintServices({ ...EmptyFileSystem });
        const document = await validateText(Blueprint, text, URI.parse('memory:///independent.blueprint'));
        expect((document.diagnostics ?? []).map(d => `${d.code} ${d.message}`)).toEqual([]);
        const model = Blueprint.model.BlueprintModelProvider.getDocumentModel(document)!;
        expect(model.steps.filter(s => s.independent).map(s => s.id)).toEqual(['Buy', 'Stock']);
        // Arrive 60 + Serve 120 = 180 s; the hour of buying and half hour of stocking are not the customer's
        expect(analyseTime(model).expected?.totalSeconds).toBe(180);
        expect(analyseTime(model).criticalPath?.steps).toEqual(['Arrive', 'Serve']);
    });
});

describe('size', () => {
    it('analyses a 12,000-step chain with 24 decisions without recursion', async () => {
        const steps: string[] = [];
        const flows: string[] = [];
        for (let i = 0; i < 12000; i++) steps.push(`frontstage S${i} "Step ${i}" { duration 1 s${i === 11999 ? ' end' : ''} }`);
        for (let i = 0; i < 11999; i++) {
            // every 500th step branches: 50 % straight on, 50 % through a 10 s detour
            if (i % 500 === 0) {
                steps.push(`frontstage D${i} "Detour ${i}" { duration 10 s }`);
                flows.push(`flow S${i} -> S${i + 1} 50 %`, `flow S${i} -> D${i} 50 %`, `flow D${i} -> S${i + 1}`);
            } else {
                flows.push(`flow S${i} -> S${i + 1}`);
            }
        }
        const model = await modelOf(`blueprint Big "Big" {\n customer C "Start" via web { evidence "x" duration 1 s start }\n flow C -> S0\n${steps.join('\n')}\n${flows.join('\n')}\n}`);
        const time = analyseTime(model);
        // 1 + 12000 × 1 s + 24 detours × 0.5 × 10 s = 12121 s expected; worst 1 + 12000 + 240 = 12241 s
        expect(time.expected?.totalSeconds).toBe(12121);
        expect(time.criticalPath?.totalSeconds).toBe(12241);
        expect(time.exceptionPaths).toEqual([]);
    }, 60_000);
});

describe('BP007 per the literature', () => {
    const check = async (text: string) => {
        const { Blueprint } = createBlueprintServices({ ...EmptyFileSystem });
        const document = await validateText(Blueprint, text, URI.parse(`memory:///bp007-${Math.random()}.blueprint`));
        return (document.diagnostics ?? []).filter(d => d.code === 'BP007' || d.code === 'BP030').map(d => `${d.code} ${d.severity}`);
    };
    const lanes = (position: string, channel: string) => `blueprint L "L" {
        lane Tools "Tools" ${position}
        customer Ask "Ask" ${channel} { evidence "x" start }
        lane Tools Look "Look it up" { end }
        flow Ask -> Look
    }`;

    it('judges custom lanes by their position: below the line of visibility is out of the customer\'s reach', async () => {
        expect(await check(lanes('below backstage', 'via branch'))).toEqual(['BP007 1']);
        expect(await check(lanes('below support', 'via branch'))).toEqual(['BP007 1']);
        expect(await check(lanes('above frontstage', 'via branch'))).toEqual([]);
    });

    it('allows contact through a remote channel with a step below the line, as information', async () => {
        expect(await check(lanes('below backstage', 'via hotline'))).toEqual(['BP030 3']);
        expect(await check(lanes('below backstage', 'via chat'))).toEqual(['BP030 3']);
    });

    it('says the flow in its direction, whichever end the customer step is', async () => {
        const { Blueprint } = createBlueprintServices({ ...EmptyFileSystem });
        const document = await validateText(Blueprint, `blueprint D "D" {
            customer Ask "Ask" via branch { evidence "x" }
            frontstage Clerk "Clerk" via branch
            support Print "System prints" { duration 1 s }
            customer Take "Take the slip" via branch { evidence "slip" end }
            flow Ask -> Clerk ~> Print -> Take
            flow Ask -> Print
        }`, URI.parse('memory:///bp007-direction.blueprint'));
        expect((document.diagnostics ?? []).filter(d => d.code === 'BP007').map(d => String(d.message).split(':')[0])).toEqual([
            "Flow from 'Print' in the support lane, below the line of visibility, straight to customer step 'Take'",
            "Flow from customer step 'Ask' straight to 'Print' in the support lane, below the line of visibility"
        ]);
    });
});
