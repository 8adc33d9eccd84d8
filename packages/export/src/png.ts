/**
 * SVG → PNG with resvg (a Rust SVG renderer, no browser). Only the bundled fonts are loaded, never
 * the machine's, so the same SVG gives the same bytes on every machine and run.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drawnCharacters, subsetFontBytes } from './font-subset.js';
import { fontFor, type FontSet } from './fonts.js';
import { resvgWasmRasterizer } from './png-wasm.js';

export interface PngOptions {
    readonly fonts: FontSet;
    /** Device pixels per SVG pixel (2 for a sharp picture on a slide). */
    readonly scale?: number;
    /** A rasteriser other than the default one (see {@link defaultRasterizer}). */
    readonly rasterizer?: SvgRasterizer;
}

/**
 * Draws the pictures of one export (one per page), all with the same settings: what both
 * `@resvg/resvg-js` (native) and `@resvg/resvg-wasm` offer, wrapped to one call.
 */
export type SvgRasterizer = (svgs: readonly string[], settings: RasterSettings) => Uint8Array[];

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
    const rasterize = options.rasterizer ?? await defaultRasterizer();
    const settings: RasterSettings = {
        scale: options.scale ?? DEFAULT_PNG_SCALE,
        fontBuffers: await subsetFontBytes(options.fonts, drawnCharacters(svgs.join(''))),
        defaultFamily: fontFor(options.fonts, 'han', 'regular').family
    };
    // resvg 2.6 aborts the process on a marker with a clipped overflow inside a clipped group (as
    // pages have); the diagram's markers lie within their own box, so letting them overflow changes nothing.
    return rasterize(svgs.map(svg => svg.replace(/<marker\b(?![^>]*\boverflow=)/g, '<marker overflow="visible"')), settings);
}

/**
 * resvg's WebAssembly build where a bundle ships it beside itself as `resvg.wasm` (the
 * service-blueprint package and the extension, one file for every platform), else the native
 * binary from node_modules. Both give the same bytes.
 */
export async function defaultRasterizer(): Promise<SvgRasterizer> {
    const wasm = fileURLToPath(new URL('./resvg.wasm', import.meta.url));
    return existsSync(wasm) ? resvgWasmRasterizer(wasm) : nativeRasterizer;
}

interface ResvgModule {
    Resvg: new (svg: string, options: object) => { render(): { asPng(): Uint8Array } };
}

function loadNativeResvg(): ResvgModule {
    try {
        // Loaded through require: the package picks its platform binary at load time (CommonJS).
        return createRequire(import.meta.url)('@resvg/resvg-js') as ResvgModule;
    } catch (error) {
        throw new Error(`PNG export needs resvg, which could not be loaded (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); `
            + 'install it with `npm install @resvg/resvg-js`, or export SVG or PDF instead');
    }
}

/**
 * `@resvg/resvg-js`: a prebuilt binary per platform, installed by npm as an optional dependency.
 * Its options cross to Rust as JSON, so fonts can only be files: the subsets go to a private
 * temporary folder once for all the pages, removed afterwards.
 */
export const nativeRasterizer: SvgRasterizer = (svgs, settings) => {
    const { Resvg } = loadNativeResvg();
    const folder = mkdtempSync(path.join(tmpdir(), 'blueprint-fonts-'));
    try {
        const fontFiles = settings.fontBuffers.map((bytes, index) => {
            const file = path.join(folder, `${index}.otf`);
            writeFileSync(file, bytes);
            return file;
        });
        const options = {
            fitTo: { mode: 'zoom', value: settings.scale },
            font: { loadSystemFonts: false, fontFiles, defaultFontFamily: settings.defaultFamily, sansSerifFamily: settings.defaultFamily },
            shapeRendering: 2,
            textRendering: 1,
            logLevel: 'off'
        };
        return svgs.map(svg => new Resvg(svg, options).render().asPng());
    } finally {
        rmSync(folder, { recursive: true, force: true });
    }
};
