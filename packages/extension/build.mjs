// Builds the extension as users install it, into dist/: the extension (CommonJS, `vscode` external),
// the language server (one file, run by the client over IPC) and the diagram webview's bundle; and
// copies the grammar and the shipped example. The workspace packages are bundled through their
// `exports` under the source condition (their TypeScript sources), so this needs no prior `tsc -b`.
import { build } from 'esbuild';
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWebview } from '../webview/build.mjs';
import { nodeCompat } from '../../scripts/esbuild-node-compat.mjs';
import { copyExportAssets, exportAssetPlugins } from '../../scripts/esbuild-export-assets.mjs';
import { ESBUILD_CONDITIONS } from '../../scripts/source-condition.mjs';

const root = dirname(fileURLToPath(import.meta.url));
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
    define: { ...nodeCompat.define, 'import.meta.url': 'importMetaUrl' },
    banner: { js: 'const importMetaUrl = require("url").pathToFileURL(__filename).href;' }
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
    // Its metafile is kept too: a test proves that no language services (Langium) come back into it.
    build({ ...node, entryPoints: [join(root, 'src/preview/export-bundle.ts')], outfile: join(root, 'dist/export.cjs'), metafile: true,
        plugins: exportAssetPlugins })
        .then(result => writeFile(join(root, 'dist', 'export.meta.json'), JSON.stringify(result.metafile))),
    copyExportAssets(join(root, 'dist')),
    buildBrowser({
        entryPoints: [join(root, 'src/browser-extension.ts')],
        outfile: join(root, 'dist/browser-extension.cjs'),
        format: 'cjs',
        external: ['vscode']
    }, 'browser-extension.meta.json'),
    buildBrowser({
        entryPoints: ['@blueprint/server/browser-main'],
        outfile: join(root, 'dist/server-web.js'),
        format: 'iife',
        // The workbook's CSV writer: csv-stringify's own browser build (its Node one uses the global Buffer).
        alias: { 'csv-stringify/sync': 'csv-stringify/browser/esm/sync' }
    }, 'server-web.meta.json'),
    buildWebview().then(() => Promise.all(['webview.js', 'webview.css'].map(file =>
        copyFile(join(repo, 'packages/webview/dist', file), join(root, 'dist', file))))),
    copyFile(join(repo, 'syntaxes/blueprint.tmLanguage.json'), join(root, 'syntaxes/blueprint.tmLanguage.json')),
    copyFile(join(repo, 'examples/bank-deposit.blueprint'), join(root, 'media/examples/bank-deposit.blueprint')),
    copyFile(join(repo, 'LICENSE'), join(root, 'LICENSE'))
]);
console.log(`extension built into ${join(root, 'dist')}${production ? '' : ' (dev)'}`);
