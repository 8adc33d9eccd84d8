/** The machine format: `{ files: [{ path, diagnostics }], summary: { files, errors, warnings } }`. */
import type { Reporter } from './reporter.js';

export const jsonReporter: Reporter = report => {
    const output = {
        files: report.files.map(file => ({
            path: file.path,
            diagnostics: file.diagnostics.map(d => ({
                rule: d.rule,
                severity: d.severity,
                message: d.message,
                line: d.line,
                column: d.column,
                endLine: d.endLine,
                endColumn: d.endColumn
            }))
        })),
        summary: { files: report.summary.files, errors: report.summary.errors, warnings: report.summary.warnings }
    };
    return JSON.stringify(output, undefined, 2) + '\n';
};
