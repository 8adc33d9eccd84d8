/**
 * A realistic iteration of the hotline example: a call-back option instead of holding, the answer-time
 * standard tightened, a slightly longer hold and a recovery dropped. Golden Markdown and JSON, and the
 * visual diff: colour classes, ghosts of nothing removed, unchanged steps kept in place.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { layoutBlueprint } from '@blueprint/diagram';
import { diffBlueprints, layoutDiff, renderDiffSvg } from '@blueprint/diff';
import { renderMarkdown } from '@blueprint/report';
import { describe, expect, it } from 'vitest';
import { modelOf } from './helpers.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`fixtures/${name}`, import.meta.url)), 'utf8');

describe('hotline iteration', async () => {
    const before = await modelOf(fixture('hotline-v1.blueprint'));
    const after = await modelOf(fixture('hotline-v2.blueprint'));
    const changeSet = diffBlueprints(before, after);

    it('renders the golden Markdown a reviewer reads in the pull request', async () => {
        const markdown = renderMarkdown(changeSet, { path: 'examples/credit-card-hotline.blueprint', beforeLabel: 'origin/main', afterLabel: 'working tree' });
        await expect(markdown).toMatchFileSnapshot('__snapshots__/hotline-iteration.md');
        // every customer-visible change is in the Markdown
        for (const change of changeSet.changes.filter(c => c.customerVisible)) {
            expect(markdown).toContain(change.message.replace(/&/g, '&amp;').replace(/</g, '&lt;').slice(0, 40));
        }
    });

    it('writes the golden JSON change set', async () => {
        await expect(JSON.stringify(changeSet, null, 2) + '\n').toMatchFileSnapshot('__snapshots__/hotline-iteration.json');
        expect(changeSet.summary).toMatchObject({ added: 6, removed: 0, changed: 3, risks: 3 });
        expect(changeSet.changes.find(c => c.kind === 'target-tightened')).toMatchObject({ id: 'ServiceLevel', before: '>= 85 %', after: '>= 90 %', customerVisible: true });
    });

    it('colours added steps and flows green and changed steps amber in the SVG', async () => {
        const svg = await renderDiffSvg(before, after, changeSet);
        expect(svg).toMatch(/<g class="[^"]*bp-added[^"]*" data-id="RequestCallBack"/);
        expect(svg).toMatch(/<g class="[^"]*bp-added[^"]*" data-id="CallBackFirst"/);
        expect(svg).toMatch(/<g class="[^"]*bp-changed[^"]*" data-id="Hold"/);
        expect(svg).toMatch(/<g class="bp-flow[^"]*bp-added[^"]*" data-id="Hold-&gt;RequestCallBack"/);
        expect(svg).not.toMatch(/bp-removed[^"]*" data-id=/);
        expect(svg).toMatch(/<g class="[^"]*bp-step(?![^"]*bp-(added|changed|removed))[^"]*" data-id="Dial"/);
    });

    it('keeps unchanged steps in place: same lane row, same x up to the change, later ones shifted together', async () => {
        const oldLayout = await layoutBlueprint(before);
        const { layout } = await layoutDiff(before, after, changeSet);
        const old = new Map(oldLayout.steps.map(s => [s.id, s]));
        const now = new Map(layout.steps.map(s => [s.id, s]));
        const unchanged = before.steps.map(s => s.id).filter(id => !changeSet.changes.some(c => c.subject === 'step' && c.id === id));
        for (const id of unchanged) expect(now.get(id)!.y, id).toBe(old.get(id)!.y);
        // everything before the new call-back option stays exactly where it was
        for (const id of ['Dial', 'Welcome', 'Identify', 'ReadOut', 'SelfServed', 'PriorityRoute', 'Answer']) {
            expect(now.get(id)!.x, id).toBe(old.get(id)!.x);
        }
        // the second line comes after the inserted column: all of it moves by the same amount
        const shifts = new Set(['FileTicket', 'Route', 'Promise', 'AwaitAnswer', 'Investigate', 'CallBack', 'ReceiveAnswer', 'CloseTicket']
            .map(id => now.get(id)!.x - old.get(id)!.x));
        expect(shifts.size).toBe(1);
    });
});

describe('visual diff of removals', () => {
    it('draws a removed step ghosted in its old place; unchanged steps keep their exact coordinates', async () => {
        const base = `blueprint R "R" {
    actor T "T"
    customer A "Arrive" via branch { evidence "Door" start }
    frontstage G "Greet" by T via branch
    frontstage S "Serve" by T via branch
    customer L "Leave" { evidence "Receipt" end }
    flow A -> G -> S -> L
}`;
        const before = await modelOf(base);
        const after = await modelOf(base.replace('    frontstage G "Greet" by T via branch\n', '').replace('flow A -> G -> S -> L', 'flow A -> S -> L')
            .replace('frontstage S "Serve" by T via branch', 'frontstage S "Serve" by T via branch { duration 2 min }'));
        const changeSet = diffBlueprints(before, after);
        const { layout, classes } = await layoutDiff(before, after, changeSet);
        expect(classes.get('G')).toEqual(['bp-removed']);
        expect(classes.get('S')).toEqual(['bp-changed']);
        expect(classes.get('A->S')).toEqual(['bp-added']);
        expect(classes.get('A->G')).toEqual(['bp-removed']);
        const oldLayout = await layoutBlueprint(before);
        for (const id of ['A', 'L']) {
            const old = oldLayout.steps.find(s => s.id === id)!;
            const now = layout.steps.find(s => s.id === id)!;
            expect({ x: now.x, y: now.y }, id).toEqual({ x: old.x, y: old.y });
        }
        const ghost = layout.steps.find(s => s.id === 'G')!;
        const oldGreet = oldLayout.steps.find(s => s.id === 'G')!;
        expect({ x: ghost.x, y: ghost.y }).toEqual({ x: oldGreet.x, y: oldGreet.y });
        const svg = await renderDiffSvg(before, after, changeSet);
        expect(svg).toMatch(/<g class="[^"]*bp-removed[^"]*" data-id="G"/);
        expect(svg).toContain('.bp-removed');
    });
});
