/**
 * Japanese text cut into phrases (bunsetsu, roughly) for line breaking: a line may break between
 * any two characters, kinsoku aside, but reads best broken between phrases, and next best between
 * the words of a phrase. Words come from ICU's dictionary (`Intl.Segmenter`), mended where its
 * cut reads badly; a phrase is a run of content words (kanji, katakana, Latin, numbers: compounds
 * such as 本人確認書類 or QRコード) with the hiragana words after it (particles, okurigana,
 * auxiliaries: を, で, する). The dictionary is Node's ICU: the layout runs in Node (server, CLI)
 * and every output draws its lines, so the webview and exports agree.
 */
import { canBreakBetween } from './break-opportunities.js';

/** Hiragana, katakana (full and half width) and the prolonged sound marks: text with any is Japanese. */
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}\u30fc\uff70]/u;
/** Written in hiragana, punctuation aside: a particle, okurigana or auxiliary (を, し、, する。). */
const STARTS_WITH_HIRAGANA = /^\p{Script=Hiragana}/u;
const NOT_HIRAGANA_WORD = /[\p{Script=Han}\p{Script=Katakana}A-Za-z0-9Ａ-Ｚａ-ｚ０-９]/u;
const ALL_KATAKANA = /^[\p{Script=Katakana}\u30fc\uff70\uff9e\uff9f]+$/u;
const TRAILING_KATAKANA = /[\p{Script=Katakana}\u30fc\uff70\uff9e\uff9f]+$/u;
/** Characters of content words: kanji (with 々 and 〆), katakana, Latin letters and digits. */
const CONTENT = /[\p{Script=Han}\p{Script=Katakana}々〆\u30fc\uff70\uff9e\uff9fA-Za-z0-9Ａ-Ｚａ-ｚ０-９]/u;
const ENDS_WITH_DIGIT = /[0-9０-９]$/u;
const SINGLE_HAN = /^\p{Script=Han}$/u;

const dictionaryWords = new Intl.Segmenter('ja', { granularity: 'word' });

export function isJapanese(text: string): boolean {
    return KANA.test(text);
}

export interface JapaneseWord {
    readonly text: string;
    /** A particle, okurigana or auxiliary, which ends the phrase it belongs to (を, し、, する). */
    readonly ending: boolean;
}

/** `text` cut into phrases, each cut into words; joined, they give `text` back. */
export function japanesePhrases(text: string): JapaneseWord[][] {
    const phrases: JapaneseWord[][] = [];
    for (const word of japaneseWords(text)) {
        const ending = STARTS_WITH_HIRAGANA.test(word) && !NOT_HIRAGANA_WORD.test(word);
        const phrase = phrases.at(-1);
        const previous = phrase?.[phrase.length - 1];
        if (phrase !== undefined && previous !== undefined && continuesPhrase(previous, word, ending)) phrase.push({ text: word, ending });
        else phrases.push([{ text: word, ending }]);
    }
    return phrases.length > 0 ? phrases : [[{ text: '', ending: false }]];
}

function continuesPhrase(previous: JapaneseWord, word: string, ending: boolean): boolean {
    if (previous.text.endsWith(' ')) return false;
    // Particles, okurigana and auxiliaries belong to the words they follow.
    if (ending) return true;
    // Content words written together make one compound: 受付窓口, カスタマーサポート, QRコード.
    return !previous.ending && CONTENT.test(lastCharacter(previous.text)) && CONTENT.test(firstCharacter(word));
}

/** The dictionary's words, joined where no line may break or where a break would split a word. */
function japaneseWords(text: string): string[] {
    const words: string[] = [];
    for (const { segment } of dictionaryWords.segment(text)) {
        const previous = words.at(-1);
        if (previous !== undefined && continuesWord(previous, segment)) words[words.length - 1] = previous + segment;
        else words.push(segment);
    }
    return words;
}

function continuesWord(previous: string, segment: string): boolean {
    // Kinsoku, spaces (kept at the end of the word before them), Latin words and numbers (Wi|-|Fi).
    if (!canBreakBetween(lastCharacter(previous), firstCharacter(segment), false)) return true;
    // A number with its counter: 3日, 2026年, 10分.
    if (ENDS_WITH_DIGIT.test(previous) && SINGLE_HAN.test(segment)) return true;
    // The dictionary cuts katakana words it does not know by guesswork (ルー|ター, カス|タマ|ー):
    // two short pieces in a row are one word. One short piece may be a word of its own (ベル|スタッフ).
    const katakanaBefore = TRAILING_KATAKANA.exec(previous)?.[0];
    return katakanaBefore !== undefined && ALL_KATAKANA.test(segment)
        && Math.max(characterCount(katakanaBefore), characterCount(segment)) <= 2;
}

/*
 * The characters around a word boundary, without the grapheme segmenter (far too slow to call
 * for every word): the dictionary never cuts a cluster, so a word begins with a cluster's base
 * character, and marks, joiners and variation selectors end a cluster, never begin one.
 */
const CLUSTER_CONTINUATION = /^[\p{M}\u200d\ufe00-\ufe0f]$/u;

function firstCharacter(text: string): string {
    const codePoint = text.codePointAt(0);
    return codePoint === undefined ? '' : String.fromCodePoint(codePoint);
}

/** The base character of the last cluster. */
function lastCharacter(text: string): string {
    const characters = [...text];
    for (let i = characters.length - 1; i >= 0; i--) if (!CLUSTER_CONTINUATION.test(characters[i])) return characters[i];
    return '';
}

function characterCount(text: string): number {
    let count = 0;
    for (const character of text) if (!CLUSTER_CONTINUATION.test(character)) count++;
    return count;
}
