/** `blueprint render --format png|pdf [--page a4|a3|slide]`: the pictures made by @blueprint/export. */
import type { BlueprintLayout, SvgTheme } from '@blueprint/diagram';
import { ExitCode, type CliContext } from '../cli-context.js';
import { CliError } from '../errors.js';
import type { OutputGuard } from '../files/output-guard.js';
import { writeExportedFiles } from './image-output.js';

export interface RenderImageOptions {
    readonly format: 'svg' | 'png' | 'pdf';
    readonly output?: string;
    readonly theme: SvgTheme;
    readonly page?: 'a4' | 'a3' | 'slide';
    readonly scale?: string;
}

export async function renderImage(layout: BlueprintLayout, options: RenderImageOptions, context: CliContext, guard: Omit<OutputGuard, 'what'>): Promise<number> {
    const scale = options.scale === undefined ? undefined : Number(options.scale);
    if (scale !== undefined && !(Number.isFinite(scale) && scale > 0 && scale <= 8)) {
        throw new CliError(`--scale must be a number above 0 and at most 8, not '${options.scale}'`);
    }
    // Loaded on demand: fonts and the PDF writer are large and most commands never need them.
    const { exportImage } = await import('@blueprint/export');
    const image = await exportImage(layout, { format: options.format, page: options.page, theme: options.theme, scale });
    const written = await writeExportedFiles(context, options.output, image.files, `the ${options.format.toUpperCase()}`, guard);
    if (written.length > 1) context.stderr.write(`blueprint: wrote ${written.length} pages: ${written.join(', ')}\n`);
    return ExitCode.ok;
}
