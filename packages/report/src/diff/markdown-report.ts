/**
 * Renders a change set as Markdown for a pull-request comment: a summary table, the risks, then the
 * changes grouped by what the customer sees and what happens behind the line of visibility.
 */
import { escapeMarkdown, markdownCode } from '@blueprint/escape';
import { formatSeconds, localisation, type DiffReportStrings } from '@blueprint/model';
import type { Change, ChangeSet, DiffDiagnostic, TimeFiguresOfVersion } from '@blueprint/diff';

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
    if (changeSet.created) return renderNewBlueprint(changeSet, options, strings, where);
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
    pushTime(out, changeSet, strings);
    pushDiagnostics(out, changeSet, strings);
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
    return finish(out);
}

/** A blueprint with no old version: what it holds, its time figures, its findings and picture, not a list of every step "added". */
function renderNewBlueprint(changeSet: ChangeSet, options: MarkdownOptions, strings: DiffReportStrings, where: string): string {
    const created = changeSet.created!;
    const out = [`### ${strings.newBlueprint(escapeMarkdown(changeSet.title))}${where}`, ''];
    const lanes = created.lanes.map(lane => `${escapeMarkdown(lane.label)} ${lane.steps}`).join(', ');
    out.push(strings.contents(created.steps, lanes, created.flows, created.stages, created.touchpoints, created.failPoints), '');
    pushTime(out, changeSet, strings);
    pushDiagnostics(out, changeSet, strings);
    if (options.mermaid) out.push(`#### ${strings.diagramHeading}`, '', '```mermaid', options.mermaid.trimEnd(), '```', '');
    return finish(out);
}

function finish(out: string[]): string {
    return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

/** Expected time, worst case and its path, before → after, each against the time standard. */
function pushTime(out: string[], changeSet: ChangeSet, strings: DiffReportStrings): void {
    const time = changeSet.time;
    if (!time) return;
    const single = changeSet.created !== undefined;
    const figure = (version: TimeFiguresOfVersion, seconds: number | undefined, atLeast: boolean, above: boolean | undefined, flipped: boolean) => {
        if (seconds === undefined) return strings.unknownTime;
        const value = strings.timeValue(formatSeconds(seconds), atLeast);
        if (version.toleranceSeconds === undefined || above === undefined) return value;
        return `${above && flipped ? '⚠️ ' : ''}${value}, ${strings.verdict(formatSeconds(version.toleranceSeconds), above, flipped)}`;
    };
    const { before, after } = time;
    const flips = (a: boolean | undefined, b: boolean | undefined) => !single && a !== undefined && b !== undefined && a !== b;
    const standard = (version: TimeFiguresOfVersion) => version.toleranceSeconds === undefined ? strings.noStandard : formatSeconds(version.toleranceSeconds);
    const rows: Array<[string, string, string]> = [
        [strings.standard, standard(before), standard(after)],
        [strings.expected, figure(before, before.expectedSeconds, before.expectedAtLeast, before.expectedAboveStandard, false),
            figure(after, after.expectedSeconds, after.expectedAtLeast, after.expectedAboveStandard, flips(before.expectedAboveStandard, after.expectedAboveStandard))],
        [strings.worstCase, figure(before, before.worstCaseSeconds, before.worstCaseAtLeast, before.worstCaseAboveStandard, false),
            figure(after, after.worstCaseSeconds, after.worstCaseAtLeast, after.worstCaseAboveStandard, flips(before.worstCaseAboveStandard, after.worstCaseAboveStandard))],
        [strings.criticalPath, escapeMarkdown(before.criticalPathText ?? strings.unknownTime), !single && after.criticalPathText !== undefined && after.criticalPathText === before.criticalPathText
            ? strings.samePath : escapeMarkdown(after.criticalPathText ?? strings.unknownTime)]
    ];
    out.push(`#### ${strings.timeHeading}`, '');
    if (single) {
        out.push(`| | ${strings.after} |`, '|---|---|', ...rows.map(([name, , now]) => `| ${name} | ${now} |`));
    } else {
        out.push(`| | ${strings.before} | ${strings.after} |`, '|---|---|---|', ...rows.map(([name, old, now]) => `| ${name} | ${old} | ${now} |`));
    }
    out.push('');
}

/** The findings of `blueprint check` that the change brings (or, for a new blueprint, that it has) and clears. */
function pushDiagnostics(out: string[], changeSet: ChangeSet, strings: DiffReportStrings): void {
    const found = changeSet.diagnostics;
    if (!found || found.added.length + found.resolved.length === 0) return;
    const icon = (d: DiffDiagnostic) => d.severity === 'error' ? '❌' : d.severity === 'warning' ? '⚠️' : 'ℹ️';
    const line = (d: DiffDiagnostic) => `${d.rule} ${escapeMarkdown(d.message)}`;
    out.push(`#### ${strings.checksHeading}`, '');
    pushList(out, [
        ...found.added.map(d => `${icon(d)} ${strings.newFinding}: ${line(d)}`),
        ...found.resolved.map(d => `✅ ${strings.resolvedFinding}: ${line(d)}`)
    ], strings);
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
