/** The service review as Markdown (`blueprint report --format markdown`). */
import type { BlueprintAnalysis, BlueprintModel, TimeAnalysis } from '@blueprint/language';
import { escapeMarkdown as cell } from '@blueprint/escape';
import { boundedDuration, duration, percent } from './format.js';
import { ReportLabels, exceptionName, figureRows, metricTarget, remediesOf, share, timeNotes, toleranceVerdict } from './report-content.js';

export function renderMarkdownReport(analysis: BlueprintAnalysis, model: BlueprintModel): string {
    const labels = new ReportLabels(model);
    const stepName = (id: string) => `${cell(labels.step(id))} (\`${id}\`)`;
    const out: string[] = [];
    const c = analysis.counts;
    out.push(`# Service review: ${cell(analysis.title)}`, '');
    if (model.description) out.push(cell(model.description), '');
    out.push('| Steps | Touchpoints | Moments of truth | Fail points | Wait points | Service standards |', '|---:|---:|---:|---:|---:|---:|',
        `| ${c.steps} | ${c.touchpoints} | ${c.momentsOfTruth} | ${c.failPoints} | ${c.waitPoints} | ${c.metrics} |`, '');

    out.push('## Time', '');
    pushTime(out, analysis.time, labels, model);
    if (analysis.segments.length > 0) {
        out.push('### Per customer segment', '', '| Segment | Expected | Customer waiting (expected) | Customer-visible (expected) | Backstage (expected) | Most likely path | Worst case | Time standard (expected / worst case) |',
            '|---|---:|---:|---:|---:|---:|---:|---|');
        for (const variant of [analysis.time, ...analysis.segments]) {
            const name = variant.segment ? cell(labels.segment(variant.segment)) : '_base path (all customers)_';
            const e = variant.expected, ml = variant.mostLikelyPath, w = variant.criticalPath;
            out.push(e && w
                ? `| ${name} | ${boundedDuration(e, e.totalSeconds)} | ${duration(e.waitSeconds)} | ${duration(e.visibleSeconds)} | ${duration(e.backstageSeconds)} | ${ml ? `${boundedDuration(ml, ml.totalSeconds)} (${share(ml.probability)})` : '—'} | ${boundedDuration(w, w.totalSeconds)} | ${standardCell(variant)} |`
                : `| ${name} | (no steps) | — | — | — | — | — | — |`);
        }
        out.push('', '_The base path follows only the steps shared by every segment; steps marked `for` a segment count in that segment\'s row._', '');
    }

    if (analysis.decisions.length > 0) {
        out.push('## Decisions and parallel work', '', '| At | Kind | Question | Branches |', '|---|---|---|---|');
        for (const d of analysis.decisions) {
            const branches = d.branches.map(b => `${cell(labels.step(b.to))}${b.share ? ` ${cell(b.share)}` : ''}${b.label ? ` (${cell(b.label)})` : ''}`).join('; ');
            out.push(`| ${stepName(d.step)} | ${d.kind === 'parallel' ? `parallel${d.join ? `, joins at ${cell(labels.step(d.join))}` : ''}` : 'alternatives'} | ${cell(d.label ?? '')} | ${branches} |`);
        }
        out.push('');
    }

    out.push('## Touchpoints', '');
    if (analysis.touchpoints.length === 0) out.push('No touchpoints.', '');
    else {
        out.push('| Touchpoint | Stage | Channel | Distance | Meets | Evidence | Moment of truth |', '|---|---|---|---|---|---|:-:|');
        for (const t of analysis.touchpoints) {
            out.push(`| ${stepName(t.step)} | ${cell(labels.stage(t.stage))} | ${cell(t.channelLabel ?? t.channel ?? '—')}${t.selfService ? ' (self-service)' : ''} | ${t.distance ?? '—'} | ${cell(t.actors.map(a => labels.actor(a)).join(', ') || '—')} | ${cell(t.evidence.join('; ') || '⚠️ none')} | ${t.momentOfTruth ? '★' : ''} |`);
        }
        out.push('');
    }

    const f = analysis.failPoints;
    out.push('## Fail points', '');
    if (f.total === 0) out.push('No fail points declared.', '');
    else {
        out.push(`${f.covered} of ${f.total} fail points have a prevention or a recovery (${percent(f.share)}).`, '');
        out.push('| Lane | Fail points | Covered |', '|---|---:|---:|');
        for (const [lane, t] of Object.entries(f.byLane)) out.push(`| ${cell(labels.lane(lane))} | ${t.total} | ${t.covered} |`);
        out.push('', '| Stage | Fail points | Covered |', '|---|---:|---:|');
        for (const [stage, t] of Object.entries(f.byStage)) out.push(`| ${cell(stage === '(no stage)' ? stage : labels.stage(stage))} | ${t.total} | ${t.covered} |`);
        out.push('', '| Step | Cause | Failure rate | Remedies | Covered | On a moment of truth |', '|---|---|---:|---|:-:|:-:|');
        for (const e of f.entries) {
            out.push(`| ${stepName(e.step)} | ${cell(e.cause)} | ${e.rate === undefined ? '—' : share(e.rate)} | ${cell(remediesOf(e, labels).join('; ') || '—')} | ${e.covered ? '✓' : '⚠️ no'} | ${e.onMomentOfTruth ? '★' : ''} |`);
        }
        out.push('');
    }

    out.push('## Service standards', '');
    if (analysis.metrics.length === 0) out.push('No metrics declared.', '');
    else {
        out.push('| Metric | Measured on | Target |', '|---|---|---|');
        for (const m of analysis.metrics) out.push(`| ${cell(m.label)} (\`${m.id}\`) | ${m.steps.map(stepName).join(', ') || 'the whole process'} | ${cell(metricTarget(m))} |`);
        out.push('');
    }

    out.push('## Hand-offs and escalations', '');
    if (analysis.handOffs.length === 0) out.push('No hand-offs across the line of internal interaction and no escalations.', '');
    else {
        out.push('| From | To | Kind | Crosses the line of internal interaction | Returns to the customer |', '|---|---|---|:-:|:-:|');
        for (const h of analysis.handOffs) out.push(`| ${stepName(h.from)} | ${stepName(h.to)} | ${h.kind} | ${h.crossesInternalLine ? '✓' : ''} | ${h.returnsToCustomer ? '✓' : '⚠️ no'} |`);
        out.push('');
    }

    if (analysis.content.length > 0) {
        out.push('## Notes and policies', '', '| Where | Kind | Text |', '|---|---|---|');
        for (const item of analysis.content) out.push(`| ${item.step ? stepName(item.step) : '_the whole process_'} | ${item.kind} | ${cell(item.text)} |`);
        out.push('');
    }
    return out.join('\n').trimEnd() + '\n';
}

