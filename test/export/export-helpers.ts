/** Shared by the export tests: laid-out examples, PDF text with sizes (pdf.js), decoded PNGs. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { layoutBlueprint, stripRanges, type BlueprintLayout } from '@blueprint/diagram';
import { PNG } from 'pngjs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadExampleModel, EXAMPLES_ROOT } from '../diagram/diagram-helpers.js';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
export { EXAMPLES_ROOT };

export async function layoutOf(file: string): Promise<BlueprintLayout> {
    const { model, errors } = await loadExampleModel(file);
    if (!model || errors.length > 0) throw new Error(`${file}: ${errors.join('; ')}`);
    return stripRanges(await layoutBlueprint(model));
}

export interface PdfText {
    readonly pages: readonly { readonly width: number; readonly height: number; readonly items: readonly { readonly text: string; readonly size: number }[] }[];
}

/** The text pdf.js finds on each page (what a reader can select and search), with its size in points. */
export async function readPdf(bytes: Uint8Array): Promise<PdfText> {
    const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
    const pages = [];
    for (let number = 1; number <= document.numPages; number++) {
        const page = await document.getPage(number);
        const viewport = page.getViewport({ scale: 1 });
        const content = await page.getTextContent();
        const items = content.items.flatMap(item => 'str' in item && item.str.trim() !== ''
            ? [{ text: item.str, size: Math.hypot(item.transform[2], item.transform[3]) }]
            : []);
        pages.push({ width: viewport.width, height: viewport.height, items });
    }
    await document.destroy();
    return { pages };
}

export function decodePng(bytes: Uint8Array): PNG {
    return PNG.sync.read(Buffer.from(bytes));
}

/** Pixels that are not (nearly) white: the ink of what was drawn. */
export function inkPixels(png: PNG): number {
    let ink = 0;
    for (let i = 0; i < png.data.length; i += 4) {
        if (png.data[i] < 200 || png.data[i + 1] < 200 || png.data[i + 2] < 200) ink++;
    }
    return ink;
}

export function readFixture(name: string): string {
    return readFileSync(FIXTURES + name, 'utf8');
}
