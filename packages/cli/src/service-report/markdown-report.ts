/** The service review as Markdown (`blueprint report --format markdown`), headed in the blueprint's language. */
import { localisation, type BlueprintAnalysis, type BlueprintModel, type ServiceReportStrings, type TimeAnalysis } from '@blueprint/language';
import { escapeMarkdown as cell } from '@blueprint/escape';
import { boundedDuration, duration, percent, target } from './format.js';

export function renderMarkdownReport(analysis: BlueprintAnalysis, model: BlueprintModel): string {
    const s = localisation(model.language).serviceReport;
    const labels = new Map(model.steps.map(step => [step.id, step.label]));
    const stepName = (id: string) => `${cell(labels.get(id) ?? id)} (\`${id}\`)`;
    const out: string[] = [];
    const c = analysis.counts;
    out.push(`# ${s.title(cell(analysis.title))}`, '');
    if (model.description) out.push(cell(model.description), '');
    out.push(row([s.steps, s.touchpoints, s.momentsOfTruth, s.failPoints, s.waitPoints, s.serviceStandards]), '|---:|---:|---:|---:|---:|---:|',
        `| ${c.steps} | ${c.touchpoints} | ${c.momentsOfTruth} | ${c.failPoints} | ${c.waitPoints} | ${c.metrics} |`, '');

    out.push(`## ${s.time}`, '');
    pushTime(out, analysis.time, stepName, model, s);
    if (analysis.segments.length > 0) {
        out.push(`### ${s.perSegment}`, '', row([s.segment, s.criticalPath, s.total, s.customerWaiting, s.customerVisible, s.backstage, s.tolerance]), '|---|---|---:|---:|---:|---:|---|');
        const segmentLabels = new Map(model.segments.map(s => [s.id, s.label]));
        for (const variant of [analysis.time, ...analysis.segments]) {
            const cp = variant.criticalPath;
            const name = variant.segment ? cell(segmentLabels.get(variant.segment) ?? variant.segment) : `_${s.basePath}_`;
            out.push(cp
                ? `| ${name} | ${cp.steps.map(id => `\`${id}\``).join(' → ')} | ${boundedDuration(cp, cp.totalSeconds, s)} | ${duration(cp.waitSeconds, s)} | ${duration(cp.visibleSeconds, s)} | ${duration(cp.backstageSeconds, s)} | ${toleranceStatus(variant, s)} |`
                : `| ${name} | (no steps) | — | — | — | — | — |`);
        }
        out.push('', `_${s.basePathNote}_`, '');
    }

    out.push(`## ${s.touchpoints}`, '');
    if (analysis.touchpoints.length === 0) out.push(s.noTouchpoints, '');
    else {
        out.push(row([s.touchpoint, s.stage, s.channel, s.distance, s.meets, s.evidence, s.momentOfTruth]), '|---|---|---|---|---|---|:-:|');
        for (const t of analysis.touchpoints) {
            out.push(`| ${stepName(t.step)} | ${cell(t.stage ?? '')} | ${cell(t.channelLabel ?? t.channel ?? '—')}${t.selfService ? ` ${s.selfService}` : ''} | ${t.distance ?? '—'} | ${cell(t.actors.join(', ') || '—')} | ${cell(t.evidence.join('; ') || `⚠️ ${s.none}`)} | ${t.momentOfTruth ? '★' : ''} |`);
        }
        out.push('');
    }

    const f = analysis.failPoints;
    out.push(`## ${s.failPoints}`, '');
    if (f.total === 0) out.push(s.noFailPoints, '');
    else {
        out.push(s.failPointsCovered(f.covered, f.total, percent(f.share)), '');
        out.push(row([s.lane, s.failPoints, s.covered]), '|---|---:|---:|');
        const laneLabels = new Map(model.lanes.map(lane => [lane.id, lane.label]));
        for (const [lane, t] of Object.entries(f.byLane)) out.push(`| ${cell(laneLabels.get(lane) ?? lane)} | ${t.total} | ${t.covered} |`);
        out.push('', row([s.stage, s.failPoints, s.covered]), '|---|---:|---:|');
        for (const [stage, t] of Object.entries(f.byStage)) out.push(`| ${cell(stage)} | ${t.total} | ${t.covered} |`);
        out.push('', row([s.step, s.cause, s.covered, s.onMomentOfTruth]), '|---|---|:-:|:-:|');
        for (const e of f.entries) out.push(`| ${stepName(e.step)} | ${cell(e.cause)} | ${e.covered ? '✓' : `⚠️ ${s.no}`} | ${e.onMomentOfTruth ? '★' : ''} |`);
        out.push('');
    }

    out.push(`## ${s.serviceStandards}`, '');
    if (analysis.metrics.length === 0) out.push(s.noMetrics, '');
    else {
        out.push(row([s.metric, s.measuredOn, s.target]), '|---|---|---|');
        for (const m of analysis.metrics) out.push(`| ${cell(m.label)} (\`${m.id}\`) | ${m.steps.map(stepName).join(', ') || s.wholeProcess} | ${cell(target(m.comparator, m.value, m.unit, s))} |`);
        out.push('');
    }

    out.push(`## ${s.handOffs}`, '');
    if (analysis.handOffs.length === 0) out.push(s.noHandOffs, '');
    else {
        out.push(row([s.from, s.to, s.kind, s.crossesInternalLine, s.returnsToCustomer]), '|---|---|---|:-:|:-:|');
        for (const h of analysis.handOffs) out.push(`| ${stepName(h.from)} | ${stepName(h.to)} | ${h.kind} | ${h.crossesInternalLine ? '✓' : ''} | ${h.returnsToCustomer ? '✓' : `⚠️ ${s.no}`} |`);
        out.push('');
    }
    return out.join('\n').trimEnd() + '\n';
}

function pushTime(out: string[], time: TimeAnalysis, stepName: (id: string) => string, model: BlueprintModel, s: ServiceReportStrings): void {
    const cp = time.criticalPath;
    if (!cp) {
        out.push(s.noPath, '');
        return;
    }
    out.push(`- **${s.expectedTotal}:** ${boundedDuration(cp, cp.totalSeconds, s)}`,
        `- **${s.customerWaiting}:** ${duration(cp.waitSeconds, s)}`,
        `- **${s.customerVisibleTime}:** ${duration(cp.visibleSeconds, s)}`,
        `- **${s.backstageTime}:** ${duration(cp.backstageSeconds, s)}`,
        `- **${s.processTolerance}:** ${toleranceStatus(time, s)}`);
    if (cp.unknownSteps.length > 0) out.push(`- **${s.stepsWithoutTime}:** ${cp.unknownSteps.map(id => `\`${id}\``).join(', ')}`);
    if (time.loops.length > 0) out.push(`- **${s.loopsNotSummed}:** ${time.loops.map(l => `\`${l.from}\` → \`${l.to}\``).join(', ')}`);
    out.push('', `### ${s.criticalPath}`, '', row(['#', s.step, s.lane, s.stepTime, s.cumulative]), '|---:|---|---|---:|---:|');
    const steps = new Map(model.steps.map(step => [step.id, step]));
    const laneLabels = new Map(model.lanes.map(lane => [lane.id, lane.label]));
    let cumulative = 0;
    cp.steps.forEach((id, index) => {
        const step = steps.get(id)!;
        const seconds = (step.duration?.seconds ?? 0) + (step.wait?.expected?.seconds ?? 0);
        const known = step.duration?.seconds !== undefined || step.wait?.expected?.seconds !== undefined;
        cumulative += known ? seconds : 0;
        out.push(`| ${index + 1} | ${stepName(id)} | ${cell(laneLabels.get(step.lane) ?? step.lane)} | ${known ? duration(seconds, s) + (step.wait?.expected ? ` ${s.waitSuffix}` : '') : s.unknown} | ${duration(cumulative, s)} |`);
    });
    out.push('');
    if (time.paths.length > 1) {
        out.push(`### ${s.allPaths}`, '', row([s.path, s.total, s.waiting, s.visible, s.backstage]), '|---|---:|---:|---:|---:|');
        for (const path of time.paths) {
            out.push(`| ${path.steps.map(id => `\`${id}\``).join(' → ')} | ${boundedDuration(path, path.totalSeconds, s)} | ${duration(path.waitSeconds, s)} | ${duration(path.visibleSeconds, s)} | ${duration(path.backstageSeconds, s)} |`);
        }
        if (time.pathsTruncated) out.push('', `_${s.onlyFirstPaths(time.paths.length)}_`);
        out.push('');
    }
    if (time.waits.length > 0) {
        out.push(`### ${s.waitPoints}`, '', row([s.step, s.expected, s.tolerance, s.withinTolerance]), '|---|---:|---:|:-:|');
        for (const w of time.waits) {
            out.push(`| ${stepName(w.step)} | ${duration(w.expectedSeconds, s)} | ${duration(w.toleranceSeconds, s)} | ${w.exceeded === undefined ? '—' : w.exceeded ? `⚠️ ${s.no}` : '✓'} |`);
        }
        out.push('');
    }
}

function toleranceStatus(time: TimeAnalysis, s: ServiceReportStrings): string {
    if (time.toleranceSeconds === undefined) return s.noneDeclared;
    const status = time.toleranceExceeded ? `⚠️ ${s.exceeded}` : s.within;
    return `${duration(time.toleranceSeconds, s)} (${status})`;
}

/** A table header row. */
function row(cells: readonly string[]): string {
    return `| ${cells.map(cell).join(' | ')} |`;
}
