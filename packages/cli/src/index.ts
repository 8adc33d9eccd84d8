/** Public surface of the CLI package, for tools that embed it and for new commands. */
export { run, createProgram, COMMANDS } from './main.js';
export { ExitCode, type CliCommand, type CliContext, type OutputStream } from './cli-context.js';
export { CliError, FileError } from './errors.js';
export { checkFiles, type CheckOptions } from './checker.js';
export { checkThreads } from './parallel-check.js';
export { batchSize, CheckQueue } from './check-queue.js';
export type { CheckReport, CheckedFile, CheckedDiagnostic, CheckSummary, DiagnosticSeverity } from './check-report.js';
export { discoverBlueprintFiles, type Discovery } from './files/discovery.js';
export { displayPath } from './files/paths.js';
export { readTextFile } from './files/read-file.js';
export { writeFileAtomic, type AtomicWriteOptions } from './files/atomic-write.js';
export { createCliServices } from './services.js';
export { colorsEnabled } from './colors.js';
export { REPORTERS, REPORT_FORMATS, type Reporter, type ReporterOptions, type ReportFormat } from './reporters/index.js';
