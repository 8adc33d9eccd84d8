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
