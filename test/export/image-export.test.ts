/**
 * PNG and PDF exports: valid files, byte-stable PNGs, selectable PDF text, real CJK glyphs from the
 * bundled fonts, and pages that keep every step with text of at least 7 pt.
 */
import { describe, expect, it } from 'vitest';
import { renderSvg } from '@blueprint/diagram';
import { escapeXml } from '@blueprint/escape';
import { EXPORT_FONT_FAMILY, MIN_TEXT_PT, bundledFonts, exportImage, fitToPages, svgToPng } from '@blueprint/export';
import { EXAMPLES_ROOT, FIXTURES, decodePng, inkPixels, layoutOf, readPdf } from './export-helpers.js';

const fonts = bundledFonts();
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** `text` drawn alone, large, with the export fonts. */
function textAlone(text: string): Promise<Uint8Array> {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="60"><rect width="160" height="60" fill="#fff"/>`
        + `<text x="8" y="44" font-size="40" font-family="${escapeXml(EXPORT_FONT_FAMILY)}" fill="#000">${escapeXml(text)}</text></svg>`;
    return svgToPng(svg, { fonts, scale: 1 });
}

describe('PNG', { timeout: 120_000 }, () => {
    it('is a valid PNG of the whole drawing at twice its size', async () => {
        const layout = await layoutOf(EXAMPLES_ROOT + 'bank-deposit.blueprint');
        const image = await exportImage(layout, { format: 'png' });
        expect(image.files).toHaveLength(1);
        expect([...image.files[0].subarray(0, 8)]).toEqual(PNG_SIGNATURE);
        const png = decodePng(image.files[0]);
        expect(png.width).toBe(Math.round(layout.width * 2));
        expect(png.height).toBe(Math.round(layout.height * 2));
        expect(inkPixels(png)).toBeGreaterThan(png.width * png.height / 50);
    });

    it('gives the same bytes for the same blueprint every time', async () => {
        const layout = await layoutOf(EXAMPLES_ROOT + 'zh-bank-deposit.blueprint');
        const first = (await exportImage(layout, { format: 'png', scale: 1 })).files[0];
        const second = (await exportImage(await layoutOf(EXAMPLES_ROOT + 'zh-bank-deposit.blueprint'), { format: 'png', scale: 1 })).files[0];
        expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    });

    it('draws Hangul and Chinese with real glyphs, not the missing-glyph box', async () => {
        // Two code points no font has: both come out as the same notdef box (or nothing).
        const tofuA = await textAlone('\ue000');
        const tofuB = await textAlone('\ue001');
        expect(Buffer.from(tofuA).equals(Buffer.from(tofuB))).toBe(true);
        for (const [a, b] of [['조', '회'], ['결', '정'], ['财', '际'], ['柜', '银'], ['の', 'カ']]) {
            const glyphA = await textAlone(a);
            const glyphB = await textAlone(b);
            expect(inkPixels(decodePng(glyphA)), a).toBeGreaterThan(150);
            expect(Buffer.from(glyphA).equals(Buffer.from(glyphB)), `${a} and ${b} look alike`).toBe(false);
            expect(Buffer.from(glyphA).equals(Buffer.from(tofuA)), `${a} is tofu`).toBe(false);
        }
    });

    it('writes one PNG per page when fitted to pages', async () => {
        const layout = await layoutOf(EXAMPLES_ROOT + 'credit-card-hotline.blueprint');
        const paged = fitToPages(layout, 'slide', { fontFamily: EXPORT_FONT_FAMILY });
        const image = await exportImage(layout, { format: 'png', page: 'slide', scale: 1 });
        expect(image.files).toHaveLength(paged.pages.length);
        const png = decodePng(image.files[0]);
        expect(png.width).toBe(Math.round(960 * 4 / 3));
        expect(png.height).toBe(Math.round(540 * 4 / 3));
    });
});

describe('PDF', { timeout: 120_000 }, () => {
    it('is a PDF whose labels are selectable text, Korean included', async () => {
        const layout = await layoutOf(FIXTURES + 'ko-card-loss.blueprint');
        const image = await exportImage(layout, { format: 'pdf' });
        expect(Buffer.from(image.files[0].subarray(0, 5)).toString('latin1')).toBe('%PDF-');
        const pdf = await readPdf(image.files[0]);
        expect(pdf.pages).toHaveLength(1);
        const text = pdf.pages[0].items.map(item => item.text).join('\n');
        for (const step of layout.steps) for (const line of step.lines) expect(text, step.id).toContain(line);
        for (const lane of layout.lanes) expect(text).toContain(lane.label);
        expect(text).toContain('카드 분실 신고');
    });

    it('keeps Chinese labels as text with the bundled font', async () => {
        const layout = await layoutOf(EXAMPLES_ROOT + 'zh-bank-deposit.blueprint');
        const pdf = await readPdf((await exportImage(layout, { format: 'pdf' })).files[0]);
        const text = pdf.pages.flatMap(page => page.items.map(item => item.text)).join('\n');
        for (const step of layout.steps) for (const line of step.lines) expect(text, step.id).toContain(line);
    });

    for (const page of ['a4', 'a3', 'slide'] as const) {
        it(`fits the 5,200 px telecom blueprint on ${page} pages with every step and text of at least 7 pt`, async () => {
            const layout = await layoutOf(EXAMPLES_ROOT + 'telecom-store.blueprint');
            expect(layout.width).toBeGreaterThan(5000);
            const paged = fitToPages(layout, page, { fontFamily: EXPORT_FONT_FAMILY });
            expect(paged.scale * 10).toBeGreaterThanOrEqual(MIN_TEXT_PT);
            const pdf = await readPdf((await exportImage(layout, { format: 'pdf', page })).files[0]);
            expect(pdf.pages).toHaveLength(paged.pages.length);
            expect(pdf.pages.length).toBeGreaterThan(1);
            const sizes = pdf.pages.flatMap(p => p.items.map(item => item.size));
            expect(Math.min(...sizes)).toBeGreaterThanOrEqual(MIN_TEXT_PT - 0.01);
            const text = pdf.pages.flatMap(p => p.items.map(item => item.text)).join('\n');
            for (const step of layout.steps) for (const line of step.lines) expect(text, step.id).toContain(line);
            // Every page repeats the lane headers of the lanes it shows; pages after the drawing hold the
            // legend and the footnotes (which must all be there too).
            const notesText = [...(layout.legend?.entries ?? []).map(entry => entry.label),
                ...(layout.footnotes ?? []).flatMap(section => section.entries.flatMap(entry => entry.lines))];
            for (const p of pdf.pages) {
                const pageText = p.items.map(item => item.text).join(' ');
                const hasLanes = layout.lanes.some(lane => pageText.includes(lane.label));
                expect(hasLanes || notesText.some(line => pageText.includes(line.slice(0, 12)))).toBe(true);
            }
            expect(notesText.length).toBeGreaterThan(0);
            for (const line of notesText) expect(text.replace(/\s+/g, ' '), line).toContain(line.slice(0, 12));
        });
    }

    it('puts a small blueprint on one page, scaled to fit', async () => {
        const layout = await layoutOf(FIXTURES + 'ko-card-loss.blueprint');
        const paged = fitToPages(layout, 'a3', { fontFamily: EXPORT_FONT_FAMILY });
        expect(paged.pages).toHaveLength(1);
        expect(paged.scale * 10).toBeGreaterThanOrEqual(MIN_TEXT_PT);
        const pdf = await readPdf((await exportImage(layout, { format: 'pdf', page: 'a3' })).files[0]);
        expect(pdf.pages).toHaveLength(1);
        expect(Math.round(Math.max(pdf.pages[0].width, pdf.pages[0].height))).toBe(1191);
    });
});

describe('hostile labels', { timeout: 120_000 }, () => {
    it('stay text in SVG, PNG and PDF', async () => {
        const layout = await layoutOf(EXAMPLES_ROOT + 'bank-deposit.blueprint');
        const hostile = '<script>alert(1)</script> ]]> | =SUM(A1) & "quotes"';
        const evil = { ...layout, title: hostile, steps: layout.steps.map((step, index) => index === 0 ? { ...step, label: hostile, lines: [hostile] } : step) };
        const svg = new TextDecoder().decode((await exportImage(evil, { format: 'svg', page: 'a4' })).files[0]);
        expect(svg).not.toContain('<script>');
        expect(svg).toContain('&lt;script&gt;');
        expect(renderSvg(evil)).not.toContain('<script>');
        const pdf = await readPdf((await exportImage(evil, { format: 'pdf' })).files[0]);
        expect(pdf.pages[0].items.map(item => item.text).join('')).toContain('<script>alert(1)</script>');
        expect(decodePng((await exportImage(evil, { format: 'png', scale: 0.5 })).files[0]).width).toBeGreaterThan(0);
    });
});

describe('the WebAssembly rasteriser (VS Code extension)', { timeout: 120_000 }, () => {
    it('gives the same PNG as the native one', async () => {
        const { readFileSync } = await import('node:fs');
        const { createRequire } = await import('node:module');
        const wasm = await import('@resvg/resvg-wasm');
        const { wasmRasterizer } = await import('@blueprint/export');
        await wasm.initWasm(readFileSync(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm')));
        const layout = await layoutOf(FIXTURES + 'ko-card-loss.blueprint');
        const native = (await exportImage(layout, { format: 'png', scale: 1 })).files[0];
        const viaWasm = (await exportImage(layout, { format: 'png', scale: 1, rasterizer: wasmRasterizer(wasm) })).files[0];
        expect(decodePng(viaWasm).width).toBe(decodePng(native).width);
        expect(Buffer.from(viaWasm).equals(Buffer.from(native))).toBe(true);
    });
});
