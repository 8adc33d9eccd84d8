/**
 * The semantic diff: compares two blueprint models (not their text) and lists what changed for the
 * customer and behind the line of visibility, with risks flagged.
 */
import {
    buildFlowGraph, formatTimeSpan, isStepCustomerVisible, stepsReaching, visibleLaneIds, type BlueprintModel, type ModelFlow, type ModelMetric,
    type ModelStep, type TimeSpan
} from '@blueprint/model';
import type { Change, ChangeSet, DiffOptions, SubjectType } from './change-set.js';
import { compareDiagnostics } from './diagnostic-changes.js';
import { matchSteps } from './step-matching.js';
import { compareTimes, timeVerdictChanges } from './time-comparison.js';


const ARROWS: Readonly<Record<ModelFlow['kind'], string>> = { sequence: '→', 'two-way': '↔', 'hand-off': '⇢', escalation: '⇒' };

export function diffBlueprints(before: BlueprintModel, after: BlueprintModel, options: DiffOptions = {}): ChangeSet {
    const changes: Change[] = [];
    const mapping = matchSteps(before, after);
    const beforeVisible = visibleLaneIds(before);
    const afterVisible = visibleLaneIds(after);

    diffHeader(before, after, changes);
    diffSteps(before, after, mapping, beforeVisible, afterVisible, changes);
    diffFlows(before, after, mapping, beforeVisible, afterVisible, changes);
    diffEscalationReturns(before, after, mapping, changes);
    diffMetrics(before, after, mapping, afterVisible, changes);
    diffNamed('actor', before.actors, after.actors, a => `${a.kind} ${a.label}`, false, changes);
    diffNamed('channel', before.channels, after.channels, c => `${c.label}${c.distance ? ` (${c.distance}${c.selfService ? ', self-service' : ''})` : ''}`, true, changes);
    diffNamed('stage', before.stages, after.stages, s => s.label, true, changes);
    diffNamed('segment', before.segments, after.segments, s => s.label, true, changes);
    diffNamed('persona', before.personas, after.personas, p => p.label, true, changes);
    diffNamed('lane', before.lanes.filter(l => l.kind === 'custom'), after.lanes.filter(l => l.kind === 'custom'), l => l.label, false, changes);
    diffImports(before, after, changes);
    const time = compareTimes(before, after);
    changes.push(...timeVerdictChanges(after.id, time));

    const stepMapping: Record<string, string> = {};
    for (const [from, to] of mapping) stepMapping[from] = to;
    return {
        blueprint: after.id,
        title: after.title,
        language: after.language,
        summary: summarise(changes),
        changes,
        stepMapping,
        ...(time ? { time } : {}),
        ...(options.diagnostics ? { diagnostics: compareDiagnostics(options.diagnostics.before, options.diagnostics.after, mapping) } : {})
    };
}

function diffHeader(before: BlueprintModel, after: BlueprintModel, changes: Change[]): void {
    if (before.title !== after.title) {
        changes.push({ subject: 'blueprint', id: after.id, kind: 'title-changed', customerVisible: false,
            message: `Title "${before.title}" → "${after.title}"`, before: before.title, after: after.title });
    }
    if (before.description !== after.description) {
        changes.push({ subject: 'blueprint', id: after.id, kind: 'description-changed', customerVisible: false,
            message: 'Description changed', before: before.description, after: after.description });
    }
    const t0 = before.tolerance, t1 = after.tolerance;
    if (timeText(t0) !== timeText(t1)) {
        const longer = (t1?.seconds ?? 0) > (t0?.seconds ?? Infinity);
        changes.push({ subject: 'blueprint', id: after.id, kind: 'tolerance-changed', customerVisible: true,
            message: `Time standard for the whole process ${timeText(t0) ?? 'none'} → ${timeText(t1) ?? 'none'}`,
            before: timeText(t0), after: timeText(t1),
            risk: t1 === undefined ? 'the process lost its time standard' : longer ? 'the customer is expected to accept a longer process' : undefined });
    }
}

