/**
 * SVG → PNG with resvg (a Rust SVG renderer, no browser). Only the bundled fonts are loaded, never
 * the machine's, so the same SVG gives the same bytes on every machine and run.
 */
import { createRequire } from 'node:module';
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
    readonly fonts: FontSet;
    /** The family used where the SVG names none that is loaded. */
    readonly defaultFamily: string;
}

export const DEFAULT_PNG_SCALE = 2;

export function svgToPng(svg: string, options: PngOptions): Uint8Array {
    const rasterize = options.rasterizer ?? nativeRasterizer;
    // resvg 2.6 aborts the process on a marker with a clipped overflow inside a clipped group (as
    // pages have); the diagram's markers lie within their own box, so letting them overflow changes nothing.
    return rasterize(svg.replace(/<marker\b(?![^>]*\boverflow=)/g, '<marker overflow="visible"'), {
        scale: options.scale ?? DEFAULT_PNG_SCALE,
        fonts: options.fonts,
        defaultFamily: fontFor(options.fonts, 'han', 'regular').family
    });
}

interface ResvgModule {
    Resvg: new (svg: string, options: object) => { render(): { asPng(): Uint8Array } };
}

/** `@resvg/resvg-js`: a prebuilt binary per platform, installed by npm as an optional dependency. */
export const nativeRasterizer: SvgRasterizer = (svg, settings) => {
    // Loaded through require: the package picks its platform binary at load time (CommonJS).
    const { Resvg } = createRequire(import.meta.url)('@resvg/resvg-js') as ResvgModule;
    const renderer = new Resvg(svg, {
        fitTo: { mode: 'zoom', value: settings.scale },
        font: {
            loadSystemFonts: false,
            fontFiles: settings.fonts.fonts.map(font => font.file),
            defaultFontFamily: settings.defaultFamily,
            sansSerifFamily: settings.defaultFamily
        },
        shapeRendering: 2,
        textRendering: 1,
        logLevel: 'off'
    });
    return renderer.render().asPng();
};
