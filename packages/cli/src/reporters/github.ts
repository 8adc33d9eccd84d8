/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`), which the runner turns into
 * annotations on the pull request. Escaping (`@blueprint/escape`) follows the runner's own rules (actions/toolkit, command.ts).
 */
import { escapeWorkflowData as escapeData, escapeWorkflowProperty as escapeProperty } from '@blueprint/escape';
import type { DiagnosticSeverity } from '../check-report.js';
import type { Reporter } from './reporter.js';
import { count } from './text.js';

const COMMANDS: Record<DiagnosticSeverity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

export const githubReporter: Reporter = report => {
    const lines: string[] = [];
    for (const file of report.files) {
        for (const d of file.diagnostics) {
            const properties = [
                `file=${escapeProperty(file.path)}`,
                `line=${d.line}`,
                `col=${d.column}`,
                `endLine=${d.endLine}`,
                `endColumn=${d.endColumn}`,
                `title=${escapeProperty(d.rule)}`
            ].join(',');
            lines.push(`::${COMMANDS[d.severity]} ${properties}::${escapeData(d.message)}`);
        }
    }
    const { files, errors, warnings } = report.summary;
    lines.push(`Checked ${count(files, 'file')}: ${count(errors, 'error')}, ${count(warnings, 'warning')}.`);
    return lines.join('\n') + '\n';
};