function diffSteps(before: BlueprintModel, after: BlueprintModel, mapping: Map<string, string>,
    beforeVisible: Set<string>, afterVisible: Set<string>, changes: Change[]): void {
    const afterById = new Map(after.steps.map(step => [step.id, step]));
    const mappedAfter = new Set(mapping.values());
    for (const old of before.steps) {
        const newId = mapping.get(old.id);
        if (newId === undefined) {
            const visible = isStepCustomerVisible(old, beforeVisible);
            changes.push({ subject: 'step', id: old.id, kind: 'removed', customerVisible: visible, lane: old.lane,
                message: `Removed ${old.lane} step ${describe(old)}`, before: old.label,
                risk: old.failPoints.some(f => f.recoveries.length + f.preventions.length > 0) && visible
                    ? 'a step with a recovery the customer relied on was removed' : undefined });
            continue;
        }
        compareStep(old, afterById.get(newId)!, beforeVisible, afterVisible, changes);
    }
    for (const step of after.steps) {
        if (mappedAfter.has(step.id)) continue;
        const visible = isStepCustomerVisible(step, afterVisible);
        changes.push({ subject: 'step', id: step.id, kind: 'added', customerVisible: visible, lane: step.lane,
            message: `Added ${step.lane} step ${describe(step)}${step.stage ? ` in stage ${step.stage}` : ''}`, after: step.label,
            risk: step.touchpoint ? 'a new touchpoint: one more place where service quality is judged'
                : step.failPoints.some(f => f.recoveries.length + f.preventions.length === 0) ? 'a new fail point without prevention or recovery' : undefined });
    }
}

function compareStep(old: ModelStep, step: ModelStep, beforeVisible: Set<string>, afterVisible: Set<string>, changes: Change[]): void {
    const visible = isStepCustomerVisible(old, beforeVisible) || isStepCustomerVisible(step, afterVisible);
    const push = (change: Omit<Change, 'subject' | 'id' | 'customerVisible' | 'lane'> & { customerVisible?: boolean }) =>
        changes.push({ subject: 'step', id: step.id, lane: step.lane, customerVisible: visible, ...change });
    const name = describe(step);
    if (old.id !== step.id) push({ kind: 'renamed', message: `Renamed step ${old.id} → ${step.id} ("${step.label}")`, before: old.id, after: step.id });
    if (old.label !== step.label) push({ kind: 'relabelled', message: `Step ${step.id}: label "${old.label}" → "${step.label}"`, before: old.label, after: step.label });
    if (old.lane !== step.lane) {
        push({ kind: 'moved-lane', message: `Step ${name} moved from the ${old.lane} lane to the ${step.lane} lane`, before: old.lane, after: step.lane,
            customerVisible: true,
            risk: !isStepCustomerVisible(old, beforeVisible) && isStepCustomerVisible(step, afterVisible) ? 'the step is now visible to the customer' : undefined });
    }
    if (old.stage !== step.stage) push({ kind: 'moved-stage', message: `Step ${name} moved from stage ${old.stage ?? '(none)'} to ${step.stage ?? '(none)'}`, before: old.stage, after: step.stage });
    if (old.actor !== step.actor) push({ kind: 'actor-changed', message: `Step ${name}: performed by ${old.actor ?? '(nobody named)'} → ${step.actor ?? '(nobody named)'}`, before: old.actor, after: step.actor });
    if (old.channel !== step.channel) push({ kind: 'channel-changed', message: `Step ${name}: channel ${old.channel ?? '(none)'} → ${step.channel ?? '(none)'}`, before: old.channel, after: step.channel });
    if (!old.touchpoint && step.touchpoint) {
        push({ kind: 'attribute-changed', message: `Step ${name} became a touchpoint`, customerVisible: true, risk: 'a new touchpoint: one more place where service quality is judged' });
    }
    for (const label of step.evidence.filter(e => !old.evidence.includes(e))) {
        push({ kind: 'evidence-added', message: `Step ${name}: evidence "${label}" added`, after: label, customerVisible: true });
    }
    for (const label of old.evidence.filter(e => !step.evidence.includes(e))) {
        push({ kind: 'evidence-removed', message: `Step ${name}: evidence "${label}" removed`, before: label, customerVisible: true,
            risk: step.touchpoint && step.evidence.length === 0 ? 'the touchpoint has no physical evidence left' : undefined });
    }
    const d0 = timeText(old.duration), d1 = timeText(step.duration);
    if (d0 !== d1) {
        push({ kind: 'duration-changed', message: `Step ${name}: duration ${d0 ?? 'unknown'} → ${d1 ?? 'unknown'}`, before: d0, after: d1,
            risk: visible && longer(old.duration, step.duration) ? 'the customer spends longer in this step' : undefined });
    }
    diffWait(old, step, name, push);
    diffFailPoints(old, step, name, visible, push);
    if (!old.moment && step.moment) push({ kind: 'moment-added', message: `Step ${name} is now a moment of truth${step.moment.reason ? `: ${step.moment.reason}` : ''}`, customerVisible: true });
    if (old.moment && !step.moment) push({ kind: 'moment-removed', message: `Step ${name} is no longer marked a moment of truth`, customerVisible: true });
    if (old.emotion?.feeling !== step.emotion?.feeling) {
        push({ kind: 'emotion-changed', message: `Step ${name}: customer emotion ${old.emotion?.feeling ?? '(none)'} → ${step.emotion?.feeling ?? '(none)'}`,
            before: old.emotion?.feeling, after: step.emotion?.feeling, customerVisible: true });
    }
    if (old.segments.join() !== step.segments.join()) {
        push({ kind: 'segments-changed', message: `Step ${name}: for segments ${old.segments.join(', ') || '(all)'} → ${step.segments.join(', ') || '(all)'}`,
            before: old.segments.join(', '), after: step.segments.join(', ') });
    }
    if (old.start !== step.start || old.end !== step.end) {
        push({ kind: 'boundary-changed', message: `Step ${name}: ${step.start ? 'now a start step' : step.end ? 'now an end step' : 'no longer a start or end step'}` });
    }
}

