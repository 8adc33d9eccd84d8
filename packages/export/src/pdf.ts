/**
 * Pages → vector PDF with pdfkit and svg-to-pdfkit: shapes stay vectors and labels stay text (with
 * the used glyphs of the bundled fonts embedded), so the PDF can be searched and copied from.
 */
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { flattenDescendantSelectors } from './flatten-css.js';
import { splitHaloText } from './halo-text.js';
import { containsHangul, fontFor, type FontScript, type FontSet } from './fonts.js';
import type { Page } from './pages.js';

export interface PdfOptions {
    readonly fonts: FontSet;
    readonly title: string;
    /** Fixed for reproducible files; defaults to the epoch so the same input gives the same bytes. */
    readonly creationDate?: Date;
}

export function pagesToPdf(pages: readonly Page[], options: PdfOptions): Promise<Uint8Array> {
    const regular = fontFor(options.fonts, 'han', 'regular');
    const doc = new PDFDocument({
        autoFirstPage: false,
        margin: 0,
        font: regular.file,
        info: { Title: options.title, Creator: 'Blueprint', Producer: 'Blueprint', CreationDate: options.creationDate ?? new Date(0) }
    });
    // Fonts are named by their file: pdfkit caches a font under the name it was first asked for, and
    // asked by another name for a file it already has, it parses the file again on every text element.
    const fontFile = (script: FontScript, bold: boolean) => fontFor(options.fonts, script, bold ? 'bold' : 'regular').file;
    const chunks: Uint8Array[] = [];
    const finished = new Promise<Uint8Array>((resolve, reject) => {
        doc.on('data', chunk => chunks.push(chunk));
        doc.on('end', () => resolve(Buffer.concat(chunks)));
        doc.on('error', error => reject(error));
    });
    const warnings: string[] = [];
    for (const page of pages) {
        doc.addPage({ size: [page.width, page.height], margin: 0 });
        SVGtoPDF(doc, markHangulText(flattenDescendantSelectors(splitHaloText(page.svg))), 0, 0, {
            width: page.width,
            height: page.height,
            assumePt: true,
            fontCallback: (family, bold) => fontFile(firstFamily(family).includes('Korean') ? 'hangul' : 'han', bold),
            warningCallback: message => warnings.push(message)
        });
        // A page that svg-to-pdfkit could not parse comes out blank: fail instead of writing it.
        const broken = warnings.find(message => /pars/i.test(message));
        if (broken) throw new Error(`PDF export: ${broken}`);
    }
    doc.end();
    return finished;
}

/**
 * svg-to-pdfkit draws a text element with one font (it has no per-glyph fallback): a text holding
 * Hangul is given the Korean font, whose Latin and common Hanja cover the rest of such a label.
 */
export function markHangulText(svg: string): string {
    return svg.replace(/<text\b([^>]*)>([\s\S]*?)<\/text>/g, (whole, attributes: string, content: string) =>
        containsHangul(content)
            ? `<text${attributes.replace(/\sfont-family="[^"]*"/, '')} font-family="${fontFamilyName('hangul')}">${content}</text>`
            : whole);
}

function fontFamilyName(script: FontScript): string {
    return script === 'hangul' ? 'Noto Sans Korean' : 'Noto Sans S Chinese';
}

/** `"Noto Sans S Chinese", "Noto Sans Korean", sans-serif` → `Noto Sans S Chinese`. */
function firstFamily(list: string): string {
    return list.split(',')[0].trim().replace(/^["']|["']$/g, '');
}
