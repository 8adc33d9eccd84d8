/**
 * `blueprint render <file>`: the blueprint diagram as a standalone SVG, a PNG or a vector PDF
 * (optionally fitted to A4, A3 or slide pages), or its laid-out geometry as JSON (the
 * `BlueprintLayout` the webview draws, without source ranges). Writes to `-o` or stdout.
 */
import type { SvgTheme } from '@blueprint/diagram';
import { Option, type Command } from 'commander';
import { ExitCode, type CliCommand, type CliContext } from '../cli-context.js';
import { CliError } from '../errors.js';
import { describeErrors, loadBlueprint, parseSource } from '../model-loader.js';
import { writeOutput } from '../output.js';
import { ensureSafeOutputs, type OutputGuard } from '../files/output-guard.js';
import { watchAndRerun } from '../files/watch.js';
import { renderImage } from './render-image.js';

const RENDER_FORMATS = ['svg', 'json', 'png', 'pdf'] as const;
type RenderFormat = (typeof RENDER_FORMATS)[number];
const PAGES = ['a4', 'a3', 'slide'] as const;
const THEMES = ['light', 'dark'] as const;

interface RenderCommandOptions {
    output?: string;
    format: RenderFormat;
    theme: SvgTheme;
    watch?: boolean;
    page?: (typeof PAGES)[number];
    scale?: string;
    /** The -o file's extension when it names no format and --format was not given (`.jpg`): refused. */
    unknownExtension?: string;
}

export const renderCommand: CliCommand = {
    register(program: Command, context: CliContext): void {
        program.command('render')
            .summary('draw a blueprint as an SVG, PNG or PDF diagram (or its layout as JSON)')
            .description('Lays out one .blueprint file as a service blueprint diagram: lanes, the lines of interaction, '
                + 'visibility and internal interaction, stage columns, steps with their badges and the flows between them. '
                + 'Writes the SVG (or, with --format json, the laid-out geometry) to the -o file, or to stdout. '
                + 'PNG and PDF are drawn with bundled fonts (Latin, Chinese, Japanese kana, Korean), so they look the same on every machine; '
                + 'the PDF keeps its text selectable. --page fits a wide blueprint on A4, A3 or 16:9 slide pages with text '
                + 'of at least 7 pt: stages wrap into rows or go on to further pages, each repeating the lane headers.\n\n'
                + 'A file with errors is still drawn as far as it could be read; its errors go to stderr.\n\n'
                + 'Exit codes: 0 written, 1 the file has errors (printed, and the diagram written anyway), 2 usage or I/O error.')
            .argument('<file>', 'the .blueprint file to draw (or REV:path from git)')
            .option('-o, --output <file>', 'write here instead of stdout')
            .addOption(new Option('-f, --format <format>', 'output format (default: the -o file\'s extension, else svg)').choices(RENDER_FORMATS))
            .addOption(new Option('--theme <theme>', 'colours of the diagram (SVG, PNG, PDF)').choices(THEMES).default('light'))
            .option('-w, --watch', 'draw again whenever the file (or a file next to it) changes; needs -o')
            .addOption(new Option('--page <size>', 'fit on pages (pdf, png, svg)').choices(PAGES))
            .option('--scale <factor>', 'PNG pixels per diagram pixel (default 2)')
            .action(async (file: string, given: Omit<RenderCommandOptions, 'format'> & { format?: RenderFormat }) => {
                // `-o deck.png` means a PNG: an SVG under a .png name opens nowhere.
                const named = formatOfFile(given.output);
                const options: RenderCommandOptions = {
                    ...given, format: given.format ?? named ?? 'svg',
                    unknownExtension: given.format === undefined && named === undefined ? extensionOf(given.output) : undefined
                };
                if (options.watch) {
                    if (options.output === undefined) throw new CliError('--watch needs -o <file>: a stream of SVGs on stdout helps no one');
                    // Refused before watching: inside the watch a refusal is only reported, and the watch goes on.
                    const guard = guardOutput(file, options, context);
                    await watchAndRerun(context, [parseSource(file, context.cwd).revision ? '.' : file], async () => {
                        context.exitCode = await runRender(file, options, context, guard);
                        if (context.exitCode === ExitCode.ok) context.stderr.write(`[watch] wrote ${options.output}\n`);
                        return context.exitCode;
                    });
                }
                context.exitCode = await runRender(file, options, context, guardOutput(file, options, context));
            });
    }
};

/** The format an output file's extension names (`.png`, `.pdf`, `.json`, `.svg`, any case). */
function formatOfFile(output: string | undefined): RenderFormat | undefined {
    const extension = extensionOf(output)?.toLowerCase();
    return RENDER_FORMATS.find(format => format === extension);
}

function extensionOf(output: string | undefined): string | undefined {
    return output?.match(/\.([A-Za-z]+)$/)?.[1];
}

/**
 * What render may write, refused (exit 2) before any work, with and without --watch: an output path
 * over the blueprint (or any blueprint) is a slip, and an SVG under a .jpg name opens nowhere.
 */
function guardOutput(file: string, options: RenderCommandOptions, context: CliContext): OutputGuard {
    const what = options.format === 'json' ? 'the layout (JSON)' : `the ${options.format.toUpperCase()}`;
    const guard: OutputGuard = { inputs: [parseSource(file, context.cwd).file], what, cwd: context.cwd };
    if (options.output !== undefined && options.output !== '-') ensureSafeOutputs([options.output], guard);
    if (options.unknownExtension !== undefined) {
        throw new CliError(`${options.output}: render writes SVG, PNG, PDF or JSON, not .${options.unknownExtension}: name the file .svg, .png, .pdf or .json, or give --format`);
    }
    return guard;
}

async function runRender(file: string, options: RenderCommandOptions, context: CliContext, guard: OutputGuard): Promise<number> {
    const source = parseSource(file, context.cwd);
    // Loaded on demand: the layout engine is large and `check` never needs it.
    const { layoutBlueprint, renderSvg, stripRanges } = await import('@blueprint/diagram');
    const loaded = await loadBlueprint(source, context.cwd);
    if (!loaded.model) {
        if (loaded.errors.length > 0) {
            context.stderr.write(describeErrors(loaded));
            context.stderr.write(`blueprint: ${loaded.label} has errors and no blueprint could be read from it; not rendered\n`);
            return ExitCode.problems;
        }
        throw new CliError(`${loaded.label}: holds no blueprint to draw (only shared declarations)`);
    }
    // Like the preview: what could be built is drawn, and the errors make the exit code 1.
    if (loaded.errors.length > 0) {
        context.stderr.write(describeErrors(loaded));
        context.stderr.write(`blueprint: ${loaded.label} has errors; the diagram shows what could be read\n`);
    }
    const exitCode = loaded.errors.length > 0 ? ExitCode.problems : ExitCode.ok;
    const layout = await layoutBlueprint(loaded.model);
    if (options.format === 'png' || options.format === 'pdf' || options.page !== undefined) {
        const written = await renderImage(stripRanges(layout), { ...options, format: options.format === 'json' ? 'svg' : options.format }, context, guard);
        return written === ExitCode.ok ? exitCode : written;
    }
    const text = options.format === 'json'
        ? JSON.stringify(stripRanges(layout), null, 2) + '\n'
        : renderSvg(layout, { theme: options.theme });
    await writeOutput(context, options.output, text, guard);
    return exitCode;
}
