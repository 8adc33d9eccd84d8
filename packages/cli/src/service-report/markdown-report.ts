/** The service review as Markdown (`blueprint report --format markdown`). */
import type { BlueprintAnalysis, BlueprintModel, TimeAnalysis } from '@blueprint/language';
import { boundedDuration, duration, percent, target } from './format.js';

export function renderMarkdownReport(analysis: BlueprintAnalysis, model: BlueprintModel): string {
    const labels = new Map(model.steps.map(step => [step.id, step.label]));
    const stepName = (id: string) => `${cell(labels.get(id) ?? id)} (\`${id}\`)`;
    const out: string[] = [];
    const c = analysis.counts;
    out.push(`# Service review: ${cell(analysis.title)}`, '');
    if (model.description) out.push(cell(model.description), '');
    out.push('| Steps | Touchpoints | Moments of truth | Fail points | Wait points | Service standards |', '|---:|---:|---:|---:|---:|---:|',
        `| ${c.steps} | ${c.touchpoints} | ${c.momentsOfTruth} | ${c.failPoints} | ${c.waitPoints} | ${c.metrics} |`, '');

    out.push('## Time', '');
    pushTime(out, analysis.time, stepName, model);
    if (analysis.segments.length > 0) {
        out.push('### Per customer segment', '', '| Segment | Critical path | Total | Customer waiting | Customer-visible | Backstage | Tolerance |', '|---|---|---:|---:|---:|---:|---|');
        const segmentLabels = new Map(model.segments.map(s => [s.id, s.label]));
        for (const variant of [analysis.time, ...analysis.segments]) {
            const cp = variant.criticalPath;
            const name = variant.segment ? cell(segmentLabels.get(variant.segment) ?? variant.segment) : '_base path (all customers)_';
            out.push(cp
                ? `| ${name} | ${cp.steps.map(id => `\`${id}\``).join(' → ')} | ${boundedDuration(cp, cp.totalSeconds)} | ${duration(cp.waitSeconds)} | ${duration(cp.visibleSeconds)} | ${duration(cp.backstageSeconds)} | ${toleranceStatus(variant)} |`
                : `| ${name} | (no steps) | — | — | — | — | — |`);
        }
        out.push('', '_The base path follows only the steps shared by every segment; steps marked `for` a segment count in that segment\'s row._', '');
    }

    out.push('## Touchpoints', '');
    if (analysis.touchpoints.length === 0) out.push('No touchpoints.', '');
    else {
        out.push('| Touchpoint | Stage | Channel | Distance | Meets | Evidence | Moment of truth |', '|---|---|---|---|---|---|:-:|');
        for (const t of analysis.touchpoints) {
            out.push(`| ${stepName(t.step)} | ${cell(t.stage ?? '')} | ${cell(t.channelLabel ?? t.channel ?? '—')}${t.selfService ? ' (self-service)' : ''} | ${t.distance ?? '—'} | ${cell(t.actors.join(', ') || '—')} | ${cell(t.evidence.join('; ') || '⚠️ none')} | ${t.momentOfTruth ? '★' : ''} |`);
        }
        out.push('');
    }

    const f = analysis.failPoints;
    out.push('## Fail points', '');
    if (f.total === 0) out.push('No fail points declared.', '');
    else {
        out.push(`${f.covered} of ${f.total} fail points have a prevention or a recovery (${percent(f.share)}).`, '');
        out.push('| Lane | Fail points | Covered |', '|---|---:|---:|');
        for (const [lane, t] of Object.entries(f.byLane)) out.push(`| ${cell(lane)} | ${t.total} | ${t.covered} |`);
        out.push('', '| Stage | Fail points | Covered |', '|---|---:|---:|');
        for (const [stage, t] of Object.entries(f.byStage)) out.push(`| ${cell(stage)} | ${t.total} | ${t.covered} |`);
        out.push('', '| Step | Cause | Covered | On a moment of truth |', '|---|---|:-:|:-:|');
        for (const e of f.entries) out.push(`| ${stepName(e.step)} | ${cell(e.cause)} | ${e.covered ? '✓' : '⚠️ no'} | ${e.onMomentOfTruth ? '★' : ''} |`);
        out.push('');
    }

    out.push('## Service standards', '');
    if (analysis.metrics.length === 0) out.push('No metrics declared.', '');
    else {
        out.push('| Metric | Measured on | Target |', '|---|---|---|');
        for (const m of analysis.metrics) out.push(`| ${cell(m.label)} (\`${m.id}\`) | ${m.steps.map(stepName).join(', ') || 'the whole process'} | ${cell(target(m.comparator, m.value, m.unit))} |`);
        out.push('');
    }

    out.push('## Hand-offs and escalations', '');
    if (analysis.handOffs.length === 0) out.push('No hand-offs across the line of internal interaction and no escalations.', '');
    else {
        out.push('| From | To | Kind | Crosses the line of internal interaction | Returns to the customer |', '|---|---|---|:-:|:-:|');
        for (const h of analysis.handOffs) out.push(`| ${stepName(h.from)} | ${stepName(h.to)} | ${h.kind} | ${h.crossesInternalLine ? '✓' : ''} | ${h.returnsToCustomer ? '✓' : '⚠️ no'} |`);
        out.push('');
    }
    return out.join('\n').trimEnd() + '\n';
}