type PushStepChange = (change: Omit<Change, 'subject' | 'id' | 'customerVisible' | 'lane'> & { customerVisible?: boolean }) => void;

function diffWait(old: ModelStep, step: ModelStep, name: string, push: PushStepChange): void {
    if (!old.wait && step.wait) {
        push({ kind: 'wait-added', message: `Step ${name}: new wait point (${waitText(step)})`, after: waitText(step), customerVisible: true,
            risk: 'the customer now waits here' });
    } else if (old.wait && !step.wait) {
        push({ kind: 'wait-removed', message: `Step ${name}: wait point removed (was ${waitText(old)})`, before: waitText(old), customerVisible: true });
    } else if (old.wait && step.wait && waitText(old) !== waitText(step)) {
        const risk = longer(old.wait.expected, step.wait.expected) ? 'a longer expected wait'
            : longer(old.wait.tolerance, step.wait.tolerance) ? 'a looser wait tolerance' : undefined;
        push({ kind: 'wait-changed', message: `Step ${name}: wait ${waitText(old)} → ${waitText(step)}`, before: waitText(old), after: waitText(step),
            customerVisible: true, risk });
    }
}

function diffFailPoints(old: ModelStep, step: ModelStep, name: string, visible: boolean, push: PushStepChange): void {
    const oldByCause = new Map(old.failPoints.map(f => [f.cause, f]));
    const newByCause = new Map(step.failPoints.map(f => [f.cause, f]));
    for (const fail of step.failPoints) {
        const previous = oldByCause.get(fail.cause);
        if (!previous) {
            push({ kind: 'fail-point-added', message: `Step ${name}: fail point "${fail.cause}" added`, after: fail.cause,
                risk: fail.preventions.length + fail.recoveries.length === 0 ? 'a fail point without prevention or recovery' : undefined });
            continue;
        }
        if (previous.rate !== fail.rate) {
            const higher = previous.rate !== undefined && fail.rate !== undefined && fail.rate > previous.rate;
            push({ kind: 'failure-rate-changed', message: `Step ${name}: failure rate of "${fail.cause}" ${rateText(previous.rate)} → ${rateText(fail.rate)}`,
                before: rateText(previous.rate), after: rateText(fail.rate),
                risk: higher ? 'the failure happens more often' : previous.rate !== undefined && fail.rate === undefined ? 'the failure rate is no longer known' : undefined });
        }
        for (const recovery of (previous.recoveryDetails ?? [])) {
            const now = (fail.recoveryDetails ?? []).find(r => r.text === recovery.text);
            if (!now) continue;
            const lost = recovery.steps.filter(id => !now.steps.includes(id));
            if (lost.length > 0 || now.steps.some(id => !recovery.steps.includes(id))) {
                push({ kind: 'recovery-steps-changed', message: `Step ${name}: recovery "${recovery.text}" carried out by ${recovery.steps.join(' → ') || '(no steps named)'} → ${now.steps.join(' → ') || '(no steps named)'}`,
                    before: recovery.steps.join(', '), after: now.steps.join(', '),
                    risk: lost.length > 0 ? `the recovery no longer names ${lost.join(', ')}: its corrective sub-process lost a link` : undefined });
            }
        }
        for (const [what, list0, list1] of [['prevention', previous.preventions, fail.preventions], ['recovery', previous.recoveries, fail.recoveries]] as const) {
            for (const text of list1.filter(t => !list0.includes(t))) {
                push({ kind: 'remedy-added', message: `Step ${name}: ${what} "${text}" added for "${fail.cause}"`, after: text });
            }
            for (const text of list0.filter(t => !list1.includes(t))) {
                push({ kind: 'remedy-removed', message: `Step ${name}: ${what} "${text}" removed for "${fail.cause}"`, before: text,
                    risk: `a ${what} was removed${visible ? ' from a step the customer sees' : ''}` });
            }
        }
    }
    for (const fail of old.failPoints) {
        if (!newByCause.has(fail.cause)) {
            push({ kind: 'fail-point-removed', message: `Step ${name}: fail point "${fail.cause}" removed`, before: fail.cause,
                risk: fail.recoveries.length > 0 ? 'a recovery was removed together with its fail point' : undefined });
        }
    }
}

