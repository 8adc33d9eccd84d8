/**
 * Line breaking for box labels in every script, without a browser:
 * - Latin, Korean and other scripts written with spaces break at spaces only (Korean is written
 *   word by word, so a line never breaks inside a word: 조회, not 조/회);
 * - Chinese and Japanese break between any two characters, with the usual kinsoku rules: closing
 *   punctuation (`）`, `。`, `、`, small kana…) never starts a line and opening punctuation (`（`,
 *   `「`…) never ends one;
 * - Thai, Lao, Khmer and Myanmar, written without spaces, break where `Intl.Segmenter` finds words;
 * - grapheme clusters (`Intl.Segmenter`) are never split, and a word wider than the line is broken
 *   only as a last resort, into pieces of even width (no lone letter on the last line).
 * Lines are then balanced: the narrowest width that keeps the same number of lines is used, so no
 * label ends with a lone character on its last line.
 */
import { estimateTextWidth } from './text-measure.js';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const words = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Han ideographs, kana, CJK symbols and full-width forms: a line may break around each one. */
const IDEOGRAPHIC = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\u30fc\uff00-\uff60\uffe0-\uffe6\u3190-\u319f\u31f0-\u31ff]/u;
/** Scripts written without spaces whose words only a dictionary finds. */
const DICTIONARY_SCRIPT = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** Kinsoku: never at the start of a line. */
const NO_LINE_START = new Set([...')]}〕〉》」』】〙〗〟’”｠»、。，．,.:;!?！？：；・ー～…‥％%ゝゞヽヾ々〻゛゜'
    + 'ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ）］｝｣〜']);
/** Kinsoku: never at the end of a line. */
const NO_LINE_END = new Set([...'([{〔〈《「『【〘〖〝‘“｟«（［｛｢']);

/**
 * Breaks `text` into lines no wider than `maxWidth` (estimated at `fontSize` pixels); whitespace
 * runs count as one space. Always returns at least one line.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
    // Labels rarely change between two layouts of a document (live preview): remember recent ones.
    const key = `${maxWidth}\u0000${fontSize}\u0000${text}`;
    const known = wrapCache.get(key);
    if (known) return [...known];
    // `?? ''`: a label missing from a partial AST is drawn empty rather than breaking the diagram.
    const lines = balance((text ?? '').trim().replace(/\s+/g, ' '), maxWidth, fontSize);
    wrapCache.set(key, lines);
    return [...lines];
}

/**
 * Recently wrapped texts in two generations: when the newer one is full it becomes the older one,
 * and a text found in the older one moves up. Every label of one layout is found again in the
 * next, up to the size of a generation; clearing a single full map instead would give a
 * blueprint with more labels than it holds no hits at all.
 */
class RecentWraps {
    private newer = new Map<string, readonly string[]>();
    private older = new Map<string, readonly string[]>();

    constructor(private readonly generationSize: number) {}

    get(key: string): readonly string[] | undefined {
        const found = this.newer.get(key);
        if (found !== undefined) return found;
        const old = this.older.get(key);
        if (old !== undefined) this.set(key, old);
        return old;
    }

    set(key: string, lines: readonly string[]): void {
        if (this.newer.size >= this.generationSize) {
            this.older = this.newer;
            this.newer = new Map();
        }
        this.newer.set(key, lines);
    }
}

const wrapCache = new RecentWraps(60_000);

function balance(text: string, maxWidth: number, fontSize: number): string[] {
    const units = breakUnits(text);
    const greedy = fill(units, maxWidth, fontSize);
    const widestUnit = Math.max(...units.map(unit => estimateTextWidth(unit.trimEnd(), fontSize)));
    // A word had to be split: balancing would only split more of them.
    if (greedy.length < 2 || widestUnit > maxWidth) return greedy;
    const low = Math.max(widestUnit, Math.max(...greedy.map(line => estimateTextWidth(line, fontSize))) / greedy.length);
    const atLow = fill(units, low, fontSize);
    if (atLow.length <= greedy.length) return atLow;
    return narrowestWithGreedyLines(width => fill(units, width, fontSize), greedy, low, maxWidth);
}

/**
 * What `lay` makes at the narrowest width between `low` and `high` that needs no more lines than
 * `greedy` (its fill at `high`): a binary search to half a pixel, 12 steps at most.
 */