function pushTime(out: string[], time: TimeAnalysis, stepName: (id: string) => string, model: BlueprintModel): void {
    const cp = time.criticalPath;
    if (!cp) {
        out.push('No path from the start could be followed.', '');
        return;
    }
    out.push(`- **Expected total (critical path):** ${boundedDuration(cp, cp.totalSeconds)}`,
        `- **Customer waiting:** ${duration(cp.waitSeconds)}`,
        `- **Customer-visible time:** ${duration(cp.visibleSeconds)}`,
        `- **Backstage time:** ${duration(cp.backstageSeconds)}`,
        `- **Time standard for the whole process:** ${toleranceStatus(time)}`);
    if (cp.unknownSteps.length > 0) out.push(`- **Steps without a time:** ${cp.unknownSteps.map(id => `\`${id}\``).join(', ')}`);
    if (time.loops.length > 0) out.push(`- **Loops (not summed):** ${time.loops.map(l => `\`${l.from}\` → \`${l.to}\``).join(', ')}`);
    out.push('', '### Critical path', '', '| # | Step | Lane | Time | Cumulative |', '|---:|---|---|---:|---:|');
    const steps = new Map(model.steps.map(s => [s.id, s]));
    let cumulative = 0;
    cp.steps.forEach((id, index) => {
        const step = steps.get(id)!;
        const seconds = (step.duration?.seconds ?? 0) + (step.wait?.expected?.seconds ?? 0);
        const known = step.duration?.seconds !== undefined || step.wait?.expected?.seconds !== undefined;
        cumulative += known ? seconds : 0;
        out.push(`| ${index + 1} | ${stepName(id)} | ${step.lane} | ${known ? duration(seconds) + (step.wait?.expected ? ' (wait)' : '') : 'unknown'} | ${duration(cumulative)} |`);
    });
    out.push('');
    if (time.waits.length > 0) {
        out.push('### Wait points', '', '| Step | Expected | Tolerance | Within tolerance |', '|---|---:|---:|:-:|');
        for (const w of time.waits) {
            out.push(`| ${stepName(w.step)} | ${duration(w.expectedSeconds)} | ${duration(w.toleranceSeconds)} | ${w.exceeded === undefined ? '—' : w.exceeded ? '⚠️ no' : '✓'} |`);
        }
        out.push('');
    }
}

function toleranceStatus(time: TimeAnalysis): string {
    if (time.toleranceSeconds === undefined) return 'none declared';
    const status = time.toleranceExceeded ? '⚠️ exceeded' : 'within';
    return `${duration(time.toleranceSeconds)} (${status})`;
}

/** Escapes text for a Markdown table cell. */
function cell(text: string): string {
    return text.replace(/[\\`*_[\]|<&]/g, ch => (ch === '<' ? '&lt;' : ch === '&' ? '&amp;' : '\\' + ch)).replace(/\r?\n/g, ' ');
}
