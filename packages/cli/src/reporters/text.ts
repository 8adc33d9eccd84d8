/** The human format: `path:line:col severity BPnnn message`, one per line, then a summary line. */
import { escapeTerminal } from '@blueprint/escape';
import type { CheckReport, CheckSummary, DiagnosticSeverity } from '../check-report.js';
import { createColors, type Colors } from '../colors.js';
import type { Reporter } from './reporter.js';

export const textReporter: Reporter = (report: CheckReport, options) => {
    const colors = createColors(options.color);
    const lines: string[] = [];
    for (const file of report.files) {
        for (const d of file.diagnostics) {
            const severity = colorSeverity(colors, d.severity, d.severity);
            // Labels inside messages must not start a line of their own or send escape sequences.
            lines.push(`${colors.bold(`${escapeTerminal(file.path)}:${d.line}:${d.column}`)} ${severity} ${colors.dim(d.rule)} ${escapeTerminal(d.message)}`);
        }
    }
    if (lines.length > 0) lines.push('');
    lines.push(summaryLine(report.summary, colors));
    return lines.join('\n') + '\n';
};

function colorSeverity(colors: Colors, severity: DiagnosticSeverity, text: string): string {
    switch (severity) {
        case 'error': return colors.red(text);
        case 'warning': return colors.yellow(text);
        case 'info': return colors.blue(text);
        case 'hint': return colors.dim(text);
    }
}

function summaryLine(summary: CheckSummary, colors: Colors): string {
    const checked = `Checked ${count(summary.files, 'file')}`;
    if (summary.errors + summary.warnings + summary.notes === 0) return colors.green(`${checked}: no problems.`);
    const parts = [count(summary.errors, 'error'), count(summary.warnings, 'warning')];
    if (summary.notes > 0) parts.push(count(summary.notes, 'note'));
    const text = `${checked}: ${parts.join(', ')}.`;
    return summary.errors > 0 ? colors.red(colors.bold(text)) : colors.yellow(text);
}

export function count(n: number, noun: string): string {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
