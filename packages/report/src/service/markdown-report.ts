/** The service review as Markdown (`blueprint report --format markdown`), in the blueprint's language. */
import { localisation, pathText, type BlueprintAnalysis, type BlueprintModel, type ServiceReportStrings, type TimeAnalysis } from '@blueprint/model';
import { escapeMarkdown as cell } from '@blueprint/escape';
import { boundedDuration, duration, percent } from './format.js';
import { ReportLabels, branchShare, exceptionName, figureRows, metricTarget, remediesOf, share, timeNotes, toleranceVerdict } from './report-content.js';

export function renderMarkdownReport(analysis: BlueprintAnalysis, model: BlueprintModel): string {
    const s = localisation(model.language).serviceReport;
    const labels = new ReportLabels(model, s);
    const stepName = (id: string) => `${cell(labels.step(id))} (\`${id}\`)`;
    const out: string[] = [];
    const c = analysis.counts;
    out.push(`# ${s.title(cell(analysis.title))}`, '');
    if (model.description) out.push(cell(model.description), '');
    out.push(row([s.steps, s.touchpoints, s.momentsOfTruth, s.failPoints, s.waitPoints, s.serviceStandards]), '|---:|---:|---:|---:|---:|---:|',
        `| ${c.steps} | ${c.touchpoints} | ${c.momentsOfTruth} | ${c.failPoints} | ${c.waitPoints} | ${c.metrics} |`, '');

    out.push(`## ${s.time}`, '');
    pushTime(out, analysis.time, labels, model, s);
    if (analysis.segments.length > 0) {
        out.push(`### ${s.perSegment}`, '', row([s.segment, s.expected, s.customerWaitingExpected, s.customerVisibleExpected, s.backstageExpected, s.mostLikelyPath, s.worstCase, s.standardExpectedWorst]),
            '|---|---:|---:|---:|---:|---:|---:|---|');
        for (const variant of [analysis.time, ...analysis.segments]) {
            const name = variant.segment ? cell(labels.segment(variant.segment)) : `_${s.basePath}_`;
            const e = variant.expected, ml = variant.mostLikelyPath, w = variant.criticalPath;
            out.push(e && w
                ? `| ${name} | ${boundedDuration(e, e.totalSeconds, s)} | ${duration(e.waitSeconds, s)} | ${duration(e.visibleSeconds, s)} | ${duration(e.backstageSeconds, s)} | ${ml ? `${boundedDuration(ml, ml.totalSeconds, s)} (${share(ml.probability, s)})` : '—'} | ${boundedDuration(w, w.totalSeconds, s)} | ${standardCell(variant, s)} |`
                : `| ${name} | ${s.noSteps} | — | — | — | — | — | — |`);
        }
        out.push('', `_${s.basePathNote}_`, '');
    }

    if (analysis.decisions.length > 0) {
        out.push(`## ${s.decisions}`, '', row([s.at, s.kind, s.question, s.branches]), '|---|---|---|---|');
        for (const d of analysis.decisions) {
            const branches = d.branches.map(b => `${cell(labels.step(b.to))}${branchShare(b, s) ? ` ${cell(branchShare(b, s)!)}` : ''}${b.label ? ` (${cell(b.label)})` : ''}`).join('; ');
            const kind = d.kind === 'parallel' ? `${s.parallel}${d.join ? `, ${s.joinsAt(cell(labels.step(d.join)))}` : ''}` : s.alternatives;
            out.push(`| ${stepName(d.step)} | ${kind} | ${cell(d.label ?? '')} | ${branches} |`);
        }
        out.push('');
    }

    out.push(`## ${s.touchpoints}`, '');
    if (analysis.touchpoints.length === 0) out.push(s.noTouchpoints, '');
    else {
        out.push(row([s.touchpoint, s.stage, s.channel, s.distance, s.meets, s.evidence, s.momentOfTruth]), '|---|---|---|---|---|---|:-:|');
        for (const t of analysis.touchpoints) {
            out.push(`| ${stepName(t.step)} | ${cell(labels.stage(t.stage))} | ${cell(t.channelLabel ?? t.channel ?? '—')}${t.selfService ? ` ${s.selfService}` : ''} | ${labels.distance(t.distance) ?? '—'} | ${cell(t.actors.map(a => labels.actor(a)).join(', ') || '—')} | ${cell(t.evidence.join('; ') || `⚠️ ${s.none}`)} | ${t.momentOfTruth ? '★' : ''} |`);
        }
        out.push('');
    }

    const f = analysis.failPoints;
    out.push(`## ${s.failPoints}`, '');
    if (f.total === 0) out.push(s.noFailPoints, '');
    else {
        out.push(s.failPointsCovered(f.covered, f.total, percent(f.share)), '');
        out.push(row([s.lane, s.failPoints, s.covered]), '|---|---:|---:|');
        for (const [lane, t] of Object.entries(f.byLane)) out.push(`| ${cell(labels.lane(lane))} | ${t.total} | ${t.covered} |`);
        out.push('', row([s.stage, s.failPoints, s.covered]), '|---|---:|---:|');
        for (const [stage, t] of Object.entries(f.byStage)) out.push(`| ${cell(stage === '(no stage)' ? s.noStage : labels.stage(stage))} | ${t.total} | ${t.covered} |`);
        out.push('', row([s.step, s.cause, s.failureRate, s.remedies, s.covered, s.onMomentOfTruth]), '|---|---|---:|---|:-:|:-:|');
        for (const e of f.entries) {
            out.push(`| ${stepName(e.step)} | ${cell(e.cause)} | ${e.rate === undefined ? '—' : share(e.rate, s)} | ${cell(remediesOf(e, labels).join('; ') || '—')} | ${e.covered ? '✓' : `⚠️ ${s.no}`} | ${e.onMomentOfTruth ? '★' : ''} |`);
        }
        out.push('');
    }

    out.push(`## ${s.serviceStandards}`, '');
    if (analysis.metrics.length === 0) out.push(s.noMetrics, '');
    else {
        out.push(row([s.metric, s.measuredOn, s.target]), '|---|---|---|');
        for (const m of analysis.metrics) out.push(`| ${cell(m.label)} (\`${m.id}\`) | ${m.steps.map(stepName).join(', ') || s.wholeProcess} | ${cell(metricTarget(m, s))} |`);
        out.push('');
    }

    out.push(`## ${s.handOffs}`, '');
    if (analysis.handOffs.length === 0) out.push(s.noHandOffs, '');
    else {
        out.push(row([s.from, s.to, s.kind, s.crossesInternalLine, s.returnsToCustomer]), '|---|---|---|:-:|:-:|');
        for (const h of analysis.handOffs) out.push(`| ${stepName(h.from)} | ${stepName(h.to)} | ${labels.flowKind(h.kind)} | ${h.crossesInternalLine ? '✓' : ''} | ${h.returnsToCustomer ? '✓' : `⚠️ ${s.no}`} |`);
        out.push('');
    }

    if (analysis.content.length > 0) {
        out.push(`## ${s.notesAndPolicies}`, '', row([s.where, s.kind, s.text]), '|---|---|---|');
        for (const item of analysis.content) out.push(`| ${item.step ? stepName(item.step) : `_${s.wholeProcess}_`} | ${s.contentKinds[item.kind]} | ${cell(labels.content(item))} |`);
        out.push('');
    }
    return out.join('\n').trimEnd() + '\n';
}

