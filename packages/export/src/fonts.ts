/**
 * The fonts every export draws with, shipped as npm packages (Noto Sans CJK subsets, SIL Open Font
 * License 1.1) rather than taken from the machine, so a PNG or PDF looks the same everywhere. The
 * Simplified Chinese font also holds Latin, kana and punctuation; the Korean one adds Hangul.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export type FontScript = 'han' | 'hangul';
export type FontWeight = 'regular' | 'bold';

export interface ExportFont {
    readonly script: FontScript;
    readonly weight: FontWeight;
    /** The typographic family name inside the file (what SVG `font-family` matches). */
    readonly family: string;
    readonly file: string;
}

export interface FontSet {
    readonly fonts: readonly ExportFont[];
}

const FAMILIES: Readonly<Record<FontScript, string>> = { han: 'Noto Sans S Chinese', hangul: 'Noto Sans Korean' };

/** The file names in the font packages, per script and weight. */
const FILES: Readonly<Record<FontScript, Readonly<Record<FontWeight, string>>>> = {
    han: { regular: 'NotoSansHans-Regular.otf', bold: 'NotoSansHans-Bold.otf' },
    hangul: { regular: 'NotoSansKR-Regular.otf', bold: 'NotoSansKR-Bold.otf' }
};

const PACKAGES: Readonly<Record<FontScript, string>> = { han: '@embedpdf/fonts-sc', hangul: '@embedpdf/fonts-kr' };

/** The `font-family` list for exported SVG: Chinese/Latin first, Hangul where the first has no glyph. */
export const EXPORT_FONT_FAMILY = `"${FAMILIES.han}", "${FAMILIES.hangul}", sans-serif`;

/**
 * The bundled font files, all in one folder: `directory`, or a `fonts` folder beside this code where a
 * bundle ships them (the extension, the service-blueprint package), else the font packages.
 */
export function bundledFonts(directory: string | undefined = fontsBesideBundle()): FontSet {
    const fonts: ExportFont[] = [];
    for (const script of Object.keys(FILES) as FontScript[]) {
        const folder = directory ?? packageFontFolder(script);
        for (const weight of ['regular', 'bold'] as const) {
            const file = path.join(folder, FILES[script][weight]);
            if (!existsSync(file)) throw new Error(`export font missing: ${file}`);
            fonts.push({ script, weight, family: FAMILIES[script], file });
        }
    }
    return { fonts };
}

/** Every font file name, for copying them next to a bundle. */
export function fontFileNames(): string[] {
    return Object.values(FILES).flatMap(byWeight => Object.values(byWeight));
}

export function fontFor(set: FontSet, script: FontScript, weight: FontWeight): ExportFont {
    const font = set.fonts.find(candidate => candidate.script === script && candidate.weight === weight)
        ?? set.fonts.find(candidate => candidate.script === script);
    if (!font) throw new Error(`no ${script} font in the export font set`);
    return font;
}

/** Hangul jamo, compatibility jamo and syllables: text with any of them is drawn with the Korean font. */
export function containsHangul(text: string): boolean {
    return /[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff]/u.test(text);
}

function fontsBesideBundle(): string | undefined {
    const folder = fileURLToPath(new URL('./fonts/', import.meta.url));
    return existsSync(path.join(folder, FILES.han.regular)) ? folder : undefined;
}

function packageFontFolder(script: FontScript): string {
    // The packages export only their index (dist/), the fonts sit beside it in fonts/.
    const require = createRequire(import.meta.url);
    return path.join(path.dirname(require.resolve(PACKAGES[script])), '..', 'fonts');
}