function diffFlows(before: BlueprintModel, after: BlueprintModel, mapping: Map<string, string>,
    beforeVisible: Set<string>, afterVisible: Set<string>, changes: Change[]): void {
    const afterSteps = new Map(after.steps.map(s => [s.id, s]));
    const beforeSteps = new Map(before.steps.map(s => [s.id, s]));
    const key = (from: string, to: string) => `${from}\u0000${to}`;
    const translated = new Map<string, ModelFlow>();
    for (const flow of before.flows) {
        translated.set(key(mapping.get(flow.from) ?? `removed:${flow.from}`, mapping.get(flow.to) ?? `removed:${flow.to}`), flow);
    }
    const current = new Map(after.flows.map(flow => [key(flow.from, flow.to), flow]));
    const flowVisible = (flow: ModelFlow, steps: Map<string, ModelStep>, lanes: Set<string>) =>
        [flow.from, flow.to].some(id => { const s = steps.get(id); return s ? isStepCustomerVisible(s, lanes) : false; });
    const existedBefore = new Set(mapping.values());
    for (const [k, flow] of current) {
        const old = translated.get(k);
        const visible = flowVisible(flow, afterSteps, afterVisible);
        if (!old) {
            // A flow to or from a new step is part of that step's change; between old steps it is a new interaction.
            const betweenExisting = existedBefore.has(flow.from) && existedBefore.has(flow.to);
            changes.push({ subject: 'flow', id: flow.id, kind: 'added', customerVisible: visible,
                message: `Added ${flow.kind} flow ${flow.from} ${ARROWS[flow.kind]} ${flow.to}${flow.label ? ` "${flow.label}"` : ''}`,
                risk: betweenExisting && flow.crosses.includes('interaction') ? 'a new interaction across the line of interaction' : undefined });
        } else {
            if (old.kind !== flow.kind) {
                changes.push({ subject: 'flow', id: flow.id, kind: 'kind-changed', customerVisible: visible,
                    message: `Flow ${flow.from} ${ARROWS[flow.kind]} ${flow.to}: ${old.kind} → ${flow.kind}`, before: old.kind, after: flow.kind });
            }
            // What a share means is the branch's chance: a weight reads against its decision's total, and a
            // branch whose weight stayed can still change its chance when another branch's weight changed
            // (weights scaled alike, or a weight written as the same percentage, change nothing).
            const chance0 = branchChance(before, old), chance1 = branchChance(after, flow);
            const share0 = chance0?.text, share1 = chance1?.text;
            const moved = chance0?.percent !== undefined && chance1?.percent !== undefined ? chance0.percent !== chance1.percent : share0 !== share1;
            if (moved) {
                changes.push({ subject: 'flow', id: flow.id, kind: 'share-changed', customerVisible: visible,
                    message: `Flow ${flow.from} ${ARROWS[flow.kind]} ${flow.to}: chance of the branch ${share0 ?? '(none)'} → ${share1 ?? '(none)'}`, before: share0, after: share1,
                    risk: 'the share of an alternative changed: the expected time and the most likely path move with it' });
            }
            const repeat0 = repeatText(old), repeat1 = repeatText(flow);
            if (repeat0 !== repeat1) {
                changes.push({ subject: 'flow', id: flow.id, kind: 'repeat-changed', customerVisible: visible,
                    message: `Rework loop ${flow.from} ${ARROWS[flow.kind]} ${flow.to}: repeats ${repeat0 ?? '(not given)'} → ${repeat1 ?? '(not given)'}`, before: repeat0, after: repeat1,
                    risk: moreRework(old, flow) ? 'the rework loop repeats more often' : undefined });
            }
        }
    }
    for (const [k, flow] of translated) {
        if (current.has(k)) continue;
        changes.push({ subject: 'flow', id: flow.id, kind: 'removed', customerVisible: flowVisible(flow, beforeSteps, beforeVisible),
            message: `Removed ${flow.kind} flow ${flow.from} ${ARROWS[flow.kind]} ${flow.to}${flow.label ? ` "${flow.label}"` : ''}`,
            risk: recoveryLink(beforeSteps, flow) ? 'the flow into a fail point\'s corrective sub-process was removed: the recovery cannot run'
                : flow.kind === 'escalation' || (flow.kind !== 'sequence' && flow.crosses.includes('interaction'))
                    ? 'a hand-back path to the customer may be gone' : undefined });
    }
}

