/**
 * Blueprint's tools on the local disk, for `blueprint mcp`: files read like every CLI command
 * reads them, paths against the working directory, PNG by @blueprint/export (resvg, the bundled
 * fonts) and writes only to the output path a caller names, atomically.
 */
import type { ToolHost } from '@blueprint/tools';
import { URI } from 'langium';
import * as path from 'node:path';
import { writeFileAtomic } from '../files/atomic-write.js';
import { displayPath } from '../files/paths.js';
import { createCliServices } from '../services.js';

export function cliToolHost(cwd: string): ToolHost {
    return {
        createServices: () => createCliServices(cwd),
        resolvePath: file => URI.file(path.resolve(cwd, file)),
        displayPath: uri => (uri.scheme === 'file' ? displayPath(uri.fsPath, cwd) : uri.toString()),
        writeFile: (uri, content) => writeFileAtomic(uri.fsPath, content, { createFolders: true }),
        renderPng: async (layout, theme) => {
            // Loaded on demand: fonts and the rasteriser are large and most calls never draw a PNG.
            const { exportImage } = await import('@blueprint/export');
            return (await exportImage(layout, { format: 'png', theme })).files[0];
        }
    };
}
