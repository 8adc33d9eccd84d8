/** `blueprint report <file>`: the service review (time standards, touchpoints, fail points, KPIs). */
import { analyseBlueprint } from '@blueprint/model';
import { Option, type Command } from 'commander';
import { ExitCode, type CliCommand, type CliContext } from '../cli-context.js';
import { CliError } from '../errors.js';
import { describeErrors, loadBlueprint, parseSource } from '../model-loader.js';
import { ensureSafeOutputs, type OutputGuard } from '../files/output-guard.js';
import { writeOutput } from '../output.js';
import { renderHtmlReport, renderMarkdownReport } from '@blueprint/report';
import { renderDiagramSvg } from '../diagram-svg.js';

const FORMATS = ['markdown', 'json', 'html'] as const;
type ReportFormat = typeof FORMATS[number];

interface ReportOptions {
    format: ReportFormat;
    output?: string;
}

export const reportCommand: CliCommand = {
    register(program: Command, context: CliContext): void {
        program.command('report')
            .summary('write a service review of a blueprint')
            .description('Analyses one blueprint the way a service review does: the expected time (weighted by shares, failure rates '
                + 'and repeats), the most likely path, the worst case and each exception path (waiting, customer-visible and '
                + 'backstage time, against the tolerances), per customer '
                + 'segment; the touchpoint inventory; fail-point coverage; service standards; hand-offs and escalations.\n\n'
                + 'A file with errors is still reported as far as it could be read; its errors go to stderr.\n\n'
                + 'Exit codes: 0 written, 1 the blueprint has errors (printed, and the report written anyway), 2 usage or I/O error.')
            .argument('<file>', 'the .blueprint file (or REV:path from git)')
            .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('markdown'))
            .option('-o, --output <file>', 'write to this file instead of stdout')
            .action(async (file: string, options: ReportOptions) => {
                context.exitCode = await runReport(file, options, context);
            });
    }
};

async function runReport(file: string, options: ReportOptions, context: CliContext): Promise<number> {
    const source = parseSource(file, context.cwd);
    const guard: OutputGuard = { inputs: [source.file], what: `the ${options.format === 'markdown' ? 'Markdown' : options.format.toUpperCase()} report`, cwd: context.cwd };
    if (options.output !== undefined && options.output !== '-') ensureSafeOutputs([options.output], guard);
    const loaded = await loadBlueprint(source, context.cwd);
    if (!loaded.model) {
        if (loaded.errors.length > 0) {
            context.stderr.write(describeErrors(loaded));
            context.stderr.write(`blueprint: ${loaded.label} has errors and no blueprint could be read from it\n`);
            return ExitCode.problems;
        }
        throw new CliError(`${loaded.label}: holds no blueprint to report on (only shared declarations)`);
    }
    // Like the preview: what could be built is reported, and the errors make the exit code 1.
    if (loaded.errors.length > 0) {
        context.stderr.write(describeErrors(loaded));
        context.stderr.write(`blueprint: ${loaded.label} has errors; the report covers what could be read\n`);
    }
    const analysis = loaded.services.model.BlueprintAnalysisProvider.getDocumentAnalysis(loaded.document) ?? analyseBlueprint(loaded.model);
    let content: string;
    switch (options.format) {
        case 'json':
            content = JSON.stringify(analysis, null, 2) + '\n';
            break;
        case 'html':
            content = renderHtmlReport(analysis, loaded.model, { diagramSvg: await renderDiagramSvg(loaded.model, 'light') });
            break;
        default:
            content = renderMarkdownReport(analysis, loaded.model);
    }
    await writeOutput(context, options.output, content, guard);
    return loaded.errors.length > 0 ? ExitCode.problems : ExitCode.ok;
}
