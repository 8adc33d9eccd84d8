// What @blueprint/export needs beside a bundle that ships without node_modules (the extension's
// export.cjs, the service-blueprint package): its libraries find their data files through
// `require.resolve` or a package's own `imports`, which a bundle cannot follow, so the files are
// copied beside the bundle and the lookups rewritten to point there.
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const exportRequire = createRequire(fileURLToPath(new URL('../packages/export/package.json', import.meta.url)));

/** A plugin that replaces one exact piece of a library's source, failing the build when the library changed. */
function rewrite(name, filter, from, to) {
    return {
        name,
        setup(build) {
            build.onLoad({ filter }, async args => {
                const source = await readFile(args.path, 'utf8');
                if (!source.includes(from)) throw new Error(`${args.path} no longer contains ${from}: update scripts/esbuild-export-assets.mjs`);
                return { contents: source.split(from).join(to), loader: 'js' };
            });
        }
    };
}

/** subset-font (the font subsetter) finds harfbuzz's WebAssembly with `require.resolve`: it is copied beside the bundle. */
const harfbuzzBesideBundle = rewrite('harfbuzz-beside-bundle', /[\\/]subset-font[\\/]index\.js$/,
    "require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')", "require('path').join(__dirname, 'harfbuzz-subset.wasm')");

/**
 * pdfkit loads its 14 standard fonts' metrics lazily through a `createRequire` of its own `#standard-fonts`
 * imports, which esbuild leaves to run time (where the bundle's package has no such imports): a plain
 * `require` lets esbuild bundle them, still loaded only when a standard font is used.
 */
const pdfkitStandardFontsBundled = rewrite('pdfkit-standard-fonts-bundled', /[\\/]pdfkit[\\/]js[\\/]pdfkit(\.node\.mjs|\.js)$/,
    "require$1('#standard-fonts/", "require('#standard-fonts/");

export const exportAssetPlugins = [harfbuzzBesideBundle, pdfkitStandardFontsBundled];

/** The four font files @blueprint/export draws with (from its font packages; not their other weights). */
function exportFonts() {
    const folder = pkg => join(dirname(exportRequire.resolve(pkg)), '..', 'fonts');
    return [
        ...['NotoSansHans-Regular.otf', 'NotoSansHans-Bold.otf'].map(file => join(folder('@embedpdf/fonts-sc'), file)),
        ...['NotoSansKR-Regular.otf', 'NotoSansKR-Bold.otf'].map(file => join(folder('@embedpdf/fonts-kr'), file))
    ];
}

/**
 * Copies into `dist`: harfbuzz's subsetter, resvg's WebAssembly build (`resvg.wasm`, which
 * @blueprint/export prefers to a native binary when it lies beside the bundle), the fonts with their
 * licence in `fonts/`, and pdfkit's colour profile in `data/` (where pdfkit looks beside its code).
 */
export async function copyExportAssets(dist) {
    const fontPackage = pkg => join(dirname(exportRequire.resolve(pkg)), '..');
    await mkdir(join(dist, 'fonts'), { recursive: true });
    await mkdir(join(dist, 'data'), { recursive: true });
    await Promise.all([
        copyFile(createRequire(exportRequire.resolve('subset-font')).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'), join(dist, 'harfbuzz-subset.wasm')),
        copyFile(exportRequire.resolve('@resvg/resvg-wasm/index_bg.wasm'), join(dist, 'resvg.wasm')),
        ...exportFonts().map(file => copyFile(file, join(dist, 'fonts', basename(file)))),
        ...['@embedpdf/fonts-sc', '@embedpdf/fonts-kr'].map(pkg => copyFile(join(fontPackage(pkg), 'LICENSE'), join(dist, 'fonts', `LICENSE-${pkg.split('/')[1]}`))),
        copyFile(join(dirname(exportRequire.resolve('pdfkit')), 'data', 'sRGB_IEC61966_2_1.icc'), join(dist, 'data', 'sRGB_IEC61966_2_1.icc'))
    ]);
}