function narrowestWithGreedyLines(lay: (width: number) => string[], greedy: string[], low: number, high: number): string[] {
    let best = greedy;
    for (let i = 0; i < 12 && high - low > 0.5; i++) {
        const middle = (low + high) / 2;
        const candidate = lay(middle);
        if (candidate.length <= greedy.length) {
            best = candidate;
            high = middle;
        } else {
            low = middle;
        }
    }
    return best;
}

/**
 * The text cut at every break opportunity: each unit is kept whole on a line (its trailing space
 * is dropped at a line end).
 */
export function breakUnits(text: string): string[] {
    return PRINTABLE_ASCII.test(text) ? asciiBreakUnits(text) : segmentedBreakUnits(text);
}

/** Every character its own grapheme cluster, no ideographs, no dictionary scripts. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * `canBreakBetween` for printable ASCII, without the grapheme segmenter (most labels, and by far
 * the cheaper path for a blueprint of thousands of steps): a break follows a space unless the next
 * character is a space or must not start a line.
 */
function asciiBreakUnits(text: string): string[] {
    const units: string[] = [];
    let start = 0;
    for (let i = 1; i < text.length; i++) {
        const after = text[i];
        if (text[i - 1] === ' ' && after !== ' ' && !NO_LINE_START.has(after)) {
            units.push(text.slice(start, i));
            start = i;
        }
    }
    units.push(text.slice(start));
    return units;
}

function segmentedBreakUnits(text: string): string[] {
    const clusters = [...graphemes.segment(text)].map(part => part.segment);
    const wordStarts = new Set<number>();
    if (DICTIONARY_SCRIPT.test(text)) {
        for (const part of words.segment(text)) wordStarts.add(part.index);
    }
    const units: string[] = [];
    let current = '';
    let offset = 0;
    for (let i = 0; i < clusters.length; i++) {
        const cluster = clusters[i];
        if (i > 0 && current !== '' && canBreakBetween(clusters[i - 1], cluster, wordStarts.has(offset))) {
            units.push(current);
            current = '';
        }
        current += cluster;
        offset += cluster.length;
    }
    if (current !== '' || units.length === 0) units.push(current);
    return units;
}

function canBreakBetween(before: string, after: string, wordStart: boolean): boolean {
    if (after === ' ') return false;
    if (NO_LINE_START.has(after) || NO_LINE_END.has(before)) return false;
    if (before === ' ') return true;
    if (IDEOGRAPHIC.test(before) || IDEOGRAPHIC.test(after)) return true;
    return wordStart && (DICTIONARY_SCRIPT.test(before) || DICTIONARY_SCRIPT.test(after));
}

/** Greedy fill: as many units per line as fit; a unit wider than a line is split by grapheme clusters. */
function fill(units: readonly string[], maxWidth: number, fontSize: number): string[] {
    const lines: string[] = [];
    let current = '';
    for (const unit of units) {
        const candidate = current + unit;
        if (estimateTextWidth(candidate.trimEnd(), fontSize) <= maxWidth) {
            current = candidate;
            continue;
        }
        if (current.trim() !== '') lines.push(current.trimEnd());
        current = '';
        const word = unit.trimEnd();
        if (estimateTextWidth(word, fontSize) <= maxWidth) {
            current = unit;
            continue;
        }
        // Last resort: the word alone is wider than the line.
        const pieces = splitByClusters(word, maxWidth, fontSize);
        lines.push(...pieces.slice(0, -1));
        current = pieces[pieces.length - 1] + unit.slice(word.length);
    }
    if (current.trim() !== '' || lines.length === 0) lines.push(current.trimEnd());
    return lines;
}

/**
 * A word wider than the line, cut between grapheme clusters into as few pieces as a greedy cut
 * gives, balanced: the narrowest width with that many pieces, so the last is no lone letter.
 */
function splitByClusters(word: string, maxWidth: number, fontSize: number): string[] {
    const clusters = [...graphemes.segment(word)].map(part => part.segment);
    const greedy = cutClusters(clusters, maxWidth, fontSize);
    if (greedy.length < 2) return greedy;
    return narrowestWithGreedyLines(width => cutClusters(clusters, width, fontSize), greedy, estimateTextWidth(word, fontSize) / greedy.length, maxWidth);
}

function cutClusters(clusters: readonly string[], maxWidth: number, fontSize: number): string[] {
    const pieces: string[] = [];
    let current = '';
    for (const segment of clusters) {
        if (current !== '' && estimateTextWidth(current + segment, fontSize) > maxWidth) {
            pieces.push(current);
            current = '';
        }
        current += segment;
    }
    pieces.push(current);
    return pieces;
}
