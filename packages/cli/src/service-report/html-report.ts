/**
 * The service review as one self-contained HTML page (`blueprint report --format html`): the
 * rendered diagram, a timeline of the critical path, and the review tables. No scripts, no remote
 * assets; every label is escaped.
 */
import { visibleLaneIds, type BlueprintAnalysis, type BlueprintModel } from '@blueprint/language';
import { escapeHtml } from '@blueprint/escape';
import { boundedDuration, duration, percent, target } from './format.js';
import { renderTimelineChart } from './timeline-chart.js';

export interface HtmlReportOptions {
    /** The diagram as standalone SVG (from the same layout as `blueprint render`). */
    readonly diagramSvg?: string;
}

export function renderHtmlReport(analysis: BlueprintAnalysis, model: BlueprintModel, options: HtmlReportOptions = {}): string {
    const e = escapeHtml;
    const labels = new Map(model.steps.map(step => [step.id, step.label]));
    const step = (id: string) => `${e(labels.get(id) ?? id)} <code>${e(id)}</code>`;
    const table = (head: string[], rows: string[][]) =>
        `<table><thead><tr>${head.map(h => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows.map(r => `<tr>${r.map(c => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
    const c = analysis.counts;
    const cp = analysis.time.criticalPath;
    const sections: string[] = [];

    sections.push(`<h1>Service review: ${e(analysis.title)}</h1>`);
    if (model.description) sections.push(`<p>${e(model.description)}</p>`);
    sections.push(table(['Steps', 'Touchpoints', 'Moments of truth', 'Fail points', 'Wait points', 'Service standards'],
        [[c.steps, c.touchpoints, c.momentsOfTruth, c.failPoints, c.waitPoints, c.metrics].map(String)]));
    if (options.diagramSvg) sections.push(`<h2>Blueprint</h2><figure class="diagram">${options.diagramSvg}</figure>`);

    sections.push('<h2>Time</h2>');
    if (cp) {
        const tolerance = analysis.time.toleranceSeconds === undefined ? 'none declared'
            : `${duration(analysis.time.toleranceSeconds)} — ${analysis.time.toleranceExceeded ? '<strong class="bad">exceeded</strong>' : 'within'}`;
        sections.push(`<ul>
<li><strong>Expected total (critical path):</strong> ${e(boundedDuration(cp, cp.totalSeconds))}</li>
<li><strong>Customer waiting:</strong> ${e(duration(cp.waitSeconds))}</li>
<li><strong>Customer-visible time:</strong> ${e(duration(cp.visibleSeconds))}</li>
<li><strong>Backstage time:</strong> ${e(duration(cp.backstageSeconds))}</li>
<li><strong>Time standard for the whole process:</strong> ${tolerance}</li>
${analysis.time.loops.length > 0 ? `<li><strong>Loops (not summed):</strong> ${analysis.time.loops.map(l => `${e(l.from)} → ${e(l.to)}`).join(', ')}</li>` : ''}
</ul>`);
        sections.push(`<h3>Critical path</h3><figure class="timeline">${renderTimelineChart(cp, model, visibleLaneIds(model))}</figure>`);
    } else {
        sections.push('<p>No path from the start could be followed.</p>');
    }
    if (analysis.segments.length > 0) {
        const segmentLabels = new Map(model.segments.map(s => [s.id, s.label]));
        sections.push('<h3>Per customer segment</h3>' + table(['Segment', 'Total', 'Customer waiting', 'Customer-visible', 'Backstage'],
            [analysis.time, ...analysis.segments].map(v => {
                const path = v.criticalPath;
                const name = v.segment ? e(segmentLabels.get(v.segment) ?? v.segment) : '<em>base path</em>';
                return path ? [name, e(boundedDuration(path, path.totalSeconds)), e(duration(path.waitSeconds)), e(duration(path.visibleSeconds)), e(duration(path.backstageSeconds))]
                    : [name, '—', '—', '—', '—'];
            })));
    }
    if (analysis.time.waits.length > 0) {
        sections.push('<h3>Wait points</h3>' + table(['Step', 'Expected', 'Tolerance', 'Within tolerance'],
            analysis.time.waits.map(w => [step(w.step), e(duration(w.expectedSeconds)), e(duration(w.toleranceSeconds)),
                w.exceeded === undefined ? '—' : w.exceeded ? '<strong class="bad">no</strong>' : 'yes'])));
    }

    sections.push('<h2>Touchpoints</h2>' + (analysis.touchpoints.length === 0 ? '<p>No touchpoints.</p>' : table(
        ['Touchpoint', 'Stage', 'Channel', 'Distance', 'Meets', 'Evidence', 'Moment of truth'],
        analysis.touchpoints.map(t => [step(t.step), e(t.stage ?? ''), e((t.channelLabel ?? t.channel ?? '—') + (t.selfService ? ' (self-service)' : '')),
            e(t.distance ?? '—'), e(t.actors.join(', ') || '—'), t.evidence.length ? e(t.evidence.join('; ')) : '<strong class="bad">none</strong>', t.momentOfTruth ? '★' : '']))));

    const f = analysis.failPoints;
    sections.push('<h2>Fail points</h2>' + (f.total === 0 ? '<p>No fail points declared.</p>'
        : `<p>${f.covered} of ${f.total} fail points have a prevention or a recovery (${e(percent(f.share))}).</p>`
        + table(['Step', 'Lane', 'Stage', 'Cause', 'Covered', 'On a moment of truth'],
            f.entries.map(x => [step(x.step), e(x.lane), e(x.stage ?? ''), e(x.cause), x.covered ? 'yes' : '<strong class="bad">no</strong>', x.onMomentOfTruth ? '★' : '']))));

    sections.push('<h2>Service standards</h2>' + (analysis.metrics.length === 0 ? '<p>No metrics declared.</p>' : table(['Metric', 'Measured on', 'Target'],
        analysis.metrics.map(m => [`${e(m.label)} <code>${e(m.id)}</code>`, m.steps.map(step).join(', ') || 'the whole process', e(target(m.comparator, m.value, m.unit))]))));

    sections.push('<h2>Hand-offs and escalations</h2>' + (analysis.handOffs.length === 0 ? '<p>None.</p>' : table(['From', 'To', 'Kind', 'Crosses internal line', 'Returns to the customer'],
        analysis.handOffs.map(h => [step(h.from), step(h.to), e(h.kind), h.crossesInternalLine ? 'yes' : '', h.returnsToCustomer ? 'yes' : '<strong class="bad">no</strong>']))));

    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Service review: ${e(analysis.title)}</title>
<style>
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC",sans-serif;max-width:1200px;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}th{background:#f4f4f4}
code{font-size:.85em;color:#555}.bad{color:#b00020}figure{margin:0;overflow-x:auto}figure.diagram svg{max-width:none}
</style>
</head>
<body>
${sections.join('\n')}
</body>
</html>
`;
}