/** An escalation whose second line led back to the customer, and no longer does. */
function diffEscalationReturns(before: BlueprintModel, after: BlueprintModel, mapping: Map<string, string>, changes: Change[]): void {
    const customerSteps = (model: BlueprintModel) => model.steps.filter(step => step.laneKind === 'customer').map(step => step.id);
    const returnedBefore = stepsReaching(buildFlowGraph(before), customerSteps(before));
    const returnsAfter = stepsReaching(buildFlowGraph(after), customerSteps(after));
    const backwards = new Map([...mapping].map(([from, to]) => [to, from]));
    for (const flow of after.flows) {
        if (flow.kind !== 'escalation') continue;
        const oldTarget = backwards.get(flow.to);
        if (oldTarget === undefined || !returnedBefore.has(oldTarget) || returnsAfter.has(flow.to)) continue;
        changes.push({ subject: 'flow', id: flow.id, kind: 'escalation-return-lost', customerVisible: true,
            message: `Escalation ${flow.from} ${ARROWS.escalation} ${flow.to} no longer leads back to the customer`,
            risk: 'the answer of the second line no longer returns to the customer' });
    }
}

/** A flow from a fail point's step into the steps of its recovery. */
function recoveryLink(steps: Map<string, ModelStep>, flow: ModelFlow): boolean {
    return steps.get(flow.from)?.failPoints.some(fail => (fail.recoveryDetails ?? []).some(r => r.steps.includes(flow.to))) ?? false;
}

const weightTotalsOf = new WeakMap<BlueprintModel, Map<string, number>>();

/** For each flow of an alternative decision, the sum of the weights of its decision's branches. */
function weightTotals(model: BlueprintModel): Map<string, number> {
    let totals = weightTotalsOf.get(model);
    if (totals) return totals;
    totals = new Map();
    const share = new Map(model.flows.map(flow => [flow.id, flow.share]));
    for (const decision of model.decisions) {
        if (decision.kind !== 'alternative') continue;
        const total = decision.flows.reduce((sum, id) => sum + (share.get(id)?.unit === 'weight' ? share.get(id)!.value : 0), 0);
        for (const id of decision.flows) if (!totals.has(id)) totals.set(id, total);
    }
    weightTotalsOf.set(model, totals);
    return totals;
}

