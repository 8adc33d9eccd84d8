/**
 * Entry of `dist/export.cjs`, loaded only when the user exports from the preview: the picture
 * formats of @blueprint/export with resvg's WebAssembly build (one .vsix for every platform, no
 * native binary) and the fonts shipped in `dist/fonts`, so PNG and PDF match the CLI's byte for
 * byte; the files for other tools (draw.io, Mermaid), the same as `blueprint export` writes; and
 * the workbook.
 */
import * as path from 'node:path';
import type { BlueprintLayout } from '@blueprint/diagram';
import { bundledFonts, exportCsv, exportDrawio, exportImage, exportMermaid, exportXlsx, resvgWasmRasterizer, svgToPng, type ExportedImage, type ImageFormat, type PageKind } from '@blueprint/export';
import { createBlueprintCoreServices, loadAndValidate } from '@blueprint/language';
import { analyseBlueprint } from '@blueprint/model';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';

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

let workbookServices: ReturnType<typeof createBlueprintCoreServices>['Blueprint'] | undefined;

/**
 * The workbook (xlsx) or the steps table (csv) of a blueprint, from the editor's text: the review's
 * tables need the model and its analysis, which the diagram does not carry. Imported files are read
 * from disk, as the CLI reads them.
 */
export async function exportWorkbook(uri: string, text: string, format: 'xlsx' | 'csv'): Promise<{ readonly files: readonly Uint8Array[] }> {
    // The core services (parse, link, validate, model): no LSP features are needed for a table.
    workbookServices ??= createBlueprintCoreServices({ ...NodeFileSystem }, { batch: true }).Blueprint;
    const services = workbookServices;
    const documents = services.shared.workspace.LangiumDocuments;
    const target = URI.parse(uri);
    // A fresh parse of the current text each time; imported documents stay cached.
    if (documents.hasDocument(target)) documents.deleteDocument(target);
    documents.addDocument(services.shared.workspace.LangiumDocumentFactory.fromString(text, target));
    const { documents: [document] } = await loadAndValidate(services, [target]);
    const model = services.model.BlueprintModelProvider.getDocumentModel(document);
    if (!model) throw new Error('the file holds no blueprint (only shared declarations), or it cannot be read');
    const analysis = services.model.BlueprintAnalysisProvider.getDocumentAnalysis(document) ?? analyseBlueprint(model);
    return { files: [format === 'xlsx' ? await exportXlsx(model, analysis) : new TextEncoder().encode(exportCsv(model, 'steps', analysis))] };
}
