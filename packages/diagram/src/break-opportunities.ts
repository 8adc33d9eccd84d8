/**
 * Where a line may break between two grapheme clusters, in every script: after a space; around
 * ideographs and kana, unless kinsoku forbids it; between the words of the scripts written without
 * spaces that a dictionary segments. Nowhere else: never inside a Latin word or a number.
 */

/** Han ideographs, kana, CJK symbols and full-width forms: a line may break around each one. */
const IDEOGRAPHIC = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\u30fc\uff00-\uff60\uffe0-\uffe6\u3190-\u319f\u31f0-\u31ff]/u;
/** Scripts written without spaces whose words only a dictionary finds. */
export const DICTIONARY_SCRIPT = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** Kinsoku: never at the start of a line. */
export const NO_LINE_START: ReadonlySet<string> = new Set([...')]}〕〉》」』】〙〗〟’”｠»、。，．,.:;!?！？：；・ー～…‥％%ゝゞヽヾ々〻゛゜'
    + 'ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ）］｝｣〜゠‐–'
    // Half-width forms: ｡ ､ ･, the small kana and the prolonged sound mark.
    + '｡､･ｧｨｩｪｫｬｭｮｯｰ']);
/** Kinsoku: never at the end of a line. */
const NO_LINE_END: ReadonlySet<string> = new Set([...'([{〔〈《「『【〘〖〝‘“｟«（［｛｢']);

/** Whether a line may break between the clusters `before` and `after` (`wordStart`: a dictionary word starts at `after`). */
export function canBreakBetween(before: string, after: string, wordStart: boolean): boolean {
    if (after === ' ') return false;
    if (NO_LINE_START.has(after) || NO_LINE_END.has(before)) return false;
    if (before === ' ') return true;
    if (IDEOGRAPHIC.test(before) || IDEOGRAPHIC.test(after)) return true;
    return wordStart && (DICTIONARY_SCRIPT.test(before) || DICTIONARY_SCRIPT.test(after));
}
