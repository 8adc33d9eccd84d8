/** Label widths without a browser: CJK is full width, Latin proportional, long labels wrap. */
import { breakUnits, estimateTextWidth, isWideCharacter, wrapText } from '@blueprint/diagram';
import { describe, expect, test } from 'vitest';

describe('text width estimation', () => {
    test('CJK characters are one em wide each', () => {
        expect(estimateTextWidth('客户存款', 12)).toBe(48);
        expect(estimateTextWidth('お客様', 10)).toBe(30);
        expect(estimateTextWidth('고객', 10)).toBe(20);
        expect(isWideCharacter('，'.codePointAt(0)!)).toBe(true);
        expect(isWideCharacter('a'.codePointAt(0)!)).toBe(false);
    });

    test('Latin text is proportional and narrower than CJK of the same length', () => {
        const latin = estimateTextWidth('Deposit', 12);
        expect(latin).toBeGreaterThan(7 * 12 * 0.4);
        expect(latin).toBeLessThan(7 * 12 * 0.7);
        expect(estimateTextWidth('iiii', 12)).toBeLessThan(estimateTextWidth('MMMM', 12));
        expect(estimateTextWidth('', 12)).toBe(0);
    });

    test('long Latin labels wrap at spaces within the width', () => {
        const lines = wrapText('Count cash and key in the deposit for the customer at the counter', 120, 12);
        expect(lines.length).toBeGreaterThan(2);
        for (const line of lines) expect(estimateTextWidth(line, 12)).toBeLessThanOrEqual(120);
        expect(lines.join(' ')).toBe('Count cash and key in the deposit for the customer at the counter');
    });

    test('CJK labels wrap between characters, balanced, mixed text keeps Latin words whole', () => {
        // 18 characters need three lines of at most 8: balanced as 6 + 6 + 6, not 8 + 8 + 2.
        const lines = wrapText('客户在柜台办理现金存款业务并领取回单', 100, 12);
        expect(lines.map(line => [...line].length)).toEqual([6, 6, 6]);
        expect(lines.join('')).toBe('客户在柜台办理现金存款业务并领取回单');
        const mixed = wrapText('客户打开 mobile banking 应用', 80, 12);
        expect(mixed.some(line => line.includes('mobile'))).toBe(true);
        expect(mixed.every(line => estimateTextWidth(line, 12) <= 80)).toBe(true);
    });

    test('a single word wider than the limit is broken, short labels stay on one line', () => {
        const lines = wrapText('Supercalifragilisticexpialidocious', 60, 12);
        expect(lines.length).toBeGreaterThan(1);
        expect(lines.join('')).toBe('Supercalifragilisticexpialidocious');
        expect(wrapText('Leave', 150, 12)).toEqual(['Leave']);
        expect(wrapText('  ', 150, 12)).toEqual(['']);
    });
});

const fits = (lines: readonly string[], width: number, fontSize: number) => lines.every(line => estimateTextWidth(line, fontSize) <= width);

