// The parts of pdfkit and svg-to-pdfkit this package calls (neither ships types).
declare module 'pdfkit' {
    interface PdfKitOptions {
        size?: [number, number];
        margin?: number;
        autoFirstPage?: boolean;
        font?: string | false;
        info?: Record<string, string | Date>;
        lang?: string;
    }
    class PDFDocument {
        constructor(options?: PdfKitOptions);
        registerFont(name: string, source: string | Uint8Array): this;
        addPage(options?: PdfKitOptions): this;
        on(event: 'data', listener: (chunk: Uint8Array) => void): this;
        on(event: 'end' | 'error', listener: (error?: Error) => void): this;
        end(): void;
    }
    export default PDFDocument;
}

declare module 'svg-to-pdfkit' {
    import type PDFDocument from 'pdfkit';
    interface SvgToPdfOptions {
        width?: number;
        height?: number;
        preserveAspectRatio?: string;
        assumePt?: boolean;
        fontCallback?: (family: string, bold: boolean, italic: boolean) => string;
        warningCallback?: (message: string) => void;
    }
    function SVGtoPDF(doc: PDFDocument, svg: string, x: number, y: number, options?: SvgToPdfOptions): void;
    export default SVGtoPDF;
}

declare module 'subset-font' {
    interface SubsetFontOptions {
        targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype';
        preserveNameIds?: number[];
        noLayoutClosure?: boolean;
    }
    function subsetFont(font: Buffer, text: string, options?: SubsetFontOptions): Promise<Buffer>;
    export default subsetFont;
}
