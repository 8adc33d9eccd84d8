// Builds the public `service-blueprint` package into dist/: the CLI, its check worker and the
// language server, each one ESM file with every dependency bundled (the workspace packages are
// private and never published). The sources are bundled directly, so this needs no `tsc -b` first.
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeCompat } from '../../scripts/esbuild-node-compat.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const repo = join(root, '..', '..');
const source = pkg => join(repo, 'packages', pkg, 'src');
const alias = Object.fromEntries(['model', 'language', 'diagram', 'diff', 'report', 'tools', 'cli', 'server', 'protocol', 'escape'].map(pkg => [`@blueprint/${pkg}`, join(source(pkg), 'index.ts')]));

/**
 * The PNG/PDF libraries stay outside the bundle as the package's dependencies: resvg is a native
 * binary per platform, pdfkit and subset-font read data files beside their own code. Everything
 * else is bundled.
 */
const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
const external = Object.keys(manifest.dependencies ?? {});

await rm(join(root, 'dist'), { recursive: true, force: true });
await build({
    absWorkingDir: root,
    entryPoints: {
        blueprint: join(root, 'src/blueprint.ts'),
        // The name `check-worker.js` is what the CLI's parallel check starts (next to itself).
        'check-worker': join(source('cli'), 'check-worker.ts'),
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
    alias,
    external,
    ...nodeCompat,
    // Some dependencies (vscode-languageserver) are CommonJS and call `require` for Node built-ins.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" }
});
await copyFile(join(repo, 'LICENSE'), join(root, 'LICENSE'));
// The four export fonts (not the font packages' other weights): found beside the bundle by @blueprint/export.
const exportRequire = createRequire(join(repo, 'packages/export/package.json'));
await mkdir(join(root, 'dist/fonts'), { recursive: true });
for (const [pkg, files] of [['@embedpdf/fonts-sc', ['NotoSansHans-Regular.otf', 'NotoSansHans-Bold.otf']], ['@embedpdf/fonts-kr', ['NotoSansKR-Regular.otf', 'NotoSansKR-Bold.otf']]]) {
    const folder = join(dirname(exportRequire.resolve(pkg)), '..');
    for (const file of files) await copyFile(join(folder, 'fonts', file), join(root, 'dist/fonts', file));
    await copyFile(join(folder, 'LICENSE'), join(root, 'dist/fonts', `LICENSE-${pkg.split('/')[1]}`));
}
console.log(`service-blueprint built into ${join(root, 'dist')}`);
