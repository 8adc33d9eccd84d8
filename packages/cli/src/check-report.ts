/**
 * The result of `blueprint check`, independent of any output format: the files checked with their
 * diagnostics in 1-based positions, and the totals. Every reporter renders this and nothing else.
 */
import type { LangiumDocument } from 'langium';

export type DiagnosticSeverity = 'error' | 'warning' | 'info' | 'hint';

export interface CheckedDiagnostic {
    /** The rule id, `BP000`..`BP023`. */
    readonly rule: string;
    readonly severity: DiagnosticSeverity;
    readonly message: string;
    /** 1-based line and column (UTF-16 code units, as editors count); the end is exclusive. */
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
}

export interface CheckedFile {
    /** Relative to the working directory, with `/` separators. */
    readonly path: string;
    readonly diagnostics: readonly CheckedDiagnostic[];
}

export interface CheckSummary {
    readonly files: number;
    readonly errors: number;
    readonly warnings: number;
    /** Information and hints: shown, never failing a check. */
    readonly notes: number;
}

export interface CheckReport {
    readonly files: readonly CheckedFile[];
    readonly summary: CheckSummary;
}

type LspDiagnostic = NonNullable<LangiumDocument['diagnostics']>[number];

const SEVERITIES: Record<number, DiagnosticSeverity> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

export function toCheckedDiagnostic(diagnostic: LspDiagnostic): CheckedDiagnostic {
    const { start, end } = diagnostic.range;
    const line = oneBased(start.line);
    const column = oneBased(start.character);
    // Some parser errors at the end of input come without a usable end; collapse them onto the start.
    const hasEnd = Number.isFinite(end.line) && Number.isFinite(end.character) && end.line >= start.line;
    return {
        rule: typeof diagnostic.code === 'string' || typeof diagnostic.code === 'number' ? String(diagnostic.code) : 'BP000',
        severity: SEVERITIES[diagnostic.severity ?? 1] ?? 'error',
        message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
        line,
        column,
        endLine: hasEnd ? oneBased(end.line) : line,
        endColumn: hasEnd ? oneBased(end.character) : column
    };
}

function oneBased(zeroBased: number): number {
    return Number.isFinite(zeroBased) && zeroBased >= 0 ? zeroBased + 1 : 1;
}

export function compareDiagnostics(a: CheckedDiagnostic, b: CheckedDiagnostic): number {
    return a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message);
}

export function summarize(files: readonly CheckedFile[]): CheckSummary {
    let errors = 0, warnings = 0, notes = 0;
    for (const diagnostic of files.flatMap(file => file.diagnostics)) {
        if (diagnostic.severity === 'error') errors++;
        else if (diagnostic.severity === 'warning') warnings++;
        else notes++;
    }
    return { files: files.length, errors, warnings, notes };
}
