/** `check`: every diagnostic of a blueprint with its rule id, like `blueprint check --format json`. */
import { loadSource, type SourceInput } from './load-source.js';
import type { ToolHost } from './tool-host.js';
import { jsonText, textResult, type ToolResult } from './tool-result.js';

export async function checkTool(host: ToolHost, input: SourceInput): Promise<ToolResult> {
    const loaded = await loadSource(host, input);
    const count = (severity: string) => loaded.diagnostics.filter(d => d.severity === severity).length;
    const errors = count('error'), warnings = count('warning');
    const notes = loaded.diagnostics.length - errors - warnings;
    const verdict = errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`
        : warnings > 0 ? `no errors, ${warnings} warning${warnings === 1 ? '' : 's'}` : 'no problems';
    return textResult(jsonText({
        file: loaded.name,
        summary: `${loaded.name}: ${verdict}${notes > 0 ? ` (${notes} note${notes === 1 ? '' : 's'})` : ''}`,
        errors, warnings, notes,
        diagnostics: loaded.diagnostics,
        ...(loaded.settingsProblems.length > 0 ? { settingsProblems: loaded.settingsProblems } : {})
    }));
}
