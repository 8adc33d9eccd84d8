/**
 * The `blueprint` program: the subcommands, and one place that turns every failure into an exit
 * code (0 ok, 1 problems found, 2 usage or I/O error) with a one-line message.
 */
import { escapeTerminal } from '@blueprint/escape';
import { setMaxFileBytes } from '@blueprint/language/core';
import { Command, CommanderError } from 'commander';
import { ExitCode, type CliCommand, type CliContext } from './cli-context.js';
import { checkCommand } from './commands/check.js';
import { completionCommand } from './commands/completion.js';
import { diffCommand } from './commands/diff.js';
import { exportCommand } from './commands/export.js';
import { fmtCommand } from './commands/fmt.js';
import { importCommand } from './commands/import.js';
import { mcpCommand } from './commands/mcp.js';
import { renderCommand } from './commands/render.js';
import { reportCommand } from './commands/report.js';
import { rulesCommand } from './commands/rules.js';
import { CliError } from './errors.js';
import { reasonOf } from './files/paths.js';
import { parseFileSize } from './options.js';
import { cliVersion } from './version.js';

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: readonly CliCommand[] = [
    checkCommand,
    rulesCommand,
    fmtCommand,
    renderCommand,
    exportCommand,
    importCommand,
    reportCommand,
    diffCommand,
    mcpCommand,
    completionCommand
];

export function createProgram(context: CliContext, commands: readonly CliCommand[] = COMMANDS): Command {
    const program = new Command('blueprint')
        .description('Check, format, render, review and diff Blueprint service blueprints (.blueprint files).')
        .version(context.version, '-V, --version', 'print the version')
        .helpOption('-h, --help', 'show help')
        .option('--max-file-size <MiB>', 'refuse blueprint files larger than this (default 16, or BLUEPRINT_MAX_FILE_SIZE)', parseFileSize)
        .hook('preAction', command => setMaxFileBytes(command.opts<{ maxFileSize?: number }>().maxFileSize))
        // Settings made before `command()` are inherited by the subcommands it creates.
        .exitOverride()
        .configureOutput({
            writeOut: text => context.stdout.write(text),
            writeErr: text => context.stderr.write(text),
            outputError: (text, write) => write(`blueprint: ${text.replace(/^error: /, '')}`)
        });
    for (const command of commands) command.register(program, context);
    return program;
}

/** Runs the CLI on `argv` (as in `process.argv`: node, script, arguments) and returns the exit code. */
export async function run(argv: readonly string[], context: CliContext = processContext()): Promise<number> {
    try {
        await createProgram(context).parseAsync([...argv]);
        return context.exitCode;
    } catch (error) {
        return exitCodeFor(error, context);
    }
}

function exitCodeFor(error: unknown, context: CliContext): number {
    if (error instanceof CommanderError) {
        // Commander already printed help, the version or its error message.
        return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (error instanceof CliError) {
        context.stderr.write(`blueprint: ${escapeTerminal(error.message)}\n`);
        return ExitCode.usage;
    }
    // A file stream's write fails synchronously (stdout redirected to a full disk).
    const errno = error as NodeJS.ErrnoException;
    if (errno?.syscall === 'write' && typeof errno.code === 'string') {
        if (errno.code === 'EPIPE') return context.exitCode;
        context.stderr.write(`blueprint: cannot write to stdout: ${reasonOf(errno)}\n`);
        return ExitCode.usage;
    }
    const detail = error instanceof Error ? (context.env.BLUEPRINT_DEBUG ? error.stack ?? error.message : error.message) : String(error);
    context.stderr.write(`blueprint: internal error: ${detail}\n`);
    return ExitCode.usage;
}

export function processContext(): CliContext {
    // A reader that stops early (`blueprint check | head`) is not an error: end quietly, not with a stack trace.
    // Any other write error (a full disk, `> /dev/full`) is an I/O error: one line and exit 2.
    process.stdout.once('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') process.exit(process.exitCode ?? ExitCode.ok);
        process.stderr.write(`blueprint: cannot write to stdout: ${reasonOf(error)}\n`);
        process.exit(ExitCode.usage);
    });
    return {
        cwd: process.cwd(),
        env: process.env,
        stdin: process.stdin,
        stdout: process.stdout,
        stderr: process.stderr,
        version: cliVersion(),
        exitCode: ExitCode.ok
    };
}
