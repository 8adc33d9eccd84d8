/**
 * The extension's export bundle (dist/export.cjs, built by `npm run build`) works from its own
 * folder: the WebAssembly renderer and the fonts it ships, no node_modules, same PNG as the CLI.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSvg } from '@blueprint/diagram';
import { bundledFonts, exportDrawio, exportImage, exportMermaid, svgToPng } from '@blueprint/export';
import { PNG } from 'pngjs';
import { REPO_ROOT } from '../../../test/cli/cli-harness.js';
import { FIXTURES, layoutOf, readPdf } from '../../../test/export/export-helpers.js';

const DIST = path.join(REPO_ROOT, 'packages/extension/dist');

describe('extension export bundle', { timeout: 120_000 }, () => {
    it('exports PNG identical to the CLI and a PDF with text, from dist alone', async () => {
        expect(existsSync(path.join(DIST, 'export.cjs')), 'run npm run build first').toBe(true);
        const bundle = createRequire(import.meta.url)(path.join(DIST, 'export.cjs')) as typeof import('../src/preview/export-bundle.js');
        const layout = await layoutOf(FIXTURES + 'ko-card-loss.blueprint');
        const png = await bundle.exportDiagram(layout, 'png', undefined, DIST);
        const native = await exportImage(layout, { format: 'png' });
        expect(Buffer.from(png.files[0]).equals(Buffer.from(native.files[0]))).toBe(true);
        const pdf = await bundle.exportDiagram(layout, 'pdf', 'a4', DIST);
        const text = (await readPdf(pdf.files[0])).pages.flatMap(page => page.items.map(item => item.text)).join('\n');
        expect(text).toContain('고객센터에 전화하기');
    });

    it('finds the font subsetter beside itself, not in node_modules (a .vsix ships none)', () => {
        const bundle = readFileSync(path.join(DIST, 'export.cjs'), 'utf8');
        expect(bundle).not.toContain('harfbuzzjs/dist/harfbuzz-subset.wasm');
        expect(bundle).toContain('harfbuzz-subset.wasm');
        expect(existsSync(path.join(DIST, 'harfbuzz-subset.wasm'))).toBe(true);
    });

    it('writes the draw.io and Mermaid files of the export menu as the CLI does', async () => {
        const bundle = createRequire(import.meta.url)(path.join(DIST, 'export.cjs')) as typeof import('../src/preview/export-bundle.js');
        const layout = await layoutOf(FIXTURES + 'ko-card-loss.blueprint');
        const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
        expect(text(bundle.exportDocument(layout, 'drawio'))).toBe(exportDrawio(layout));
        expect(text(bundle.exportDocument(layout, 'mermaid'))).toBe(exportMermaid(layout));
        expect(text(bundle.exportDocument(layout, 'mermaid-swimlane'))).toBe(exportMermaid(layout, { dialect: 'swimlane' }));
        expect(text(bundle.exportDocument(layout, 'mermaid-swimlane'))).toMatch(/^swimlane-beta LR$/m);
    });

    it('rasterises the SVG the language server draws for the render language-model tool', async () => {
        const bundle = createRequire(import.meta.url)(path.join(DIST, 'export.cjs')) as typeof import('../src/preview/export-bundle.js');
        const layout = await layoutOf(FIXTURES + 'ko-card-loss.blueprint');
        const svg = renderSvg(layout, { theme: 'light' });
        const png = await bundle.rasterizeSvg(svg, DIST);
        const decoded = PNG.sync.read(Buffer.from(png));
        expect([decoded.width, decoded.height]).toEqual([Math.ceil(layout.width * 2), Math.ceil(layout.height * 2)]);
        // The WebAssembly build with the shipped fonts draws what the native renderer draws.
        expect(Buffer.from(png).equals(Buffer.from(await svgToPng(svg, { fonts: bundledFonts() })))).toBe(true);
    });
});
