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
import { analyseBlueprint, type BlueprintModel, type TimeAnalysis } from '@blueprint/model';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { describe, expect, it } from 'vitest';
import { modelOf } from '../diff/helpers.js';

/** Relations every analysis keeps, whatever its structure. */
function expectConsistent(time: TimeAnalysis, where: string, model?: BlueprintModel): void {
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
    // A path lists every branch it takes where it forks: the alternative its chance stands for, too.
    // (A fork within another fork's branch is not listed on its own yet: only the outer ones here.)
    for (const path of [likely, ...time.exceptionPaths]) {
        const inBranch = new Set<string>();
        for (const fork of path.parallel ?? []) {
            if (inBranch.has(fork.at)) continue;
            for (const step of fork.branches.flat()) {
                expect(path.steps, `${where}: a branch from ${fork.at}`).toContain(step);
                inBranch.add(step);
            }
        }
    }
    if (!model || time.segment !== undefined) return;
    // An alternative's chance is its decision's own share, whatever may go wrong at the step first.
    const onBasePath = new Set(model.steps.filter(step => step.segments.length === 0 && !step.independent).map(step => step.id));
    for (const path of time.exceptionPaths) {
        if (path.kind !== 'alternative') continue;
        const alternatives = model.flows.filter(flow => flow.from === path.from && flow.probability !== undefined && !flow.loop && onBasePath.has(flow.to));
        const declared = alternatives.find(flow => flow.to === path.to)?.probability;
        if (declared === undefined) continue;
        const total = alternatives.reduce((sum, flow) => sum + flow.probability!, 0);
        expect(path.share, `${where}: the chance of ${path.from} → ${path.to}`).toBeCloseTo(declared / total, 9);
    }
}

