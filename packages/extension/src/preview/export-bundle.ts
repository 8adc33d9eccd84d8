/**
 * Entry of `dist/export.cjs`, loaded only when the user exports from the preview: the picture
 * formats of @blueprint/export with resvg's WebAssembly build (one .vsix for every platform, no
 * native binary) and the fonts shipped in `dist/fonts`, so PNG and PDF match the CLI's byte for
 * byte; and the files for other tools (draw.io, Mermaid), the same as `blueprint export` writes.
 * Everything here is drawn from the layout: no language services (the workbook, which needs the
 * model, comes from the language server as `blueprint/workbook`).
 */
import * as path from 'node:path';
import type { BlueprintLayout } from '@blueprint/diagram';
import { bundledFonts, exportDrawio, exportImage, exportMermaid, resvgWasmRasterizer, svgToPng, type ExportedImage, type ImageFormat, type PageKind } from '@blueprint/export';

/** The fonts and (for PNG) resvg's WebAssembly build that build.mjs copies beside this bundle. */
async function pictureOptions(distDirectory: string, format: ImageFormat = 'png') {
    const fonts = bundledFonts(path.join(distDirectory, 'fonts'));
    return format === 'png' ? { fonts, rasterizer: await resvgWasmRasterizer(path.join(distDirectory, 'resvg.wasm')) } : { fonts };
}

export async function exportDiagram(layout: BlueprintLayout, format: ImageFormat, page: PageKind | undefined, distDirectory: string): Promise<ExportedImage> {
    return exportImage(layout, { format, page, ...await pictureOptions(distDirectory, format) });
}

/** The formats of `blueprint export`, as UTF-8 file content. */
export function exportDocument(layout: BlueprintLayout, format: 'drawio' | 'mermaid' | 'mermaid-swimlane'): Uint8Array {
    const text = format === 'drawio' ? exportDrawio(layout) : exportMermaid(layout, { dialect: format === 'mermaid-swimlane' ? 'swimlane' : 'flowchart' });
    return new TextEncoder().encode(text);
}

/** A PNG of an SVG the language server drew (the `render` language-model tool), with the bundled fonts. */
export async function rasterizeSvg(svg: string, distDirectory: string): Promise<Uint8Array> {
    return svgToPng(svg, await pictureOptions(distDirectory));
}
