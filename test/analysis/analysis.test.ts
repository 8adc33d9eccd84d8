import { describe, expect, it } from 'vitest';
import { analyseBlueprint, analyseTime } from '@blueprint/model';
import { modelOf } from '../diff/helpers.js';

describe('time analysis', () => {
    it('sums durations and waits along a sequence, split by the line of visibility', async () => {
        const model = await modelOf(`blueprint T "T" {
            customer A "Arrive" via branch { evidence "Door" duration 1 min start }
            customer W "Wait" { evidence "Sofa" wait 5 min tolerance 10 min }
            frontstage S "Serve" { duration 3 min }
            backstage B "Book" { duration 30 s }
            frontstage H "Hand over" { duration 30 s evidence "Receipt" }
            customer L "Leave" { evidence "Receipt" end }
            flow A -> W -> S -> B -> H -> L
        }`);
        const time = analyseTime(model);
        // A 60 + W 300 + S 180 + B 30 + H 30 = 600 s; L has no time (unknown, not zero)
        expect(time.criticalPath?.steps).toEqual(['A', 'W', 'S', 'B', 'H', 'L']);
        expect(time.criticalPath?.totalSeconds).toBe(600);
        expect(time.criticalPath?.waitSeconds).toBe(300);
        // visible: A 60 + W 300 + S 180 + H 30 = 570; backstage: B 30
        expect(time.criticalPath?.visibleSeconds).toBe(570);
        expect(time.criticalPath?.backstageSeconds).toBe(30);
        expect(time.criticalPath?.unknownSteps).toEqual(['L']);
        expect(time.waits).toEqual([{ step: 'W', expectedSeconds: 300, toleranceSeconds: 600, exceeded: false }]);
    });

    it('treats parallel branches as parallel: the critical path is the longest branch, not the sum', async () => {
        const model = await modelOf(`blueprint P "P" {
            tolerance 10 min
            customer A "Apply" via web { evidence "Form" duration 2 min start }
            frontstage C "Confirm" { duration 1 min }
            backstage K "Credit check" { duration 6 min }
            backstage F "Fraud check" { duration 4 min }
            frontstage D "Decide" { duration 1 min }
            customer R "Read decision" { evidence "Letter" end }
            flow A -> C
            flow C -> K -> D
            flow C -> F -> D
            flow D -> R
        }`);
        const time = analyseTime(model);
        // A 120 + C 60 + max(K 360, F 240) + D 60 = 600 s
        expect(time.criticalPath?.steps).toEqual(['A', 'C', 'K', 'D', 'R']);
        expect(time.criticalPath?.totalSeconds).toBe(600);
        // undeclared branches count as parallel work: the expected time is the longest branch too
        expect(time.expected?.totalSeconds).toBe(600);
        expect(time.undeclaredBranches).toEqual(['C']);
        // 600 s is not above the 10 min tolerance
        expect(time.toleranceExceeded).toBe(false);
    });

    it('reports loops instead of summing them', async () => {
        const model = await modelOf(`blueprint L "L" {
            customer Give "Give feedback" via app { evidence "Survey" duration 2 min start }
            backstage Analyse "Analyse" { duration 1 h }
            backstage Plan "Plan" { duration 2 h }
            frontstage Tell "Tell what changed" via email { duration 1 min evidence "Newsletter" }
            flow Give -> Tell
            flow Tell ~> Analyse -> Plan
            flow Plan -> Tell loop
        }`);
        const time = analyseTime(model);
        expect(time.loops).toEqual([{ from: 'Plan', to: 'Tell' }]);
        // Give 120 + Tell 60 + Analyse 3600 + Plan 7200 = 10980 s, the loop back to Tell not counted again
        expect(time.criticalPath?.totalSeconds).toBe(10980);
    });

    it('detects undeclared cycles as loops too, and terminates', async () => {
        const model = await modelOf(`blueprint C "C" {
            customer A "A" via app { evidence "x" duration 1 s start }
            frontstage B "B" { duration 2 s }
            frontstage D "D" { duration 3 s end }
            flow A -> B -> D -> B
        }`);
        const time = analyseTime(model);
        expect(time.loops).toEqual([{ from: 'D', to: 'B' }]);
        expect(time.criticalPath?.totalSeconds).toBe(6);
    });

    it('flags a process above its tolerance', async () => {
        const model = await modelOf(`blueprint S "S" {
            tolerance 5 min
            customer A "A" via branch { evidence "x" wait 4 min tolerance 3 min start }
            frontstage B "B" { duration 2 min end }
            flow A -> B
        }`);
        const time = analyseTime(model);
        expect(time.criticalPath?.totalSeconds).toBe(360);
        expect(time.toleranceExceeded).toBe(true);
        expect(time.waits[0].exceeded).toBe(true);
    });

    it('computes segment variants side by side', async () => {
        const model = await modelOf(`blueprint V "V" {
            segment Gold "Gold"
            segment Basic "Basic"
            customer Enter "Enter" via store { evidence "Door" duration 1 min start }
            customer Queue "Queue" for Basic { evidence "Ticket" wait 10 min }
            customer Lounge "Lounge" for Gold { evidence "Lounge" wait 2 min }
            frontstage Serve "Serve" { duration 5 min end }
            flow Enter -> Queue -> Serve
            flow Enter -> Lounge -> Serve
        }`);
        const analysis = analyseBlueprint(model);
        // base path: Enter -> Serve has no direct flow, so the base variant stops at Enter
        expect(analysis.time.criticalPath?.steps).toEqual(['Enter']);
        const gold = analysis.segments.find(s => s.segment === 'Gold')!;
        const basic = analysis.segments.find(s => s.segment === 'Basic')!;
        // Gold: 60 + 120 + 300 = 480 s; Basic: 60 + 600 + 300 = 960 s
        expect(gold.criticalPath?.totalSeconds).toBe(480);
        expect(gold.criticalPath?.steps).toEqual(['Enter', 'Lounge', 'Serve']);
        expect(basic.criticalPath?.totalSeconds).toBe(960);
        expect(basic.criticalPath?.waitSeconds).toBe(600);
    });
});

