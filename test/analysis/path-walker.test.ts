/**
 * The paths the time analysis writes out (most likely, worst case, exception paths) where rework
 * loops and decisions sit inside the branches of other decisions: one walker lists each path's
 * steps, its passes round a loop and its unknown steps. Every expectation is worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { analyseTime, pathText } from '@blueprint/model';
import { modelOf } from '../diff/helpers.js';

const blueprint = (body: string) => `blueprint Walk "Paths through branches" {\n${body}\n}`;

describe('a rework loop with a count inside a branch', () => {
    it('in the likely branch: the most likely path and the worst case go round it, the exception does not', async () => {
        const time = analyseTime(await modelOf(blueprint(`
    customer A "A" { duration 10 s start }
    frontstage B "B" { duration 20 s }
    frontstage C "C" { duration 30 s }
    frontstage D "D" { duration 40 s }
    frontstage X "X" { duration 100 s }
    customer E "E" { duration 5 s end }
    decision A "Which way?" { -> B 80 %, -> X 20 % }
    flow B -> C -> D -> E
    flow D -> C "Again" loop 2 times
    flow X -> E`)));
        // C and D three times in all: 10 + 20 + 3 × (30 + 40) + 5 = 245 s
        expect(time.mostLikelyPath?.steps).toEqual(['A', 'B', 'C', 'D', 'C', 'D', 'C', 'D', 'E']);
        expect(time.mostLikelyPath?.totalSeconds).toBe(245);
        expect(time.mostLikelyPath?.probability).toBeCloseTo(0.8, 9);
        // the other branch, 10 + 100 + 5 = 115 s, is shorter: the worst case is the loop's
        expect(time.criticalPath?.steps).toEqual(['A', 'B', 'C', 'D', 'C', 'D', 'C', 'D', 'E']);
        expect(time.criticalPath?.totalSeconds).toBe(245);
        // expected: 10 + 0.8 × (20 + 210) + 0.2 × 100 + 5 = 219 s
        expect(time.expected?.totalSeconds).toBe(219);
        expect(time.exceptionPaths).toHaveLength(1);
        expect(time.exceptionPaths[0]).toMatchObject({ kind: 'alternative', from: 'A', to: 'X', steps: ['A', 'X', 'E'], totalSeconds: 115 });
        expect(time.exceptionPaths[0].probability).toBeCloseTo(0.2, 9);
    });

    it('in the less likely branch: the exception path goes round it as many times as the count says', async () => {
        const time = analyseTime(await modelOf(blueprint(`
    customer A "A" { duration 10 s start }
    frontstage B "B" { duration 20 s }
    frontstage X "X" { duration 100 s }
    frontstage Y "Y" { duration 50 s }
    customer E "E" { duration 5 s end }
    decision A "Which way?" { -> B 80 %, -> X 20 % }
    flow B -> E
    flow X -> Y -> E
    flow Y -> X "Redo" loop 3 times`)));
        expect(time.mostLikelyPath?.steps).toEqual(['A', 'B', 'E']);
        expect(time.mostLikelyPath?.totalSeconds).toBe(35);
        // X and Y four times: 10 + 4 × 150 + 5 = 615 s, the worst case too
        const redo = ['A', 'X', 'Y', 'X', 'Y', 'X', 'Y', 'X', 'Y', 'E'];
        expect(time.exceptionPaths).toHaveLength(1);
        expect(time.exceptionPaths[0]).toMatchObject({ from: 'A', to: 'X', steps: redo, totalSeconds: 615 });
        expect(time.exceptionPaths[0].probability).toBeCloseTo(0.2, 9);
        expect(time.criticalPath?.steps).toEqual(redo);
        expect(time.criticalPath?.totalSeconds).toBe(615);
        // expected: 10 + 0.8 × 20 + 0.2 × 600 + 5 = 151 s
        expect(time.expected?.totalSeconds).toBe(151);
    });
});

describe('a decision inside the branch of another', () => {
    const NESTED = blueprint(`
    customer A "A" { duration 10 s start }
    frontstage B "B" { duration 20 s }
    frontstage C "C" { duration 200 s }
    frontstage D "D" { duration 30 s }
    frontstage F "F" { duration 300 s }
    customer G "G" { }
    customer E "E" { duration 5 s end }
    decision A "Outer?" { -> B 70 %, -> C 30 % }
    decision B "Inner?" { -> D 90 %, -> F 10 % }
    flow D -> G -> E
    flow F -> E
    flow C -> E`);

    it('each decision has its exception path: the way to it, the branch, the likely way on', async () => {
        const time = analyseTime(await modelOf(NESTED));
        // most likely: A B D G E, 10 + 20 + 30 + 5 = 65 s, 0.7 × 0.9 = 63 % of journeys; G has no time
        expect(time.mostLikelyPath).toMatchObject({ steps: ['A', 'B', 'D', 'G', 'E'], totalSeconds: 65, unknownSteps: ['G'] });
        expect(time.mostLikelyPath?.probability).toBeCloseTo(0.63, 9);
        const outer = time.exceptionPaths.find(path => path.from === 'A');
        const inner = time.exceptionPaths.find(path => path.from === 'B');
        expect(time.exceptionPaths).toHaveLength(2);
        // the outer one: A C E, 215 s, 30 %
        expect(outer).toMatchObject({ to: 'C', steps: ['A', 'C', 'E'], totalSeconds: 215, unknownSteps: [] });
        expect(outer?.probability).toBeCloseTo(0.3, 9);
        expect(outer?.share).toBeCloseTo(0.3, 9);
        // the inner one: the likely way to B, then F: A B F E, 335 s, 0.7 × 0.1 = 7 % of journeys, 10 % of its decision
        expect(inner).toMatchObject({ to: 'F', steps: ['A', 'B', 'F', 'E'], totalSeconds: 335, unknownSteps: [] });
        expect(inner?.probability).toBeCloseTo(0.07, 9);
        expect(inner?.share).toBeCloseTo(0.1, 9);
        // worst case: the inner exception's way; expected 10 + 0.7 × (20 + 0.9 × 30 + 0.1 × 300) + 0.3 × 200 + 5 = 128.9 s
        expect(time.criticalPath).toMatchObject({ steps: ['A', 'B', 'F', 'E'], totalSeconds: 335 });
        expect(time.expected?.totalSeconds).toBeCloseTo(128.9, 6);
        expect(time.expected?.unknownSteps).toEqual(['G']);
    });
});

describe('parallel work after a fork that has another fork in its branch', () => {
    it('the later fork is still listed on the path and written side by side', async () => {
        const time = analyseTime(await modelOf(blueprint(`
    customer A "A" { duration 10 s start }
    frontstage B "B" { duration 20 s }
    frontstage P "P" { duration 15 s }
    frontstage Q "Q" { duration 25 s }
    frontstage R "R" { duration 5 s }
    frontstage J "J" { duration 1 s }
    frontstage K "K" { duration 50 s }
    frontstage L "L" { duration 7 s }
    customer E "E" { duration 5 s end }
    parallel A "Outer" { -> B, -> P } join J
    parallel B "Inner" { -> Q, -> R } join J
    flow Q -> J
    flow R -> J
    flow P -> J
    parallel J "Later" { -> K, -> L } join E
    flow K -> E
    flow L -> E`)));
        const path = time.mostLikelyPath!;
        // the longest branches decide: A, B, Q (45 s against P's 15), J, K (50 s against L's 7), E: 10 + 20 + 25 + 1 + 50 + 5 = 111 s
        expect(path.totalSeconds).toBe(111);
        expect(path.parallel?.map(fork => fork.at)).toEqual(['A', 'B', 'J']);
        // B's own fork is written as its branch's steps (R is not listed on its own); J's fork after the join is listed (it was lost)
        expect(path.steps).toEqual(['A', 'B', 'Q', 'P', 'J', 'K', 'L', 'E']);
        expect(pathText(path, id => id)).toBe('A → (B → Q ∥ P) → J → K ∥ L → E');
    });
});
