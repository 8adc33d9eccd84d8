/**
 * Pages never cut the legend or a note: the legend and the numbered notes are laid out again for
 * the page and flow on after the drawing, breaking between legend rows and between notes. Checked on
 * the page SVGs themselves: every legend entry and every note lies inside its window, each window
 * inside its page, and each entry and note is drawn exactly once (nothing dropped, nothing twice).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXPORT_FONT_FAMILY, fitToPages, PAGE_KINDS, type Page } from '@blueprint/export';
import type { BlueprintLayout } from '@blueprint/diagram';
import { EXAMPLES_ROOT, layoutOf } from './export-helpers.js';

const HOTEL = fileURLToPath(new URL('../diagram/fixtures/hotel-checkin/hotel.blueprint', import.meta.url));
const CASES: ReadonlyArray<[string, string]> = [
    ['hotel check-in', HOTEL],
    ['Korean card-loss hotline', `${EXAMPLES_ROOT}ko-card-loss-hotline.blueprint`],
    ['Chinese bank deposit', `${EXAMPLES_ROOT}zh-bank-deposit.blueprint`],
    ['telecom store (5,200 px)', `${EXAMPLES_ROOT}telecom-store.blueprint`]
];
const MARGIN_PT = 24;

interface Window { readonly page: number; readonly clip: { x: number; y: number; width: number; height: number }; readonly content: string; readonly offsetY: number; readonly scale: number }

/** The notes windows of each page: a tile group (`translate scale`) whose window onto the drawing shows a legend or notes. */
function notesWindows(pages: readonly Page[]): Window[] {
    const windows: Window[] = [];
    pages.forEach((page, index) => {
        const tiles = page.svg.split(/(?=<g transform="translate\([\d.]+ [\d.]+\) scale\([\d.]+\)">)/).slice(1);
        for (const tile of tiles) {
            const head = /^<g transform="translate\(([\d.]+) ([\d.]+)\) scale\(([\d.]+)\)">/.exec(tile)!;
            // Each window onto the drawing: its clip rectangle, then the content up to the next window.
            for (const part of tile.split(/(?=<clipPath )/).slice(1)) {
                if (!part.includes('bp-legend-entry') && !part.includes('bp-footnote"') && !/class="bp-footnote /.test(part)) continue;
                const rect = /<rect x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"\/>/.exec(part)!;
                windows.push({
                    page: index, clip: { x: +rect[1], y: +rect[2], width: +rect[3], height: +rect[4] }, content: part,
                    offsetY: +head[2], scale: +head[3]
                });
                expect(+head[1]).toBe(MARGIN_PT);
                // The window on its page, inside the margins.
                expect(+head[2] + +rect[4] * +head[3]).toBeLessThanOrEqual(page.height - MARGIN_PT + 0.5);
                expect(MARGIN_PT + +rect[3] * +head[3]).toBeLessThanOrEqual(page.width - MARGIN_PT + 0.5);
            }
        }
    });
    return windows;
}

function checkNotesOf(layout: BlueprintLayout, pages: readonly Page[]): void {
    const windows = notesWindows(pages);
    const legendWidths = new Map((layout.legend?.entries ?? []).map(entry => [entry.key, entry]));
    const drawnKeys: string[] = [];
    const drawnRefs: string[] = [];
    for (const { clip, content, page } of windows) {
        const inside = (what: string, left: number, top: number, right: number, bottom: number) => {
            const where = `${what} on page ${page + 1} (${left}..${right} × ${top}..${bottom}) in window ${JSON.stringify(clip)}`;
            expect(left >= clip.x && right <= clip.x + clip.width && top >= clip.y && bottom <= clip.y + clip.height, where).toBe(true);
        };
        for (const match of content.matchAll(/<g class="bp-legend-entry" data-key="([^"]+)">.*?<text class="bp-legend-label" x="([-\d.]+)" y="([-\d.]+)">/g)) {
            const entry = legendWidths.get(match[1])!;
            const labelX = +match[2];
            const top = +match[3] - 12;
            drawnKeys.push(match[1]);
            inside(`legend entry ${match[1]}`, labelX - entry.sampleWidth - 6, top, labelX - entry.sampleWidth - 6 + entry.width, top + entry.height);
        }
        for (const match of content.matchAll(/<text class="bp-footnote-ref[^"]*" x="([-\d.]+)" y="([-\d.]+)">([^<]*)<\/text><text class="bp-footnote-text">((?:<tspan[^>]*>[^<]*<\/tspan>)*)<\/text>/g)) {
            const ys = [...match[4].matchAll(/ y="([-\d.]+)"/g)].map(y => +y[1]);
            if (match[3] !== '') drawnRefs.push(match[3]);
            inside(`note ${match[3] || '(continued)'}`, +match[1], +match[2] - 11, +match[1] + 360, Math.max(...ys) + 4);
        }
    }
    expect(drawnKeys.sort()).toEqual((layout.legend?.entries ?? []).map(entry => entry.key).sort());
    const refs = (layout.footnotes ?? []).flatMap(section => section.entries.map(entry => entry.ref));
    expect(drawnRefs.sort()).toEqual(refs.map(ref => ref.replace(/&/g, '&amp;')).sort());
}

describe('page windows and the legend and notes', () => {
    for (const [name, file] of CASES) {
        for (const kind of PAGE_KINDS) {
            it(`${name} on ${kind} pages: no legend row or note crosses a window edge, and none is dropped or drawn twice`, async () => {
                const layout = await layoutOf(file);
                expect(layout.legend?.entries.length ?? 0).toBeGreaterThan(3);
                const paged = fitToPages(layout, kind, { fontFamily: EXPORT_FONT_FAMILY });
                checkNotesOf(layout, paged.pages);
            });
        }
    }

    it('keeps the drawing\'s headline (its time against the standard) beside every page\'s title', async () => {
        const layout = await layoutOf(HOTEL);
        const headline = layout.processTime?.text;
        expect(headline).toMatch(/25 min/);
        for (const page of fitToPages(layout, 'a4', { fontFamily: EXPORT_FONT_FAMILY }).pages) {
            expect(page.svg).toContain(`class="bp-page-time">${headline!.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</text>`);
        }
    });

    it('fits the three-stage hotel check-in on four A4 pages (five when the legend was cut as a picture)', async () => {
        const layout = await layoutOf(HOTEL);
        expect(layout.stages).toHaveLength(3);
        const paged = fitToPages(layout, 'a4', { fontFamily: EXPORT_FONT_FAMILY });
        expect(paged.pages.length).toBeLessThanOrEqual(4);
        expect(paged.scale * 10).toBeGreaterThanOrEqual(7);
    });
});
