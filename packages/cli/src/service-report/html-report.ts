/**
 * The service review as one self-contained HTML page (`blueprint report --format html`): the
 * rendered diagram, a timeline of the critical path, and the review tables. No scripts, no remote
 * assets; every label is escaped.
 */
import { visibleLaneIds, type BlueprintAnalysis, type BlueprintModel } from '@blueprint/language';
import { escapeHtml } from '@blueprint/escape';
import { boundedDuration, duration, percent } from './format.js';
import { ReportLabels, exceptionName, figureRows, metricTarget, remediesOf, share, timeNotes, toleranceVerdict } from './report-content.js';
import { renderTimelineChart } from './timeline-chart.js';

export interface HtmlReportOptions {
    /** The diagram as standalone SVG (from the same layout as `blueprint render`). */
    readonly diagramSvg?: string;
}

export function renderHtmlReport(analysis: BlueprintAnalysis, model: BlueprintModel, options: HtmlReportOptions = {}): string {
    const e = escapeHtml;
    const labels = new ReportLabels(model);
    const step = (id: string) => `${e(labels.step(id))} <code>${e(id)}</code>`;
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
        const time = analysis.time;
        sections.push(`<p>Time standard for the whole process: ${time.toleranceSeconds === undefined ? 'none declared' : e(duration(time.toleranceSeconds))}.</p>`);
        sections.push(table(['Figure', 'How it is computed', 'Total', 'Customer waiting', 'Customer-visible', 'Backstage', 'Against the time standard'],
            figureRows(time, labels).map(r => [`<strong>${e(r.name)}</strong>`, e(r.detail), e(r.total), e(r.waiting), e(r.visible), e(r.backstage),
                r.exceeded ? `<strong class="bad">${e(r.verdict)}</strong>` : e(r.verdict)])));
        const notes = timeNotes(time, labels);
        if (notes.length > 0) sections.push(`<ul>${notes.map(n => `<li>${e(n)}</li>`).join('')}</ul>`);
        if (time.mostLikelyPath) sections.push(`<p><strong>Most likely path:</strong> ${time.mostLikelyPath.steps.map(id => e(labels.step(id))).join(' → ')}</p>`);
        if (time.exceptionPaths.length > 0) {
            sections.push('<h3>Exception paths</h3>' + table(['Branch', 'Chance of the branch', 'Share of journeys', 'Total', 'Customer waiting', 'Customer-visible', 'Backstage', 'Against the time standard'],
                time.exceptionPaths.map(p => {
                    const verdict = toleranceVerdict(time, p);
                    return [e(exceptionName(p, labels)), e(share(p.share)), e(share(p.probability)), e(boundedDuration(p, p.totalSeconds)), e(duration(p.waitSeconds)),
                        e(duration(p.visibleSeconds)), e(duration(p.backstageSeconds)), verdict.exceeded ? `<strong class="bad">${e(verdict.text)}</strong>` : e(verdict.text)];
                })));
        }
        sections.push(`<h3>Worst case (critical path)</h3><figure class="timeline">${renderTimelineChart(cp, model, visibleLaneIds(model))}</figure>`);
    } else {
        sections.push('<p>No path from the start could be followed.</p>');
    }
    if (analysis.segments.length > 0) {
        sections.push('<h3>Per customer segment</h3>' + table(['Segment', 'Expected', 'Customer waiting (expected)', 'Customer-visible (expected)', 'Backstage (expected)', 'Worst case'],
            [analysis.time, ...analysis.segments].map(v => {
                const x = v.expected, w = v.criticalPath;
                const name = v.segment ? e(labels.segment(v.segment)) : '<em>base path</em>';
                return x && w ? [name, e(boundedDuration(x, x.totalSeconds)), e(duration(x.waitSeconds)), e(duration(x.visibleSeconds)), e(duration(x.backstageSeconds)), e(boundedDuration(w, w.totalSeconds))]
                    : [name, '—', '—', '—', '—', '—'];
            })));
    }
    if (analysis.decisions.length > 0) {
        sections.push('<h3>Decisions and parallel work</h3>' + table(['At', 'Kind', 'Question', 'Branches'],
            analysis.decisions.map(d => [step(d.step), e(d.kind === 'parallel' ? `parallel${d.join ? `, joins at ${labels.step(d.join)}` : ''}` : 'alternatives'), e(d.label ?? ''),
                d.branches.map(b => e(`${labels.step(b.to)}${b.share ? ` ${b.share}` : ''}${b.label ? ` (${b.label})` : ''}`)).join('<br>')])));
    }
    if (analysis.time.waits.length > 0) {
        sections.push('<h3>Wait points</h3>' + table(['Step', 'Expected', 'Tolerance', 'Within tolerance'],
            analysis.time.waits.map(w => [step(w.step), e(duration(w.expectedSeconds)), e(duration(w.toleranceSeconds)),
                w.exceeded === undefined ? '—' : w.exceeded ? '<strong class="bad">no</strong>' : 'yes'])));
    }

    sections.push('<h2>Touchpoints</h2>' + (analysis.touchpoints.length === 0 ? '<p>No touchpoints.</p>' : table(
        ['Touchpoint', 'Stage', 'Channel', 'Distance', 'Meets', 'Evidence', 'Moment of truth'],
        analysis.touchpoints.map(t => [step(t.step), e(labels.stage(t.stage)), e((t.channelLabel ?? t.channel ?? '—') + (t.selfService ? ' (self-service)' : '')),
            e(t.distance ?? '—'), e(t.actors.map(a => labels.actor(a)).join(', ') || '—'), t.evidence.length ? e(t.evidence.join('; ')) : '<strong class="bad">none</strong>', t.momentOfTruth ? '★' : '']))));

    const f = analysis.failPoints;
    sections.push('<h2>Fail points</h2>' + (f.total === 0 ? '<p>No fail points declared.</p>'
        : `<p>${f.covered} of ${f.total} fail points have a prevention or a recovery (${e(percent(f.share))}).</p>`
        + table(['Step', 'Lane', 'Stage', 'Cause', 'Failure rate', 'Remedies', 'Covered', 'On a moment of truth'],
            f.entries.map(x => [step(x.step), e(labels.lane(x.lane)), e(labels.stage(x.stage)), e(x.cause), e(x.rate === undefined ? '—' : share(x.rate)),
                remediesOf(x, labels).map(e).join('<br>') || '—', x.covered ? 'yes' : '<strong class="bad">no</strong>', x.onMomentOfTruth ? '★' : '']))));

    sections.push('<h2>Service standards</h2>' + (analysis.metrics.length === 0 ? '<p>No metrics declared.</p>' : table(['Metric', 'Measured on', 'Target'],
        analysis.metrics.map(m => [`${e(m.label)} <code>${e(m.id)}</code>`, m.steps.map(step).join(', ') || 'the whole process', e(metricTarget(m))]))));

    sections.push('<h2>Hand-offs and escalations</h2>' + (analysis.handOffs.length === 0 ? '<p>None.</p>' : table(['From', 'To', 'Kind', 'Crosses internal line', 'Returns to the customer'],
        analysis.handOffs.map(h => [step(h.from), step(h.to), e(h.kind), h.crossesInternalLine ? 'yes' : '', h.returnsToCustomer ? 'yes' : '<strong class="bad">no</strong>']))));

    if (analysis.content.length > 0) {
        sections.push('<h2>Notes and policies</h2>' + table(['Where', 'Kind', 'Text'],
            analysis.content.map(item => [item.step ? step(item.step) : '<em>the whole process</em>', e(item.kind), e(item.text)])));
    }

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
