// Builds the public `service-blueprint` package into dist/: the CLI, its check worker and the
// language server, each one ESM file with every dependency bundled (the workspace packages are
// private and never published). Each workspace package is bundled through its `exports` under the
// source condition (its TypeScript sources), so this needs no `tsc -b` first. What the PNG/PDF
// exports read beside their code (fonts, WebAssembly, pdfkit's data) is copied into dist/ too, so
// the package stays one tarball with no dependencies that installs offline.
import { build } from 'esbuild';
import { copyFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeCompat } from '../../scripts/esbuild-node-compat.mjs';
import { copyExportAssets, exportAssetPlugins } from '../../scripts/esbuild-export-assets.mjs';
import { ESBUILD_CONDITIONS } from '../../scripts/source-condition.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const repo = join(root, '..', '..');

await rm(join(root, 'dist'), { recursive: true, force: true });
await build({
    absWorkingDir: root,
    entryPoints: {
        blueprint: join(root, 'src/blueprint.ts'),
        // The name `check-worker.js` is what the CLI's parallel check starts (next to itself).
        'check-worker': '@blueprint/cli/check-worker',
        'language-server': join(root, 'src/language-server.ts'),
        index: join(root, 'src/index.ts')
    },
    outdir: join(root, 'dist'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: true,
    legalComments: 'linked',
    logLevel: 'warning',
    conditions: ESBUILD_CONDITIONS,
    plugins: exportAssetPlugins,
    ...nodeCompat,
    // CommonJS dependencies call `require` for Node built-ins, and some (the WOFF2 codec of the font
    // subsetter) read `__dirname` when loaded: both as in a CommonJS file, the folder being dist/.
    define: { ...nodeCompat.define, __dirname: '__bundleDirname', __filename: '__bundleFilename' },
    banner: { js: [
        "import { createRequire as __createRequire } from 'node:module';",
        "import { dirname as __pathDirname } from 'node:path';",
        "import { fileURLToPath as __fileURLToPath } from 'node:url';",
        'const require = __createRequire(import.meta.url);',
        'const __bundleFilename = __fileURLToPath(import.meta.url);',
        'const __bundleDirname = __pathDirname(__bundleFilename);'
    ].join(' ') }
});
await copyExportAssets(join(root, 'dist'));
await copyFile(join(repo, 'LICENSE'), join(root, 'LICENSE'));
console.log(`service-blueprint built into ${join(root, 'dist')}`);
