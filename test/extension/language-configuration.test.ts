import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

interface LanguageConfiguration {
    comments: { lineComment: string; blockComment: [string, string] };
    brackets: [string, string][];
    autoClosingPairs: { open: string; close: string; notIn?: string[] }[];
    surroundingPairs: [string, string][];
    indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
    folding: { markers: { start: string; end: string } };
    wordPattern: string;
}

const configuration = JSON.parse(readFileSync(fileURLToPath(new URL('../../packages/extension/language-configuration.json', import.meta.url)), 'utf8')) as LanguageConfiguration;

describe('language configuration', () => {
    it('uses the comment syntax of the grammar', () => {
        expect(configuration.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
    });

    it('closes and surrounds braces and quotes', () => {
        expect(configuration.brackets).toContainEqual(['{', '}']);
        expect(configuration.autoClosingPairs).toContainEqual(expect.objectContaining({ open: '"', close: '"' }));
        expect(configuration.autoClosingPairs).toContainEqual(expect.objectContaining({ open: '{', close: '}' }));
        expect(configuration.surroundingPairs).toContainEqual(['"', '"']);
    });

    it('indents after an opening brace and outdents on a closing one', () => {
        const increase = new RegExp(configuration.indentationRules.increaseIndentPattern);
        const decrease = new RegExp(configuration.indentationRules.decreaseIndentPattern);
        expect(increase.test('    customer Ask "Ask for help" in Desk {')).toBe(true);
        expect(increase.test('    frontstage Answer "Answer" { end }')).toBe(false);
        expect(increase.test('    note "a { in a string"')).toBe(false);
        expect(decrease.test('    }')).toBe(true);
        expect(decrease.test('    flow A -> B')).toBe(false);
    });

    it('folds // #region blocks', () => {
        expect(new RegExp(configuration.folding.markers.start).test('    // #region Counter')).toBe(true);
        expect(new RegExp(configuration.folding.markers.end).test('    // #endregion')).toBe(true);
        expect(new RegExp(configuration.folding.markers.start).test('    // #endregion')).toBe(false);
    });

    it('treats identifiers, including non-Latin ones, as words', () => {
        const word = new RegExp(`^(?:${configuration.wordPattern})$`, 'u');
        for (const name of ['TakeNumber', 'step_2', '取号', 'Äpfel']) {
            expect(word.test(name), name).toBe(true);
        }
        expect(word.test('->')).toBe(false);
    });
});
