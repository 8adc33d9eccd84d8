/**
 * The export fonts subset to what a picture draws: the same pixels as the whole fonts, from files a
 * fraction of the size (resvg re-reads its font files for every text element it shapes).
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledFonts, nativeRasterizer, svgsToPng, type FontSet, type RasterSettings } from '@blueprint/export';

/** The font bytes the PNG export hands its rasteriser for these pictures (the public way to see the subsets). */
async function fontBytesFor(svgs: readonly string[], fonts: FontSet): Promise<readonly Uint8Array[]> {
    let seen: RasterSettings | undefined;
    await svgsToPng(svgs, { fonts, rasterizer: (_svg, settings) => { seen = settings; return new Uint8Array(); } });
    return seen!.fontBuffers;
}

const same = (a: readonly Uint8Array[], b: readonly Uint8Array[]) => a.length === b.length && a.every((bytes, index) => Buffer.from(bytes).equals(Buffer.from(b[index])));

describe('the characters a picture draws', { timeout: 120_000 }, () => {
    const fonts = bundledFonts();

    it('are the text content with entities decoded, without style sheets, comments or markup', async () => {
        const marked = '<svg><style>.a { font-family: Zzz; }</style><!-- Qq --><text class="b">A&amp;B &lt;&#x3b1;&#946;&gt;</text><tspan>고객</tspan></svg>';
        const plain = '<svg><text>A&amp;B &lt;αβ&gt;</text><text>고객</text></svg>';
        expect(same(await fontBytesFor([marked], fonts), await fontBytesFor([plain], fonts))).toBe(true);
        // ... and a character more is a different subset, so the comparison above can fail.
        expect(same(await fontBytesFor([marked], fonts), await fontBytesFor(['<svg><text>A&amp;B &lt;αβ&gt;Z</text><text>고객</text></svg>'], fonts))).toBe(false);
    });

    it('are those of every page of one export together', async () => {
        expect(same(await fontBytesFor(['<svg><text>고</text></svg>', '<svg><text>객</text></svg>'], fonts), await fontBytesFor(['<svg><text>고객</text></svg>'], fonts))).toBe(true);
    });
});

describe('the subset fonts', { timeout: 120_000 }, () => {
    const fonts = bundledFonts();

    it('keeps only the glyphs drawn, and the picture is the one the whole fonts give', async () => {
        const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="420" height="60"><rect width="420" height="60" fill="#fff"/>'
            + '<text x="8" y="40" font-size="24" font-family="Noto Sans S Chinese, Noto Sans Korean">Hotline 排队 고객센터</text>'
            + '<text x="8" y="56" font-size="12" font-weight="700" font-family="Noto Sans S Chinese">Bold ⩽ 15 s</text></svg>';
        const subsets = await fontBytesFor([svg], fonts);
        const wholes = fonts.fonts.map(font => readFileSync(font.file));
        subsets.forEach((subset, index) => expect(subset.byteLength).toBeLessThan(wholes[index].byteLength / 20));
        const settings = { scale: 1, defaultFamily: 'Noto Sans S Chinese' };
        const fromSubsets = nativeRasterizer(svg, { ...settings, fontBuffers: subsets });
        const fromWholes = nativeRasterizer(svg, { ...settings, fontBuffers: wholes });
        expect(Buffer.from(fromSubsets).equals(Buffer.from(fromWholes))).toBe(true);
    });

    it('falls back to the whole file where a font cannot be subset', async () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'blueprint-font-test-'));
        const notAFont = path.join(folder, 'broken.otf');
        writeFileSync(notAFont, 'not a font at all');
        const [bytes] = await fontBytesFor(['<svg><text>abc</text></svg>'], { fonts: [{ ...fonts.fonts[0], file: notAFont }] });
        expect(Buffer.from(bytes).toString()).toBe('not a font at all');
    });
});
