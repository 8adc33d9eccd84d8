/**
 * Text width estimation without a browser: the layout runs in Node (server, CLI), so label widths
 * come from per-character advance estimates for a generic sans-serif font. CJK and other wide
 * characters take a full em; Latin letters take their typical proportional share.
 */

/** Advance widths in em for ASCII characters that differ noticeably from the average. */
const NARROW = new Set([...'iljI.,;:!|\'`']);
const SEMI_NARROW = new Set([...'frt()[]{}/\\-" ']);
const WIDE = new Set([...'mwMW@']);
const UPPER_AVERAGE = 0.66;
const LOWER_AVERAGE = 0.55;

/** True for characters drawn full width: CJK ideographs, kana, hangul, full-width forms, emoji. */
export function isWideCharacter(codePoint: number): boolean {
    return (codePoint >= 0x1100 && codePoint <= 0x115f)
        // ‥ and ※, Japanese punctuation that CJK fonts draw full width.
        || codePoint === 0x2025 || codePoint === 0x203b
        || (codePoint >= 0x2e80 && codePoint <= 0x303e)
        || (codePoint >= 0x3041 && codePoint <= 0x33ff)
        || (codePoint >= 0x3400 && codePoint <= 0x4dbf)
        || (codePoint >= 0x4e00 && codePoint <= 0x9fff)
        || (codePoint >= 0xa000 && codePoint <= 0xa4cf)
        || (codePoint >= 0xac00 && codePoint <= 0xd7a3)
        || (codePoint >= 0xf900 && codePoint <= 0xfaff)
        || (codePoint >= 0xfe30 && codePoint <= 0xfe4f)
        || (codePoint >= 0xff00 && codePoint <= 0xff60)
        || (codePoint >= 0xffe0 && codePoint <= 0xffe6)
        || (codePoint >= 0x1f300 && codePoint <= 0x1faff)
        || (codePoint >= 0x20000 && codePoint <= 0x3fffd);
}

const COMBINING = /^\p{M}$/u;

function characterWidth(character: string): number {
    const codePoint = character.codePointAt(0)!;
    if (isWideCharacter(codePoint)) return 1;
    // Accents and other combining marks sit on the character before them.
    if (COMBINING.test(character)) return 0;
    // Half-width katakana and punctuation (ｶﾀｶﾅ, ｡｢｣､): half an em, as their name says.
    if (codePoint >= 0xff61 && codePoint <= 0xff9f) return 0.5;
    if (NARROW.has(character)) return 0.28;
    if (SEMI_NARROW.has(character)) return 0.36;
    if (WIDE.has(character)) return 0.85;
    if (character >= 'A' && character <= 'Z') return UPPER_AVERAGE;
    if (character >= '0' && character <= '9') return 0.56;
    return LOWER_AVERAGE;
}

/** Estimated width in pixels of `text` drawn at `fontSize` pixels. */
export function estimateTextWidth(text: string, fontSize: number): number {
    // Each layout measures every label, badge and chip again, mostly the same texts: remember them.
    let ems = widthCache.get(text);
    if (ems === undefined) {
        ems = 0;
        // `?? ''`: a chip whose name a partial AST lacks is measured empty, as `wrapText` draws it.
        for (const character of text ?? '') ems += characterWidth(character);
        if (widthCache.size >= WIDTH_CACHE_SIZE) widthCache.clear();
        widthCache.set(text, ems);
    }
    return ems * fontSize;
}

/** Width in em of recently measured texts. */
const widthCache = new Map<string, number>();
const WIDTH_CACHE_SIZE = 50_000;

/**
 * Renderers pick the first installed font of a generic stack (system-ui first), which can be
 * wider than the estimate: Noto and Cantarell run about 10 % wider, 20 % in bold. Text that must
 * stay inside a drawn shape (badges, chips, legend, notes) is measured with these margins.
 */
const REGULAR_MARGIN = 1.1;
const BOLD_MARGIN = 1.22;

/** Width to reserve for `text` so that it fits in any likely font; bold text is wider. */
export function reservedTextWidth(text: string, fontSize: number, bold = false): number {
    return estimateTextWidth(text, fontSize) * (bold ? BOLD_MARGIN : REGULAR_MARGIN);
}
