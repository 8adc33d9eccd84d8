/**
 * Properties of the time figures over the bundled examples and over generated blueprints (a fixed
 * seed: the same blueprints every run). The generated ones are chains of sections whose figures
 * are known in closed form (Shostack: alternatives by their shares, a fail point's corrective
 * sub-process by its rate, parallel work by its longest branch), so every figure is checked
 * against its own arithmetic; the relations hold for every blueprint: the expected time lies
 * between the shortest journey and the worst case, and falls below the most likely path only
 * when a less likely journey is shorter.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createBlueprintServices, loadAndValidate } from '@blueprint/language';
import { analyseBlueprint, type TimeAnalysis } from '@blueprint/model';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { describe, expect, it } from 'vitest';
import { modelOf } from '../diff/helpers.js';

/** Relations every analysis keeps, whatever its structure. */
function expectConsistent(time: TimeAnalysis, where: string): void {
    const expected = time.expected, likely = time.mostLikelyPath, worst = time.criticalPath;
    if (!expected || !likely || !worst) return;
    const eps = 1e-6;
    expect(expected.totalSeconds, `${where}: expected ≤ worst case`).toBeLessThanOrEqual(worst.totalSeconds + eps);
    expect(likely.totalSeconds, `${where}: most likely ≤ worst case`).toBeLessThanOrEqual(worst.totalSeconds + eps);
    for (const path of time.exceptionPaths) {
        expect(path.totalSeconds, `${where}: exception path ${path.from} → ${path.to} ≤ worst case`).toBeLessThanOrEqual(worst.totalSeconds + eps);
        if (path.probability !== undefined && likely.probability !== undefined) {
            expect(path.probability, `${where}: ${path.from} → ${path.to} is less likely`).toBeLessThanOrEqual(likely.probability + eps);
        }
    }
    // Below the most likely path only if the shares send some journeys along a shorter way.
    if (expected.totalSeconds < likely.totalSeconds - eps) {
        expect(time.exceptionPaths.some(path => path.totalSeconds < likely.totalSeconds - eps),
            `${where}: expected ${expected.totalSeconds} s < most likely ${likely.totalSeconds} s with no shorter journey`).toBe(true);
    }
    for (const part of ['waitSeconds', 'visibleSeconds', 'backstageSeconds'] as const) {
        expect(expected[part], `${where}: ${part}`).toBeGreaterThanOrEqual(-eps);
    }
    expect(expected.visibleSeconds + expected.backstageSeconds).toBeCloseTo(expected.totalSeconds, 6);
}

describe('the bundled examples', () => {
    const folder = fileURLToPath(new URL('../../examples/', import.meta.url));
    const names = readdirSync(folder).filter(name => name.endsWith('.blueprint'));

    it.each(names)('%s: expected, most likely, worst case and exception paths agree', async name => {
        const { Blueprint } = createBlueprintServices({ ...NodeFileSystem });
        const { documents } = await loadAndValidate(Blueprint, [URI.file(folder + name)]);
        const model = Blueprint.model.BlueprintModelProvider.getDocumentModel(documents[0])!;
        const analysis = analyseBlueprint(model);
        for (const time of [analysis.time, ...analysis.segments]) expectConsistent(time, `${name} ${time.segment ?? 'base'}`);
    });
});

