/**
 * `analyse`: the figures of the service report's time and fail-point sections (the same
 * `analyseBlueprint` the report prints), in seconds and written out, with step labels for ids.
 */
import { analyseBlueprint, formatSeconds, pathText, type BlueprintModel, type ProcessPath, type TimeAnalysis, type TimeFigures } from '@blueprint/model';
import { loadSource, requireModel, type SourceInput } from './load-source.js';
import type { ToolHost } from './tool-host.js';
import { jsonText, textResult, type ToolResult } from './tool-result.js';

export async function analyseTool(host: ToolHost, input: SourceInput): Promise<ToolResult> {
    const loaded = await loadSource(host, input);
    const model = requireModel(loaded);
    const analysis = loaded.services.model.BlueprintAnalysisProvider.getDocumentAnalysis(loaded.document) ?? analyseBlueprint(model);
    const label = labeller(model);
    const coverage = analysis.failPoints;
    return textResult(jsonText({
        file: loaded.name,
        blueprint: analysis.blueprint,
        title: analysis.title,
        counts: analysis.counts,
        time: [analysis.time, ...analysis.segments].map(variant => timeOf(variant, model, label)),
        failPoints: {
            total: coverage.total,
            covered: coverage.covered,
            coveredShare: coverage.share,
            byLane: coverage.byLane,
            byStage: coverage.byStage,
            entries: coverage.entries.map(entry => ({
                step: entry.step, label: label(entry.step), lane: entry.lane, stage: entry.stage, cause: entry.cause,
                rate: entry.rate, covered: entry.covered, onMomentOfTruth: entry.onMomentOfTruth,
                preventions: entry.preventions.map(r => r.text), recoveries: entry.recoveries.map(r => r.text)
            }))
        }
    }));
}

function timeOf(time: TimeAnalysis, model: BlueprintModel, label: (id: string) => string) {
    const segment = time.segment === undefined ? undefined : model.segments.find(s => s.id === time.segment);
    const tolerance = time.toleranceSeconds;
    return {
        segment: time.segment ?? null,
        segmentLabel: segment?.label ?? (time.segment === undefined ? 'every customer (base path)' : time.segment),
        expected: time.expected && figures(time.expected, label, tolerance),
        mostLikely: time.mostLikelyPath && path(time.mostLikelyPath, label, tolerance),
        worstCase: time.criticalPath && path(time.criticalPath, label, tolerance),
        standard: tolerance === undefined ? null : { seconds: tolerance, text: formatSeconds(tolerance) },
        exceptionPaths: time.exceptionPaths.map(p => ({ kind: p.kind, from: label(p.from), to: label(p.to), share: p.share, label: p.label, ...figures(p, label, tolerance), path: pathText(p, label) })),
        notes: notes(time, label)
    };
}

function figures(f: TimeFigures, label: (id: string) => string, tolerance: number | undefined) {
    return {
        seconds: f.totalSeconds,
        // Steps without a time make every figure a lower bound, never a complete total.
        text: (f.unknownSteps.length > 0 ? '≥ ' : '') + formatSeconds(f.totalSeconds),
        waitingSeconds: f.waitSeconds,
        customerVisibleSeconds: f.visibleSeconds,
        backstageSeconds: f.backstageSeconds,
        ...(f.unknownSteps.length > 0 ? { stepsWithoutTime: f.unknownSteps.map(label) } : {}),
        ...(tolerance === undefined ? {} : { exceedsStandard: f.totalSeconds > tolerance })
    };
}

function path(p: ProcessPath, label: (id: string) => string, tolerance: number | undefined) {
    // `path` writes out the work done at the same time ("Pay by card ∥ Cook"), as the report does.
    return { ...figures(p, label, tolerance), probability: p.probability, steps: p.steps.map(label), path: pathText(p, label) };
}

function notes(time: TimeAnalysis, label: (id: string) => string): string[] {
    const out: string[] = [];
    if (time.undeclaredBranches.length > 0) out.push(`Branches without shares (counted evenly) at: ${time.undeclaredBranches.map(label).join(', ')}`);
    for (const loop of time.rework) out.push(`Rework ${label(loop.from)} → ${label(loop.to)}: ${Math.round(loop.expectedRepeats * 100) / 100} repeats expected, ${loop.worstRepeats} at worst`);
    if (time.loops.length > 0) out.push(`Loops without a repeat probability (counted once): ${time.loops.map(l => `${label(l.from)} → ${label(l.to)}`).join(', ')}`);
    for (const r of time.unratedRecoveries) out.push(`Recovery for "${r.cause}" at ${label(r.step)} has no failure rate (not in the expected time)`);
    if (time.exceptionPathsTruncated) out.push('Only the first exception paths are listed.');
    return out;
}

function labeller(model: BlueprintModel): (id: string) => string {
    const steps = new Map(model.steps.map(step => [step.id, step.label]));
    return id => steps.get(id) ?? id;
}
