import { expectHover } from 'langium/test';
import { describe, it } from 'vitest';
import { createServices } from './helpers.js';

const services = createServices();
const hover = expectHover(services);

const TEXT = `blueprint Bank "Bank" {
    stage Counter "At the counter"
    actor Teller "Teller"
    segment Vip "VIP customers"
    customer <|>Enter "Enter *PIN*" in Counter via <|>atm for Vip {
        evidence "PIN pad"
        <|>wait 2 min tolerance 1 min
        <|>fail "PIN mistyped" recovery "Offer re-entry"
        moment "Trust"
        start
    }
    frontstage Check "Check the PIN" in <|>Counter by <|>Teller via branch {
        duration 10 s tolerance 30 s
        end
    }
    flow Enter <|>=> <|>Check "escalate"
    metric Retries "Re-entries" on Enter target <= 3 %
}`;

describe('hover on steps', () => {
    it('shows the step card from the model on the step name', async () => {
        await hover({
            text: TEXT, index: 0, disposeAfterCheck: true,
            hover: /\*\*Enter \\\*PIN\\\*\*\* \(`Enter`\)[\s\S]*lane: Customer actions[\s\S]*stage: At the counter \(`Counter`\)[\s\S]*channel: ATM \(`atm`\) — remote, self-service[\s\S]*segments: VIP customers \(`Vip`\)[\s\S]*evidence: PIN pad[\s\S]*wait: 2 min \(tolerance 1 min, exceeded\)[\s\S]*fail point: PIN mistyped; recovery: Offer re-entry[\s\S]*moment of truth: Trust[\s\S]*outgoing: `Check` \(escalation `=>`, escalate\)[\s\S]*metrics: Re-entries \(&lt;= 3 %\)/
        });
    });

    it('shows the same card on a reference to the step', async () => {
        await hover({
            text: TEXT, index: 7, disposeAfterCheck: true,
            hover: /\*\*Check the PIN\*\* \(`Check`\)[\s\S]*actor: `Teller`[\s\S]*channel: Branch \(`branch`\) — face-to-face[\s\S]*duration: 10 s \(tolerance 30 s\)[\s\S]*incoming: `Enter` \(escalation/
        });
    });
});

describe('hover on declarations', () => {
    it('shows label and usage count of a stage', async () => {
        await hover({ text: TEXT, index: 4, hover: /\*\*stage\*\* `Counter` — At the counter\n\nUsed 2 times\./, disposeAfterCheck: true });
    });

    it('shows label and usage count of an actor', async () => {
        await hover({ text: TEXT, index: 5, hover: /\*\*actor\*\* `Teller` — Teller\n\nUsed 1 time\./, disposeAfterCheck: true });
    });

    it('shows a persona with its segment, not a use count (nothing refers to a persona)', async () => {
        const text = 'blueprint B {\n    segment Vip "VIP customers"\n    persona <|>Ann "Ann, a retired teacher" in Vip\n    persona <|>Bob "Bob"\n}';
        await hover({ text, index: 0, hover: /^\*\*persona\*\* `Ann` — Ann, a retired teacher\n\nA customer of the segment VIP customers \(`Vip`\)\.$/, disposeAfterCheck: true });
        await hover({ text, index: 1, hover: /^\*\*persona\*\* `Bob` — Bob\n\nA customer the blueprint is designed for\.$/, disposeAfterCheck: true });
    });

    it('shows a built-in channel with its distance', async () => {
        await hover({ text: TEXT, index: 1, hover: /\*\*channel\*\* `atm` — ATM \(remote, self-service\)[\s\S]*Built in\./, disposeAfterCheck: true });
    });
});

describe('hover on keywords', () => {
    it('explains wait, fail and arrows', async () => {
        await hover({ text: TEXT, index: 2, hover: /^\*\*Wait point\*\* \(W\): where the customer waits .*tolerance/, disposeAfterCheck: true });
        await hover({ text: TEXT, index: 3, hover: /^\*\*Fail point\*\* \(F\): a step where the service is likely to go wrong .*`recovery`/, disposeAfterCheck: true });
    });

    it('explains the escalation arrow', async () => {
        await hover({ text: TEXT, index: 6, hover: /^\*\*Escalation\*\* \(`=>`\): a tracked hand-off to a second line/, disposeAfterCheck: true });
    });
});
