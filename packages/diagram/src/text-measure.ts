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

function characterWidth(character: string): number {
    const codePoint = character.codePointAt(0)!;
    if (isWideCharacter(codePoint)) return 1;
    if (NARROW.has(character)) return 0.28;
    if (SEMI_NARROW.has(character)) return 0.36;
    if (WIDE.has(character)) return 0.85;
    if (character >= 'A' && character <= 'Z') return UPPER_AVERAGE;
    if (character >= '0' && character <= '9') return 0.56;
    return LOWER_AVERAGE;
}

/** Estimated width in pixels of `text` drawn at `fontSize` pixels. */
export function estimateTextWidth(text: string, fontSize: number): number {
    let ems = 0;
    for (const character of text) ems += characterWidth(character);
    return ems * fontSize;
}

/**
 * Breaks `text` into lines no wider than `maxWidth`: at spaces for Latin text, between any two
 * characters of CJK text (which has no spaces), and inside a word only when the word alone is too wide.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
    // Labels rarely change between two layouts of a document (live preview): remember recent ones.
    const key = `${maxWidth}\u0000${fontSize}\u0000${text}`;
    const known = wrapCache.get(key);
    if (known) return [...known];
    const lines = wrapUncached(text, maxWidth, fontSize);
    if (wrapCache.size >= WRAP_CACHE_SIZE) wrapCache.clear();
    wrapCache.set(key, lines);
    return [...lines];
}

const wrapCache = new Map<string, readonly string[]>();
const WRAP_CACHE_SIZE = 20_000;

function wrapUncached(text: string, maxWidth: number, fontSize: number): string[] {
    const tokens = tokenize(text.trim().replace(/\s+/g, ' '));
    const lines: string[] = [];
    let current = '';
    for (const token of tokens) {
        const candidate = current + token;
        if (current === '' || estimateTextWidth(candidate.trimEnd(), fontSize) <= maxWidth) {
            current = candidate;
            continue;
        }
        lines.push(current.trimEnd());
        current = token.trimStart();
    }
    if (current.trim() !== '' || lines.length === 0) lines.push(current.trimEnd());
    return lines.flatMap(line => breakLongLine(line, maxWidth, fontSize));
}

/** Words (with their trailing space) and single wide characters, so CJK can break anywhere. */
function tokenize(text: string): string[] {
    const tokens: string[] = [];
    let word = '';
    for (const character of text) {
        if (isWideCharacter(character.codePointAt(0)!)) {
            if (word) tokens.push(word);
            tokens.push(character);
            word = '';
        } else if (character === ' ') {
            tokens.push(word + ' ');
            word = '';
        } else {
            word += character;
        }
    }
    if (word) tokens.push(word);
    return tokens;
}

function breakLongLine(line: string, maxWidth: number, fontSize: number): string[] {
    if (estimateTextWidth(line, fontSize) <= maxWidth) return [line];
    const pieces: string[] = [];
    let current = '';
    for (const character of line) {
        if (current !== '' && estimateTextWidth(current + character, fontSize) > maxWidth) {
            pieces.push(current);
            current = '';
        }
        current += character;
    }
    if (current) pieces.push(current);
    return pieces;
}
