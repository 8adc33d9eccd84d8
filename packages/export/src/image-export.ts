/**
 * The diagram as a picture for a deck or a document: SVG, PNG or PDF, drawn from the layout alone
 * (never from a preview's DOM, so no selection or temporary highlight is ever exported).
 */
import { renderSvg, type BlueprintLayout, type SvgTheme } from '@blueprint/diagram';
import { EXPORT_FONT_FAMILY, bundledFonts, type FontSet } from './fonts.js';
import { fitToPages, wholeDrawingPage, type Page, type PageKind } from './pages.js';
import { pagesToPdf } from './pdf.js';
import { svgsToPng, type SvgRasterizer } from './png.js';

export type ImageFormat = 'svg' | 'png' | 'pdf';
export const IMAGE_FORMATS: readonly ImageFormat[] = ['svg', 'png', 'pdf'];

export interface ImageExportOptions {
    readonly format: ImageFormat;
    /** Fit on printed pages or slides; without it the picture is the whole drawing at once. */
    readonly page?: PageKind;
    readonly theme?: SvgTheme;
    /** PNG pixels per SVG pixel (default 2). */
    readonly scale?: number;
    /** Defaults to the fonts from the font packages. */
    readonly fonts?: FontSet;
    readonly rasterizer?: SvgRasterizer;
}

export interface ExportedImage {
    /** `svg`, `png` or `pdf`. */
    readonly extension: ImageFormat;
    readonly mimeType: string;
    /** One file, except PNG with `page`: one per page. */
    readonly files: readonly Uint8Array[];
}

const MIME: Readonly<Record<ImageFormat, string>> = { svg: 'image/svg+xml', png: 'image/png', pdf: 'application/pdf' };

export async function exportImage(layout: BlueprintLayout, options: ImageExportOptions): Promise<ExportedImage> {
    const svgOptions = { theme: options.theme ?? 'light', fontFamily: EXPORT_FONT_FAMILY };
    const result = (files: Uint8Array[]): ExportedImage => ({ extension: options.format, mimeType: MIME[options.format], files });
    if (options.format === 'svg') {
        const svgs = options.page ? fitToPages(layout, options.page, svgOptions).pages.map(page => page.svg) : [renderSvg(layout, svgOptions)];
        return result(svgs.map(svg => new TextEncoder().encode(svg)));
    }
    const fonts = options.fonts ?? bundledFonts();
    if (options.format === 'png') {
        const svgs = options.page ? fitToPages(layout, options.page, svgOptions).pages.map(page => page.svg) : [renderSvg(layout, svgOptions)];
        // Pages are laid out in points; 2 × 4/3 gives 192 dpi, the same sharpness as a 2× drawing.
        const scale = (options.scale ?? 2) * (options.page ? 4 / 3 : 1);
        return result(await svgsToPng(svgs, { fonts, scale, rasterizer: options.rasterizer }));
    }
    const pages: readonly Page[] = options.page ? fitToPages(layout, options.page, svgOptions).pages : [wholeDrawingPage(layout, svgOptions)];
    return result([await pagesToPdf(pages, { fonts, title: layout.title })]);
}