function pushTime(out: string[], time: TimeAnalysis, labels: ReportLabels, model: BlueprintModel, s: ServiceReportStrings): void {
    const cp = time.criticalPath;
    if (!cp) {
        out.push(s.noPath, '');
        return;
    }
    out.push(s.processStandard(time.toleranceSeconds === undefined ? s.noneDeclared : duration(time.toleranceSeconds, s)), '');
    out.push(row([s.figure, s.howComputed, s.total, s.customerWaiting, s.customerVisible, s.backstage, s.againstStandard]), '|---|---|---:|---:|---:|---:|---|');
    for (const r of figureRows(time, labels)) {
        out.push(`| **${r.name}** | ${cell(r.detail)} | ${r.total} | ${r.waiting} | ${r.visible} | ${r.backstage} | ${r.exceeded ? `⚠️ ${r.verdict}` : r.verdict} |`);
    }
    out.push('');
    const notes = timeNotes(time, labels);
    for (const note of notes) out.push(`- ${cell(note)}`);
    if (notes.length > 0) out.push('');
    if (time.mostLikelyPath) out.push(`**${s.mostLikelyPath}:** ${pathText(time.mostLikelyPath, id => cell(labels.step(id)))}`, '');
    if (time.exceptionPaths.length > 0) {
        out.push(`### ${s.exceptionPaths}`, '', row([s.branch, s.branchChance, s.journeyShare, s.total, s.customerWaiting, s.customerVisible, s.backstage, s.againstStandard]),
            '|---|---:|---:|---:|---:|---:|---:|---|');
        for (const path of time.exceptionPaths) {
            const verdict = toleranceVerdict(time, path, s);
            out.push(`| ${cell(exceptionName(path, labels))} | ${share(path.share, s)} | ${share(path.probability, s)} | ${boundedDuration(path, path.totalSeconds, s)} | ${duration(path.waitSeconds, s)} | ${duration(path.visibleSeconds, s)} | ${duration(path.backstageSeconds, s)} | ${verdict.exceeded ? `⚠️ ${verdict.text}` : verdict.text} |`);
        }
        if (time.exceptionPathsTruncated) out.push('', `_${s.onlyFirstExceptionPaths(time.exceptionPaths.length)}_`);
        out.push('');
    }
    out.push(`### ${s.worstCaseCriticalPath}`, '', row(['#', s.step, s.lane, s.stepTime, s.cumulative]), '|---:|---|---|---:|---:|');
    const steps = new Map(model.steps.map(step => [step.id, step]));
    let cumulative = 0;
    cp.steps.forEach((id, index) => {
        const step = steps.get(id)!;
        const seconds = (step.duration?.seconds ?? 0) + (step.wait?.expected?.seconds ?? 0);
        const known = step.duration?.seconds !== undefined || step.wait?.expected?.seconds !== undefined;
        cumulative += known ? seconds : 0;
        out.push(`| ${index + 1} | ${cell(labels.step(id))} (\`${id}\`) | ${cell(labels.lane(step.lane))} | ${known ? duration(seconds, s) + (step.wait?.expected ? ` ${s.waitSuffix}` : '') : s.unknown} | ${duration(cumulative, s)} |`);
    });
    out.push('');
    if (time.waits.length > 0) {
        out.push(`### ${s.waitPoints}`, '', row([s.step, s.expected, s.tolerance, s.withinTolerance]), '|---|---:|---:|:-:|');
        for (const w of time.waits) {
            out.push(`| ${cell(labels.step(w.step))} (\`${w.step}\`) | ${duration(w.expectedSeconds, s)} | ${duration(w.toleranceSeconds, s)} | ${w.exceeded === undefined ? '—' : w.exceeded ? `⚠️ ${s.no}` : '✓'} |`);
        }
        out.push('');
    }
}

/** `within / ⚠️ exceeded by 3 h`: the expected time and the worst case against the standard. */
function standardCell(time: TimeAnalysis, s: ServiceReportStrings): string {
    if (time.toleranceSeconds === undefined) return s.noneDeclared;
    const mark = (v: { text: string; exceeded: boolean }) => v.exceeded ? `⚠️ ${v.text}` : v.text;
    return `${duration(time.toleranceSeconds, s)}: ${time.expected ? mark(toleranceVerdict(time, time.expected, s)) : '—'} / ${time.criticalPath ? mark(toleranceVerdict(time, time.criticalPath, s)) : '—'}`;
}

/** A table header row (the `#` of a numbered column is kept as it is). */
function row(cells: readonly string[]): string {
    return `| ${cells.map(text => (text === '#' ? text : cell(text))).join(' | ')} |`;
}
