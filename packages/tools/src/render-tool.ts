/** `render`: the diagram as `blueprint render` draws it, SVG text or a PNG image; a file only on request. */
import { layoutBlueprint, renderSvg, stripRanges, type SvgTheme } from '@blueprint/diagram';
import { loadSource, requireModel, type SourceInput } from './load-source.js';
import type { ToolHost } from './tool-host.js';
import { toBase64, ToolInputError, type ToolContent, type ToolResult } from './tool-result.js';

export interface RenderInput extends SourceInput {
    readonly format?: 'svg' | 'png';
    readonly theme?: SvgTheme;
    readonly output?: string;
}

export async function renderTool(host: ToolHost, input: RenderInput): Promise<ToolResult> {
    const format = input.format ?? 'svg';
    const theme = input.theme ?? 'light';
    // Refused before any work: the caller learns at once what this host cannot do.
    if (format === 'png' && !host.renderPng) throw new ToolInputError('PNG is not available here (no rasteriser in this host, e.g. VS Code for the web); ask for format "svg".');
    if (input.output !== undefined && !host.writeFile) throw new ToolInputError('This host writes no files; call render without `output` and save the returned picture.');
    const loaded = await loadSource(host, input);
    const model = requireModel(loaded);
    const layout = stripRanges(await layoutBlueprint(model));
    const content: ToolContent[] = [];
    let bytes: Uint8Array;
    if (format === 'png') {
        bytes = await host.renderPng!(layout, theme);
        content.push({ type: 'image', data: toBase64(bytes), mimeType: 'image/png' });
    } else {
        const svg = renderSvg(layout, { theme });
        bytes = new TextEncoder().encode(svg);
        // With an output file the picture is there; repeating a large SVG would only cost the caller tokens.
        if (input.output === undefined) content.push({ type: 'text', text: svg });
    }
    if (input.output !== undefined) {
        const target = host.resolvePath(input.output);
        try {
            await host.writeFile!(target, bytes);
        } catch (error) {
            throw new ToolInputError(`Cannot write ${host.displayPath(target)}: ${error instanceof Error ? error.message : String(error)}`);
        }
        content.unshift({ type: 'text', text: `Wrote ${host.displayPath(target)} (${format.toUpperCase()}, ${layout.width}×${layout.height}, ${bytes.length} bytes).` });
    }
    return { content };
}