/** Mulberry32: a small seeded generator, so the generated blueprints are the same on every run. */
function random(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

interface Figures { expected: number; worst: number; likely: number; chance: number }

/**
 * A blueprint of `sections` sections between the chain steps C0 … Cn, each with its figures worked
 * out by hand (the section's own steps; the chain steps are added once).
 */
function generate(seed: number): { text: string; figures: Figures; shorterJourney: boolean } {
    const next = random(seed);
    const int = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
    const sections = int(2, 6);
    const steps: string[] = [];
    const flows: string[] = [];
    let expected = 0, worst = 0, likely = 0, chance = 1;
    let shorterJourney = false;
    const chain: number[] = [];
    for (let i = 0; i <= sections; i++) {
        const seconds = int(1, 120);
        chain.push(seconds);
        expected += seconds; worst += seconds; likely += seconds;
    }
    const body: string[][] = chain.map(() => []);
    for (let i = 0; i < sections; i++) {
        const from = `C${i}`, to = `C${i + 1}`;
        const kind = ['plain', 'decision', 'return', 'rejoin', 'beside', 'unrated'][int(0, 5)];
        const a = int(1, 300), b = int(1, 300), p = int(51, 95);
        const share = p / 100;
        if (kind === 'plain') {
            flows.push(`flow ${from} -> ${to}`);
        } else if (kind === 'decision') {
            steps.push(`frontstage A${i} "A ${i}" { duration ${a} s }`, `frontstage B${i} "B ${i}" { duration ${b} s }`);
            flows.push(`decision ${from} "Which way?" { -> A${i} ${p} %, -> B${i} ${100 - p} % }`, `flow A${i} -> ${to}`, `flow B${i} -> ${to}`);
            expected += share * a + (1 - share) * b; worst += Math.max(a, b); likely += a; chance *= share;
            if (b < a) shorterJourney = true;
        } else if (kind === 'return' || kind === 'rejoin' || kind === 'unrated') {
            const rate = int(1, 40);
            body[i].push(`fail "Goes wrong ${i}"${kind === 'unrated' ? '' : ` rate ${rate} %`} recovery "Put it right" by R${i}`);
            steps.push(`backstage R${i} "Put it right ${i}" { duration ${a} s }`);
            flows.push(`flow ${from} -> ${to}`, kind === 'rejoin' ? `flow ${from} ~> R${i} ~> ${to}` : `flow ${from} ~> R${i} ~> ${from}`);
            if (kind !== 'unrated') { expected += rate / 100 * a; chance *= 1 - rate / 100; }
            worst += a;
        } else {
            // an alternative beside parallel work that joins at the next chain step (t/mlp.blueprint)
            const w = int(1, 300);
            steps.push(`frontstage A${i} "A ${i}" { duration ${a} s }`, `frontstage B${i} "B ${i}" { duration ${b} s }`, `backstage P${i} "P ${i}" { duration ${w} s }`);
            flows.push(`decision ${from} "Which way?" { -> A${i} ${p} %, -> B${i} ${100 - p} % }`, `parallel ${from} "Meanwhile" { ~> P${i} } join ${to}`,
                `flow A${i} -> ${to}`, `flow B${i} -> ${to}`, `flow P${i} -> ${to}`);
            expected += share * Math.max(a, w) + (1 - share) * Math.max(b, w); worst += Math.max(a, b, w); likely += Math.max(a, w); chance *= share;
            if (Math.max(b, w) < Math.max(a, w)) shorterJourney = true;
        }
    }
    const chainSteps = chain.map((seconds, i) => i === 0
        ? `customer C0 "Start" via web { evidence "Page" duration ${seconds} s start ${body[0].join(' ')} }`
        : `frontstage C${i} "Step ${i}" via web { duration ${seconds} s ${i === sections ? 'end ' : ''}${body[i].join(' ')} }`);
    return {
        text: `blueprint G${seed} "Generated ${seed}" {\n    ${[...chainSteps, ...steps, ...flows].join('\n    ')}\n}`,
        figures: { expected, worst, likely, chance },
        shorterJourney
    };
}

describe('generated blueprints: decisions, recoveries that return or rejoin, unrated ones, alternatives beside parallel work', () => {
    const seeds = Array.from({ length: 60 }, (_, i) => 1000 + i);

    it.each(seeds)('seed %i', async seed => {
        const { text, figures, shorterJourney } = generate(seed);
        const time = analyseBlueprint(await modelOf(text)).time;
        expect(time.expected!.totalSeconds, text).toBeCloseTo(figures.expected, 6);
        expect(time.criticalPath!.totalSeconds, text).toBeCloseTo(figures.worst, 6);
        expect(time.mostLikelyPath!.totalSeconds, text).toBeCloseTo(figures.likely, 6);
        expect(time.mostLikelyPath!.probability!, text).toBeCloseTo(figures.chance, 9);
        expect(time.loops, text).toEqual([]);
        expectConsistent(time, `seed ${seed}`);
        // Recoveries only add time: the expected time is below the most likely one only through a shorter alternative.
        if (!shorterJourney) expect(time.expected!.totalSeconds, text).toBeGreaterThanOrEqual(time.mostLikelyPath!.totalSeconds - 1e-6);
    });
});
