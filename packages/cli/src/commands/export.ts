/**
 * `blueprint export <file> --format drawio|mermaid|mermaid-swimlane`: the blueprint for the tools
 * consultants already use. draw.io files open editable in diagrams.net and import into Miro;
 * Mermaid text is drawn by GitHub, GitLab and most wikis right in the Markdown.
 */
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import { ExitCode, type CliCommand, type CliContext } from '../cli-context.js';
import { CliError } from '../errors.js';
import { describeErrors, loadBlueprint, parseSource } from '../model-loader.js';
import { writeOutput } from '../output.js';

const EXPORT_FORMATS = ['drawio', 'mermaid', 'mermaid-swimlane'] as const;

interface ExportOptions {
    format: (typeof EXPORT_FORMATS)[number];
    output?: string;
}

export const exportCommand: CliCommand = {
    register(program: Command, context: CliContext): void {
        program.command('export')
            .summary('export a blueprint for draw.io (diagrams.net, Miro) or Mermaid (GitHub Markdown)')
            .description('Writes one blueprint in another tool\'s format: drawio is an uncompressed draw.io file with the lanes as '
                + 'swimlane containers, the stages, the three lines, the steps as editable boxes at their laid-out positions and '
                + 'the flows as orthogonal edges with their waypoints and labels. mermaid is a Mermaid flowchart (one subgraph per '
                + 'lane, in order; the lines on the lanes below them; fail points, waits and moments of truth as classes with a '
                + 'legend) that every Mermaid renders, e.g. in GitHub Markdown; mermaid-swimlane is the same as a swimlane-beta '
                + 'diagram, drawn as real swimlanes by Mermaid 11.16 and later.\n\n'
                + 'Exit codes: 0 written, 1 the blueprint has errors, 2 usage or I/O error.')
            .argument('<file>', 'the .blueprint file (or REV:path from git)')
            .addOption(new Option('-f, --format <format>', 'output format').choices(EXPORT_FORMATS).makeOptionMandatory())
            .option('-o, --output <file>', 'write to this file instead of stdout')
            .action(async (file: string, options: ExportOptions) => {
                context.exitCode = await runExport(file, options, context);
            });
    }
};

async function runExport(file: string, options: ExportOptions, context: CliContext): Promise<number> {
    const loaded = await loadBlueprint(parseSource(file, context.cwd), context.cwd);
    if (loaded.errors.length > 0) {
        context.stderr.write(describeErrors(loaded));
        context.stderr.write(`blueprint: ${loaded.label} has errors; not exported\n`);
        return ExitCode.problems;
    }
    if (!loaded.model) throw new CliError(`${loaded.label}: holds no blueprint to export (only shared declarations)`);
    // Loaded on demand, like `render`: the layout engine and the writers are large.
    const { layoutBlueprint, stripRanges } = await import('@blueprint/diagram');
    const { exportDrawio, exportMermaid } = await import('@blueprint/export');
    const layout = stripRanges(await layoutBlueprint(loaded.model));
    const content = options.format === 'drawio' ? exportDrawio(layout)
        : exportMermaid(layout, { dialect: options.format === 'mermaid-swimlane' ? 'swimlane' : 'flowchart' });
    await writeOutput(context, options.output === undefined ? undefined : path.resolve(context.cwd, options.output), content);
    return ExitCode.ok;
}
