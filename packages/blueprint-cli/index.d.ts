/** Runs the `blueprint` CLI on `argv` (as in `process.argv`: node, script, arguments) and resolves to its exit code. */
export function run(argv: readonly string[]): Promise<number>;

/** The CLI's exit codes: 0 success, 1 problems found, 2 usage or I/O error. */
export declare const ExitCode: { readonly ok: 0; readonly problems: 1; readonly usage: 2 };
