/**
 * The diff picture explains itself: its legend names the three diff colours (in the blueprint's
 * language), and its headline is the new version's time, the same as `render` draws for it (the
 * drawing is of the union of both versions, whose paths are neither version's).
 */
import { describe, expect, it } from 'vitest';
import { layoutBlueprint } from '@blueprint/diagram';
import { diffBlueprints, layoutDiff, renderDiffSvg } from '@blueprint/diff';
import { base, modelOf } from './helpers.js';

const TIMED: Array<[string, string]> = [
    ['blueprint Coffee "Buy a coffee" {', 'blueprint Coffee "Buy a coffee" {\n    tolerance 20 min'],
    ['frontstage Take "Take the order" in Order by Barista', 'frontstage Take "Take the order" in Order by Barista { duration 1 min }'],
    ['backstage Brew "Brew the coffee" by Barista {', 'backstage Brew "Brew the coffee" by Barista {\n        duration 4 min']
];

/** Version 2: a slow extra check between the order and brewing is gone, the wait is longer, a step is new. */
const BEFORE = base(`    backstage Check "Check the beans" by Barista { duration 30 min }
    flow Take -> Check -> Brew`, TIMED);
const AFTER = base(`    customer Sip "Taste the coffee" in Order { duration 1 min }
    flow Hand -> Sip`, [...TIMED, ['wait 3 min tolerance 5 min', 'wait 4 min tolerance 5 min']]);

describe('the diff picture', () => {
    it('has a legend with the added, changed and removed colours, first', async () => {
        const before = await modelOf(BEFORE);
        const after = await modelOf(AFTER);
        const changeSet = diffBlueprints(before, after);
        const { layout, classes } = await layoutDiff(before, after, changeSet);
        const used = new Set([...classes.values()].flat());
        expect([...used].sort()).toEqual(['bp-added', 'bp-changed', 'bp-removed']);
        expect(layout.legend?.entries.slice(0, 3).map(entry => [entry.key, entry.label])).toEqual([
            ['box:added', 'Added in the new version'],
            ['box:changed', 'Changed in the new version'],
            ['box:removed', 'Removed: drawn where it was']
        ]);
        // Drawn in the colours of the diff: the samples carry the classes the steps get.
        const svg = await renderDiffSvg(before, after, changeSet);
        for (const kind of ['added', 'changed', 'removed']) {
            expect(svg).toMatch(new RegExp(`data-key="box:${kind}"><g class="bp-legend-sample bp-${kind}"><rect class="bp-box"`));
        }
        // The notes and the legend below them do not overlap: the legend grew by its first row at most.
        const legendBottom = layout.legend!.y + layout.legend!.height;
        for (const section of layout.footnotes ?? []) expect(section.y).toBeGreaterThanOrEqual(legendBottom);
    });

    it('writes the diff legend in the blueprint\'s language', async () => {
        const korean = (text: string) => text.replace('blueprint Coffee "Buy a coffee" {', 'blueprint Coffee "Buy a coffee" {\n    language ko');
        const before = await modelOf(korean(BEFORE));
        const after = await modelOf(korean(AFTER));
        const { layout } = await layoutDiff(before, after, diffBlueprints(before, after));
        expect(layout.legend?.entries.slice(0, 3).map(entry => entry.label)).toEqual(['새 버전에서 추가됨', '새 버전에서 변경됨', '삭제됨: 원래 자리에 표시']);
        expect(layout.legend?.title).not.toBe('Legend');
    });

    it('heads the picture with the new version\'s time, as render does', async () => {
        const before = await modelOf(BEFORE);
        const after = await modelOf(AFTER);
        const { layout } = await layoutDiff(before, after, diffBlueprints(before, after));
        const rendered = await layoutBlueprint(after);
        expect(rendered.processTime?.text).toBeDefined();
        expect(layout.processTime?.text).toBe(rendered.processTime?.text);
        // The removed 30 min check is not in it (the union of both versions would count it).
        expect(layout.processTime?.text).not.toMatch(/3\d min/);
    });
});

describe('what the diff picture marks', () => {
    /** Shares moved 95/5 → 80/20 and a step renamed with its label kept: nothing added or removed. */
    const SHARES = `blueprint Line "First line" {
    customer Call "Call the hotline" { start duration 1 min }
    frontstage Answer "Answer the call" { duration 4 min }
    frontstage Fix "Resolve on the call" { duration 3 min }
    backstage Ticket "File a ticket" { duration 2 min }
    frontstage Back "Call back" { duration 5 min }
    customer Done "Hang up" { end }
    flow Call -> Answer
    decision Answer "Resolved?" {
        -> Fix 95 % "Within authority"
        -> Ticket 5 % "Beyond authority"
    }
    flow Ticket -> Back -> Done
    flow Fix -> Done
}
`;
    const CHANGED = SHARES.replace('-> Fix 95 %', '-> SolveOnCall 80 %').replace('-> Ticket 5 %', '-> Ticket 20 %')
        .replace('frontstage Fix ', 'frontstage SolveOnCall ').replace('flow Fix -> Done', 'flow SolveOnCall -> Done');

    it('draws changed shares on their flows and labels, leaves a pure rename unmarked, and explains only the colours it uses', async () => {
        const before = await modelOf(SHARES);
        const after = await modelOf(CHANGED);
        const changeSet = diffBlueprints(before, after);
        expect(changeSet.changes.map(c => c.kind).sort()).toEqual(['renamed', 'share-changed', 'share-changed']);
        const { layout, classes } = await layoutDiff(before, after, changeSet);
        const changedFlows = after.flows.filter(flow => classes.get(flow.id)?.includes('bp-changed')).map(flow => `${flow.from}->${flow.to}`);
        expect(changedFlows.sort()).toEqual(['Answer->SolveOnCall', 'Answer->Ticket']);
        // The id is not drawn: a rename that kept the label looks the same, so it is not amber.
        expect(classes.get('SolveOnCall')).toBeUndefined();
        expect(layout.legend?.entries.filter(entry => /^box:(added|changed|removed)$/.test(entry.key)).map(entry => entry.key)).toEqual(['box:changed']);
        const svg = await renderDiffSvg(before, after, changeSet);
        const flowGroup = (id: string) => new RegExp(`<g class="bp-flow[^"]*bp-changed[^"]*" data-id="${id.replace('>', '&gt;')}"><path[^>]*/>.*?<text class="bp-flow-label"`, 's');
        for (const flow of after.flows.filter(f => f.from === 'Answer')) expect(svg).toMatch(flowGroup(flow.id));
        expect(svg).toMatch(/\.bp-changed \.bp-flow-label \{ fill: #9a6700/);
        expect(svg).not.toContain('data-key="box:added"');
        expect(svg).not.toContain('data-key="box:removed"');
    });

    it('marks a step whose label changed, and a renamed step that also changed otherwise', async () => {
        const before = await modelOf(SHARES);
        const after = await modelOf(CHANGED.replace('"Resolve on the call" { duration 3 min }', '"Resolve on the call" { duration 6 min }'));
        const { classes } = await layoutDiff(before, after, diffBlueprints(before, after));
        expect(classes.get('SolveOnCall')).toEqual(['bp-changed']);
    });
});
