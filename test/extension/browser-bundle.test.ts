/**
 * The web extension's bundles (built by `npm run build`): the extension for the web worker extension
 * host and the language server for its own worker import no Node built-in, as esbuild's metafiles
 * show, and the manifest points VS Code for the web at them. The desktop's export bundle draws from
 * the layout only: no language services in it (the workbook comes from the server).
 */
import { builtinModules } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const EXTENSION = fileURLToPath(new URL('../../packages/extension/', import.meta.url));
const WEBVIEW = fileURLToPath(new URL('../../packages/webview/', import.meta.url));
const BUILTINS = new Set(builtinModules);

interface Metafile {
    readonly inputs: Record<string, { readonly imports: ReadonlyArray<{ readonly path: string; readonly external?: boolean }> }>;
    readonly outputs: Record<string, { readonly inputs: Record<string, { readonly bytesInOutput: number }> }>;
}

function readMetafile(path: string): Metafile {
    return JSON.parse(readFileSync(path, 'utf8')) as Metafile;
}

function nodeImports(metafileName: string, folder = EXTENSION): string[] {
    const metafile = readMetafile(join(folder, 'dist', metafileName));
    return Object.entries(metafile.inputs).flatMap(([input, { imports }]) => imports
        .filter(({ path }) => path.startsWith('node:') || BUILTINS.has(path.split('/')[0]))
        .map(({ path }) => `${input} imports ${path}`));
}

describe('the web extension', () => {
    test.each(['browser-extension.meta.json', 'server-web.meta.json'])('%s: no Node built-ins', metafileName => {
        const metafile = JSON.parse(readFileSync(join(EXTENSION, 'dist', metafileName), 'utf8')) as Metafile;
        // The bundle really holds the language server / the preview, not an empty shell.
        expect(Object.keys(metafile.inputs).some(input => input.includes(metafileName.startsWith('server') ? 'langium' : 'preview-panel'))).toBe(true);
        expect(nodeImports(metafileName)).toEqual([]);
    });

    // The preview's page and the extension get the model and the messages from @blueprint/model and
    // @blueprint/protocol (from the diagram only types and two import-free modules: the page's header
    // geometry, `@blueprint/diagram/header-window`, and the protocol's list of fields that move with a
    // box, `@blueprint/diagram/geometry`), so neither the language (Langium) nor the layout engine
    // (elkjs) is in them.
    test.each([[WEBVIEW, 'webview.meta.json', 'features/'], [EXTENSION, 'browser-extension.meta.json', 'preview-panel']])(
        '%s%s: no Langium, no elkjs, no Node built-ins', (folder, metafileName, marker) => {
            const inputs = Object.keys(readMetafile(join(folder, 'dist', metafileName)).inputs);
            expect(inputs.some(input => input.includes(marker))).toBe(true);
            expect(inputs.filter(input => /node_modules\/(langium|chevrotain|elkjs)\//.test(input)
                || (/(^|\/)(language|diagram)\/(src|dist)\//.test(input) && !/diagram\/src\/(header-window|geometry)\.ts$/.test(input)))).toEqual([]);
            expect(nodeImports(metafileName, folder)).toEqual([]);
        });

    test('the manifest has a browser entry that exists, and says what virtual workspaces lack', () => {
        const manifest = JSON.parse(readFileSync(join(EXTENSION, 'package.json'), 'utf8'));
        expect(manifest.browser).toBe('./dist/browser-extension.cjs');
        expect(existsSync(join(EXTENSION, manifest.browser))).toBe(true);
        expect(existsSync(join(EXTENSION, 'dist/server-web.js'))).toBe(true);
        expect(manifest.capabilities.virtualWorkspaces.supported).toBe('limited');
        // Comparing with git is hidden where there is no git.
        const compareMenus = Object.values(manifest.contributes.menus as Record<string, Array<{ command: string; when?: string }>>)
            .flat().filter(item => item.command.startsWith('blueprint.compareWith'));
        expect(compareMenus.length).toBeGreaterThan(0);
        for (const item of compareMenus) expect(item.when).toMatch(/!isWeb/);
    });
});

describe('the export bundle (dist/export.cjs, loaded when the user exports from the preview)', () => {
    test('holds the picture writers but no Langium, no language package and no workbook writer', () => {
        const metafile = readMetafile(join(EXTENSION, 'dist', 'export.meta.json'));
        const [output] = Object.values(metafile.outputs);
        // What ends up in the file (esbuild lists the files it read but dropped too, with 0 bytes).
        const bundled = Object.entries(output.inputs).filter(([, { bytesInOutput }]) => bytesInOutput > 0).map(([input]) => input);
        expect(bundled.some(input => input.includes('export/src/pdf.ts'))).toBe(true);
        expect(bundled.some(input => input.includes('node_modules/pdfkit/'))).toBe(true);
        expect(bundled.filter(input => /node_modules\/(langium|chevrotain|vscode-languageserver|exceljs)\//.test(input))).toEqual([]);
        // The one file of the language package allowed is the Object.groupBy stand-in every Node bundle injects.
        expect(bundled.filter(input => /(^|\/)language\/(src|dist)\//.test(input) && !input.endsWith('language/src/node-compat.ts'))).toEqual([]);
    });
});
