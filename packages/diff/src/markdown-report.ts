/**
 * Renders a change set as Markdown for a pull-request comment: a summary table, the risks, then the
 * changes grouped by what the customer sees and what happens behind the line of visibility.
 */
import { escapeMarkdown, markdownCode } from '@blueprint/escape';
import type { Change, ChangeSet, SubjectType } from './change-set.js';

/** Lists longer than this fold into a <details> block. */
const FOLD_AFTER = 8;

const SUBJECT_HEADINGS: Readonly<Record<SubjectType, string>> = {
    blueprint: 'Blueprint', step: 'Steps', flow: 'Flows', metric: 'Metrics and service standards', actor: 'Actors and systems',
    channel: 'Channels', stage: 'Stages', segment: 'Customer segments', persona: 'Personas', lane: 'Lanes', evidence: 'Evidence',
    import: 'Imports'
};

export interface MarkdownOptions {
    /** Shown in the heading, e.g. the file path. */
    readonly path?: string;
    /** Labels for the two sides, e.g. `origin/main` and `working tree`. */
    readonly beforeLabel?: string;
    readonly afterLabel?: string;
}

export function renderMarkdown(changeSet: ChangeSet, options: MarkdownOptions = {}): string {
    const out: string[] = [];
    const where = options.path ? ` — ${markdownCode(options.path)}` : '';
    out.push(`### Blueprint changes: ${escapeMarkdown(changeSet.title)}${where}`);
    if (options.beforeLabel || options.afterLabel) {
        out.push('', `Comparing ${markdownCode(options.beforeLabel ?? 'before')} → ${markdownCode(options.afterLabel ?? 'after')}`);
    }
    out.push('');
    if (changeSet.changes.length === 0) {
        out.push('No semantic changes (formatting or comments only).');
        return out.join('\n') + '\n';
    }
    const s = changeSet.summary;
    out.push('| Changes | Added | Removed | Changed | Customer-visible | Risks |', '|---:|---:|---:|---:|---:|---:|');
    out.push(`| ${s.changes} | ${s.added} | ${s.removed} | ${s.changed} | ${s.customerVisible} | ${s.risks > 0 ? `⚠️ ${s.risks}` : '0'} |`, '');

    const risks = changeSet.changes.filter(c => c.risk);
    if (risks.length > 0) {
        out.push('#### ⚠️ Risks for the customer', '');
        pushList(out, risks.map(c => `${escapeMarkdown(c.message)} — _${escapeMarkdown(c.risk!)}_`));
    }
    const visible = changeSet.changes.filter(c => c.customerVisible);
    const hidden = changeSet.changes.filter(c => !c.customerVisible);
    if (visible.length > 0) {
        out.push('#### 👁️ Customer-visible (above the line of visibility)', '');
        pushGrouped(out, visible);
    }
    if (hidden.length > 0) {
        out.push('#### ⚙️ Behind the line of visibility and housekeeping', '');
        pushGrouped(out, hidden);
    }
    return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

function pushGrouped(out: string[], changes: readonly Change[]): void {
    const groups = new Map<SubjectType, Change[]>();
    for (const change of changes) {
        const group = groups.get(change.subject) ?? [];
        group.push(change);
        groups.set(change.subject, group);
    }
    for (const [subject, group] of groups) {
        out.push(`**${SUBJECT_HEADINGS[subject]}**`, '');
        pushList(out, group.map(c => `${marker(c)} ${escapeMarkdown(c.message)}`));
    }
}

function pushList(out: string[], items: string[]): void {
    const lines = items.map(item => `- ${item}`);
    if (lines.length > FOLD_AFTER) {
        out.push(...lines.slice(0, FOLD_AFTER), '', `<details><summary>${lines.length - FOLD_AFTER} more</summary>`, '',
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
