/**
 * Japanese box labels wrap as Japanese is typeset: kinsoku (no closing punctuation, small kana or
 * prolonged sound mark at the start of a line, no opening bracket at its end), breaks between
 * phrases rather than inside words, Latin words and numbers whole, and full-width characters
 * measured full width. The lines are those of every output (SVG, PNG, PDF, webview).
 */
import { fileURLToPath } from 'node:url';
import { breakUnits, estimateTextWidth, layoutBlueprint, renderSvg, wrapText } from '@blueprint/diagram';
import { describe, expect, test } from 'vitest';
import { loadExampleModel } from './diagram-helpers.js';

const HOTEL = fileURLToPath(new URL('./fixtures/ja-hotel-checkin.blueprint', import.meta.url));

const NO_LINE_START = /^[。、」』）】〕!?！？・ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶー々ゝゞヽヾ｡､･ｧｨｩｪｫｬｭｮｯｰ]/u;
const NO_LINE_END = /[「『（【〔｢]$/u;

/** Hotel and bank labels as they are written, punctuation and half-width katakana included. */
const LABELS = [
    'お客様は「番号札」を受け取り、待合室でしばらく待つ。',
    'カスタマーサポートセンターに電話する',
    'チェックインカウンターで手続きする',
    'スマートフォンのアプリでQRコードを読み取り、チェックインする',
    '予約確認メール（件名：【ご予約内容】）を開く',
    'ルームキー（カードキー）を受け取る！',
    'ﾁｪｯｸｲﾝｶｳﾝﾀｰでﾙｰﾑｷｰを受け取る｡ｼｮｯﾌﾟのﾒﾆｭｰ､ﾊﾟﾝﾌﾚｯﾄ',
    'ショッピング・モールのインフォメーションで々ゞの表記を確認',
    'ウェイティングリストに登録し、キャンセル待ちの連絡を待つ'
];

const fits = (lines: readonly string[], width: number, fontSize: number) => lines.every(line => estimateTextWidth(line, fontSize) <= width);

