/**
 * The service review's time section for a recovery that returns to its fail step and for an
 * alternative beside parallel work (the newcomer's t/rec.blueprint and t/mlp.blueprint, reduced):
 * the figures of the analysis, and paths that show the branches a journey takes at once.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseBlueprint } from '@blueprint/model';
import { renderHtmlReport, renderMarkdownReport } from '@blueprint/report';
import { modelOf } from '../diff/helpers.js';

/** The blueprints the time analysis is tested on (test/analysis/fixtures). */
const fixture = (name: string) => readFileSync(new URL(`../analysis/fixtures/${name}`, import.meta.url), 'utf8');

const REC = fixture('recovery-returns.blueprint');

// A label with markup in it: the report escapes it.
const MLP = fixture('decision-beside-parallel.blueprint').replace('"Pay by card"', '"Pay <by> card"');

async function report(text: string): Promise<{ markdown: string; html: string }> {
    const model = await modelOf(text);
    const analysis = analyseBlueprint(model);
    return { markdown: renderMarkdownReport(analysis, model), html: renderHtmlReport(analysis, model) };
}

describe('the report of a recovery that returns to its fail step', () => {
    it('gives the expected time with the recovery, the worst case through it and the exception path to the end', async () => {
        const { markdown } = await report(REC);
        expect(markdown).toContain('| **Expected** | alternatives weighted by their shares, recoveries by their failure rates, rework by its repeats | 1 h 5 min 6 s |');
        expect(markdown).toContain('| **Most likely path** | 90 % of journeys | 1 h 5 min |');
        expect(markdown).toContain('| **Worst case (critical path)** | the longest path, every branch and recovery allowed | 1 h 6 min |');
        expect(markdown).toContain('| Recovery from "Insurance missing" at Register | 10 % | 10 % | 1 h 6 min | 0 s | 1 h 5 min | 1 min | no standard |');
        // the worst case's table goes through the lookup and on to the end
        expect(markdown).toContain('| 3 | Look up insurance (`Lookup`) | Support processes | 1 min | 5 min |');
        expect(markdown).toContain('| 5 | Leave (`Leave`) | Customer actions | 1 min | 1 h 6 min |');
        expect(markdown).not.toContain('Loops without a repeat');
    });
});

describe('the report of an alternative beside parallel work', () => {
    it('names the alternative on the most likely path beside the parallel work, and times the exception with it', async () => {
        const { markdown, html } = await report(MLP);
        expect(markdown).toContain('**Most likely path:** Order → Take the order → Pay &lt;by> card ∥ Cook → Serve → Eat');
        expect(markdown).toContain('| Take the order → Pay cash | 20 % | 20 % | 33 min | 0 s | 23 min | 10 min | no standard |');
        expect(html).toContain('Order → Take the order → Pay &lt;by&gt; card ∥ Cook → Serve → Eat</p>');
    });
});