/**
 * The chance of an alternative as its share says it: a percentage as written (`25 %`), a weight as
 * the chance it gives with its decision's total (`25 % (weight 1 of 4)`); `percent` is what a change compares.
 */
function branchChance(model: BlueprintModel, flow: ModelFlow): { readonly text: string; readonly percent?: number } | undefined {
    if (!flow.share) return undefined;
    if (flow.share.unit === '%') return { text: `${flow.share.value} %`, percent: flow.share.value };
    const total = weightTotals(model).get(flow.id) ?? flow.share.value;
    const chance = flow.probability ?? (total > 0 ? flow.share.value / total : undefined);
    const weight = `weight ${flow.share.value} of ${total}`;
    if (chance === undefined) return { text: weight };
    const percent = Math.round(chance * 1000) / 10;
    return { text: `${percent} % (${weight})`, percent };
}

function repeatText(flow: ModelFlow): string | undefined {
    if (!flow.repeat) return undefined;
    return 'times' in flow.repeat ? `${flow.repeat.times} times` : `${Math.round(flow.repeat.probability * 1000) / 10} %`;
}

function moreRework(old: ModelFlow, now: ModelFlow): boolean {
    const passes = (flow: ModelFlow) => !flow.repeat ? 0 : 'times' in flow.repeat ? flow.repeat.times : flow.repeat.probability / (1 - flow.repeat.probability);
    return passes(now) > passes(old);
}

function rateText(rate: number | undefined): string {
    return rate === undefined ? '(not given)' : `${Math.round(rate * 1000) / 10} %`;
}

function diffMetrics(before: BlueprintModel, after: BlueprintModel, mapping: Map<string, string>, afterVisible: Set<string>,
    changes: Change[]): void {
    const old = new Map(before.metrics.map(m => [m.id, m]));
    const now = new Map(after.metrics.map(m => [m.id, m]));
    const steps = new Map([...before.steps, ...after.steps].map(step => [step.id, step]));
    // A standard on a step the customer sees (an answer time, a wait) is a promise to the customer.
    const visibleMetric = (metric: ModelMetric) => metric.steps.some(id => {
        const step = steps.get(id);
        return step !== undefined && isStepCustomerVisible(step, afterVisible);
    });
    for (const metric of after.metrics) {
        const previous = old.get(metric.id);
        if (!previous) {
            changes.push({ subject: 'metric', id: metric.id, kind: 'added', customerVisible: visibleMetric(metric),
                message: `Added metric ${metric.id} "${metric.label}"${metric.target ? ` (target ${targetText(metric)})` : ''}`, after: targetText(metric) });
            continue;
        }
        if (previous.label !== metric.label) {
            changes.push({ subject: 'metric', id: metric.id, kind: 'relabelled', customerVisible: visibleMetric(metric),
                message: `Metric ${metric.id}: label "${previous.label}" → "${metric.label}"`, before: previous.label, after: metric.label });
        }
        const direction = targetDirection(previous, metric);
        if (direction) {
            changes.push({ subject: 'metric', id: metric.id, kind: direction, customerVisible: visibleMetric(metric),
                message: `Metric ${metric.id} "${metric.label}": target ${targetText(previous)} → ${targetText(metric)}${direction === 'target-tightened' ? ' (tightened)' : direction === 'target-loosened' ? ' (loosened)' : ''}`,
                before: targetText(previous), after: targetText(metric),
                risk: direction === 'target-loosened' ? 'a service standard was loosened' : undefined });
        }
        const steps0 = previous.steps.map(id => mapping.get(id) ?? id).join(', ');
        const steps1 = metric.steps.join(', ');
        if (steps0 !== steps1) {
            changes.push({ subject: 'metric', id: metric.id, kind: 'steps-changed', customerVisible: visibleMetric(metric),
                message: `Metric ${metric.id}: measured on ${steps0 || '(the whole process)'} → ${steps1 || '(the whole process)'}`, before: steps0, after: steps1 });
        }
    }
    for (const metric of before.metrics) {
        if (!now.has(metric.id)) {
            changes.push({ subject: 'metric', id: metric.id, kind: 'removed', customerVisible: visibleMetric(metric),
                message: `Removed metric ${metric.id} "${metric.label}"`, before: targetText(metric), risk: 'a service standard was dropped' });
        }
    }
}

