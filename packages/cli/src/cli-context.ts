/**
 * What a command needs from the outside world, passed in rather than taken from `process` so that
 * the whole CLI can run inside another program (or a test) with its own streams and directory.
 */
import type { Command } from 'commander';

export interface OutputStream {
    write(text: string): unknown;
    readonly isTTY?: boolean;
}

export interface CliContext {
    /** Paths on the command line are relative to this directory, and so are the paths reported. */
    readonly cwd: string;
    readonly env: Readonly<Record<string, string | undefined>>;
    /** Read by `check -` and `fmt -`; absent when the host has no input to give. */
    readonly stdin?: AsyncIterable<string | Uint8Array>;
    readonly stdout: OutputStream;
    readonly stderr: OutputStream;
    /** The version shown by `--version` and written into SARIF logs. */
    readonly version: string;
    /** Set by the command that ran: 0 success, 1 problems found, 2 usage or I/O error. */
    exitCode: number;
}

/** A subcommand of `blueprint`. Adding one is one entry in the list in `main.ts`. */
export interface CliCommand {
    /** Adds the subcommand to `program` (use `program.command(...)` so it inherits the error handling). */
    register(program: Command, context: CliContext): void;
}

export const ExitCode = {
    ok: 0,
    problems: 1,
    usage: 2
} as const;
