/** Label widths without a browser: CJK is full width, Latin proportional, long labels wrap. */
import { estimateTextWidth, isWideCharacter, wrapText } from '@blueprint/diagram';
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

    test('CJK labels wrap between characters, mixed text keeps Latin words whole', () => {
        const lines = wrapText('客户在柜台办理现金存款业务并领取回单', 100, 12);
        expect(lines.map(line => [...line].length)).toEqual([8, 8, 2]);
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
