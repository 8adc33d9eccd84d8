/**
 * `blueprint export <file> --format drawio|mermaid|mermaid-swimlane|xlsx|csv`: the blueprint for the
 * tools consultants already use. draw.io files open editable in diagrams.net and import into Miro;
 * Mermaid text is drawn by GitHub, GitLab and most wikis right in the Markdown; the workbook holds the
 * service review's tables (steps, touchpoints, fail points, standards, time, hand-offs); CSV is one
 * of those tables (`--sheet`), or all of them into a folder.
 */
import * as path from 'node:path';
import { analyseBlueprint, type BlueprintModel } from '@blueprint/model';
import { Option, type Command } from 'commander';
import { ExitCode, type CliCommand, type CliContext } from '../cli-context.js';
import { CliError } from '../errors.js';
import { describeErrors, loadBlueprint, parseSource, type LoadedBlueprint } from '../model-loader.js';
import { displayPath } from '../files/paths.js';
import { ensureSafeOutputs, type OutputGuard } from '../files/output-guard.js';
import { writeOutput } from '../output.js';
import { writeExportedFiles } from './image-output.js';

const EXPORT_FORMATS = ['drawio', 'mermaid', 'mermaid-swimlane', 'xlsx', 'csv'] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** What each format writes, for messages. */
const EXPORT_NAMES: Readonly<Record<ExportFormat, string>> = {
    drawio: 'the draw.io file', mermaid: 'the Mermaid diagram', 'mermaid-swimlane': 'the Mermaid diagram', xlsx: 'the workbook', csv: 'the CSV'
};
/** The format an `-o` file's extension names when --format is not given (`.mmd` is Mermaid's own). */
const FORMAT_OF_EXTENSION: ReadonlyMap<string, ExportFormat> = new Map([['drawio', 'drawio'], ['mmd', 'mermaid'], ['mermaid', 'mermaid'], ['xlsx', 'xlsx'], ['csv', 'csv']]);
/** Those extensions for the help and messages, from the map itself so that they list every one: `.drawio, .mmd or .mermaid for mermaid, .xlsx, .csv`. */
const EXTENSIONS = [...new Set(FORMAT_OF_EXTENSION.values())].map(format => {
    const extensions = [...FORMAT_OF_EXTENSION].filter(([, named]) => named === format).map(([extension]) => `.${extension}`);
    return extensions.length === 1 && extensions[0] === `.${format}` ? extensions[0] : `${extensions.join(' or ')} for ${format}`;
}).join(', ');
/** The workbook's tables by their stable names (their titles are in the blueprint's language): `SHEET_NAMES` of @blueprint/export, and `all`. */
const SHEETS = ['steps', 'touchpoints', 'fail-points', 'standards', 'time', 'hand-offs', 'names', 'all'] as const;

interface ExportOptions {
    format: ExportFormat;
    output?: string;
    sheet?: (typeof SHEETS)[number];
}

export const exportCommand: CliCommand = {
    register(program: Command, context: CliContext): void {
        program.command('export')
            .summary('export a blueprint for draw.io (diagrams.net, Miro), Mermaid (GitHub Markdown) or a spreadsheet (Excel, CSV)')
            .description('Writes one blueprint in another tool\'s format, chosen by --format or by the -o file\'s extension '
                + `(${EXTENSIONS}): drawio is an uncompressed draw.io file with the lanes as swimlane `
                + 'containers, the stages, the three lines, the steps as editable boxes at their laid-out positions and the flows '
                + 'as orthogonal edges with their waypoints and labels. mermaid is a Mermaid flowchart (one subgraph per '
                + 'lane, in order; the lines on the lanes below them; fail points, waits and moments of truth as classes with a '
                + 'legend) that every Mermaid renders, e.g. in GitHub Markdown; mermaid-swimlane is the same as a swimlane-beta '
                + 'diagram, drawn as real swimlanes by Mermaid 11.16 and later.\n\n'
                + 'xlsx is a workbook with the tables of the service review, headers in the blueprint\'s language: steps (lane, stage, '
                + 'actor, channel, times in minutes, fail points with their remedies, moment of truth, emotion, notes, next steps), '
                + 'touchpoints, fail points with coverage, service standards, time (the expected time, most likely path and worst '
                + 'case of the base path and of each segment, then one row per exception path with its kind, branch and the '
                + 'branch\'s chance), hand-offs, and the names: the blueprint and every declaration besides its steps (lanes, lines, '
                + 'stages, actors and systems, channels with their distance and self-service, segments, personas with their segment, '
                + 'notes; also those no step uses). csv is one of those tables (--sheet, the '
                + 'steps by default; --sheet all writes one file per table into the folder -o), UTF-8 with a byte order mark so '
                + 'that Excel reads every script. Cells that a spreadsheet would run as a formula (starting with = + - @) are '
                + 'written as text. `blueprint import` reads the steps table (and the names) back.\n\n'
                + 'Exit codes: 0 written, 1 the blueprint has errors, 2 usage or I/O error.')
            .argument('<file>', 'the .blueprint file (or REV:path from git)')
            .addOption(new Option('-f, --format <format>', `output format (default: the -o file's extension: ${EXTENSIONS})`).choices(EXPORT_FORMATS))
            .option('-o, --output <file>', 'write to this file instead of stdout (a folder for --sheet all)')
            .addOption(new Option('--sheet <name>', 'the table a CSV holds (default steps)').choices(SHEETS))
            .action(async (file: string, given: Omit<ExportOptions, 'format'> & { format?: ExportFormat }) => {
                const format = given.format ?? formatOfFile(given.output);
                if (format === undefined) {
                    throw new CliError(given.output === undefined
                        ? 'give --format drawio, mermaid, mermaid-swimlane, xlsx or csv'
                        : `${given.output}: give --format (drawio, mermaid, mermaid-swimlane, xlsx or csv), or name the file ${EXTENSIONS}`);
                }
                context.exitCode = await runExport(file, { ...given, format }, context);
            });
    }
};

