/**
 * Blueprint's tools on the local disk, for `blueprint mcp`: files read like every CLI command
 * reads them, paths against the working directory, PNG and PDF by @blueprint/export (resvg, the
 * bundled fonts) and writes only to the output path a caller names, atomically: inside the folder
 * served, never over the blueprint read nor any other blueprint source (as `render -o` refuses).
 */
import type { ToolHost } from '@blueprint/tools';
import { URI } from 'langium';
import * as path from 'node:path';
import { writeFileAtomic } from '../files/atomic-write.js';
import { isInsideFolder, unsafeOutputReason } from '../files/output-guard.js';
import { displayPath } from '../files/paths.js';
import { createCliServices } from '../services.js';

export function cliToolHost(cwd: string): ToolHost {
    return {
        createServices: () => createCliServices(cwd),
        resolvePath: file => URI.file(path.resolve(cwd, file)),
        displayPath: uri => (uri.scheme === 'file' ? displayPath(uri.fsPath, cwd) : uri.toString()),
        writeFile: (uri, content) => writeFileAtomic(uri.fsPath, content, { createFolders: true }),
        outputProblem: (output, input) => {
            const shown = displayPath(output.fsPath, cwd);
            // An assistant's `../x` or `/etc/x` leaves the folder the user chose to serve.
            if (!isInsideFolder(output.fsPath, cwd)) return `Refusing to write ${shown}: render writes only inside the served folder (${cwd}); give a path inside it.`;
            const reason = unsafeOutputReason(output.fsPath, { inputs: input ? [input.fsPath] : [], what: 'the picture', cwd });
            return reason && `Refusing to write: ${reason}.`;
        },
        renderPng: async (layout, theme) => (await picture(layout, theme, 'png')),
        renderPdf: async (layout, theme) => (await picture(layout, theme, 'pdf'))
    };
}

/** Loaded on demand: fonts, the rasteriser and the PDF writer are large and most calls never draw. */
async function picture(layout: Parameters<NonNullable<ToolHost['renderPng']>>[0], theme: 'light' | 'dark', format: 'png' | 'pdf'): Promise<Uint8Array> {
    const { exportImage } = await import('@blueprint/export');
    return (await exportImage(layout, { format, theme })).files[0];
}
