// Builds the public `service-blueprint` package into dist/: the CLI, its check worker and the
// language server, each one ESM file with every dependency bundled (the workspace packages are
// private and never published). Each workspace package is bundled through its `exports` under the
// source condition (its TypeScript sources), so this needs no `tsc -b` first.
import { build } from 'esbuild';
import { copyFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeCompat } from '../../scripts/esbuild-node-compat.mjs';
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
    ...nodeCompat,
    // Some dependencies (vscode-languageserver) are CommonJS and call `require` for Node built-ins.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" }
});
await copyFile(join(repo, 'LICENSE'), join(root, 'LICENSE'));
console.log(`service-blueprint built into ${join(root, 'dist')}`);
