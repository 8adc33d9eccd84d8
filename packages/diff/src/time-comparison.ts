/**
 * What a change does to the process's time (Shostack's question): the expected time, the worst case
 * and its path in both versions, against the time standard, and the verdicts that flipped. A review
 * of a share or a duration reads these figures, not only the edited number.
 */
import { analyseTime, formatSeconds, pathText, stepSeconds, type BlueprintModel } from '@blueprint/model';
import type { Change, TimeComparison, TimeFiguresOfVersion } from './change-set.js';

export function timeFiguresOf(model: BlueprintModel): TimeFiguresOfVersion {
    // With no time on any step there is nothing to compare ("at least 0 s" says nothing).
    if (!model.steps.some(step => stepSeconds(step) !== undefined)) {
        return { expectedAtLeast: false, worstCaseAtLeast: false, toleranceSeconds: model.tolerance?.seconds };
    }
    const analysis = analyseTime(model);
    const labels = new Map(model.steps.map(step => [step.id, step.label]));
    const critical = analysis.criticalPath;
    return {
        expectedSeconds: analysis.expected?.totalSeconds,
        expectedAtLeast: (analysis.expected?.unknownSteps.length ?? 0) > 0,
        worstCaseSeconds: critical?.totalSeconds,
        worstCaseAtLeast: (critical?.unknownSteps.length ?? 0) > 0,
        criticalPath: critical ? [...critical.steps] : undefined,
        criticalPathText: critical ? pathText(critical, id => labels.get(id) ?? id) : undefined,
        toleranceSeconds: analysis.toleranceSeconds,
        expectedAboveStandard: analysis.expectedExceedsTolerance,
        worstCaseAboveStandard: analysis.toleranceExceeded
    };
}

export function compareTimes(before: BlueprintModel, after: BlueprintModel): TimeComparison | undefined {
    const old = timeFiguresOf(before);
    const now = timeFiguresOf(after);
    if (old.expectedSeconds === undefined && now.expectedSeconds === undefined && old.worstCaseSeconds === undefined && now.worstCaseSeconds === undefined) return undefined;
    return { before: old, after: now };
}

/**
 * The flips of the time-standard verdict as changes: the expected time going above the standard is
 * a risk for the customer (what they will accept is exceeded on an average journey).
 */
export function timeVerdictChanges(blueprint: string, time: TimeComparison | undefined): Change[] {
    if (!time) return [];
    const { before: old, after: now } = time;
    const changes: Change[] = [];
    const standard = now.toleranceSeconds ?? old.toleranceSeconds;
    if (standard === undefined || old.toleranceSeconds === undefined || now.toleranceSeconds === undefined) return changes;
    const text = (seconds: number | undefined, atLeast: boolean) => seconds === undefined ? 'unknown' : `${atLeast ? 'at least ' : ''}${formatSeconds(seconds)}`;
    const verdicts = [
        ['Expected time', old.expectedSeconds, old.expectedAtLeast, old.expectedAboveStandard, now.expectedSeconds, now.expectedAtLeast, now.expectedAboveStandard],
        ['Worst case', old.worstCaseSeconds, old.worstCaseAtLeast, old.worstCaseAboveStandard, now.worstCaseSeconds, now.worstCaseAtLeast, now.worstCaseAboveStandard]
    ] as const;
    for (const [what, s0, least0, above0, s1, least1, above1] of verdicts) {
        if (above0 === undefined || above1 === undefined || above0 === above1) continue;
        const limit = formatSeconds(now.toleranceSeconds);
        changes.push({
            subject: 'blueprint', id: blueprint, kind: above1 ? 'time-standard-exceeded' : 'time-standard-met', customerVisible: true,
            message: `${what} ${text(s0, least0)} → ${text(s1, least1)}: now ${above1 ? 'above' : 'within'} the ${limit} time standard`,
            before: text(s0, least0), after: text(s1, least1),
            risk: above1 && what === 'Expected time' ? 'an average journey now takes longer than the customer accepts' : undefined
        });
    }
    return changes;
}
