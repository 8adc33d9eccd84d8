/**
 * The service review as one self-contained HTML page (`blueprint report --format html`): the
 * rendered diagram, a timeline of the critical path, and the review tables. No scripts, no remote
 * assets; every label is escaped.
 */
import { localisation, visibleLaneIds, type BlueprintAnalysis, type BlueprintModel } from '@blueprint/language';
import { escapeHtml } from '@blueprint/escape';
import { boundedDuration, duration, percent, target } from './format.js';
import { renderTimelineChart } from './timeline-chart.js';

export interface HtmlReportOptions {
    /** The diagram as standalone SVG (from the same layout as `blueprint render`). */
    readonly diagramSvg?: string;
}

export function renderHtmlReport(analysis: BlueprintAnalysis, model: BlueprintModel, options: HtmlReportOptions = {}): string {
    const e = escapeHtml;
    const s = localisation(model.language).serviceReport;
    const labels = new Map(model.steps.map(step => [step.id, step.label]));
    const step = (id: string) => `${e(labels.get(id) ?? id)} <code>${e(id)}</code>`;
    const table = (head: string[], rows: string[][]) =>
        `<table><thead><tr>${head.map(h => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows.map(r => `<tr>${r.map(c => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
    const c = analysis.counts;
    const cp = analysis.time.criticalPath;
    const sections: string[] = [];

    sections.push(`<h1>${e(s.title(analysis.title))}</h1>`);
    if (model.description) sections.push(`<p>${e(model.description)}</p>`);
    sections.push(table([s.steps, s.touchpoints, s.momentsOfTruth, s.failPoints, s.waitPoints, s.serviceStandards],
        [[c.steps, c.touchpoints, c.momentsOfTruth, c.failPoints, c.waitPoints, c.metrics].map(String)]));
    if (options.diagramSvg) sections.push(`<h2>${e(s.diagram)}</h2><figure class="diagram">${options.diagramSvg}</figure>`);

    sections.push(`<h2>${e(s.time)}</h2>`);
    if (cp) {
        const tolerance = analysis.time.toleranceSeconds === undefined ? e(s.noneDeclared)
            : `${e(duration(analysis.time.toleranceSeconds, s))} — ${analysis.time.toleranceExceeded ? `<strong class="bad">${e(s.exceeded)}</strong>` : e(s.within)}`;
        sections.push(`<ul>
<li><strong>${e(s.expectedTotal)}:</strong> ${e(boundedDuration(cp, cp.totalSeconds, s))}</li>
<li><strong>${e(s.customerWaiting)}:</strong> ${e(duration(cp.waitSeconds, s))}</li>
<li><strong>${e(s.customerVisibleTime)}:</strong> ${e(duration(cp.visibleSeconds, s))}</li>
<li><strong>${e(s.backstageTime)}:</strong> ${e(duration(cp.backstageSeconds, s))}</li>
<li><strong>${e(s.processTolerance)}:</strong> ${tolerance}</li>
${analysis.time.loops.length > 0 ? `<li><strong>${e(s.loopsNotSummed)}:</strong> ${analysis.time.loops.map(l => `${e(l.from)} → ${e(l.to)}`).join(', ')}</li>` : ''}
</ul>`);
        sections.push(`<h3>${e(s.criticalPath)}</h3><figure class="timeline">${renderTimelineChart(cp, model, visibleLaneIds(model), s)}</figure>`);
    } else {
        sections.push(`<p>${e(s.noPath)}</p>`);
    }
    if (analysis.segments.length > 0) {
        const segmentLabels = new Map(model.segments.map(s => [s.id, s.label]));
        sections.push(`<h3>${e(s.perSegment)}</h3>` + table([s.segment, s.total, s.customerWaiting, s.customerVisible, s.backstage],
            [analysis.time, ...analysis.segments].map(v => {
                const path = v.criticalPath;
                const name = v.segment ? e(segmentLabels.get(v.segment) ?? v.segment) : `<em>${e(s.basePath)}</em>`;
                return path ? [name, e(boundedDuration(path, path.totalSeconds, s)), e(duration(path.waitSeconds, s)), e(duration(path.visibleSeconds, s)), e(duration(path.backstageSeconds, s))]
                    : [name, '—', '—', '—', '—'];
            })));
    }
    if (analysis.time.waits.length > 0) {
        sections.push(`<h3>${e(s.waitPoints)}</h3>` + table([s.step, s.expected, s.tolerance, s.withinTolerance],
            analysis.time.waits.map(w => [step(w.step), e(duration(w.expectedSeconds, s)), e(duration(w.toleranceSeconds, s)),
                w.exceeded === undefined ? '—' : w.exceeded ? `<strong class="bad">${e(s.no)}</strong>` : e(s.yes)])));
    }

    sections.push(`<h2>${e(s.touchpoints)}</h2>` + (analysis.touchpoints.length === 0 ? `<p>${e(s.noTouchpoints)}</p>` : table(
        [s.touchpoint, s.stage, s.channel, s.distance, s.meets, s.evidence, s.momentOfTruth],
        analysis.touchpoints.map(t => [step(t.step), e(t.stage ?? ''), e((t.channelLabel ?? t.channel ?? '—') + (t.selfService ? ` ${s.selfService}` : '')),
            e(t.distance ?? '—'), e(t.actors.join(', ') || '—'), t.evidence.length ? e(t.evidence.join('; ')) : `<strong class="bad">${e(s.none)}</strong>`, t.momentOfTruth ? '★' : '']))));

    const f = analysis.failPoints;
    const laneLabels = new Map(model.lanes.map(lane => [lane.id, lane.label]));
    sections.push(`<h2>${e(s.failPoints)}</h2>` + (f.total === 0 ? `<p>${e(s.noFailPoints)}</p>`
        : `<p>${e(s.failPointsCovered(f.covered, f.total, percent(f.share)))}</p>`
        + table([s.step, s.lane, s.stage, s.cause, s.covered, s.onMomentOfTruth],
            f.entries.map(x => [step(x.step), e(laneLabels.get(x.lane) ?? x.lane), e(x.stage ?? ''), e(x.cause), x.covered ? e(s.yes) : `<strong class="bad">${e(s.no)}</strong>`, x.onMomentOfTruth ? '★' : '']))));

    sections.push(`<h2>${e(s.serviceStandards)}</h2>` + (analysis.metrics.length === 0 ? `<p>${e(s.noMetrics)}</p>` : table([s.metric, s.measuredOn, s.target],
        analysis.metrics.map(m => [`${e(m.label)} <code>${e(m.id)}</code>`, m.steps.map(step).join(', ') || e(s.wholeProcess), e(target(m.comparator, m.value, m.unit, s))]))));

    sections.push(`<h2>${e(s.handOffs)}</h2>` + (analysis.handOffs.length === 0 ? `<p>${e(s.noneShort)}</p>` : table([s.from, s.to, s.kind, s.crossesInternalLine, s.returnsToCustomer],
        analysis.handOffs.map(h => [step(h.from), step(h.to), e(h.kind), h.crossesInternalLine ? e(s.yes) : '', h.returnsToCustomer ? e(s.yes) : `<strong class="bad">${e(s.no)}</strong>`]))));

    return `<!DOCTYPE html>
<html lang="${model.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(s.title(analysis.title))}</title>
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