describe('the bundled examples', () => {
    const folder = fileURLToPath(new URL('../../examples/', import.meta.url));
    const names = readdirSync(folder).filter(name => name.endsWith('.blueprint'));

    it.each(names)('%s: expected, most likely, worst case and exception paths agree', async name => {
        const { Blueprint } = createBlueprintServices({ ...NodeFileSystem });
        const { documents } = await loadAndValidate(Blueprint, [URI.file(folder + name)]);
        const model = Blueprint.model.BlueprintModelProvider.getDocumentModel(documents[0])!;
        const analysis = analyseBlueprint(model);
        for (const time of [analysis.time, ...analysis.segments]) expectConsistent(time, `${name} ${time.segment ?? 'base'}`, model);
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

interface Figures {
    expected: number; worst: number; likely: number; chance: number;
    /** The time of every step the most likely path and the worst case list (each pass round a loop again; parallel work beside the chosen alternative too). */
    likelyListed: number; worstListed: number;
    /** Steps the most likely path must list: each chosen alternative and the parallel work beside it. */
    likelySteps: string[];
    /** Each alternative that is an exception, with its own share in its decision. */
    branchShares: Array<{ from: string; to: string; share: number }>;
}

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
    let expected = 0, worst = 0, likely = 0, chance = 1, likelyListed = 0, worstListed = 0;
    const likelySteps: string[] = [];
    const branchShares: Figures['branchShares'] = [];
    let shorterJourney = false;
    const chain: number[] = [];
    for (let i = 0; i <= sections; i++) {
        const seconds = int(1, 120);
        chain.push(seconds);
        expected += seconds; worst += seconds; likely += seconds; likelyListed += seconds; worstListed += seconds;
    }
    const body: string[][] = chain.map(() => []);
    for (let i = 0; i < sections; i++) {
        const from = `C${i}`, to = `C${i + 1}`;
        const kind = ['plain', 'decision', 'return', 'rejoin', 'beside', 'unrated', 'failing-decision', 'redo-times', 'redo-chance'][int(0, 8)];
        const a = int(1, 300), b = int(1, 300), p = int(51, 95);
        const share = p / 100;
        if (kind === 'plain') {
            flows.push(`flow ${from} -> ${to}`);
        } else if (kind === 'decision') {
            steps.push(`frontstage A${i} "A ${i}" { duration ${a} s }`, `frontstage B${i} "B ${i}" { duration ${b} s }`);
            flows.push(`decision ${from} "Which way?" { -> A${i} ${p} %, -> B${i} ${100 - p} % }`, `flow A${i} -> ${to}`, `flow B${i} -> ${to}`);
            expected += share * a + (1 - share) * b; worst += Math.max(a, b); likely += a; chance *= share;
            likelyListed += a; worstListed += Math.max(a, b);
            likelySteps.push(`A${i}`);
            branchShares.push({ from, to: `B${i}`, share: 1 - share });
            if (b < a) shorterJourney = true;
        } else if (kind === 'failing-decision') {
            // The deciding step can also fail (visit3.blueprint): its recovery returns, then the decision is made.
            const rate = int(1, 40), r = int(1, 300);
            body[i].push(`fail "Goes wrong ${i}" rate ${rate} % recovery "Put it right" by R${i}`);
            steps.push(`frontstage A${i} "A ${i}" { duration ${a} s }`, `frontstage B${i} "B ${i}" { duration ${b} s }`, `backstage R${i} "Put it right ${i}" { duration ${r} s }`);
            flows.push(`decision ${from} "Which way?" { -> A${i} ${p} %, -> B${i} ${100 - p} % }`, `flow A${i} -> ${to}`, `flow B${i} -> ${to}`,
                `flow ${from} ~> R${i} ~> ${from}`);
            expected += rate / 100 * r + share * a + (1 - share) * b; worst += r + Math.max(a, b); likely += a; chance *= (1 - rate / 100) * share;
            likelyListed += a; worstListed += r + Math.max(a, b);
            likelySteps.push(`A${i}`);
            // The branch's chance is the decision's own share; only its share of journeys is less (some fail first).
            branchShares.push({ from, to: `B${i}`, share: 1 - share });
            if (b < a) shorterJourney = true;
        } else if (kind === 'redo-times' || kind === 'redo-chance') {
            // A rework loop over the section (loop.blueprint, loop2.blueprint): a fixed count is gone
            // round by every journey; a chance splits them, and the most likely one does not repeat.
            const pass = chain[i] + chain[i + 1];
            const times = int(1, 3), repeat = int(5, 45) / 100;
            flows.push(`flow ${from} -> ${to}`, `flow ${to} -> ${from} "Redo" loop ${kind === 'redo-times' ? `${times} times` : `${Math.round(repeat * 100)} %`}`);
            if (kind === 'redo-times') {
                expected += times * pass; worst += times * pass; likely += times * pass;
                likelyListed += times * pass; worstListed += times * pass;
            } else {
                expected += repeat / (1 - repeat) * pass; worst += pass; chance *= 1 - repeat;
                worstListed += pass;
            }
        } else if (kind === 'return' || kind === 'rejoin' || kind === 'unrated') {
            const rate = int(1, 40);
            body[i].push(`fail "Goes wrong ${i}"${kind === 'unrated' ? '' : ` rate ${rate} %`} recovery "Put it right" by R${i}`);
            steps.push(`backstage R${i} "Put it right ${i}" { duration ${a} s }`);
            flows.push(`flow ${from} -> ${to}`, kind === 'rejoin' ? `flow ${from} ~> R${i} ~> ${to}` : `flow ${from} ~> R${i} ~> ${from}`);
            if (kind !== 'unrated') { expected += rate / 100 * a; chance *= 1 - rate / 100; }
            worst += a; worstListed += a;
        } else {
            // an alternative beside parallel work that joins at the next chain step (t/mlp.blueprint)
            const w = int(1, 300);
            steps.push(`frontstage A${i} "A ${i}" { duration ${a} s }`, `frontstage B${i} "B ${i}" { duration ${b} s }`, `backstage P${i} "P ${i}" { duration ${w} s }`);
            flows.push(`decision ${from} "Which way?" { -> A${i} ${p} %, -> B${i} ${100 - p} % }`, `parallel ${from} "Meanwhile" { ~> P${i} } join ${to}`,
                `flow A${i} -> ${to}`, `flow B${i} -> ${to}`, `flow P${i} -> ${to}`);
            expected += share * Math.max(a, w) + (1 - share) * Math.max(b, w); worst += Math.max(a, b, w); likely += Math.max(a, w); chance *= share;
            likelyListed += a + w; worstListed += Math.max(a, b, w);
            likelySteps.push(`A${i}`, `P${i}`);
            branchShares.push({ from, to: `B${i}`, share: 1 - share });
            if (Math.max(b, w) < Math.max(a, w)) shorterJourney = true;
        }
    }
    const chainSteps = chain.map((seconds, i) => i === 0
        ? `customer C0 "Start" via web { evidence "Page" duration ${seconds} s start ${body[0].join(' ')} }`
        : `frontstage C${i} "Step ${i}" via web { duration ${seconds} s ${i === sections ? 'end ' : ''}${body[i].join(' ')} }`);
    return {
        text: `blueprint G${seed} "Generated ${seed}" {\n    ${[...chainSteps, ...steps, ...flows].join('\n    ')}\n}`,
        figures: { expected, worst, likely, chance, likelyListed, worstListed, likelySteps, branchShares },
        shorterJourney
    };
}

/** The time of each listed step, added up (what the report's step tables add up). */
function listedSeconds(steps: readonly string[], model: BlueprintModel): number {
    const seconds = new Map(model.steps.map(step => [step.id, step.duration?.seconds ?? 0]));
    return steps.reduce((total, id) => total + seconds.get(id)!, 0);
}

describe('generated blueprints: decisions (also at a step that can fail), recoveries that return or rejoin, unrated ones, alternatives beside parallel work, rework loops', () => {
    const seeds = Array.from({ length: 60 }, (_, i) => 1000 + i);

    it.each(seeds)('seed %i', async seed => {
        const { text, figures, shorterJourney } = generate(seed);
        const model = await modelOf(text);
        const time = analyseBlueprint(model).time;
        expect(time.expected!.totalSeconds, text).toBeCloseTo(figures.expected, 6);
        expect(time.criticalPath!.totalSeconds, text).toBeCloseTo(figures.worst, 6);
        expect(time.mostLikelyPath!.totalSeconds, text).toBeCloseTo(figures.likely, 6);
        expect(time.mostLikelyPath!.probability!, text).toBeCloseTo(figures.chance, 9);
        expect(time.loops, text).toEqual([]);
        // Every step of the journey the figures stand for is listed, each pass round a loop again:
        // the chosen alternative beside parallel work, the repeats in the worst case's step table.
        for (const step of figures.likelySteps) expect(time.mostLikelyPath!.steps, `${text}\n${step}`).toContain(step);
        expect(listedSeconds(time.mostLikelyPath!.steps, model), text).toBeCloseTo(figures.likelyListed, 6);
        expect(listedSeconds(time.criticalPath!.steps, model), text).toBeCloseTo(figures.worstListed, 6);
        for (const branch of figures.branchShares) {
            const path = time.exceptionPaths.find(p => p.kind === 'alternative' && p.from === branch.from && p.to === branch.to);
            expect(path?.share, `${text}\n${branch.from} → ${branch.to}`).toBeCloseTo(branch.share, 9);
        }
        expectConsistent(time, `seed ${seed}`, model);
        // Recoveries only add time: the expected time is below the most likely one only through a shorter alternative.
        if (!shorterJourney) expect(time.expected!.totalSeconds, text).toBeGreaterThanOrEqual(time.mostLikelyPath!.totalSeconds - 1e-6);
    });
});
