/**
 * Line breaking for box labels in every script, without a browser:
 * - Latin, Korean and other scripts written with spaces break at spaces only (Korean is written
 *   word by word, so a line never breaks inside a word: 조회, not 조/회);
 * - Chinese and Japanese break between any two characters, with the usual kinsoku rules: closing
 *   punctuation (`）`, `。`, `、`, small kana…) never starts a line and opening punctuation (`（`,
 *   `「`…) never ends one; Japanese, among the ways with the fewest lines, takes the one breaking
 *   between phrases (ホテルの|フロントで), else between words (カスタマー|サポート), and inside
 *   a word (チェック|イン) the least;
 * - Thai, Lao, Khmer and Myanmar, written without spaces, break where `Intl.Segmenter` finds words;
 * - grapheme clusters (`Intl.Segmenter`) are never split, and a word wider than the line is broken
 *   only as a last resort, into pieces of even width (no lone letter on the last line).
 * Lines are then balanced: the narrowest width that keeps the same number of lines is used, so no
 * label ends with a lone character on its last line.
 */
import { canBreakBetween, DICTIONARY_SCRIPT, NO_LINE_START } from './break-opportunities.js';
import { isJapanese, japanesePhrases } from './japanese-phrases.js';
import { estimateTextWidth } from './text-measure.js';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const words = new Intl.Segmenter(undefined, { granularity: 'word' });

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
    if (!isJapanese(text)) return balanceUnits(breakUnits(text), maxWidth, fontSize);
    const japanese = japaneseLines(text, maxWidth, fontSize);
    if (japanese) return japanese;
    // A number or Latin word wider than the line: phrases, unless they take more lines than characters.
    const byPhrase = balanceUnits(breakUnits(text), maxWidth, fontSize);
    const byCharacter = balanceUnits(segmentedBreakUnits(text), maxWidth, fontSize);
    return byCharacter.length < byPhrase.length ? byCharacter : byPhrase;
}