describe('service analysis', () => {
    it('lists touchpoints with channel, actors, evidence and moments of truth', async () => {
        const model = await modelOf(`blueprint H "H" {
            actor Agent "Agent"
            customer Call "Call the hotline" via hotline { evidence "Hold music" moment "First impression" start }
            frontstage Answer "Answer" by Agent via hotline { duration 15 s }
            customer Hear "Hear the answer" { evidence "Reference number" end }
            flow Call -> Answer -> Hear
        }`);
        const analysis = analyseBlueprint(model);
        expect(analysis.touchpoints).toEqual([
            { step: 'Call', label: 'Call the hotline', stage: undefined, channel: 'hotline', channelLabel: 'Hotline', distance: 'phone',
                selfService: false, actors: ['Agent'], evidence: ['Hold music'], momentOfTruth: true, failPoints: 0 },
            { step: 'Hear', label: 'Hear the answer', stage: undefined, channel: 'hotline', channelLabel: 'Hotline', distance: 'phone',
                selfService: false, actors: ['Agent'], evidence: ['Reference number'], momentOfTruth: false, failPoints: 0 }
        ]);
    });

    it('measures fail-point coverage by lane and stage, and fail points on moments of truth', async () => {
        const model = await modelOf(`blueprint F "F" {
            stage One "One"
            customer A "A" in One via app { evidence "x" moment fail "Crash" recovery "Restart" start }
            frontstage B "B" in One { fail "Timeout" }
            backstage C "C" { fail "Data lost" prevention "Backups" end }
            flow A -> B -> C
        }`);
        const coverage = analyseBlueprint(model).failPoints;
        expect(coverage.total).toBe(3);
        expect(coverage.covered).toBe(2);
        expect(coverage.share).toBeCloseTo(2 / 3);
        expect(coverage.byLane).toEqual({ customer: { total: 1, covered: 1 }, frontstage: { total: 1, covered: 0 }, backstage: { total: 1, covered: 1 } });
        expect(coverage.byStage).toEqual({ One: { total: 2, covered: 1 }, '(no stage)': { total: 1, covered: 1 } });
        expect(coverage.onMomentsOfTruth.map(e => e.cause)).toEqual(['Crash']);
    });

    it('lists hand-offs and escalations and whether they return to the customer', async () => {
        const model = await modelOf(`blueprint E "E" {
            customer Ask "Ask" via hotline { evidence "x" start }
            frontstage First "First line" via hotline
            backstage Second "Second line"
            support Ticket "Ticket system" { end }
            frontstage Back "Call back" via hotline
            customer Hear "Hear answer" { evidence "y" end }
            flow Ask -> First => Second -> Back -> Hear
            flow Second ~> Ticket
        }`);
        const handOffs = analyseBlueprint(model).handOffs;
        expect(handOffs).toEqual([
            { from: 'First', to: 'Second', kind: 'escalation', returnsToCustomer: true, crossesInternalLine: false },
            { from: 'Second', to: 'Ticket', kind: 'hand-off', returnsToCustomer: false, crossesInternalLine: true }
        ]);
    });
});