describe('Japanese line breaking', () => {
    test('kinsoku at every width: nothing that closes or trails starts a line, nothing that opens ends one', () => {
        // From three characters wide, the longest run that kinsoku keeps together (容】）, ショッ).
        for (const label of LABELS) {
            for (let width = 36; width <= 200; width += 2) {
                const lines = wrapText(label, width, 12);
                expect(lines.join('')).toBe(label);
                expect(fits(lines, width, 12)).toBe(true);
                for (const line of lines.slice(1)) expect(line, `${label} at ${width}: ${lines.join(' | ')}`).not.toMatch(NO_LINE_START);
                for (const line of lines.slice(0, -1)) expect(line, `${label} at ${width}: ${lines.join(' | ')}`).not.toMatch(NO_LINE_END);
            }
        }
    });

    test('long katakana words break between their parts, particles stay with the word before them', () => {
        // 13 characters, 12.5 fit: between カスタマー and サポート, not カスタマーサ|ポートセンター.
        expect(wrapText('カスタマーサポートセンター', 150, 12)).toEqual(['カスタマー', 'サポートセンター']);
        expect(wrapText('カスタマーサポートセンター', 72, 12)).toEqual(['カスタマー', 'サポート', 'センター']);
        // The same two lines as breaking anywhere, but チェックインカウン|ターで split the word.
        expect(wrapText('チェックインカウンターで手続きする', 150, 12)).toEqual(['チェックインカウンターで', '手続きする']);
        expect(wrapText('チェックインカウンターで手続きする', 100, 12)).toEqual(['チェックイン', 'カウンターで', '手続きする']);
        // で belongs to フロント: ホテルのフロント|でチェックイン left it at the start of a line.
        expect(wrapText('ホテルのフロントでチェックイン', 150, 12)).toEqual(['ホテルのフロントで', 'チェックイン']);
        expect(wrapText('ホテルのフロントでチェックイン', 72, 12)).toEqual(['ホテルの', 'フロントで', 'チェックイン']);
        expect(wrapText('荷物をベルスタッフに預ける', 100, 12)).toEqual(['荷物をベル', 'スタッフに預ける']);
        // Three lines need one break inside a phrase: inside the compound (ウェルカム|ドリンク), not
        // inside the word (ウェルカムド|リンク), nor between 移動 and its し.
        expect(wrapText('エレベーターで客室へ移動し、ウェルカムドリンクを楽しむ。', 150, 12))
            .toEqual(['エレベーターで客室へ', '移動し、ウェルカム', 'ドリンクを楽しむ。']);
        expect(breakUnits('ホテルのフロントでチェックイン')).toEqual(['ホテルの', 'フロントで', 'チェックイン']);
    });

    test('mixed kana, kanji and Latin: Latin words, numbers and brackets stay whole where they can', () => {
        expect(wrapText('QRコードを読み取る', 100, 12)).toEqual(['QRコードを', '読み取る']);
        expect(wrapText('スマートフォンのアプリでQRコードを読み取り、チェックインする', 150, 12))
            .toEqual(['スマートフォンのアプリで', 'QRコードを読み取り、', 'チェックインする']);
        // 「番号札」 is one word: お客様は「番号|札」を受け取る cut it.
        expect(wrapText('お客様は「番号札」を受け取る', 150, 12)).toEqual(['お客様は「番号札」を', '受け取る']);
        expect(wrapText('予約番号（12345678）を入力する', 150, 12)).toEqual(['予約番号（12345678）を', '入力する']);
        expect(wrapText('2026年12月3日に予約する', 100, 12)).toEqual(['2026年12月3日に', '予約する']);
        expect(wrapText('Wi-Fiのパスワードを確認する', 72, 12)).toEqual(['Wi-Fiの', 'パスワードを', '確認する']);
        // Never more lines than breaking between any two characters: between phrases it would take
        // three (Wi-Fiの|パスワードを|確認する), two fit when a word breaks.
        expect(wrapText('Wi-Fiのパスワードを確認する', 100, 12)).toEqual(['Wi-Fiのパスワー', 'ドを確認する']);
        // A number wider than the line is cut as a last resort, the label in as many lines as ever.
        expect(wrapText('予約番号（12345678）を入力する', 40, 12)).toEqual(['予約番', '号', '（1234', '5678）', 'を入力', 'する']);
    });

    test('no lone character on the last line where a break between words avoids it', () => {
        // Four characters a line: 手続きす|る left る alone; 手続き|する breaks between two words instead.
        expect(wrapText('チェックインカウンターで手続きする', 48, 12)).toEqual(['チェック', 'インカウ', 'ンターで', '手続き', 'する']);
        expect(wrapText('カスタマーサポートセンターに電話する', 40, 12).at(-1)).toBe('する');
        // ホテルの|鍵 breaks between phrases but leaves 鍵 alone.
        expect(wrapText('ホテルの鍵', 50, 12)).toEqual(['ホテル', 'の鍵']);
        for (const label of LABELS) {
            for (let width = 36; width <= 200; width += 2) {
                const lines = wrapText(label, width, 12);
                if (lines.length > 1) expect([...lines[lines.length - 1]].length, `${label} at ${width}: ${lines.join(' | ')}`).toBeGreaterThan(1);
            }
        }
    });

    test('full-width characters are one em, half-width katakana half an em', () => {
        expect(estimateTextWidth('ひらがなカタカナ', 10)).toBe(80);
        expect(estimateTextWidth('ＡＢＣ１２３', 10)).toBe(60);
        expect(estimateTextWidth('「」（）【】、。・ー〜', 10)).toBe(110);
        expect(estimateTextWidth('※要予約‥', 10)).toBe(50);
        expect(estimateTextWidth('ｶﾀｶﾅ', 10)).toBe(20);
        expect(estimateTextWidth('ﾊﾟﾝ｡', 10)).toBe(20);
    });

    test('a Japanese blueprint: every box and lane name of the layout breaks between phrases', async () => {
        const { model, errors } = await loadExampleModel(HOTEL);
        expect(errors).toEqual([]);
        const layout = await layoutBlueprint(model!);
        const lines = Object.fromEntries(layout.steps.map(step => [step.id, step.lines]));
        expect(lines).toMatchObject({
            到着: ['タクシーで', 'ホテルに到着する'],
            受付: ['ホテルのフロントで', 'チェックイン'],
            鍵: ['ルームキー', '（カードキー）を受け取る'],
            入室: ['エレベーターで客室へ', '移動し、ウェルカム', 'ドリンクを楽しむ。']
        });
        for (const step of layout.steps) for (const line of step.lines.slice(1)) expect(line, step.id).not.toMatch(NO_LINE_START);
        // The lane names, drawn in bold beside the lanes: フロントステージの|行動, not フロントス|テージの行動.
        const svg = renderSvg(layout);
        expect(svg).toContain('>フロントステージの</tspan>');
        expect(svg).toContain('>バックステージの</tspan>');
    });
});
