/** How times are written in hovers, lenses, reports and the diagram's badges (formatSeconds). */
import { formatSeconds } from '@blueprint/model';
import { describe, expect, it } from 'vitest';

describe('formatSeconds', () => {
    it('writes the largest units first, without the empty ones at the end', () => {
        expect(formatSeconds(0)).toBe('0 s');
        expect(formatSeconds(90)).toBe('1 min 30 s');
        expect(formatSeconds(3600)).toBe('1 h');
        expect(formatSeconds(3900)).toBe('1 h 5 min');
        expect(formatSeconds(2 * 86400)).toBe('2 d');
        expect(formatSeconds(0.25)).toBe('250 ms');
        expect(formatSeconds(Number.POSITIVE_INFINITY)).toBe('?');
    });

    it('skips no unit between two that are there: "1 h 30 s" would read as an hour and a half', () => {
        expect(formatSeconds(3630)).toBe('1 h 0 min 30 s');
        expect(formatSeconds(86400 + 60)).toBe('1 d 0 h 1 min');
        expect(formatSeconds(86400 + 5)).toBe('1 d 0 h 0 min 5 s');
    });
});
