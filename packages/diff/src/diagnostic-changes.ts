/**
 * The validator's findings that a change brings or clears. Findings are matched by rule and text,
 * with renamed step ids read as their new ids and figures masked, so a warning whose numbers moved
 * (an expected time still above the standard) is neither new nor resolved; the time figures say how far.
 */
import type { DiagnosticChanges, DiffDiagnostic } from './change-set.js';

export function compareDiagnostics(before: readonly DiffDiagnostic[], after: readonly DiffDiagnostic[],
    mapping: ReadonlyMap<string, string>): DiagnosticChanges {
    const renames = [...mapping].filter(([from, to]) => from !== to);
    const key = (diagnostic: DiffDiagnostic, renamed: boolean) => {
        let text = diagnostic.message;
        if (renamed) for (const [from, to] of renames) text = text.split(`'${from}'`).join(`'${to}'`);
        return `${diagnostic.rule}\u0000${diagnostic.severity}\u0000${text.replace(/\d+(?:[.,]\d+)?/g, '#')}`;
    };
    const remaining = (list: readonly DiffDiagnostic[], renamed: boolean) => {
        const counts = new Map<string, number>();
        for (const d of list) counts.set(key(d, renamed), (counts.get(key(d, renamed)) ?? 0) + 1);
        return counts;
    };
    const old = remaining(before, true);
    const now = remaining(after, false);
    const unmatched = (list: readonly DiffDiagnostic[], renamed: boolean, other: Map<string, number>) => list.filter(d => {
        const k = key(d, renamed);
        const left = other.get(k) ?? 0;
        if (left === 0) return true;
        other.set(k, left - 1);
        return false;
    });
    return { added: unmatched(after, false, new Map(old)), resolved: unmatched(before, true, new Map(now)) };
}
