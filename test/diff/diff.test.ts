import { describe, expect, it } from 'vitest';
import { diffBlueprints, similarity, type Change } from '@blueprint/diff';
import { renderMarkdown } from '@blueprint/report';
import { base, modelOf } from './helpers.js';

async function diff(before: string, after: string) {
    return diffBlueprints(await modelOf(before), await modelOf(after));
}

function only(changes: readonly Change[], kind: Change['kind']): Change[] {
    return changes.filter(c => c.kind === kind);
}

describe('semantic diff of blueprint models', () => {
    it('finds no changes when only formatting and comments differ', async () => {
        const text = base();
        const reformatted = text.replace(/\n {4}/g, '\n  ').replace('stage Order "Order"', '// a comment\n stage   Order "Order"');
        const result = await diff(text, reformatted);
        expect(result.changes).toEqual([]);
        expect(renderMarkdown(result)).toContain('No semantic changes');
    });

    it('reports an added customer step as a customer-visible new touchpoint risk', async () => {
        const result = await diff(base(), base('', [
            ['flow Take ~> Charge -> Hand', 'flow Take ~> Charge -> Hand\n    customer Rate "Rate the coffee" via app {\n        evidence "Rating screen"\n        end\n    }\n    flow Leave -> Rate'],
            ['evidence "Cup"\n        end', 'evidence "Cup"']
        ]));
        const added = only(result.changes, 'added').find(c => c.subject === 'step');
        expect(added).toMatchObject({ id: 'Rate', customerVisible: true, lane: 'customer' });
        expect(added?.risk).toMatch(/touchpoint/);
        expect(only(result.changes, 'added').some(c => c.subject === 'flow' && c.id === 'Leave->Rate')).toBe(true);
    });

    it('reports a removed step and its flows', async () => {
        const result = await diff(base(), base('', [
            ['    support Charge "Charge the card" by Till\n', ''],
            ['flow Take ~> Charge -> Hand', 'flow Take -> Hand']
        ]));
        expect(only(result.changes, 'removed').filter(c => c.subject === 'step').map(c => c.id)).toEqual(['Charge']);
        expect(only(result.changes, 'removed').filter(c => c.subject === 'flow').map(c => c.id).sort()).toEqual(['Charge->Hand', 'Take->Charge']);
        expect(only(result.changes, 'removed').find(c => c.id === 'Charge')?.customerVisible).toBe(false);
    });

    it('matches a step whose id changed by similarity and reports a rename, not remove + add', async () => {
        const result = await diff(base(), base('', [
            ['backstage Brew "Brew the coffee"', 'backstage BrewCoffee "Brew the coffee"'],
            ['flow Take -> Brew -> Hand', 'flow Take -> BrewCoffee -> Hand']
        ]));
        expect(only(result.changes, 'renamed')).toMatchObject([{ id: 'BrewCoffee', before: 'Brew', after: 'BrewCoffee' }]);
        expect(result.changes.filter(c => c.subject === 'step' && (c.kind === 'added' || c.kind === 'removed'))).toEqual([]);
        // flows follow the renamed step, so they are unchanged
        expect(result.changes.filter(c => c.subject === 'flow')).toEqual([]);
        expect(result.stepMapping.Brew).toBe('BrewCoffee');
        // Brew is backstage: its rename is behind the line of visibility.
        expect(only(result.changes, 'renamed')[0].customerVisible).toBe(false);
    });

    it('marks the rename of a frontstage step customer-visible, like every other change to it', async () => {
        const result = await diff(base(), base('', [
            ['frontstage Take "Take the order"', 'frontstage TakeOrder "Take the order"'],
            ['flow Ask -> Take -> Queue', 'flow Ask -> TakeOrder -> Queue'],
            ['flow Take -> Brew', 'flow TakeOrder -> Brew'],
            ['flow Take ~> Charge', 'flow TakeOrder ~> Charge']
        ]));
        expect(only(result.changes, 'renamed')).toMatchObject([{ id: 'TakeOrder', before: 'Take', lane: 'frontstage', customerVisible: true }]);
    });

    it('reports relabelling, lane moves and stage moves', async () => {
        const result = await diff(base(), base('    stage Pickup "Pick up"', [
            ['frontstage Hand "Hand over the cup"', 'frontstage Hand "Hand over the cup with a smile" in Pickup'],
            ['backstage Brew "Brew the coffee"', 'frontstage Brew "Brew the coffee"']
        ]));
        expect(only(result.changes, 'relabelled')[0]).toMatchObject({ id: 'Hand', before: 'Hand over the cup', after: 'Hand over the cup with a smile' });
        expect(only(result.changes, 'moved-stage')[0]).toMatchObject({ id: 'Hand', after: 'Pickup' });
        const moved = only(result.changes, 'moved-lane')[0];
        expect(moved).toMatchObject({ id: 'Brew', before: 'backstage', after: 'frontstage', customerVisible: true });
        expect(moved.risk).toMatch(/now visible/);
    });

    it('flags a longer wait and a looser tolerance as risks, a shorter one not', async () => {
        const longer = await diff(base(), base('', [['wait 3 min tolerance 5 min', 'wait 4 min tolerance 5 min']]));
        expect(only(longer.changes, 'wait-changed')[0]).toMatchObject({ before: '3 min, tolerance 5 min', after: '4 min, tolerance 5 min' });
        expect(only(longer.changes, 'wait-changed')[0].risk).toMatch(/longer expected wait/);
        const looser = await diff(base(), base('', [['wait 3 min tolerance 5 min', 'wait 3 min tolerance 8 min']]));
        expect(only(looser.changes, 'wait-changed')[0].risk).toMatch(/looser/);
        const shorter = await diff(base(), base('', [['wait 3 min tolerance 5 min', 'wait 90 s tolerance 5 min']]));
        expect(only(shorter.changes, 'wait-changed')[0].risk).toBeUndefined();
    });

    it('reports removed recoveries as risks and added preventions as improvements', async () => {
        const result = await diff(base(), base('', [['prevention "Label the cup" recovery "Remake at once"', 'prevention "Label the cup" prevention "Read back the order"']]));
        const removed = only(result.changes, 'remedy-removed');
        expect(removed).toHaveLength(1);
        expect(removed[0]).toMatchObject({ before: 'Remake at once' });
        expect(removed[0].risk).toMatch(/recovery was removed/);
        expect(only(result.changes, 'remedy-added')[0]).toMatchObject({ after: 'Read back the order' });
        expect(only(result.changes, 'remedy-added')[0].risk).toBeUndefined();
    });

    it('reports fail points and moments of truth added and removed', async () => {
        const result = await diff(base(), base('', [
            ['fail "Wrong milk" prevention "Label the cup" recovery "Remake at once"', 'fail "Cold coffee"'],
            ['evidence "Cup with name"', 'evidence "Cup with name"\n        moment "The first sip"']
        ]));
        expect(only(result.changes, 'fail-point-removed')[0]).toMatchObject({ before: 'Wrong milk' });
        expect(only(result.changes, 'fail-point-removed')[0].risk).toMatch(/recovery/);
        expect(only(result.changes, 'fail-point-added')[0]).toMatchObject({ after: 'Cold coffee' });
        expect(only(result.changes, 'fail-point-added')[0].risk).toMatch(/without prevention or recovery/);
        expect(only(result.changes, 'moment-added')[0]).toMatchObject({ id: 'Hand', customerVisible: true });
    });

    it('classifies metric target changes by direction', async () => {
        const tighter = await diff(base(), base('', [['target >= 90 %', 'target >= 95 %']]));
        expect(only(tighter.changes, 'target-tightened')[0]).toMatchObject({ id: 'Speed', before: '>= 90 %', after: '>= 95 %' });
        const looser = await diff(base(), base('', [['target >= 90 %', 'target >= 80 %']]));
        expect(only(looser.changes, 'target-loosened')[0].risk).toMatch(/loosened/);
        const maxTighter = await diff(base('    metric Abandon "Abandoned orders" target <= 5 %'), base('    metric Abandon "Abandoned orders" target <= 3 %'));
        expect(only(maxTighter.changes, 'target-tightened').map(c => c.id)).toEqual(['Abandon']);
        const unitChange = await diff(base(), base('', [['target >= 90 %', 'target >= 90 orders']]));
        expect(only(unitChange.changes, 'target-changed')).toHaveLength(1);
    });

    it('reports actor, channel and evidence changes on steps and declarations', async () => {
        const result = await diff(base(), base('    actor Manager "Shift manager"', [
            ['frontstage Take "Take the order" in Order by Barista', 'frontstage Take "Take the order" in Order by Manager'],
            ['customer Ask "Ask for a coffee" in Order via store', 'customer Ask "Ask for a coffee" in Order via app'],
            ['evidence "Menu board"', 'evidence "Menu on the app"'],
            ['system Till "Till"', 'system Till "Card terminal"']
        ]));
        expect(only(result.changes, 'actor-changed')[0]).toMatchObject({ id: 'Take', before: 'Barista', after: 'Manager' });
        expect(only(result.changes, 'channel-changed')[0]).toMatchObject({ id: 'Ask', before: 'store', after: 'app' });
        expect(only(result.changes, 'evidence-added')[0]).toMatchObject({ after: 'Menu on the app' });
        expect(only(result.changes, 'evidence-removed')[0]).toMatchObject({ before: 'Menu board' });
        expect(result.changes.find(c => c.subject === 'actor' && c.kind === 'added')).toMatchObject({ id: 'Manager' });
        expect(result.changes.find(c => c.subject === 'actor' && c.kind === 'attribute-changed')).toMatchObject({ id: 'Till', after: 'system Card terminal' });
    });

    it('reports flow kind changes and removed escalations', async () => {
        const before = base('    backstage Second "Second line" {\n        end\n    }\n    flow Take => Second -> Hand');
        const after = base('    backstage Second "Second line" {\n        end\n    }\n    flow Take ~> Second -> Hand');
        const result = await diff(before, after);
        expect(only(result.changes, 'kind-changed')[0]).toMatchObject({ id: 'Take->Second', before: 'escalation', after: 'hand-off' });
    });

    it('summarises and renders Markdown with risks first and escaped labels', async () => {
        const result = await diff(base(), base('', [
            ['customer Leave "Leave with the coffee"', 'customer Leave "Leave <happy> & *caffeinated*"'],
            ['wait 3 min tolerance 5 min', 'wait 6 min tolerance 5 min']
        ]));
        expect(result.summary).toMatchObject({ changes: 2, changed: 2, customerVisible: 2, risks: 1 });
        const markdown = renderMarkdown(result, { path: 'coffee.blueprint' });
        expect(markdown).toContain('| 2 | 0 | 0 | 2 | 2 | ⚠️ 1 |');
        expect(markdown.indexOf('#### ⚠️ Risks')).toBeGreaterThan(0);
        expect(markdown.indexOf('#### ⚠️ Risks')).toBeLessThan(markdown.indexOf('#### 👁️ Customer-visible'));
        expect(markdown).toContain('&lt;happy> &amp; \\*caffeinated\\*');
        expect(markdown).not.toContain('<happy>');
    });

    it('folds long change lists into details blocks', async () => {
        const extra = Array.from({ length: 12 }, (_, i) => `    metric M${i} "Metric ${i}" target >= ${i} %`).join('\n');
        const result = await diff(base(), base(extra));
        const markdown = renderMarkdown(result);
        expect(markdown).toContain('<details><summary>4 more</summary>');
    });

    it('computes label similarity for Latin and CJK text', () => {
        expect(similarity('Wait in the queue', 'Wait in the queue')).toBe(1);
        expect(similarity('Wait in the queue', 'Wait in queue')).toBeGreaterThan(0.8);
        expect(similarity('取号排队', '取号并排队')).toBeGreaterThan(0.5);
        expect(similarity('Pay', 'Leave the branch')).toBeLessThan(0.2);
    });
});

