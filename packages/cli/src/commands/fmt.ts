/** `blueprint fmt [paths...] [--check]`: formats blueprint files in place, or lists those that would change. */
import { escapeTerminal } from '@blueprint/escape';
import type { Command } from 'commander';
import { maxFileBytes } from '@blueprint/language/core';
import { URI } from 'langium';
import { ExitCode, type CliCommand, type CliContext } from '../cli-context.js';
import { CliError, FileError } from '../errors.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { discoverBlueprintFiles } from '../files/discovery.js';
import { readStdinSource, usesStdin } from '../files/stdin.js';
import { displayPath, reasonOf } from '../files/paths.js';
import { readTextFile } from '../files/read-file.js';
import { formatBlueprintText } from '../formatting.js';
import { count } from '../reporters/text.js';
import { createCliEditingServices } from '../editing-services.js';

interface FmtCommandOptions {
    check?: boolean;
    write?: boolean;
    stdout?: boolean;
    allowEmpty?: boolean;
    stdinFilepath?: string;
}

export const fmtCommand: CliCommand = {
    register(program: Command, context: CliContext): void {
        program.command('fmt')
            .summary('format blueprint files')
            .description('Formats .blueprint files in place (4-space indentation): each file, each folder (recursively, '
                + 'skipping node_modules and dot-folders) and each glob pattern given; the current folder when none is. '
                + 'Files with syntax errors, and files that cannot be blueprint text (binary, too large, not UTF-8, '
                + 'unreadable), are reported and left untouched; the others are formatted.\n\n'
                + 'Exit codes: 0 done (or, with --check, all formatted), 1 files need formatting (--check) or were '
                + 'skipped for errors, 2 usage or I/O error (a path that does not exist, a file that cannot be written).')
            .argument('[paths...]', 'files, folders or glob patterns', ['.'])
            .option('--check', 'write nothing; list the files that would change and fail if there are any')
            .option('-w, --write', 'rewrite the files in place (what fmt does with paths unless --check or --stdout)')
            .option('--stdout', 'print the formatted text instead of rewriting the files')
            .option('--stdin-filepath <path>', "with '-': the file name the text on standard input stands for")
            .option('--allow-empty', 'succeed when a folder or pattern holds no .blueprint file')
            .action(async (paths: string[], options: FmtCommandOptions) => {
                context.exitCode = await runFmt(paths, options, context);
            });
    }
};