describe('line breaking for every script', () => {
    test('Latin breaks at spaces only, and keeps every word whole', () => {
        const text = 'Verify the caller with security questions before changing the limit';
        const lines = wrapText(text, 120, 12);
        expect(lines.join(' ')).toBe(text);
        expect(fits(lines, 120, 12)).toBe(true);
        const words = new Set(text.split(' '));
        for (const line of lines) for (const word of line.split(' ')) expect(words.has(word)).toBe(true);
    });

    test('Korean breaks at spaces, never inside a word', () => {
        const text = '고객센터에 전화하여 카드 한도를 조회하고 결정을 기다린다';
        const lines = wrapText(text, 100, 12);
        expect(lines.length).toBeGreaterThan(1);
        expect(lines.join(' ')).toBe(text);
        const words = new Set(text.split(' '));
        for (const line of lines) for (const word of line.split(' ')) expect(words.has(word)).toBe(true);
        expect(fits(lines, 100, 12)).toBe(true);
        // 조회하고 and 결정을 stay whole even where a character more would fit on the line before.
        expect(lines.some(line => line.endsWith('조')) || lines.some(line => line.startsWith('회'))).toBe(false);
        expect(breakUnits('조회 결정')).toEqual(['조회 ', '결정']);
    });

    test('printable ASCII breaks where the grapheme segmenter would', () => {
        // Appending " é" sends a text down the segmenter's path; its units are then the ASCII text's
        // units, the last one followed by a space, and "é".
        const alphabet = 'ab  ,.;:!?%()[]{}-/\'"xyz0';
        let seed = 7;
        const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
        for (let run = 0; run < 300; run++) {
            let text = 'a';
            const length = Math.floor(random() * 30);
            for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
            const ascii = breakUnits(text);
            const segmented = breakUnits(`${text} é`);
            expect(segmented.at(-1)).toBe('é');
            expect(segmented.slice(0, -1)).toEqual([...ascii.slice(0, -1), `${ascii.at(-1)} `]);
        }
        expect(breakUnits('Check in (online) , now')).toEqual(['Check ', 'in ', '(online) , ', 'now']);
        expect(breakUnits('')).toEqual(['']);
    });

    test('a Korean word longer than the line breaks only as a last resort', () => {
        const lines = wrapText('신용카드한도임시상향신청접수완료 확인', 96, 12);
        expect(lines[0]).toBe('신용카드한도임시');
        expect(lines.join('')).toBe('신용카드한도임시상향신청접수완료확인');
        expect(fits(lines, 96, 12)).toBe(true);
    });

    test('Chinese breaks per character; closing punctuation never starts a line, opening never ends one', () => {
        // At 11 px, 13 characters fit on a line: a greedy break would put the closing bracket alone on the last line.
        const lines = wrapText('排队号票（显示前面等候人数）', 150, 11);
        expect(lines.join('')).toBe('排队号票（显示前面等候人数）');
        expect(lines.length).toBe(2);
        for (const line of lines) {
            expect(line).not.toMatch(/^[）。，、：；！？]/);
            expect(line).not.toMatch(/（$/);
        }
        expect(fits(lines, 150, 11)).toBe(true);
        // The comma stays with the character before it.
        const comma = wrapText('引导至贵宾室，由客户经理专人办理', 84, 12);
        expect(comma.every(line => !line.startsWith('，'))).toBe(true);
        expect(breakUnits('（显示）。')).toEqual(['（显', '示）。']);
    });

    test('no lone character on the last line of a Chinese label', () => {
        const lines = wrapText('客户经理为客户介绍理财产品', 150, 12);
        expect(lines.length).toBe(2);
        expect(Math.min(...lines.map(line => [...line].length))).toBeGreaterThan(1);
    });

    test('Japanese breaks per character with kinsoku: small kana, 。 and 」 never start a line', () => {
        const text = 'お客様は「番号札」を受け取り、待合室でしばらく待つ。';
        for (const width of [60, 72, 84, 100, 120]) {
            const lines = wrapText(text, width, 12);
            expect(lines.join('')).toBe(text);
            expect(fits(lines, width, 12)).toBe(true);
            for (const line of lines.slice(1)) expect(line).not.toMatch(/^[」、。ょっゃゅー]/);
            for (const line of lines.slice(0, -1)) expect(line).not.toMatch(/「$/);
        }
    });

    test('Thai, written without spaces, breaks between the words Intl.Segmenter finds', () => {
        const text = 'ลูกค้าโทรหาศูนย์บริการเพื่อสอบถามยอดเงิน';
        const lines = wrapText(text, 100, 12);
        expect(lines.length).toBeGreaterThan(1);
        expect(lines.join('')).toBe(text);
        const wordStarts = new Set([...new Intl.Segmenter('th', { granularity: 'word' }).segment(text)].map(part => part.index));
        let offset = 0;
        for (const line of lines) {
            expect(wordStarts.has(offset)).toBe(true);
            offset += line.length;
        }
    });

    test('grapheme clusters are never split, even as a last resort', () => {
        const decomposed = 'e\u0301'.repeat(20);
        const lines = wrapText(decomposed, 40, 12);
        expect(lines.length).toBeGreaterThan(1);
        for (const line of lines) expect(line.startsWith('\u0301')).toBe(false);
    });

    test('a word wider than the line is cut into even pieces, never leaving a lone letter', () => {
        // Cut greedily, this word left "e" alone on its last line.
        const lines = wrapText('Kontoinformationsve', 120, 13);
        expect(lines.join('')).toBe('Kontoinformationsve');
        expect(lines.length).toBe(2);
        expect(fits(lines, 120, 13)).toBe(true);
        expect(Math.min(...lines.map(line => line.length))).toBeGreaterThan(2);
        // Words before it still break at their spaces.
        const text = wrapText('Look up the Kontoinformationsverwaltungssystemeintragungen', 120, 13);
        expect(text[0]).toBe('Look up the');
        expect(Math.min(...text.slice(1).map(line => line.length))).toBeGreaterThan(2);
    });
});
