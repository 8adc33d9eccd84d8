/** `render`: the diagram as `blueprint render` draws it, SVG text or a PNG image; a file (SVG, PNG, PDF) only on request. */
import { layoutBlueprint, renderSvg, stripRanges, type SvgTheme } from '@blueprint/diagram';
import { loadSource, requireModel, type SourceInput } from './load-source.js';
import type { ToolHost } from './tool-host.js';
import { toBase64, ToolInputError, type ToolContent, type ToolResult } from './tool-result.js';

export interface RenderInput extends SourceInput {
    readonly format?: 'svg' | 'png';
    readonly theme?: SvgTheme;
    readonly output?: string;
}

type PictureFormat = 'svg' | 'png' | 'pdf';
const PICTURE_FORMATS: readonly PictureFormat[] = ['svg', 'png', 'pdf'];

export async function renderTool(host: ToolHost, input: RenderInput): Promise<ToolResult> {
    // Refused before any work: the caller learns at once what this host cannot do, or where it must not write.
    if (input.output !== undefined && !host.writeFile) throw new ToolInputError('This host writes no files; call render without `output` and save the returned picture.');
    const target = input.output === undefined ? undefined : host.resolvePath(input.output);
    const refusal = target && host.outputProblem?.(target, input.path === undefined ? undefined : host.resolvePath(input.path));
    if (refusal) throw new ToolInputError(refusal);
    const format = pictureFormat(input);
    const theme = input.theme ?? 'light';
    if (format === 'png' && !host.renderPng) throw new ToolInputError('PNG is not available here (no rasteriser in this host, e.g. VS Code for the web); ask for format "svg".');
    if (format === 'pdf' && !host.renderPdf) throw new ToolInputError('PDF is not available here; write an .svg or .png file instead.');
    const loaded = await loadSource(host, input);
    const model = requireModel(loaded);
    const layout = stripRanges(await layoutBlueprint(model));
    const content: ToolContent[] = [];
    let bytes: Uint8Array;
    if (format === 'png') {
        bytes = await host.renderPng!(layout, theme);
        content.push({ type: 'image', data: toBase64(bytes), mimeType: 'image/png' });
    } else if (format === 'pdf') {
        bytes = await host.renderPdf!(layout, theme);
    } else {
        const svg = renderSvg(layout, { theme });
        bytes = new TextEncoder().encode(svg);
        // With an output file the picture is there; repeating a large SVG would only cost the caller tokens.
        if (target === undefined) content.push({ type: 'text', text: svg });
    }
    if (target !== undefined) {
        try {
            await host.writeFile!(target, bytes);
        } catch (error) {
            throw new ToolInputError(`Cannot write ${host.displayPath(target)}: ${error instanceof Error ? error.message : String(error)}`);
        }
        content.unshift({ type: 'text', text: `Wrote ${host.displayPath(target)} (${format.toUpperCase()}, ${layout.width}×${layout.height}, ${bytes.length} bytes).` });
    }
    return { content };
}

/**
 * As `blueprint render -o`: the output's extension names the format (an SVG under a .png name opens
 * nowhere); `format` may say the same or be left out, but not contradict it. A PDF is a file only.
 */
function pictureFormat(input: RenderInput): PictureFormat {
    const extension = input.output?.match(/\.([A-Za-z]+)$/)?.[1]?.toLowerCase();
    const named = PICTURE_FORMATS.find(format => format === extension);
    if (named && input.format !== undefined && input.format !== named) {
        throw new ToolInputError(`The output ${input.output} names a ${named.toUpperCase()} file, but format is "${input.format}": leave format out, or end output in .${input.format}.`);
    }
    if (input.output !== undefined && !named) {
        throw new ToolInputError(`The output ${input.output} must end in .svg, .png or .pdf: its extension chooses the format.`);
    }
    return named ?? input.format ?? 'svg';
}
