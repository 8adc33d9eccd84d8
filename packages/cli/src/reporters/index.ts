/** The output formats of `blueprint check`, by name. */
import { githubReporter } from './github.js';
import { jsonReporter } from './json.js';
import type { Reporter } from './reporter.js';
import { sarifReporter } from './sarif.js';
import { textReporter } from './text.js';

export type { Reporter, ReporterOptions } from './reporter.js';

export const REPORTERS = {
    text: textReporter,
    json: jsonReporter,
    sarif: sarifReporter,
    github: githubReporter
} as const satisfies Record<string, Reporter>;

export type ReportFormat = keyof typeof REPORTERS;

export const REPORT_FORMATS = Object.keys(REPORTERS) as ReportFormat[];
