/**
 * `blueprint render <file>`: the blueprint diagram as a standalone SVG, or its laid-out geometry as
 * JSON (the `BlueprintLayout` the webview draws, without source ranges). Writes to `-o` or stdout.
 */
import * as path from 'node:path';
import type { SvgTheme } from '@blueprint/diagram';
import { Option, type Command } from 'commander';
import { ExitCode, type CliCommand, type CliContext } from '../cli-context.js';
import { CliError, FileError } from '../errors.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { displayPath, reasonOf } from '../files/paths.js';
import { describeErrors, loadBlueprint } from '../model-loader.js';

const RENDER_FORMATS = ['svg', 'json'] as const;
const THEMES = ['light', 'dark'] as const;

interface RenderCommandOptions {
    output?: string;
    format: (typeof RENDER_FORMATS)[number];
    theme: SvgTheme;
}

export const renderCommand: CliCommand = {
    register(program: Command, context: CliContext): void {
        program.command('render')
            .summary('draw a blueprint as an SVG diagram (or its layout as JSON)')
            .description('Lays out one .blueprint file as a service blueprint diagram: lanes, the lines of interaction, '
                + 'visibility and internal interaction, stage columns, steps with their badges and the flows between them. '
                + 'Writes the SVG (or, with --format json, the laid-out geometry) to the -o file, or to stdout.\n\n'
                + 'A file with errors is still drawn as far as it could be read; its errors go to stderr.\n\n'
                + 'Exit codes: 0 written, 1 the file has errors (printed, and the diagram written anyway), 2 usage or I/O error.')
            .argument('<file>', 'the .blueprint file to draw')
            .option('-o, --output <file>', 'write here instead of stdout')
            .addOption(new Option('-f, --format <format>', 'output format').choices(RENDER_FORMATS).default('svg'))
            .addOption(new Option('--theme <theme>', 'colours of the SVG').choices(THEMES).default('light'))
            .action(async (file: string, options: RenderCommandOptions) => {
                context.exitCode = await runRender(file, options, context);
            });
    }
};

async function runRender(file: string, options: RenderCommandOptions, context: CliContext): Promise<number> {
    // Loaded on demand: the layout engine is large and `check` never needs it.
    const { layoutBlueprint, renderSvg, stripRanges } = await import('@blueprint/diagram');
    const loaded = await loadBlueprint({ file: path.resolve(context.cwd, file) }, context.cwd);
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
    const text = options.format === 'json'
        ? JSON.stringify(stripRanges(layout), null, 2) + '\n'
        : renderSvg(layout, { theme: options.theme });
    if (options.output === undefined) {
        context.stdout.write(text);
        return exitCode;
    }
    const target = path.resolve(context.cwd, options.output);
    try {
        await writeFileAtomic(target, text);
    } catch (error) {
        throw new FileError(displayPath(target, context.cwd), `cannot write: ${reasonOf(error as NodeJS.ErrnoException)}`);
    }
    return exitCode;
}
