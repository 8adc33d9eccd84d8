/**
 * What a reader of the paged export sees: every text of a page lies inside its page and inside the
 * window that frames it (nothing clipped away yet kept in the PDF's searchable text, no name cut
 * mid-word), the drawing's headline is on every page, a small blueprint is drawn whole on one page,
 * and no page starts or ends with a sliver of a stage.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXPORT_FONT_FAMILY, fitToPages, PAGE_KINDS, type Page } from '@blueprint/export';
import type { BlueprintLayout } from '@blueprint/diagram';
import { EXAMPLES_ROOT, FIXTURES, layoutOf } from './export-helpers.js';
import { hiddenOrCutTexts, placeTexts } from './page-text.js';

const HOTEL = fileURLToPath(new URL('../diagram/fixtures/hotel-checkin/hotel.blueprint', import.meta.url));
const COUNTER_VISIT = `${FIXTURES}counter-visit.blueprint`;
const CASES: ReadonlyArray<[string, string]> = [
    ['counter visit (8 steps, no stages)', COUNTER_VISIT],
    ['hotel check-in', HOTEL],
    ['credit-card hotline (4,200 px)', `${EXAMPLES_ROOT}credit-card-hotline.blueprint`],
    ['Korean card-loss hotline', `${EXAMPLES_ROOT}ko-card-loss-hotline.blueprint`],
    ['Chinese bank deposit', `${EXAMPLES_ROOT}zh-bank-deposit.blueprint`],
    ['telecom store (5,200 px)', `${EXAMPLES_ROOT}telecom-store.blueprint`]
];
const MARGIN_PT = 24;

interface TileWindows { readonly page: number; readonly clips: readonly { x: number; y: number; width: number; height: number }[] }

/** The tiles of each page (groups placed with `translate scale`), with their windows' clip rectangles in the drawing's pixels. */
function tilesOf(pages: readonly Page[]): TileWindows[] {
    return pages.flatMap((page, index) => page.svg.split(/(?=<g transform="translate\([\d.]+ [\d.]+\) scale\([\d.]+\)">)/).slice(1).map(tile => ({
        page: index,
        clips: [...tile.matchAll(/<clipPath id="[^"]+"><rect x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"\/>/g)]
            .map(rect => ({ x: +rect[1], y: +rect[2], width: +rect[3], height: +rect[4] }))
    })));
}

/** Drawing tiles have three windows (lane headers, stage strip, body); a legend-and-notes tile has one. */
function drawingTiles(pages: readonly Page[]): TileWindows[] {
    return tilesOf(pages).filter(tile => tile.clips.length === 3);
}

describe('what a reader sees on each page', () => {
    const layouts = new Map<string, Promise<BlueprintLayout>>();
    const layout = (file: string) => {
        if (!layouts.has(file)) layouts.set(file, layoutOf(file));
        return layouts.get(file)!;
    };

    for (const [name, file] of CASES) {
        for (const kind of PAGE_KINDS) {
            it(`${name} on ${kind} pages: every text lies inside its page and its window, the headline on every page, no stage left as a sliver`, async () => {
                const drawing = await layout(file);
                const paged = fitToPages(drawing, kind, { fontFamily: EXPORT_FONT_FAMILY });
                for (const [index, page] of paged.pages.entries()) {
                    expect(hiddenOrCutTexts(page.svg, page, MARGIN_PT), `page ${index + 1}`).toEqual([]);
                    // The headline is the page's, in full (in lines when long), and no window holds the drawing's own copy.
                    const headline = placeTexts(page.svg).filter(text => text.className === 'bp-page-time').map(text => text.text).join(' ');
                    expect(headline, `page ${index + 1}`).toBe(drawing.processTime?.text ?? '');
                    expect(page.svg).not.toContain('bp-process-time"');
                }
                // A window cutting through a stage leaves a good part of it on either side, never a strip.
                for (const tile of drawingTiles(paged.pages)) {
                    const strip = tile.clips[1];
                    for (const stage of drawing.stages) {
                        const shown = Math.min(stage.x + stage.width, strip.x + strip.width) - Math.max(stage.x, strip.x);
                        if (shown <= 0 || shown >= stage.width - 1) continue;
                        expect(shown, `stage "${stage.label}" on page ${tile.page + 1}`).toBeGreaterThanOrEqual(Math.min(200, stage.width / 3) - 1);
                    }
                }
            });
        }
    }

    it('draws a small blueprint whole on one landscape A4 page, its legend and notes on the next', async () => {
        const drawing = await layout(COUNTER_VISIT);
        expect(drawing.stages).toHaveLength(0);
        expect(drawing.steps.filter(step => step.lane !== 'evidence').length).toBe(8);
        const paged = fitToPages(drawing, 'a4', { fontFamily: EXPORT_FONT_FAMILY });
        const tiles = drawingTiles(paged.pages);
        expect(tiles).toHaveLength(1);
        expect(tiles[0].page).toBe(0);
        // The one window shows every step.
        const body = tiles[0].clips[2];
        for (const step of drawing.steps) {
            expect(step.x >= body.x && step.x + step.width <= body.x + body.width && step.y >= body.y && step.y + step.height <= body.y + body.height, step.id).toBe(true);
        }
        expect(paged.pages).toHaveLength(2);
        expect(paged.pages[0].width).toBeGreaterThan(paged.pages[0].height);
        expect(paged.scale * 10).toBeGreaterThanOrEqual(7);
        expect(paged.pages[1].svg).toContain('bp-legend-entry');
    });

    it('writes a headline too long for the title line on lines of its own below it', async () => {
        const drawing = await layout(`${EXAMPLES_ROOT}credit-card-hotline.blueprint`);
        expect(drawing.processTime?.text.length).toBeGreaterThan(90);
        for (const kind of PAGE_KINDS) {
            const page = fitToPages(drawing, kind, { fontFamily: EXPORT_FONT_FAMILY }).pages[0];
            const texts = placeTexts(page.svg);
            const title = texts.find(text => text.className === 'bp-page-title')!;
            const lines = texts.filter(text => text.className === 'bp-page-time');
            expect(lines.length).toBeGreaterThan(0);
            for (const line of lines) {
                // Beside the title or below it, never over it.
                const beside = line.box.left >= title.box.right && line.box.top < title.box.bottom;
                expect(beside || line.box.top >= title.box.bottom - 1, `${kind}: "${line.text}"`).toBe(true);
            }
        }
    });
});