/** Tightened/loosened when only the value moved under the same comparator and unit. */
function targetDirection(old: ModelMetric, now: ModelMetric): Change['kind'] | undefined {
    const a = old.target, b = now.target;
    if (targetText(old) === targetText(now)) return undefined;
    if (!a || !b || a.comparator !== b.comparator || a.unit !== b.unit || !a.comparator || a.comparator === '=') return 'target-changed';
    const higherIsStricter = a.comparator === '>=' || a.comparator === '>';
    const stricter = higherIsStricter ? b.value > a.value : b.value < a.value;
    return stricter ? 'target-tightened' : 'target-loosened';
}

function diffNamed<T extends { id: string }>(subject: SubjectType, before: readonly T[], after: readonly T[],
    text: (item: T) => string, visible: boolean, changes: Change[]): void {
    const old = new Map(before.map(item => [item.id, item]));
    const now = new Map(after.map(item => [item.id, item]));
    for (const item of after) {
        const previous = old.get(item.id);
        if (!previous) {
            changes.push({ subject, id: item.id, kind: 'added', customerVisible: visible, message: `Added ${subject} ${item.id} (${text(item)})`, after: text(item) });
        } else if (text(previous) !== text(item)) {
            changes.push({ subject, id: item.id, kind: 'attribute-changed', customerVisible: visible,
                message: `${capitalise(subject)} ${item.id}: ${text(previous)} → ${text(item)}`, before: text(previous), after: text(item) });
        }
    }
    for (const item of before) {
        if (!now.has(item.id)) {
            changes.push({ subject, id: item.id, kind: 'removed', customerVisible: visible, message: `Removed ${subject} ${item.id} (${text(item)})`, before: text(item) });
        }
    }
}

function diffImports(before: BlueprintModel, after: BlueprintModel, changes: Change[]): void {
    for (const path of after.imports.filter(p => !before.imports.includes(p))) {
        changes.push({ subject: 'import', id: path, kind: 'added', customerVisible: false, message: `Imports ${path}`, after: path });
    }
    for (const path of before.imports.filter(p => !after.imports.includes(p))) {
        changes.push({ subject: 'import', id: path, kind: 'removed', customerVisible: false, message: `No longer imports ${path}`, before: path });
    }
}

function summarise(changes: readonly Change[]): ChangeSet['summary'] {
    return {
        changes: changes.length,
        added: changes.filter(c => c.kind === 'added').length,
        removed: changes.filter(c => c.kind === 'removed').length,
        changed: changes.filter(c => c.kind !== 'added' && c.kind !== 'removed').length,
        customerVisible: changes.filter(c => c.customerVisible).length,
        risks: changes.filter(c => c.risk).length
    };
}

function describe(step: ModelStep): string {
    return `${step.id} "${step.label}"`;
}

function timeText(span: TimeSpan | undefined): string | undefined {
    return span ? formatTimeSpan(span) : undefined;
}

function waitText(step: ModelStep): string {
    const wait = step.wait;
    if (!wait) return 'none';
    const expected = wait.expected ? formatTimeSpan(wait.expected) : 'unknown time';
    return wait.tolerance ? `${expected}, tolerance ${formatTimeSpan(wait.tolerance)}` : expected;
}

function longer(a: TimeSpan | undefined, b: TimeSpan | undefined): boolean {
    return a?.seconds !== undefined && b?.seconds !== undefined && b.seconds > a.seconds;
}

function targetText(metric: ModelMetric): string {
    const t = metric.target;
    if (!t) return 'none';
    return `${t.comparator ?? ''} ${t.value}${t.unit ? (t.unit === '%' ? ' %' : ` ${t.unit}`) : ''}`.trim();
}

function capitalise(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

