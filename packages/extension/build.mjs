// Builds the extension as users install it, into dist/: the extension (CommonJS, `vscode` external),
// the language server (one file, run by the client over IPC) and the diagram webview's bundle; and
// copies the grammar and the shipped example. The workspace packages are bundled through their
// `exports` under the source condition (their TypeScript sources), so this needs no prior `tsc -b`.
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWebview } from '../webview/build.mjs';
import { nodeCompat } from '../../scripts/esbuild-node-compat.mjs';
import { ESBUILD_CONDITIONS } from '../../scripts/source-condition.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const repo = join(root, '..', '..');
const production = !process.argv.includes('--dev');

const conditions = ESBUILD_CONDITIONS;

const node = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: production,
    sourcemap: !production,
    logLevel: 'warning',
    absWorkingDir: root,
    conditions,
    // Object.groupBy for Node 20 without patching the global object.
    ...nodeCompat,
    // Langium and friends are ESM; in a CommonJS bundle `import.meta.url` must come from the file.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: 'const importMetaUrl = require("url").pathToFileURL(__filename).href;' }
};

/** The font files @blueprint/export draws with (from its font packages). */
function exportFonts() {
    const folder = pkg => join(dirname(require.resolve(pkg)), '..', 'fonts');
    return [
        ...['NotoSansHans-Regular.otf', 'NotoSansHans-Bold.otf'].map(file => join(folder('@embedpdf/fonts-sc'), file)),
        ...['NotoSansKR-Regular.otf', 'NotoSansKR-Bold.otf'].map(file => join(folder('@embedpdf/fonts-kr'), file))
    ];
}

/**
 * subset-font (the exports' font subsetter) finds harfbuzz's WebAssembly with `require.resolve`,
 * which a bundle shipped without node_modules cannot follow: the file is copied beside the bundle.
 */
const HARFBUZZ_LOOKUP = "require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')";
const harfbuzzBesideBundle = {
    name: 'harfbuzz-beside-bundle',
    setup(build) {
        build.onLoad({ filter: /[\\/]subset-font[\\/]index\.js$/ }, async args => {
            const source = await readFile(args.path, 'utf8');
            if (!source.includes(HARFBUZZ_LOOKUP)) throw new Error(`subset-font no longer calls ${HARFBUZZ_LOOKUP}: update build.mjs`);
            return { contents: source.replace(HARFBUZZ_LOOKUP, "require('path').join(__dirname, 'harfbuzz-subset.wasm')"), loader: 'js' };
        });
    }
};

// VS Code for the web: the extension in the web worker extension host, the server in a worker of
// its own (a classic script, so it can start from a blob URL). Their metafiles are kept in dist/ so
// a test can prove that neither imports a Node built-in.
const browser = {
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    minify: production,
    sourcemap: !production,
    logLevel: 'warning',
    absWorkingDir: root,
    conditions,
    metafile: true
};

async function buildBrowser(options, metafileName) {
    const result = await build({ ...browser, ...options });
    await writeFile(join(root, 'dist', metafileName), JSON.stringify(result.metafile));
}

await rm(join(root, 'dist'), { recursive: true, force: true });
await mkdir(join(root, 'dist'), { recursive: true });
await mkdir(join(root, 'syntaxes'), { recursive: true });
await mkdir(join(root, 'media', 'examples'), { recursive: true });

await Promise.all([
    build({
        ...node,
        entryPoints: [join(root, 'src/extension.ts')],
        outfile: join(root, 'dist/extension.cjs'),
        external: ['vscode']
    }),
    build({ ...node, entryPoints: ['@blueprint/server/main'], outfile: join(root, 'dist/server.cjs') }),
    // Exports (SVG, PNG, PDF), loaded on demand: resvg's WebAssembly build and the bundled fonts beside it.
    build({ ...node, entryPoints: [join(root, 'src/preview/export-bundle.ts')], outfile: join(root, 'dist/export.cjs'),
        plugins: [harfbuzzBesideBundle] }),
    copyFile(require.resolve('@resvg/resvg-wasm/index_bg.wasm'), join(root, 'dist/resvg.wasm')),
    copyFile(createRequire(require.resolve('subset-font')).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'), join(root, 'dist/harfbuzz-subset.wasm')),
    mkdir(join(root, 'dist/fonts'), { recursive: true }).then(() => Promise.all(exportFonts().map(file =>
        copyFile(file, join(root, 'dist/fonts', basename(file)))))),
    buildBrowser({
        entryPoints: [join(root, 'src/browser-extension.ts')],
        outfile: join(root, 'dist/browser-extension.cjs'),
        format: 'cjs',
        external: ['vscode']
    }, 'browser-extension.meta.json'),
    buildBrowser({
        entryPoints: ['@blueprint/server/browser-main'],
        outfile: join(root, 'dist/server-web.js'),
        format: 'iife'
    }, 'server-web.meta.json'),
    buildWebview().then(() => Promise.all(['webview.js', 'webview.css'].map(file =>
        copyFile(join(repo, 'packages/webview/dist', file), join(root, 'dist', file))))),
    copyFile(join(repo, 'syntaxes/blueprint.tmLanguage.json'), join(root, 'syntaxes/blueprint.tmLanguage.json')),
    copyFile(join(repo, 'examples/bank-deposit.blueprint'), join(root, 'media/examples/bank-deposit.blueprint')),
    copyFile(join(repo, 'LICENSE'), join(root, 'LICENSE'))
]);
console.log(`extension built into ${join(root, 'dist')}${production ? '' : ' (dev)'}`);
