/**
 * The service review as one self-contained HTML page (`blueprint report --format html`): the
 * rendered diagram, a timeline of the critical path, and the review tables. No scripts, no remote
 * assets; every label is escaped.
 */
import { localisation, pathText, visibleLaneIds, type BlueprintAnalysis, type BlueprintModel } from '@blueprint/model';
import { escapeHtml } from '@blueprint/escape';
import { boundedDuration, duration, percent } from './format.js';
import { ReportLabels, branchShare, exceptionName, figureRows, metricTarget, remediesOf, share, timeNotes, toleranceVerdict } from './report-content.js';
import { renderTimelineChart } from './timeline-chart.js';

export interface HtmlReportOptions {
    /** The diagram as standalone SVG (from the same layout as `blueprint render`). */
    readonly diagramSvg?: string;
}

export function renderHtmlReport(analysis: BlueprintAnalysis, model: BlueprintModel, options: HtmlReportOptions = {}): string {
    const e = escapeHtml;
    const s = localisation(model.language).serviceReport;
    const labels = new ReportLabels(model, s);
    const step = (id: string) => `${e(labels.step(id))} <code>${e(id)}</code>`;
    const table = (head: string[], rows: string[][]) =>
        `<table><thead><tr>${head.map(h => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows.map(r => `<tr>${r.map(c => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
    const bad = (text: string) => `<strong class="bad">${e(text)}</strong>`;
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
        const time = analysis.time;
        sections.push(`<p>${e(s.processStandard(time.toleranceSeconds === undefined ? s.noneDeclared : duration(time.toleranceSeconds, s)))}</p>`);
        sections.push(table([s.figure, s.howComputed, s.total, s.customerWaiting, s.customerVisible, s.backstage, s.againstStandard],
            figureRows(time, labels).map(r => [`<strong>${e(r.name)}</strong>`, e(r.detail), e(r.total), e(r.waiting), e(r.visible), e(r.backstage),
                r.exceeded ? bad(r.verdict) : e(r.verdict)])));
        const notes = timeNotes(time, labels);
        if (notes.length > 0) sections.push(`<ul>${notes.map(n => `<li>${e(n)}</li>`).join('')}</ul>`);
        if (time.mostLikelyPath) sections.push(`<p><strong>${e(s.mostLikelyPath)}:</strong> ${pathText(time.mostLikelyPath, id => e(labels.step(id)))}</p>`);
        if (time.exceptionPaths.length > 0) {
            sections.push(`<h3>${e(s.exceptionPaths)}</h3>` + table([s.branch, s.branchChance, s.journeyShare, s.total, s.customerWaiting, s.customerVisible, s.backstage, s.againstStandard],
                time.exceptionPaths.map(p => {
                    const verdict = toleranceVerdict(time, p, s);
                    return [e(exceptionName(p, labels)), e(share(p.share, s)), e(share(p.probability, s)), e(boundedDuration(p, p.totalSeconds, s)), e(duration(p.waitSeconds, s)),
                        e(duration(p.visibleSeconds, s)), e(duration(p.backstageSeconds, s)), verdict.exceeded ? bad(verdict.text) : e(verdict.text)];
                })));
            if (time.exceptionPathsTruncated) sections.push(`<p><em>${e(s.onlyFirstExceptionPaths(time.exceptionPaths.length))}</em></p>`);
        }
        sections.push(`<h3>${e(s.worstCaseCriticalPath)}</h3><figure class="timeline">${renderTimelineChart(cp, model, visibleLaneIds(model), s)}</figure>`);
    } else {
        sections.push(`<p>${e(s.noPath)}</p>`);
    }
    if (analysis.segments.length > 0) {
        sections.push(`<h3>${e(s.perSegment)}</h3>` + table([s.segment, s.expected, s.customerWaitingExpected, s.customerVisibleExpected, s.backstageExpected, s.worstCase],
            [analysis.time, ...analysis.segments].map(v => {
                const x = v.expected, w = v.criticalPath;
                const name = v.segment ? e(labels.segment(v.segment)) : `<em>${e(s.basePath)}</em>`;
                return x && w ? [name, e(boundedDuration(x, x.totalSeconds, s)), e(duration(x.waitSeconds, s)), e(duration(x.visibleSeconds, s)), e(duration(x.backstageSeconds, s)), e(boundedDuration(w, w.totalSeconds, s))]
                    : [name, '—', '—', '—', '—', '—'];
            })));
    }
    if (analysis.decisions.length > 0) {
        sections.push(`<h3>${e(s.decisions)}</h3>` + table([s.at, s.kind, s.question, s.branches],
            analysis.decisions.map(d => [step(d.step), e(d.kind === 'parallel' ? `${s.parallel}${d.join ? `, ${s.joinsAt(labels.step(d.join))}` : ''}` : s.alternatives), e(d.label ?? ''),
                d.branches.map(b => e(`${labels.step(b.to)}${branchShare(b, s) ? ` ${branchShare(b, s)}` : ''}${b.label ? ` (${b.label})` : ''}`)).join('<br>')])));
    }
    if (analysis.time.waits.length > 0) {
        sections.push(`<h3>${e(s.waitPoints)}</h3>` + table([s.step, s.expected, s.tolerance, s.withinTolerance],
            analysis.time.waits.map(w => [step(w.step), e(duration(w.expectedSeconds, s)), e(duration(w.toleranceSeconds, s)),
                w.exceeded === undefined ? '—' : w.exceeded ? bad(s.no) : e(s.yes)])));
    }

    sections.push(`<h2>${e(s.touchpoints)}</h2>` + (analysis.touchpoints.length === 0 ? `<p>${e(s.noTouchpoints)}</p>` : table(
        [s.touchpoint, s.stage, s.channel, s.distance, s.meets, s.evidence, s.momentOfTruth],
        analysis.touchpoints.map(t => [step(t.step), e(labels.stage(t.stage)), e((t.channelLabel ?? t.channel ?? '—') + (t.selfService ? ` ${s.selfService}` : '')),
            e(labels.distance(t.distance) ?? '—'), e(t.actors.map(a => labels.actor(a)).join(', ') || '—'), t.evidence.length ? e(t.evidence.join('; ')) : bad(s.none), t.momentOfTruth ? '★' : '']))));

    const f = analysis.failPoints;
    sections.push(`<h2>${e(s.failPoints)}</h2>` + (f.total === 0 ? `<p>${e(s.noFailPoints)}</p>`
        : `<p>${e(s.failPointsCovered(f.covered, f.total, percent(f.share)))}</p>`
        + table([s.step, s.lane, s.stage, s.cause, s.failureRate, s.remedies, s.covered, s.onMomentOfTruth],
            f.entries.map(x => [step(x.step), e(labels.lane(x.lane)), e(labels.stage(x.stage)), e(x.cause), e(x.rate === undefined ? '—' : share(x.rate, s)),
                remediesOf(x, labels).map(e).join('<br>') || '—', x.covered ? e(s.yes) : bad(s.no), x.onMomentOfTruth ? '★' : '']))));

    sections.push(`<h2>${e(s.serviceStandards)}</h2>` + (analysis.metrics.length === 0 ? `<p>${e(s.noMetrics)}</p>` : table([s.metric, s.measuredOn, s.target],
        analysis.metrics.map(m => [`${e(m.label)} <code>${e(m.id)}</code>`, m.steps.map(step).join(', ') || e(s.wholeProcess), e(metricTarget(m, s))]))));

    sections.push(`<h2>${e(s.handOffs)}</h2>` + (analysis.handOffs.length === 0 ? `<p>${e(s.noneShort)}</p>` : table([s.from, s.to, s.kind, s.crossesInternalLine, s.returnsToCustomer],
        analysis.handOffs.map(h => [step(h.from), step(h.to), e(labels.flowKind(h.kind)), h.crossesInternalLine ? e(s.yes) : '', h.returnsToCustomer ? e(s.yes) : bad(s.no)]))));

    if (analysis.content.length > 0) {
        sections.push(`<h2>${e(s.notesAndPolicies)}</h2>` + table([s.where, s.kind, s.text],
            analysis.content.map(item => [item.step ? step(item.step) : `<em>${e(s.wholeProcess)}</em>`, e(s.contentKinds[item.kind]), e(labels.content(item))])));
    }

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
