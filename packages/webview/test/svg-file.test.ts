/**
 * The webview's "Export SVG" file: a browser serialises a label's U+0008, U+000B or U+000C as it is,
 * which no XML parser accepts, so the file drops them as the CLI's renderer does (the hostile-label
 * checks of the other outputs are in test/robustness/hostile-labels.test.ts).
 */
import { DOMParser } from '@xmldom/xmldom';
import { expect, it } from 'vitest';
import { standaloneSvg } from '../src/svg-file.js';

it('drops the controls a browser serialises as they are, and the file parses as XML', () => {
    const serialised = '<svg xmlns="http://www.w3.org/2000/svg"><text>back\bvt\u000bff\u000c\u202eend</text></svg>';
    const errors: string[] = [];
    const document = new DOMParser({ onError: (level, message) => { if (level !== 'warning') errors.push(message); } })
        .parseFromString(standaloneSvg(serialised), 'image/svg+xml');
    expect(errors).toEqual([]);
    expect(document.getElementsByTagName('text')[0].textContent).toBe('backvtffend');
});
