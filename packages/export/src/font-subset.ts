/**
 * The export fonts cut down to the characters a picture draws, before rasterising. resvg re-reads
 * and re-parses every font file for each text element it shapes, and the CJK fonts are 4–8 MB each:
 * a blueprint with 250 labels took 18 s to rasterise with the whole files and 0.5 s with subsets
 * (harfbuzz's subsetter via `subset-font`, about 30 ms per font).
 */
import { readFileSync } from 'node:fs';
import subsetFont from 'subset-font';
import type { FontSet } from './fonts.js';

const fileBytes = new Map<string, Uint8Array>();

function bytesOf(file: string): Uint8Array {
    let bytes = fileBytes.get(file);
    if (!bytes) fileBytes.set(file, bytes = readFileSync(file));
    return bytes;
}

/**
 * Every font of the set as bytes holding only the glyphs of `text` (plus what shaping needs). Where
 * the subsetter fails (an unreadable font, a missing WebAssembly file in a bundle) the whole font is
 * used: slower, but the picture is the same.
 */
export async function subsetFontBytes(fonts: FontSet, text: string): Promise<Uint8Array[]> {
    return Promise.all(fonts.fonts.map(async font => {
        const whole = bytesOf(font.file);
        try {
            // Name ids 1, 2, 16, 17 keep the family names that SVG `font-family` matches.
            return new Uint8Array(await subsetFont(Buffer.from(whole.buffer, whole.byteOffset, whole.byteLength), text,
                { targetFormat: 'sfnt', preserveNameIds: [1, 2, 16, 17] }));
        } catch {
            return whole;
        }
    }));
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The characters an SVG may draw: its text content, entities decoded, without style sheets. */
export function drawnCharacters(svg: string): string {
    const text = svg
        .replace(/<style\b[\s\S]*?<\/style>/g, '')
        .replace(/<!--[\s\S]*?-->/g, '')
        .replace(/<[^>]*>/g, '')
        .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
            if (body[0] !== '#') return ENTITIES[body.toLowerCase()] ?? entity;
            const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
            return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
        });
    return [...new Set(text)].join('');
}