function balanceUnits(units: readonly string[], maxWidth: number, fontSize: number): string[] {
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
 * `greedy` (its fill at `high`).
 */
function narrowestWithGreedyLines(lay: (width: number) => string[], greedy: string[], low: number, high: number): string[] {
    return narrowestKeeping(lay, candidate => candidate.length <= greedy.length, greedy, low, high);
}

/**
 * What `lay` makes at the narrowest width between `low` and `high` whose result `keeps` what
 * `atHigh` (its result at `high`) has: a binary search to half a pixel, 12 steps at most.
 */
function narrowestKeeping<T>(lay: (width: number) => T, keeps: (candidate: T) => boolean, atHigh: T, low: number, high: number): T {
    let best = atHigh;
    for (let i = 0; i < 12 && high - low > 0.5; i++) {
        const middle = (low + high) / 2;
        const candidate = lay(middle);
        if (keeps(candidate)) {
            best = candidate;
            high = middle;
        } else {
            low = middle;
        }
    }
    return best;
}

/**
 * The text cut at every break opportunity (in Japanese, between phrases): each unit is kept whole
 * on a line unless it is wider than one (its trailing space is dropped at a line end).
 */
export function breakUnits(text: string): string[] {
    if (PRINTABLE_ASCII.test(text)) return asciiBreakUnits(text);
    return isJapanese(text) ? japanesePhrases(text).map(phrase => phrase.map(word => word.text).join('')) : segmentedBreakUnits(text);
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

/** What one more line costs, more than all breaks inside phrases of any label together. */
const LINE_COST = 1_000_000;
/** A break inside a compound (カスタマー|サポート), before a particle or ending (フロント|で), inside a word (フロ|ント). */
const BREAK_IN_COMPOUND = 1;
const BREAK_BEFORE_ENDING = 2;
const BREAK_IN_WORD = 4;
/** A last line of one character, where a break before a particle would avoid it (ホテル|の鍵). */
const LONE_LAST_CHARACTER = 3;

/**
 * Japanese lines: as few as breaking between any two characters (kinsoku kept) gives, with the
 * fewest breaks inside phrases, at the narrowest width that keeps both (balanced, no lone
 * character on the last line). Undefined when a piece between two break opportunities is wider
 * than the line (a long number or Latin word): the phrase fill cuts those.
 */
function japaneseLines(text: string, maxWidth: number, fontSize: number): string[] | undefined {
    const units = segmentedBreakUnits(text);
    const penalties = breakPenalties(text, units);
    const prefix = [0];
    for (const unit of units) prefix.push(prefix[prefix.length - 1] + estimateTextWidth(unit, fontSize));
    const space = estimateTextWidth(' ', fontSize);
    const lineWidth = (from: number, to: number) => prefix[to] - prefix[from] - (units[to - 1].endsWith(' ') ? space : 0);
    let widestUnit = 0;
    for (let i = 0; i < units.length; i++) widestUnit = Math.max(widestUnit, lineWidth(i, i + 1));
    if (widestUnit > maxWidth) return undefined;
    const lone = units.map(unit => isOneCharacter(unit.trimEnd()));
    const lay = (width: number) => cheapestBreaks({ penalties, lone, lineWidth }, width);
    const greedy = lay(maxWidth);
    const low = Math.max(widestUnit, lineWidth(0, units.length) / Math.floor(greedy.cost / LINE_COST));
    const atLow = lay(low);
    const best = atLow.cost === greedy.cost ? atLow : narrowestKeeping(lay, candidate => candidate.cost === greedy.cost, greedy, low, maxWidth);
    return best.starts.map((start, i) => units.slice(start, best.starts[i + 1] ?? units.length).join('').trimEnd());
}

/** The cost of a break before each unit: none between phrases, more inside one, most inside a word. */
function breakPenalties(text: string, units: readonly string[]): number[] {
    const wordCosts = new Map<number, number>();
    let offset = 0;
    for (const phrase of japanesePhrases(text)) {
        phrase.forEach((word, index) => {
            wordCosts.set(offset, index === 0 ? 0 : word.ending ? BREAK_BEFORE_ENDING : BREAK_IN_COMPOUND);
            offset += word.text.length;
        });
    }
    const penalties: number[] = [];
    offset = 0;
    for (const unit of units) {
        penalties.push(wordCosts.get(offset) ?? BREAK_IN_WORD);
        offset += unit.length;
    }
    return penalties;
}

interface BreakCosts {
    /** The cost of a break before each unit. */
    readonly penalties: readonly number[];
    /** Whether each unit is one grapheme cluster. */
    readonly lone: readonly boolean[];
    /** The width of the line made of the units `from` up to `to` (excluded). */
    readonly lineWidth: (from: number, to: number) => number;
}

/**
 * The lines (the first unit of each) of least cost within `maxWidth`, by dynamic programming over
 * the unit boundaries; of two equal ways, the one with the longer first lines, as a greedy fill.
 */
function cheapestBreaks({ penalties, lone, lineWidth }: BreakCosts, maxWidth: number): { cost: number; starts: number[] } {
    const count = penalties.length;
    const cost = new Array<number>(count + 1).fill(Infinity);
    const lineStart = new Array<number>(count + 1).fill(0);
    cost[0] = 0;
    for (let end = 1; end <= count; end++) {
        for (let start = end - 1; start >= 0 && lineWidth(start, end) <= maxWidth + FIT_TOLERANCE; start--) {
            let candidate = cost[start] + LINE_COST;
            if (start > 0) candidate += penalties[start] + (end === count && end - start === 1 && lone[start] ? LONE_LAST_CHARACTER : 0);
            if (candidate < cost[end]) {
                cost[end] = candidate;
                lineStart[end] = start;
            }
        }
    }
    const starts: number[] = [];
    for (let end = count; end > 0; end = lineStart[end]) starts.unshift(lineStart[end]);
    return { cost: cost[count], starts };
}

/** Widths summed unit by unit differ from a whole line's in the last bits. */
const FIT_TOLERANCE = 1e-9;

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
        // The word alone is wider than the line: break it where it may break (a Japanese phrase
        // between its characters), or, as a last resort, anywhere between grapheme clusters.
        const finer = PRINTABLE_ASCII.test(word) ? [word] : segmentedBreakUnits(word);
        const pieces = finer.length > 1 ? balanceUnits(finer, maxWidth, fontSize) : splitByClusters(word, maxWidth, fontSize);
        lines.push(...pieces.slice(0, -1));
        current = pieces[pieces.length - 1] + unit.slice(word.length);
    }
    if (current.trim() !== '' || lines.length === 0) lines.push(current.trimEnd());
    return lines;
}

/** One character, or one with the marks on it: a lone character on a line. */
function isOneCharacter(text: string): boolean {
    const [first, ...rest] = text;
    return first !== undefined && rest.every(character => COMBINING_MARK.test(character));
}

const COMBINING_MARK = /^\p{M}$/u;

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