/** The format an `-o` file's extension names (any case), if any. */
function formatOfFile(output: string | undefined): ExportFormat | undefined {
    const extension = output?.match(/\.([A-Za-z]+)$/)?.[1]?.toLowerCase();
    return extension === undefined ? undefined : FORMAT_OF_EXTENSION.get(extension);
}

async function runExport(file: string, options: ExportOptions, context: CliContext): Promise<number> {
    const source = parseSource(file, context.cwd);
    const guard: OutputGuard = { inputs: [source.file], what: EXPORT_NAMES[options.format], cwd: context.cwd };
    // A folder for `--sheet all` is checked by the names of its files, below.
    if (options.output !== undefined && options.output !== '-' && options.sheet !== 'all') ensureSafeOutputs([options.output], guard);
    const loaded = await loadBlueprint(source, context.cwd);
    if (loaded.errors.length > 0) {
        context.stderr.write(describeErrors(loaded));
        context.stderr.write(`blueprint: ${loaded.label} has errors; not exported\n`);
        return ExitCode.problems;
    }
    if (!loaded.model) throw new CliError(`${loaded.label}: holds no blueprint to export (only shared declarations)`);
    if (options.sheet !== undefined && options.format !== 'csv') throw new CliError('--sheet picks the table of a CSV: use it with --format csv (a workbook holds every table)');
    const output = options.output === undefined ? undefined : path.resolve(context.cwd, options.output);
    if (options.format === 'xlsx' || options.format === 'csv') return exportSpreadsheet(loaded, loaded.model, { ...options, format: options.format }, output, context, guard);
    // Loaded on demand, like `render`: the layout engine and the writers are large.
    const { layoutBlueprint, stripRanges } = await import('@blueprint/diagram');
    const { exportDrawio, exportMermaid } = await import('@blueprint/export');
    const layout = stripRanges(await layoutBlueprint(loaded.model));
    const content = options.format === 'drawio' ? exportDrawio(layout)
        : exportMermaid(layout, { dialect: options.format === 'mermaid-swimlane' ? 'swimlane' : 'flowchart', language: loaded.model.language });
    await writeOutput(context, output, content, guard);
    return ExitCode.ok;
}

/** The workbook, or one of its tables as CSV (`--sheet`, or every table into a folder). */
async function exportSpreadsheet(loaded: LoadedBlueprint, model: BlueprintModel, options: ExportOptions & { format: 'xlsx' | 'csv' },
    output: string | undefined, context: CliContext, guard: OutputGuard): Promise<number> {
    // The review's own figures: the same analysis `blueprint report` prints.
    const analysis = loaded.services.model.BlueprintAnalysisProvider.getDocumentAnalysis(loaded.document) ?? analyseBlueprint(model);
    const { exportXlsx, workbookTables, writeCsv } = await import('@blueprint/export');
    if (options.format === 'xlsx') {
        await writeExportedFiles(context, output, [await exportXlsx(model, analysis)], 'the workbook', guard);
        return ExitCode.ok;
    }
    const tables = workbookTables(model, analysis);
    if (options.sheet === 'all') {
        if (output === undefined) throw new CliError('--sheet all writes one CSV per table: give -o FOLDER');
        const targets = tables.map(table => path.join(output, `${table.name}.csv`));
        ensureSafeOutputs(targets, guard);
        for (const [index, table] of tables.entries()) await writeOutput(context, targets[index], writeCsv(table), guard);
        context.stderr.write(`blueprint: wrote ${tables.length} tables to ${displayPath(output, context.cwd)}\n`);
        return ExitCode.ok;
    }
    await writeOutput(context, output, writeCsv(tables.find(table => table.name === (options.sheet ?? 'steps'))!), guard);
    return ExitCode.ok;
}
