/**
 * The newcomer's repro files (trial 4, findings 3–5), as they were handed in: the chance of a
 * branch at a step that can also fail, the most likely path and the worst case with rework loops,
 * and the chosen alternative in every output that lists a path's steps (JSON, Markdown, CSV).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { exportCsv } from '@blueprint/export';
import { analyseBlueprint, type BlueprintAnalysis, type BlueprintModel } from '@blueprint/model';
import { renderMarkdownReport } from '@blueprint/report';
import { describe, expect, it } from 'vitest';
import { modelOf } from '../diff/helpers.js';

async function load(name: string): Promise<{ model: BlueprintModel; analysis: BlueprintAnalysis; markdown: string; json: BlueprintAnalysis }> {
    const model = await modelOf(readFileSync(new URL(`./fixtures/newcomer4/${name}`, import.meta.url), 'utf8'));
    const analysis = analyseBlueprint(model);
    // What `blueprint report --format json` writes.
    const json = JSON.parse(JSON.stringify(analysis)) as BlueprintAnalysis;
    return { model, analysis, markdown: renderMarkdownReport(analysis, model), json };
}

/** The Markdown table rows under a heading, cells trimmed. */
function tableAfter(markdown: string, heading: string): string[][] {
    const lines = markdown.split('\n');
    const rows: string[][] = [];
    for (let i = lines.indexOf(heading) + 1; i < lines.length; i++) {
        if (lines[i].startsWith('#')) break;
        if (lines[i].startsWith('|') && !lines[i].startsWith('|---')) rows.push(lines[i].split('|').slice(1, -1).map(cell => cell.trim()));
    }
    return rows.slice(1);
}

function timeSheet(model: BlueprintModel, analysis: BlueprintAnalysis): Record<string, string>[] {
    return parse(exportCsv(model, 'time', analysis).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
}

describe('visit3.blueprint: a decision at a step with a fail point (finding 3)', () => {
    it('the chance of the Cash branch is its 1 of 4; its share of journeys is 25 % × 80 %', async () => {
        const { markdown, json } = await load('visit3.blueprint');
        const cash = json.time.exceptionPaths.find(path => path.kind === 'alternative' && path.to === 'Cash')!;
        expect(cash.share).toBeCloseTo(0.25, 12);
        expect(cash.probability).toBeCloseTo(0.2, 12);
        expect(tableAfter(markdown, '### Exception paths').find(row => row[0] === 'Serve at the desk → Pay cash')?.slice(1, 4))
            .toEqual(['25 %', '20 %', '22 min']);
        // The recovery: a 20 % rate, then the likelier payment: 20 % × 75 % of journeys.
        const recovery = json.time.exceptionPaths.find(path => path.kind === 'recovery')!;
        expect(recovery.share).toBeCloseTo(0.2, 12);
        expect(recovery.probability).toBeCloseTo(0.15, 12);
    });

    it('without the fail point (visit4.blueprint) the chance and the share of journeys are both 25 %', async () => {
        const { json } = await load('visit4.blueprint');
        const cash = json.time.exceptionPaths.find(path => path.to === 'Cash')!;
        expect([cash.share, cash.probability]).toEqual([0.25, 0.25]);
    });
});

describe('visit3.blueprint: the chosen alternative in every list of a path\'s steps (finding 5)', () => {
    it('the JSON lists Pay by card on the most likely path and on the recovery\'s path', async () => {
        const { json } = await load('visit3.blueprint');
        expect(json.time.mostLikelyPath!.steps).toEqual(['Arrive', 'Queue', 'Desk', 'Card', 'Check', 'Receipt']);
        expect(json.time.mostLikelyPath!.probability).toBeCloseTo(0.6, 12);
        const recovery = json.time.exceptionPaths.find(path => path.kind === 'recovery')!;
        expect(recovery.steps).toEqual(['Arrive', 'Queue', 'Desk', 'Refill', 'Card', 'Check', 'Receipt']);
        const cash = json.time.exceptionPaths.find(path => path.to === 'Cash')!;
        expect(cash.steps).toEqual(['Arrive', 'Queue', 'Desk', 'Cash', 'Check', 'Receipt']);
    });

    it('Markdown writes the branches side by side, the CSV time sheet names the payment', async () => {
        const { model, analysis, markdown } = await load('visit3.blueprint');
        expect(markdown).toContain('**Most likely path:** Arrive → Wait in the queue → Serve at the desk → Pay by card ∥ Check the account → Hand over the receipt');
        const likely = timeSheet(model, analysis).find(row => row.Figure === 'Most likely path')!;
        expect(likely['Share of journeys']).toBe('60 %');
        expect(likely.Path).toContain('Pay by card');
        expect(likely.Path).toContain('Check the account');
    });
});

describe('loop.blueprint and loop2.blueprint: rework loops on the most likely path and in the worst case (finding 4)', () => {
    it('loop 2 times: every journey goes round twice; the most likely path is 100 % and 10 min, its steps twice round', async () => {
        const { markdown, json } = await load('loop2.blueprint');
        const { expected, mostLikelyPath, criticalPath } = json.time;
        expect([expected!.totalSeconds, mostLikelyPath!.totalSeconds, criticalPath!.totalSeconds]).toEqual([600, 600, 600]);
        expect(mostLikelyPath!.probability).toBe(1);
        expect(mostLikelyPath!.steps).toEqual(['A', 'B', 'C', 'B', 'C', 'B', 'C', 'D']);
        expect(markdown).toContain('| **Most likely path** | 100 % of journeys | 10 min |');
        const table = tableAfter(markdown, '### Worst case (critical path)');
        expect(table.map(row => row[1])).toEqual(['Arrive (`A`)', 'Inspect (`B`)', 'Review (`C`)', 'Inspect (`B`)', 'Review (`C`)', 'Inspect (`B`)', 'Review (`C`)', 'Leave (`D`)']);
        expect(table.at(-1)![4]).toBe('10 min');
    });

    it('loop 20 %: the most likely journey does not repeat (80 %, 4 min); the worst case repeats once, and its table adds up to 7 min', async () => {
        const { markdown, json } = await load('loop.blueprint');
        const { expected, mostLikelyPath, criticalPath } = json.time;
        expect(expected!.totalSeconds).toBe(285);
        expect(mostLikelyPath!.totalSeconds).toBe(240);
        expect(mostLikelyPath!.probability).toBeCloseTo(0.8, 12);
        expect(mostLikelyPath!.steps).toEqual(['A', 'B', 'C', 'D']);
        expect(criticalPath!.totalSeconds).toBe(420);
        expect(criticalPath!.steps).toEqual(['A', 'B', 'C', 'B', 'C', 'D']);
        expect(markdown).toContain('| **Most likely path** | 80 % of journeys | 4 min |');
        expect(tableAfter(markdown, '### Worst case (critical path)').at(-1)![4]).toBe('7 min');
    });
});
