/**
 * SVG → PNG with resvg (a Rust SVG renderer, no browser). Only the bundled fonts are loaded, never
 * the machine's, so the same SVG gives the same bytes on every machine and run.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { drawnCharacters, subsetFontBytes } from './font-subset.js';
import { fontFor, type FontSet } from './fonts.js';

export interface PngOptions {
    readonly fonts: FontSet;
    /** Device pixels per SVG pixel (2 for a sharp picture on a slide). */
    readonly scale?: number;
    /** A rasteriser other than the native one, e.g. resvg's WebAssembly build in the VS Code extension. */
    readonly rasterizer?: SvgRasterizer;
}

/** What both `@resvg/resvg-js` (native) and `@resvg/resvg-wasm` offer, wrapped to one call. */
export type SvgRasterizer = (svg: string, settings: RasterSettings) => Uint8Array;

export interface RasterSettings {
    readonly scale: number;
    /** The export fonts as bytes, subset to the characters the pictures draw. */
    readonly fontBuffers: readonly Uint8Array[];
    /** The family used where the SVG names none that is loaded. */
    readonly defaultFamily: string;
}

export const DEFAULT_PNG_SCALE = 2;

export async function svgToPng(svg: string, options: PngOptions): Promise<Uint8Array> {
    return (await svgsToPng([svg], options))[0];
}

/** Several pictures (the pages of one export) with the fonts subset once for all of them. */
export async function svgsToPng(svgs: readonly string[], options: PngOptions): Promise<Uint8Array[]> {
    const rasterize = options.rasterizer ?? nativeRasterizer;
    const settings: RasterSettings = {
        scale: options.scale ?? DEFAULT_PNG_SCALE,
        fontBuffers: await subsetFontBytes(options.fonts, drawnCharacters(svgs.join(''))),
        defaultFamily: fontFor(options.fonts, 'han', 'regular').family
    };
    // resvg 2.6 aborts the process on a marker with a clipped overflow inside a clipped group (as
    // pages have); the diagram's markers lie within their own box, so letting them overflow changes nothing.
    return svgs.map(svg => rasterize(svg.replace(/<marker\b(?![^>]*\boverflow=)/g, '<marker overflow="visible"'), settings));
}

interface ResvgModule {
    Resvg: new (svg: string, options: object) => { render(): { asPng(): Uint8Array } };
}

/**
 * `@resvg/resvg-js`: a prebuilt binary per platform, installed by npm as an optional dependency.
 * Its options cross to Rust as JSON, so fonts can only be files: the subsets go to a private
 * temporary folder for the one call, removed afterwards.
 */
export const nativeRasterizer: SvgRasterizer = (svg, settings) => {
    // Loaded through require: the package picks its platform binary at load time (CommonJS).
    const { Resvg } = createRequire(import.meta.url)('@resvg/resvg-js') as ResvgModule;
    const folder = mkdtempSync(path.join(tmpdir(), 'blueprint-fonts-'));
    try {
        const fontFiles = settings.fontBuffers.map((bytes, index) => {
            const file = path.join(folder, `${index}.otf`);
            writeFileSync(file, bytes);
            return file;
        });
        const renderer = new Resvg(svg, {
            fitTo: { mode: 'zoom', value: settings.scale },
            font: { loadSystemFonts: false, fontFiles, defaultFontFamily: settings.defaultFamily, sansSerifFamily: settings.defaultFamily },
            shapeRendering: 2,
            textRendering: 1,
            logLevel: 'off'
        });
        return renderer.render().asPng();
    } finally {
        rmSync(folder, { recursive: true, force: true });
    }
};
