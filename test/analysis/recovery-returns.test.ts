/**
 * Recoveries that return to their fail step, recoveries inside recoveries and beside rework, and
 * alternatives beside parallel work: the journeys are timed to their end (Shostack: the corrective
 * sub-process in the share of cases that fail; parallel work counts its longest branch). Reduced
 * from a newcomer's trial (t/rec.blueprint, t/mlp.blueprint); the arithmetic is beside each figure.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseTime, pathText } from '@blueprint/model';
import { modelOf } from '../diff/helpers.js';

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');

const REC = fixture('recovery-returns.blueprint');

describe('a recovery that returns to its fail step', () => {
    it('resumes the step and goes on to the end: expected, worst case and the exception path count the journey back', async () => {
        const time = analyseTime(await modelOf(REC));
        // without the failure: Arrive 60 + Register 180 + Treat 3600 + Leave 60 = 3900 s
        // the corrective sub-process: Lookup 60 s in 10 % of visits; then Register goes on
        // expected = 3900 + 0.1 × 60 = 3906 s (65 min 6 s), no less than the most likely 3900 s
        expect(time.expected?.totalSeconds).toBe(3906);
        expect(time.expected?.backstageSeconds).toBe(6);
        expect(time.mostLikelyPath).toMatchObject({ steps: ['Arrive', 'Register', 'Treat', 'Leave'], totalSeconds: 3900 });
        expect(time.mostLikelyPath?.probability).toBeCloseTo(0.9, 12);
        // worst case: through the lookup and back on, 3900 + 60 = 3960 s; the resumed step is not listed again
        expect(time.criticalPath).toMatchObject({ steps: ['Arrive', 'Register', 'Lookup', 'Treat', 'Leave'], totalSeconds: 3960, backstageSeconds: 60 });
        expect(time.exceptionPaths).toEqual([expect.objectContaining({
            kind: 'recovery', from: 'Register', to: 'Lookup', share: 0.1, totalSeconds: 3960, steps: ['Arrive', 'Register', 'Lookup', 'Treat', 'Leave']
        })]);
        expect(time.exceptionPaths[0].probability).toBeCloseTo(0.1, 12);
        // the return is the recovery's way back, summed: no loop left out
        expect(time.loops).toEqual([]);
        expect(time.rework).toEqual([]);
    });

    it('written with `loop`, the return is the same way back', async () => {
        const time = analyseTime(await modelOf(REC.replace('flow Register ~> Lookup ~> Register', 'flow Register ~> Lookup\n    flow Lookup ~> Register loop')));
        expect(time.expected?.totalSeconds).toBe(3906);
        expect(time.criticalPath?.totalSeconds).toBe(3960);
        expect(time.loops).toEqual([]);
    });

    it('without a rate: left out of the expected time and listed; the worst case and its exception path still go round', async () => {
        const time = analyseTime(await modelOf(REC.replace(' rate 10 %', '')));
        expect(time.expected?.totalSeconds).toBe(3900);
        expect(time.unratedRecoveries).toEqual([{ step: 'Register', cause: 'Insurance missing' }]);
        expect(time.criticalPath?.totalSeconds).toBe(3960);
        expect(time.exceptionPaths[0]).toMatchObject({ kind: 'recovery', totalSeconds: 3960 });
        expect(time.exceptionPaths[0].probability).toBeUndefined();
        expect(time.loops).toEqual([]);
    });

    it('a way back that repeats is rework inside the recovery: the step and the sub-process again, per repeat', async () => {
        const time = analyseTime(await modelOf(REC.replace('flow Register ~> Lookup ~> Register', 'flow Register ~> Lookup\n    flow Lookup ~> Register loop 20 %')));
        // one more pass: Register 180 + Lookup 60 = 240 s, 0.2 / 0.8 = 0.25 extra passes = 60 s, in the 10 % that fail
        // expected = 3900 + 0.1 × (60 + 60) = 3912 s; worst case: 3960 + one more pass 240 = 4200 s
        expect(time.rework).toEqual([{ from: 'Lookup', to: 'Register', expectedRepeats: 0.25, worstRepeats: 1, bodySeconds: 240 }]);
        expect(time.expected?.totalSeconds).toBe(3912);
        expect(time.criticalPath?.totalSeconds).toBe(4200);
        expect(time.loops).toEqual([]);
    });

    it('a recovery inside a recovery returns to its own fail step, and both go on to the end', async () => {
        const text = REC.replace('support Lookup "Look up insurance" { duration 1 min }',
            'support Lookup "Look up insurance" { duration 1 min fail "System down" rate 20 % recovery "Phone the insurer" by Phone }\n'
            + '    backstage Phone "Phone the insurer" { duration 5 min }')
            .replace('flow Register ~> Lookup ~> Register', 'flow Register ~> Lookup ~> Register\n    flow Lookup ~> Phone ~> Lookup');
        const time = analyseTime(await modelOf(text));
        // from Lookup: 60 + 0.2 × Phone 300 = 120 s, then Register goes on: 3900 + 0.1 × 120 = 3912 s
        expect(time.expected?.totalSeconds).toBe(3912);
        // worst case: both recoveries, 3900 + 60 + 300 = 4260 s
        expect(time.criticalPath).toMatchObject({ steps: ['Arrive', 'Register', 'Lookup', 'Phone', 'Treat', 'Leave'], totalSeconds: 4260 });
        const byCause = Object.fromEntries(time.exceptionPaths.map(p => [p.label, p]));
        // the lookup works: 3960 s in 10 % × 80 %; the phone call as well: 4260 s in 10 % × 20 %
        expect(byCause['Insurance missing']).toMatchObject({ totalSeconds: 3960 });
        expect(byCause['Insurance missing'].probability).toBeCloseTo(0.08, 12);
        expect(byCause['System down']).toMatchObject({ totalSeconds: 4260, steps: ['Arrive', 'Register', 'Lookup', 'Phone', 'Treat', 'Leave'] });
        expect(byCause['System down'].probability).toBeCloseTo(0.02, 12);
        expect(time.loops).toEqual([]);
    });

    it('a recovery that goes back before its fail step does the steps from there again, the fail step too', async () => {
        const text = REC.replace('support Lookup', 'frontstage Desk "Go to the desk" via branch { duration 2 min }\n    support Lookup')
            .replace('flow Arrive -> Register', 'flow Arrive -> Desk -> Register')
            .replace('flow Register ~> Lookup ~> Register', 'flow Register ~> Lookup ~> Desk');
        const time = analyseTime(await modelOf(text));
        // without the failure: 3900 + Desk 120 = 4020 s; failing (10 %): Lookup 60 + Desk 120 + Register 180 again = 360 s
        // expected = 4020 + 0.1 × 360 = 4056 s; worst case 4020 + 360 = 4380 s
        expect(time.expected?.totalSeconds).toBe(4056);
        expect(time.criticalPath?.totalSeconds).toBe(4380);
        expect(time.exceptionPaths[0]).toMatchObject({ kind: 'recovery', totalSeconds: 4380 });
        expect(time.loops).toEqual([]);
    });

    it('a recovery that rejoins a later step skips what lies between', async () => {
        const text = REC.replace('frontstage Treat "Treat" via branch { duration 60 min }',
            'frontstage Treat "Treat" via branch { duration 60 min }\n    frontstage Refer "Refer elsewhere" via branch { duration 2 min }')
            .replace('flow Register ~> Lookup ~> Register', 'flow Register ~> Lookup ~> Refer -> Leave');
        const time = analyseTime(await modelOf(text));
        // 90 %: 3900 s; 10 %: Arrive 60 + Register 180 + Lookup 60 + Refer 120 + Leave 60 = 480 s
        // expected = 0.9 × 3900 + 0.1 × 480 = 3558 s
        expect(time.expected?.totalSeconds).toBe(3558);
        // here the shares make the expected time less than the most likely path: the exception is shorter
        expect(time.exceptionPaths[0]).toMatchObject({ totalSeconds: 480, steps: ['Arrive', 'Register', 'Lookup', 'Refer', 'Leave'] });
        expect(time.mostLikelyPath?.totalSeconds).toBe(3900);
        expect(time.criticalPath?.totalSeconds).toBe(3900);
    });
});

const MLP = fixture('decision-beside-parallel.blueprint');

describe('an alternative beside parallel work', () => {
    it('every path does the parallel work whichever alternative it takes, and names the alternative', async () => {
        const time = analyseTime(await modelOf(MLP));
        // Order 60 + Take 60 + max(payment, Cook 600) + Serve 60 + Eat 1200 = 1980 s for either payment
        expect(time.expected?.totalSeconds).toBe(1980);
        expect(time.mostLikelyPath).toMatchObject({ totalSeconds: 1980, backstageSeconds: 600, visibleSeconds: 1380 });
        expect(time.mostLikelyPath?.probability).toBeCloseTo(0.8, 12);
        expect(time.mostLikelyPath?.parallel).toEqual([{ at: 'Take', branches: [['PayCard'], ['Cook']], join: 'Serve' }]);
        const label = (id: string) => ({ Order: 'Order', Take: 'Take the order', PayCard: 'Pay by card', PayCash: 'Pay cash', Cook: 'Cook', Serve: 'Serve', Eat: 'Eat' })[id] ?? id;
        expect(pathText(time.mostLikelyPath!, label)).toBe('Order → Take the order → Pay by card ∥ Cook → Serve → Eat');
        // paying cash: 2 min beside the 10 min of cooking, still 1980 s (not 1500 s without the cooking)
        expect(time.exceptionPaths).toHaveLength(1);
        expect(time.exceptionPaths[0]).toMatchObject({ kind: 'alternative', from: 'Take', to: 'PayCash', totalSeconds: 1980, backstageSeconds: 600 });
        expect(time.exceptionPaths[0].probability).toBeCloseTo(0.2, 12);
        expect(pathText(time.exceptionPaths[0], label)).toBe('Order → Take the order → Pay cash ∥ Cook → Serve → Eat');
    });

    it('when the alternative takes longer than the parallel work, the alternative decides the time', async () => {
        const time = analyseTime(await modelOf(MLP.replace('Cook" { duration 10 min }', 'Cook" { duration 90 s }').replace('evidence "Till" duration 2 min', 'evidence "Till" duration 5 min')));
        // card: 60 + 60 + max(60, 90) + 60 + 1200 = 1470 s; cash: 60 + 60 + max(300, 90) + 60 + 1200 = 1680 s
        expect(time.mostLikelyPath?.totalSeconds).toBe(1470);
        expect(time.exceptionPaths[0].totalSeconds).toBe(1680);
        // expected 0.8 × 1470 + 0.2 × 1680 = 1512 s; the worst case pays cash
        expect(time.expected?.totalSeconds).toBe(1512);
        expect(time.criticalPath?.totalSeconds).toBe(1680);
    });

    it('shares written on the flows make the same paths', async () => {
        const time = analyseTime(await modelOf(MLP.replace(/decision Take[^}]*}/, 'flow Take -> PayCard 80 %\n    flow Take -> PayCash 20 %')));
        expect(time.exceptionPaths[0].totalSeconds).toBe(1980);
        expect(time.mostLikelyPath?.parallel).toEqual([{ at: 'Take', branches: [['PayCard'], ['Cook']], join: 'Serve' }]);
    });
});
