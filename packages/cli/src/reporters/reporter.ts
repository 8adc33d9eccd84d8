import type { CheckReport } from '../check-report.js';

export interface ReporterOptions {
    /** ANSI colors, for formats meant for a terminal. */
    readonly color: boolean;
    /** The CLI's version (SARIF names the tool that produced the log). */
    readonly version: string;
    /** The working directory, which reported paths are relative to. */
    readonly cwd: string;
}

/** Renders a check report in one output format; the result is written to stdout as is. */
export type Reporter = (report: CheckReport, options: ReporterOptions) => string;