async function runFmt(paths: string[], options: FmtCommandOptions, context: CliContext): Promise<number> {
    if ([options.check, options.write, options.stdout].filter(Boolean).length > 1) {
        throw new CliError('choose one of --check, --write and --stdout');
    }
    if (usesStdin(paths)) return formatStdin(options, context);
    const discovery = await discoverBlueprintFiles(paths, context.cwd);
    if (discovery.empty.length > 0) {
        const message = `no .blueprint files found in ${discovery.empty.map(p => `'${p}'`).join(', ')}`;
        if (!options.allowEmpty) throw new CliError(`${message} (use --allow-empty to accept this)`);
        context.stderr.write(`blueprint: ${message}\n`);
    }
    // A file that cannot be a blueprint (binary, too large, not UTF-8, unreadable) is named and
    // skipped; the others are still formatted, and the exit code says that one was left out.
    const texts = new Map<string, string>();
    let changed = 0, skipped = 0;
    for (const file of discovery.files) {
        try {
            // The formatter never drops text: a byte order mark stays (Windows tools may rely on it).
            texts.set(file, await readTextFile(file, displayPath(file, context.cwd), { keepByteOrderMark: true }));
        } catch (error) {
            if (!(error instanceof FileError) || error.missing) throw error;
            skipped++;
            context.stderr.write(`blueprint: ${escapeTerminal(error.message)}; not formatted\n`);
        }
    }

    const services = await createCliEditingServices(context.cwd);
    for (const [file, text] of texts) {
        const shown = displayPath(file, context.cwd);
        const outcome = await formatBlueprintText(services, text, URI.file(file));
        switch (outcome.kind) {
            case 'unchanged':
                if (options.stdout) context.stdout.write(text);
                break;
            case 'syntax-errors':
                skipped++;
                for (const problem of outcome.problems) {
                    context.stderr.write(`${escapeTerminal(shown)}:${problem.line}:${problem.column} error BP000 ${escapeTerminal(problem.message)}\n`);
                }
                context.stderr.write(`blueprint: ${shown}: not formatted because of syntax errors\n`);
                break;
            case 'unsafe':
                skipped++;
                context.stderr.write(`blueprint: ${shown}: not formatted: ${outcome.reason} (this is a bug in the formatter)\n`);
                break;
            case 'changed':
                // Reformatting can grow a file (indentation); one that `check` would then refuse is left as it is.
                if (Buffer.byteLength(outcome.text, 'utf8') > maxFileBytes()) {
                    skipped++;
                    context.stderr.write(`blueprint: ${escapeTerminal(shown)}: not formatted: the result would be ${mebibytes(Buffer.byteLength(outcome.text, 'utf8'))} MiB, over the ${mebibytes(maxFileBytes())} MiB limit for blueprint files\n`);
                    break;
                }
                changed++;
                if (options.stdout) {
                    context.stdout.write(outcome.text);
                    break;
                }
                if (!options.check) await write(file, outcome.text, shown);
                context.stdout.write(`${shown}\n`);
                break;
        }
    }
    // The summary goes to stderr so that stdout is just the list of changed files, as with `gofmt -l`.
    if (!options.stdout) context.stderr.write(summaryLine(discovery.files.length, changed, skipped, options.check === true));
    return changed > 0 && options.check || skipped > 0 ? ExitCode.problems : ExitCode.ok;
}

/** `fmt -`: standard input formatted to standard output (unchanged text as it came, never nothing). */
async function formatStdin(options: FmtCommandOptions, context: CliContext): Promise<number> {
    const source = await readStdinSource(context, options.stdinFilepath);
    const outcome = await formatBlueprintText(await createCliEditingServices(context.cwd), source.text, URI.file(source.file));
    switch (outcome.kind) {
        case 'changed':
            if (options.check) {
                context.stdout.write(`${source.label}\n`);
                return ExitCode.problems;
            }
            context.stdout.write(outcome.text);
            return ExitCode.ok;
        case 'unchanged':
            if (!options.check) context.stdout.write(source.text);
            return ExitCode.ok;
        case 'syntax-errors':
            for (const problem of outcome.problems) {
                context.stderr.write(`${source.label}:${problem.line}:${problem.column} error BP000 ${problem.message}\n`);
            }
            if (!options.check) context.stdout.write(source.text);
            context.stderr.write(`blueprint: ${source.label}: not formatted because of syntax errors\n`);
            return ExitCode.problems;
        case 'unsafe':
            if (!options.check) context.stdout.write(source.text);
            context.stderr.write(`blueprint: ${source.label}: not formatted: ${outcome.reason} (this is a bug in the formatter)\n`);
            return ExitCode.problems;
    }
}

async function write(file: string, text: string, shown: string): Promise<void> {
    try {
        await writeFileAtomic(file, text);
    } catch (error) {
        throw new FileError(shown, `cannot write: ${reasonOf(error as NodeJS.ErrnoException)}`);
    }
}

function mebibytes(bytes: number): string {
    return (bytes / (1024 * 1024)).toFixed(2).replace(/\.?0+$/, '');
}

function summaryLine(files: number, changed: number, skipped: number, check: boolean): string {
    const skippedNote = skipped > 0 ? `; ${count(skipped, 'file')} skipped for errors` : '';
    if (check) {
        const verdict = changed === 0 ? 'all formatted' : `${changed} need${changed === 1 ? 's' : ''} formatting (run 'blueprint fmt')`;
        return `Checked ${count(files, 'file')}: ${verdict}${skippedNote}.\n`;
    }
    return `Formatted ${count(files, 'file')}: ${changed} changed${skippedNote}.\n`;
}
