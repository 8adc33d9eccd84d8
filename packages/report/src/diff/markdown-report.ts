/**
 * Renders a change set as Markdown for a pull-request comment: a summary table, the risks, then the
 * changes grouped by what the customer sees and what happens behind the line of visibility.
 */
import { escapeMarkdown, markdownCode } from '@blueprint/escape';
import { localisation, type DiffReportStrings } from '@blueprint/model';
import type { Change, ChangeSet } from '@blueprint/diff';

/** Lists longer than this fold into a <details> block. */
const FOLD_AFTER = 8;

export interface MarkdownOptions {
    /** Shown in the heading, e.g. the file path. */
    readonly path?: string;
    /** Labels for the two sides, e.g. `origin/main` and `working tree`. */
    readonly beforeLabel?: string;
    readonly afterLabel?: string;
    /** The language of the headings; by default the new version's. */
    readonly language?: string;
    /** A Mermaid picture of the changed region (`renderDiffMermaid`), shown after the summary. */
    readonly mermaid?: string;
}

export function renderMarkdown(changeSet: ChangeSet, options: MarkdownOptions = {}): string {
    const out: string[] = [];
    const strings = localisation(options.language ?? changeSet.language).diffReport;
    const where = options.path ? ` — ${markdownCode(options.path)}` : '';
    out.push(`### ${strings.title(escapeMarkdown(changeSet.title))}${where}`);
    if (options.beforeLabel || options.afterLabel) {
        out.push('', strings.comparing(markdownCode(options.beforeLabel ?? 'before'), markdownCode(options.afterLabel ?? 'after')));
    }
    out.push('');
    if (changeSet.changes.length === 0) {
        out.push(strings.noChanges);
        return out.join('\n') + '\n';
    }
    const s = changeSet.summary;
    out.push(`| ${[strings.changes, strings.added, strings.removed, strings.changed, strings.customerVisible, strings.risks].join(' | ')} |`, '|---:|---:|---:|---:|---:|---:|');
    out.push(`| ${s.changes} | ${s.added} | ${s.removed} | ${s.changed} | ${s.customerVisible} | ${s.risks > 0 ? `⚠️ ${s.risks}` : '0'} |`, '');
    if (options.mermaid) {
        // Labels in the Mermaid text are entity-coded, backticks included: nothing in it can close the fence.
        out.push(`#### ${strings.diagramHeading}`, '', '```mermaid', options.mermaid.trimEnd(), '```', '');
    }

    const risks = changeSet.changes.filter(c => c.risk);
    if (risks.length > 0) {
        out.push(`#### ${strings.risksHeading}`, '');
        pushList(out, risks.map(c => `${escapeMarkdown(c.message)} — _${escapeMarkdown(c.risk!)}_`), strings);
    }
    const visible = changeSet.changes.filter(c => c.customerVisible);
    const hidden = changeSet.changes.filter(c => !c.customerVisible);
    if (visible.length > 0) {
        out.push(`#### ${strings.visibleHeading}`, '');
        pushGrouped(out, visible, strings);
    }
    if (hidden.length > 0) {
        out.push(`#### ${strings.hiddenHeading}`, '');
        pushGrouped(out, hidden, strings);
    }
    return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

function pushGrouped(out: string[], changes: readonly Change[], strings: DiffReportStrings): void {
    const groups = new Map<Change['subject'], Change[]>();
    for (const change of changes) {
        const group = groups.get(change.subject) ?? [];
        group.push(change);
        groups.set(change.subject, group);
    }
    for (const [subject, group] of groups) {
        out.push(`**${strings.subjects[subject]}**`, '');
        pushList(out, group.map(c => `${marker(c)} ${escapeMarkdown(c.message)}`), strings);
    }
}

function pushList(out: string[], items: string[], strings: DiffReportStrings): void {
    const lines = items.map(item => `- ${item}`);
    if (lines.length > FOLD_AFTER) {
        out.push(...lines.slice(0, FOLD_AFTER), '', `<details><summary>${strings.more(lines.length - FOLD_AFTER)}</summary>`, '',
            ...lines.slice(FOLD_AFTER), '', '</details>', '');
    } else {
        out.push(...lines, '');
    }
}

function marker(change: Change): string {
    if (change.kind === 'added') return '➕';
    if (change.kind === 'removed') return '➖';
    return '✏️';
}
