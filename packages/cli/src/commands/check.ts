/** `blueprint check [paths...]`: validates blueprint files and reports in the format asked for. */
import { Option, type Command } from 'commander';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { CheckReport, CheckSummary } from '../check-report.js';
import { checkFiles } from '../checker.js';
import { checkFilesInParallel } from '../parallel-check.js';
import { ExitCode, type CliCommand, type CliContext } from '../cli-context.js';
import { colorsEnabled } from '../colors.js';
import { CliError } from '../errors.js';
import { discoverBlueprintFiles } from '../files/discovery.js';
import { readStdinSource, usesStdin } from '../files/stdin.js';
import { watchAndRerun } from '../files/watch.js';
import { collectRuleSetting, parseCount, parseThreads } from '../options.js';
import { REPORT_FORMATS, REPORTERS, type ReportFormat } from '../reporters/index.js';

interface CheckCommandOptions {
    format: ReportFormat;
    maxWarnings?: number;
    rule?: Record<string, string>;
    reportImports?: boolean;
    allowEmpty?: boolean;
    config?: string;
    stdinFilepath?: string;
    watch?: boolean;
    fix?: boolean;
    threads?: number;
}

export const checkCommand: CliCommand = {
    register(program: Command, context: CliContext): void {
        program.command('check')
            .summary('validate blueprint files against the rules')
            .description('Validates .blueprint files: each file, each folder (recursively, skipping node_modules and '
                + 'dot-folders) and each glob pattern given; the current folder when none is. Files they import '
                + 'are loaded and validated too. Rule settings come from the nearest blueprint.config.json.\n\n'
                + 'A file that cannot be blueprint text (binary, too large, not UTF-8, unreadable) is reported as an error '
                + '(rule "file") on that file, and the other files are checked.\n\n'
                + 'Exit codes: 0 no errors, 1 errors (or more warnings than --max-warnings), 2 usage error (bad options, '
                + 'a path that does not exist, a broken config file).')
            .argument('[paths...]', 'files, folders or glob patterns', ['.'])
            .addOption(new Option('-f, --format <format>', 'output format').choices(REPORT_FORMATS).default('text'))
            .option('--max-warnings <count>', 'fail when there are more warnings than this', parseCount)
            .option('--rule <rule=setting>', 'override a rule: error, warning, info, hint or off (repeatable), e.g. BP008=off', collectRuleSetting)
            .option('--report-imports', 'also report files imported from outside the given paths')
            .option('--allow-empty', 'succeed when a folder or pattern holds no .blueprint file')
            .option('-c, --config <file>', 'use this config file for every file instead of the nearest blueprint.config.json')
            .option('--stdin-filepath <path>', "with '-': the file name the text on standard input stands for (imports, config, reports)")
            .option('--fix', 'first apply the safe quick fixes (they restate what the file already says) to the files, then check')
            .option('-w, --watch', 'check again whenever a .blueprint or config file under the paths changes')
            .option('--threads <count>', 'threads that check the files (default: one fewer than the cores, at most 4; one for fewer than 200 files)', parseThreads)
            .action(async (paths: string[], options: CheckCommandOptions) => {
                if (options.watch) await watchAndRerun(context, paths, async () => context.exitCode = await runCheck(paths, options, context));
                context.exitCode = await runCheck(paths, options, context);
            });
    }
};

async function runCheck(paths: string[], options: CheckCommandOptions, context: CliContext): Promise<number> {
    const configFile = options.config === undefined ? undefined : existingConfig(options.config, context);
    if (usesStdin(paths)) {
        if (options.fix) throw new CliError("--fix rewrites files; it cannot fix standard input ('-')");
        const source = await readStdinSource(context, options.stdinFilepath);
        const report = await checkFiles([source.file], {
            cwd: context.cwd, ruleOverrides: options.rule, configFile, text: { content: source.text, label: source.label }
        });
        return writeReport(report, options, context);
    }
    const discovery = await discoverBlueprintFiles(paths, context.cwd, { configFile });
    if (options.fix) {
        // Loaded only for --fix: the quick fixes need the LSP services, which a plain check never loads.
        const { applySafeFixes } = await import('../fixer.js');
        await applySafeFixes(discovery.files, context);
    }
    if (discovery.empty.length > 0) {
        const message = `no .blueprint files found in ${discovery.empty.map(p => `'${p}'`).join(', ')}`;
        if (!options.allowEmpty) throw new CliError(`${message} (use --allow-empty to accept this)`);
        context.stderr.write(`blueprint: ${message}\n`);
    }
    const report = await checkFilesInParallel(discovery.files, {
        cwd: context.cwd, ruleOverrides: options.rule, reportImports: options.reportImports, configFile
    }, options.threads);
    return writeReport(report, options, context);
}

function writeReport(report: CheckReport, options: CheckCommandOptions, context: CliContext): number {
    const reporter = REPORTERS[options.format];
    context.stdout.write(reporter(report, {
        color: colorsEnabled(context.stdout, context.env), version: context.version, cwd: context.cwd
    }));
    return exitCodeFor(report.summary, options.maxWarnings, context);
}

function existingConfig(file: string, context: CliContext): string {
    const absolute = path.resolve(context.cwd, file);
    if (!existsSync(absolute)) throw new CliError(`${file}: no such config file (--config)`);
    return absolute;
}

function exitCodeFor(summary: CheckSummary, maxWarnings: number | undefined, context: CliContext): number {
    if (summary.errors > 0) return ExitCode.problems;
    if (maxWarnings !== undefined && summary.warnings > maxWarnings) {
        context.stderr.write(`blueprint: ${summary.warnings} warnings, more than the maximum of ${maxWarnings} (--max-warnings)\n`);
        return ExitCode.problems;
    }
    return ExitCode.ok;
}