function pushTime(out: string[], time: TimeAnalysis, labels: ReportLabels, model: BlueprintModel): void {
    const cp = time.criticalPath;
    if (!cp) {
        out.push('No path from the start could be followed.', '');
        return;
    }
    out.push(`Time standard for the whole process: ${time.toleranceSeconds === undefined ? 'none declared' : duration(time.toleranceSeconds)}.`, '');
    out.push('| Figure | How it is computed | Total | Customer waiting | Customer-visible | Backstage | Against the time standard |', '|---|---|---:|---:|---:|---:|---|');
    for (const row of figureRows(time, labels)) {
        out.push(`| **${row.name}** | ${cell(row.detail)} | ${row.total} | ${row.waiting} | ${row.visible} | ${row.backstage} | ${row.exceeded ? `⚠️ ${row.verdict}` : row.verdict} |`);
    }
    out.push('');
    for (const note of timeNotes(time, labels)) out.push(`- ${cell(note)}`);
    if (timeNotes(time, labels).length > 0) out.push('');
    if (time.mostLikelyPath) out.push(`**Most likely path:** ${time.mostLikelyPath.steps.map(id => cell(labels.step(id))).join(' → ')}`, '');
    if (time.exceptionPaths.length > 0) {
        out.push('### Exception paths', '', '| Branch | Chance of the branch | Share of journeys | Total | Customer waiting | Customer-visible | Backstage | Against the time standard |', '|---|---:|---:|---:|---:|---:|---:|---|');
        for (const path of time.exceptionPaths) {
            const verdict = toleranceVerdict(time, path);
            out.push(`| ${cell(exceptionName(path, labels))} | ${share(path.share)} | ${share(path.probability)} | ${boundedDuration(path, path.totalSeconds)} | ${duration(path.waitSeconds)} | ${duration(path.visibleSeconds)} | ${duration(path.backstageSeconds)} | ${verdict.exceeded ? `⚠️ ${verdict.text}` : verdict.text} |`);
        }
        if (time.exceptionPathsTruncated) out.push('', `_Only the first ${time.exceptionPaths.length} exception paths are listed._`);
        out.push('');
    }
    out.push('### Worst case (critical path)', '', '| # | Step | Lane | Time | Cumulative |', '|---:|---|---|---:|---:|');
    const steps = new Map(model.steps.map(s => [s.id, s]));
    let cumulative = 0;
    cp.steps.forEach((id, index) => {
        const step = steps.get(id)!;
        const seconds = (step.duration?.seconds ?? 0) + (step.wait?.expected?.seconds ?? 0);
        const known = step.duration?.seconds !== undefined || step.wait?.expected?.seconds !== undefined;
        cumulative += known ? seconds : 0;
        out.push(`| ${index + 1} | ${cell(labels.step(id))} (\`${id}\`) | ${cell(labels.lane(step.lane))} | ${known ? duration(seconds) + (step.wait?.expected ? ' (wait)' : '') : 'unknown'} | ${duration(cumulative)} |`);
    });
    out.push('');
    if (time.waits.length > 0) {
        out.push('### Wait points', '', '| Step | Expected | Tolerance | Within tolerance |', '|---|---:|---:|:-:|');
        for (const w of time.waits) {
            out.push(`| ${cell(labels.step(w.step))} (\`${w.step}\`) | ${duration(w.expectedSeconds)} | ${duration(w.toleranceSeconds)} | ${w.exceeded === undefined ? '—' : w.exceeded ? '⚠️ no' : '✓'} |`);
        }
        out.push('');
    }
}

/** `within / ⚠️ exceeded by 3 h`: the expected time and the worst case against the standard. */
function standardCell(time: TimeAnalysis): string {
    if (time.toleranceSeconds === undefined) return 'none declared';
    const mark = (v: { text: string; exceeded: boolean }) => v.exceeded ? `⚠️ ${v.text}` : v.text;
    return `${duration(time.toleranceSeconds)}: ${time.expected ? mark(toleranceVerdict(time, time.expected)) : '—'} / ${time.criticalPath ? mark(toleranceVerdict(time, time.criticalPath)) : '—'}`;
}