describe('diff of decisions, recoveries and escalation returns', () => {
    const HOTLINE = `blueprint Hotline "Hotline" {
    customer Call "Call" via hotline { evidence "Number" start }
    frontstage Answer "Answer" via hotline {
        fail "Wrong answer given" rate 2 % recovery "Call back with the right answer" by Correct
    }
    frontstage Correct "Call back with the correction" via hotline
    frontstage Resolve "Resolve" via hotline
    backstage Ticket "File a ticket"
    backstage Second "Second line"
    frontstage CallBack "Call back" via hotline
    customer Done "Hang up" via hotline { evidence "SMS" end }
    flow Call -> Answer
    decision Answer "Resolved on the first call?" { -> Resolve 95 %, -> Ticket 5 % }
    flow Answer -> Correct -> Done
    flow Resolve -> Done
    flow Ticket => Second -> CallBack -> Done
}`;

    it('classifies a changed share as a risk', async () => {
        const result = await diff(HOTLINE, HOTLINE.replace('-> Resolve 95 %, -> Ticket 5 %', '-> Resolve 80 %, -> Ticket 20 %'));
        const shares = only(result.changes, 'share-changed');
        expect(shares.map(c => [c.id, c.before, c.after])).toEqual([['Answer->Resolve', '95 %', '80 %'], ['Answer->Ticket', '5 %', '20 %']]);
        expect(shares.every(c => c.risk?.includes('share of an alternative changed'))).toBe(true);
    });

    it('reads a changed weight as the branch\'s chance, and also tells the branch whose chance moved with it', async () => {
        const VISIT = `blueprint Visit "Counter visit" {
    customer Arrive "Arrive" { start }
    frontstage Desk "Serve at the desk"
    frontstage Card "Pay by card"
    frontstage Cash "Pay cash"
    customer Leave "Leave" { end }
    flow Arrive -> Desk
    decision Desk "How does the customer pay?" {
        -> Card 3 "Most pay by card"
        -> Cash 1
    }
    flow Card -> Leave
    flow Cash -> Leave
}`;
        const result = await diff(VISIT, VISIT.replace('-> Cash 1', '-> Cash 3'));
        const shares = only(result.changes, 'share-changed');
        expect(shares.map(c => [c.id, c.before, c.after])).toEqual([
            ['Desk->Card', '75 % (weight 3 of 4)', '50 % (weight 3 of 6)'],
            ['Desk->Cash', '25 % (weight 1 of 4)', '50 % (weight 3 of 6)']
        ]);
        expect(shares[1].message).toBe('Flow Desk → Cash: chance of the branch 25 % (weight 1 of 4) → 50 % (weight 3 of 6)');
        expect(renderMarkdown(result)).toContain('chance of the branch 25 % (weight 1 of 4) → 50 % (weight 3 of 6)');
        // Weights scaled alike give every branch the chance it had: nothing to report.
        expect(only((await diff(VISIT, VISIT.replace('-> Card 3', '-> Card 6').replace('-> Cash 1', '-> Cash 2'))).changes, 'share-changed')).toEqual([]);
        // A percentage is the chance as written.
        const percent = only((await diff(VISIT, VISIT.replace('-> Card 3', '-> Card 50 %').replace('-> Cash 1', '-> Cash 50 %'))).changes, 'share-changed');
        expect(percent.map(c => [c.id, c.before, c.after])).toEqual([['Desk->Card', '75 % (weight 3 of 4)', '50 %'], ['Desk->Cash', '25 % (weight 1 of 4)', '50 %']]);
    });

    it('classifies a removed recovery link and a removed flow into the corrective sub-process as risks', async () => {
        const unlinked = await diff(HOTLINE, HOTLINE.replace(' by Correct', ''));
        expect(only(unlinked.changes, 'recovery-steps-changed')[0]).toMatchObject({ before: 'Correct', after: '' });
        expect(only(unlinked.changes, 'recovery-steps-changed')[0].risk).toMatch(/no longer names Correct/);
        const noFlow = await diff(HOTLINE, HOTLINE.replace('flow Answer -> Correct -> Done', 'flow Correct -> Done'));
        const removed = only(noFlow.changes, 'removed').find(c => c.id === 'Answer->Correct')!;
        expect(removed.risk).toMatch(/corrective sub-process was removed/);
        const higherRate = await diff(HOTLINE, HOTLINE.replace('rate 2 %', 'rate 8 %'));
        expect(only(higherRate.changes, 'failure-rate-changed')[0]).toMatchObject({ before: '2 %', after: '8 %', risk: 'the failure happens more often' });
    });

    it("classifies a removed escalation return as a risk, though the removed flow is a plain sequence", async () => {
        const result = await diff(HOTLINE, HOTLINE.replace('flow Ticket => Second -> CallBack -> Done', 'flow Ticket => Second -> CallBack'));
        expect(result.summary.risks).toBeGreaterThan(0);
        expect(only(result.changes, 'escalation-return-lost')).toEqual([expect.objectContaining({
            id: 'Ticket->Second', risk: 'the answer of the second line no longer returns to the customer'
        })]);
    });
});

