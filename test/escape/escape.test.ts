/** The escapers on their own: what each consumer would misread, and that nothing else changes. */
import { DOMParser } from '@xmldom/xmldom';
import { csvCell, escapeMarkdown, escapeTerminal, escapeWorkflowData, escapeXml, markdownCode, spreadsheetText } from '@blueprint/escape';
import { describe, expect, it } from 'vitest';

describe('escapeXml', () => {
    it('keeps tab, CR and LF exactly through a parser (also in attributes) and drops what XML cannot hold', () => {
        const label = 'a\tb\rc\nd \u0000\u0008\u000b\u000c\u001b\u009b e \ud800 f 😀 & <x> "q" \'s\'';
        const parsed = new DOMParser().parseFromString(`<r a="${escapeXml(label)}">${escapeXml(label)}</r>`, 'text/xml');
        const expected = 'a\tb\rc\nd  e \ufffd f 😀 & <x> "q" \'s\'';
        expect(parsed.documentElement!.getAttribute('a')).toBe(expected);
        expect(parsed.documentElement!.textContent).toBe(expected);
    });

    it('leaves plain text of any script alone', () => {
        expect(escapeXml('存款 — Ünïcödé עברית')).toBe('存款 — Ünïcödé עברית');
    });
});

describe('escapeMarkdown and markdownCode', () => {
    it('turns every kind of line break into a space', () => {
        expect(escapeMarkdown('a\rb\nc\r\nd\u2028e\u2029f\u000bg\u0085h')).toBe('a b c d e f g h');
    });

    it('escapes block starters only where they start the text', () => {
        expect(escapeMarkdown('- a - b')).toBe('\\- a - b');
        expect(escapeMarkdown('12. x 3. y')).toBe('12\\. x 3. y');
        expect(escapeMarkdown('> q')).toBe('\\> q');
        expect(escapeMarkdown('    code')).toBe(' code');
    });

    it('fences code with more backticks than the text holds', () => {
        expect(markdownCode('a``b')).toBe('```a``b```');
        expect(markdownCode('`x')).toBe('`` `x ``');
        expect(markdownCode('a|b', { inTable: true })).toBe('`a\\|b`');
    });
});

describe('escapeTerminal and escapeWorkflowData', () => {
    it('shows controls instead of sending them', () => {
        expect(escapeTerminal('\u001b[2J\r\n\u202e\u0085x')).toBe('\\x1b[2J\\r\\n\\u202e\\x85x');
    });

    it('encodes % first, so an encoded line break in a label stays text', () => {
        expect(escapeWorkflowData('%0A\n\u001b')).toBe('%250A%0A\\x1b');
    });
});

describe('spreadsheet cells', () => {
    it('defuses formulas and quotes CSV fields that need it', () => {
        expect(spreadsheetText('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
        expect(spreadsheetText('@SUM(A1)')).toBe('\'@SUM(A1)');
        expect(spreadsheetText('-1+2')).toBe('\'-1+2');
        expect(spreadsheetText('plain')).toBe('plain');
        expect(csvCell('a,"b"\nc')).toBe('"a,""b""\nc"');
        expect(csvCell('=1', ';')).toBe('\'=1');
        expect(csvCell(' padded')).toBe('" padded"');
    });
});
