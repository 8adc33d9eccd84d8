// Bundles the webview for the browser: dist/webview.js (IIFE, minified, with source map) and
// dist/webview.css (Sprotty's base styles + ours), and dist/webview.meta.json (esbuild's metafile). Nothing is loaded at run time from elsewhere.
import { build } from 'esbuild';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESBUILD_CONDITIONS } from '../../scripts/source-condition.mjs';

const root = dirname(fileURLToPath(import.meta.url));

export async function buildWebview({ minify = true } = {}) {
    // The workspace packages through their `exports`, from their TypeScript sources (no `tsc -b` needed).
    const common = { bundle: true, minify, sourcemap: true, logLevel: 'warning', absWorkingDir: root, conditions: ESBUILD_CONDITIONS };
    await Promise.all([
        build({
            ...common,
            entryPoints: [join(root, 'src/main.ts')],
            outfile: join(root, 'dist/webview.js'),
            format: 'iife',
            platform: 'browser',
            target: ['chrome114'],
            tsconfig: join(root, 'tsconfig.browser.json'),
            define: { 'process.env.NODE_ENV': '"production"' },
            // Kept in dist/ so a test can prove the page bundles neither Langium nor Node built-ins.
            metafile: true
        }).then(result => writeFile(join(root, 'dist/webview.meta.json'), JSON.stringify(result.metafile))),
        build({
            ...common,
            entryPoints: [join(root, 'css/webview.css')],
            outfile: join(root, 'dist/webview.css')
        })
    ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    await buildWebview();
}
