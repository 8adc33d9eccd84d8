/**
 * Entry of `dist/export.cjs`, loaded only when the user exports from the preview: the picture
 * formats of @blueprint/export with resvg's WebAssembly build (one .vsix for every platform, no
 * native binary) and the fonts shipped in `dist/fonts`, so PNG and PDF match the CLI's byte for
 * byte; and the files for other tools (draw.io, Mermaid), the same as `blueprint export` writes.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import type { BlueprintLayout } from '@blueprint/diagram';
import { bundledFonts, exportDrawio, exportImage, exportMermaid, svgToPng, wasmRasterizer, type ExportedImage, type ImageFormat, type PageKind } from '@blueprint/export';

let ready: Promise<void> | undefined;

function initialise(distDirectory: string): Promise<void> {
    ready ??= readFile(path.join(distDirectory, 'resvg.wasm')).then(bytes => initWasm(bytes));
    return ready;
}

export async function exportDiagram(layout: BlueprintLayout, format: ImageFormat, page: PageKind | undefined, distDirectory: string): Promise<ExportedImage> {
    await initialise(distDirectory);
    return exportImage(layout, { format, page, fonts: bundledFonts(path.join(distDirectory, 'fonts')), rasterizer: wasmRasterizer({ Resvg }) });
}

/** The formats of `blueprint export`, as UTF-8 file content. */
export function exportDocument(layout: BlueprintLayout, format: 'drawio' | 'mermaid' | 'mermaid-swimlane'): Uint8Array {
    const text = format === 'drawio' ? exportDrawio(layout) : exportMermaid(layout, { dialect: format === 'mermaid-swimlane' ? 'swimlane' : 'flowchart' });
    return new TextEncoder().encode(text);
}

/** A PNG of an SVG the language server drew (the `render` language-model tool), with the bundled fonts. */
export async function rasterizeSvg(svg: string, distDirectory: string): Promise<Uint8Array> {
    await initialise(distDirectory);
    return svgToPng(svg, { fonts: bundledFonts(path.join(distDirectory, 'fonts')), rasterizer: wasmRasterizer({ Resvg }) });
}