describe('what a change does to the time and to the findings of check', () => {
    const timed = (shares: [number, number]) => `blueprint Line "First line" {
    tolerance 10 min
    customer Call "Call" { start duration 1 min }
    frontstage Answer "Answer" { duration 2 min }
    frontstage Fix "Fix on the call" { duration 3 min }
    frontstage Back "Call back" { duration 30 min }
    customer Done "Hang up" { end }
    flow Call -> Answer
    decision Answer "Solved?" {
        -> Fix ${shares[0]} %
        -> Back ${shares[1]} %
    }
    flow Fix -> Done
    flow Back -> Done
}
`;

    it('gives the expected time, the worst case and its path of both versions, and flags the expected time going over the standard', async () => {
        const result = await diff(timed([90, 10]), timed([70, 30]));
        // 1 + 2 + 0.9 × 3 + 0.1 × 30 = 8.7 min → 1 + 2 + 0.7 × 3 + 0.3 × 30 = 14.1 min.
        expect(result.time?.before).toMatchObject({ expectedSeconds: 522, worstCaseSeconds: 33 * 60, toleranceSeconds: 600,
            expectedAboveStandard: false, worstCaseAboveStandard: true, criticalPath: ['Call', 'Answer', 'Back', 'Done'] });
        expect(result.time?.after).toMatchObject({ expectedSeconds: 846, expectedAboveStandard: true });
        expect(result.time?.after.criticalPathText).toBe('Call → Answer → Call back → Hang up');
        expect(only(result.changes, 'time-standard-exceeded')).toMatchObject([{
            subject: 'blueprint', message: 'Expected time at least 8 min 42 s → at least 14 min 6 s: now above the 10 min time standard', customerVisible: true,
            risk: expect.stringContaining('longer than the customer accepts')
        }]);
        const back = await diff(timed([70, 30]), timed([90, 10]));
        expect(only(back.changes, 'time-standard-met')).toMatchObject([{ risk: undefined }]);
        expect(result.diagnostics).toBeUndefined();
    });

    it('lists new and resolved findings, reading renamed ids as their new ones and ignoring figures that only moved', async () => {
        const before = await modelOf(timed([90, 10]));
        const after = await modelOf(timed([80, 20]).replace(/\bFix\b/g, 'Solve'));
        const result = diffBlueprints(before, after, { diagnostics: {
            before: [
                { rule: 'BP011', severity: 'warning', message: "Step 'Fix' has no evidence" },
                { rule: 'BP024', severity: 'warning', message: 'The worst case takes 33 min, more than 10 min' },
                { rule: 'BP030', severity: 'info', message: 'Gone in the new version' }
            ],
            after: [
                { rule: 'BP011', severity: 'warning', message: "Step 'Solve' has no evidence" },
                { rule: 'BP024', severity: 'warning', message: 'The worst case takes 34 min, more than 10 min' },
                { rule: 'BP025', severity: 'warning', message: 'New in the new version', line: 3 }
            ]
        } });
        expect(result.diagnostics).toEqual({
            added: [{ rule: 'BP025', severity: 'warning', message: 'New in the new version', line: 3 }],
            resolved: [{ rule: 'BP030', severity: 'info', message: 'Gone in the new version' }]
        });
    });
});
