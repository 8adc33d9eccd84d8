/**
 * `blueprint import <file.csv|file.xlsx>`: a spreadsheet or a sticky-note board export (one row per
 * item) to a formatted `.blueprint`. Every row that cannot be placed is reported with its number;
 * the result is checked like `blueprint check` and what to fix is listed. Writes only to -o or stdout.
 */
import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { escapeTerminal } from '@blueprint/escape';
import { loadAndValidate, maxFileBytes } from '@blueprint/language/core';
import type { Command } from 'commander';
import { URI } from 'langium';
import { compareDiagnostics, toCheckedDiagnostic } from '../check-report.js';
import { ExitCode, type CliCommand, type CliContext } from '../cli-context.js';
import { CliError, FileError } from '../errors.js';
import { displayPath, reasonOf } from '../files/paths.js';
import { formatBlueprintText } from '../formatting.js';
import { ensureSafeOutputs, type OutputGuard } from '../files/output-guard.js';
import { writeOutput } from '../output.js';
import { createCliEditingServices } from '../editing-services.js';

interface ImportOptions {
    output?: string;
    map?: string;
    title?: string;
}

export const importCommand: CliCommand = {
    register(program: Command, context: CliContext): void {
        program.command('import')
            .summary('turn a spreadsheet or sticky-note export (CSV, XLSX) into a .blueprint')
            .description('Reads one row per item: columns for the stage, the lane and the label, and optionally id, actor, channel, '
                + 'evidence, fail point (with prevention and recovery), duration, wait, moment of truth, emotion, notes, policies, segments, '
                + 'the next steps (one flow per line: `Resolve 95 % "Within authority"`, `~> Archive`, `decision: Ticket 5 %`), the decision '
                + 'and parallel blocks a step starts, its markers (start, end, independent) and the metrics measured on it. Headers are matched leniently (case and spaces do not matter; "Swimlane", "Phase", "Description", '
                + 'Miro\'s and Mural\'s export headers, and the headers `blueprint export` writes in every language are known); '
                + '--map names the columns of any other file. Without a next column the flows follow the reading order of each '
                + 'stage, the customer line first.\n\n'
                + 'Every row that cannot be placed is reported with its row number, and nothing is written then. The imported '
                + 'blueprint is checked like `blueprint check`: its problems are listed for you to fix in the text.\n\n'
                + 'Map file: {"columns": {"Sticky text": "label", "Row": "lane"}, "lanes": {"Kunde": "customer", "Tools": "custom"}}.\n\n'
                + 'Exit codes: 0 imported and the result passes check, 1 rows that cannot be placed or errors in the result, '
                + '2 usage or I/O error.')
            .argument('<file>', 'the .csv or .xlsx file')
            .option('-o, --output <file>', 'write the .blueprint to this file instead of stdout')
            .option('--map <file>', 'a JSON file naming unusual columns and lane values')
            .option('--title <text>', 'the blueprint\'s title (default: the file\'s name)')
            .action(async (file: string, options: ImportOptions) => {
                context.exitCode = await runImport(file, options, context);
            });
    }
};

async function runImport(file: string, options: ImportOptions, context: CliContext): Promise<number> {
    const source = path.resolve(context.cwd, file);
    const shown = displayPath(source, context.cwd);
    // The output is a blueprint: any .blueprint name may be written, but never the spreadsheet or the map read.
    const guard: OutputGuard = { inputs: [source, ...(options.map === undefined ? [] : [options.map])], what: 'the imported blueprint', blueprintText: true, cwd: context.cwd };
    if (options.output !== undefined && options.output !== '-') ensureSafeOutputs([options.output], guard);
    const bytes = await readInput(source, shown);
    const { importSpreadsheet, parseImportMap, describeProblem } = await import('@blueprint/export');
    let map;
    if (options.map !== undefined) {
        const mapFile = path.resolve(context.cwd, options.map);
        const text = new TextDecoder().decode(await readInput(mapFile, displayPath(mapFile, context.cwd)));
        try {
            map = parseImportMap(text);
        } catch (error) {
            throw new CliError(`${displayPath(mapFile, context.cwd)}: ${(error as Error).message}`);
        }
    }
    const result = await importSpreadsheet(bytes, { fileName: path.basename(source), map, title: options.title });
    for (const problem of result.problems) context.stderr.write(`${escapeTerminal(shown)}: ${escapeTerminal(describeProblem(problem))}\n`);
    const errors = result.problems.filter(p => p.severity === 'error').length;
    if (errors > 0 || result.text === undefined) {
        context.stderr.write(`blueprint: ${escapeTerminal(shown)}: ${errors} row${errors === 1 ? '' : 's'} or problem${errors === 1 ? '' : 's'} to fix`
            + (result.rows > 0 ? ` (${result.placed} of ${result.rows} rows could be placed)` : '') + '; nothing written\n');
        return ExitCode.problems;
    }

    // The formatter is an LSP service: the editing services, as for `fmt`.
    const services = await createCliEditingServices(context.cwd);
    const target = options.output === undefined || options.output === '-' ? undefined : path.resolve(context.cwd, options.output);
    const uri = target ? URI.file(target) : URI.parse('memory:///imported.blueprint');
    const formatted = await formatBlueprintText(services, result.text, uri);
    if (formatted.kind === 'syntax-errors' || formatted.kind === 'unsafe') {
        // The import writes only what the grammar accepts; this is a bug, shown with the text for a report.
        throw new CliError(`the imported text does not parse (please report this): ${formatted.kind === 'unsafe' ? formatted.reason : formatted.problems[0].message}`);
    }
    const text = formatted.kind === 'changed' ? formatted.text : result.text;
    // Registered first, so the loader checks this text (with what it imports) instead of reading the file.
    services.shared.workspace.LangiumDocuments.addDocument(services.shared.workspace.LangiumDocumentFactory.fromString(text, uri));
    const { documents: [document] } = await loadAndValidate(services, [uri]);
    const diagnostics = (document.diagnostics ?? []).map(toCheckedDiagnostic).filter(d => d.severity === 'error' || d.severity === 'warning').sort(compareDiagnostics);
    await writeOutput(context, target, text, guard);
    const label = target ? displayPath(target, context.cwd) : 'the imported blueprint';
    for (const d of diagnostics) context.stderr.write(`${escapeTerminal(label)}:${d.line}:${d.column} ${d.severity} ${d.rule} ${escapeTerminal(d.message)}\n`);
    const checkErrors = diagnostics.filter(d => d.severity === 'error').length;
    context.stderr.write(`blueprint: imported ${result.placed} of ${result.rows} rows from ${escapeTerminal(shown)}`
        + (diagnostics.length === 0 ? '; the blueprint passes check\n' : `; ${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'} to fix in the text (listed above)\n`));
    return checkErrors > 0 ? ExitCode.problems : ExitCode.ok;
}

async function readInput(file: string, shown: string): Promise<Uint8Array> {
    try {
        const stats = await stat(file);
        if (stats.isDirectory()) throw new FileError(shown, 'is a folder, not a file');
        // A spreadsheet of a blueprint is small; the limit keeps a wrong file from filling memory.
        if (stats.size > maxFileBytes() * 4) throw new FileError(shown, `is larger than ${Math.round(maxFileBytes() * 4 / 1e6)} MB: not a blueprint's spreadsheet`);
        return new Uint8Array(await readFile(file));
    } catch (error) {
        if (error instanceof FileError) throw error;
        throw new FileError(shown, reasonOf(error as NodeJS.ErrnoException));
    }
}
