/** What the package offers to programs: the CLI as a function (argv as in `process.argv`). */
export { run, ExitCode } from '@blueprint/cli';
