/**
 * Which flows draw a fail point's corrective sub-process (Shostack's shoeshiner removes the wrong
 * polish and polishes again): the flows into the steps its recovery names (`recovery "…" by Strip,
 * Repolish`), between them and out of them. The diagram draws them apart from the main flow, with
 * the fail point's number, so a reader of any output sees the fail point → remedy pair.
 *
 * A named step counts only when the recovery is the only way into it: every flow into it comes
 * from the fail step or from the recovery's other steps. A step the main flow also reaches (a
 * recovery "by" the next step of the process) stays a step of the main flow, and so do its flows.
 */
import type { BlueprintModel } from '@blueprint/model';

export interface RecoveryStep {
    /** The step whose fail point this step corrects. */
    readonly failStep: string;
    /** The fail point's number as drawn (`F1`). */
    readonly ref: string;
}

export interface RecoveryFlows {
    /** Flow id → the numbers of the fail points whose corrective sub-process it draws (`F1`, `F1, F3`). */
    readonly flows: ReadonlyMap<string, string>;
    /** The flows from a fail step into its recovery's first steps (where the number is written on the line). */
    readonly entries: ReadonlySet<string>;
    /** Each recovery step, with the fail point it belongs to (the first one, when two share it). */
    readonly steps: ReadonlyMap<string, RecoveryStep>;
}

export const NO_RECOVERY_FLOWS: RecoveryFlows = { flows: new Map(), entries: new Set(), steps: new Map() };

/** Whether one of the step's fail points has a recovery carried out by named steps. */
export function namesRecoverySteps(step: BlueprintModel['steps'][number]): boolean {
    return (step.failPoints ?? []).some(fail => (fail?.recoveryDetails ?? []).some(remedy => (remedy?.steps ?? []).length > 0));
}

/**
 * @param refs each drawn step's fail point numbers, in the order of its fail points (`F1`…); a
 *     step not in it is not drawn, and neither are flows from or to it.
 */
export function recoveryFlows(model: Pick<BlueprintModel, 'steps' | 'flows'>, refs: ReadonlyMap<string, readonly string[]>): RecoveryFlows {
    // Partial ASTs can leave lists out; nothing to draw then.
    const recoveries: Array<{ failStep: string; ref: string; steps: Set<string> }> = [];
    const seen = new Set<string>();
    for (const step of model.steps) {
        if (seen.has(step.id)) continue;
        seen.add(step.id);
        const numbers = refs.get(step.id);
        if (numbers === undefined) continue;
        (step.failPoints ?? []).forEach((fail, index) => {
            const named = new Set<string>();
            for (const remedy of fail?.recoveryDetails ?? []) {
                for (const id of remedy?.steps ?? []) if (id && id !== step.id && refs.has(id)) named.add(id);
            }
            if (named.size > 0 && numbers[index] !== undefined) recoveries.push({ failStep: step.id, ref: numbers[index], steps: named });
        });
    }
    if (recoveries.length === 0) return NO_RECOVERY_FLOWS;

    const drawn = (model.flows ?? []).filter(flow => refs.has(flow.from) && refs.has(flow.to));
    const into = new Map<string, string[]>();
    for (const flow of drawn) into.set(flow.to, [...(into.get(flow.to) ?? []), flow.from]);

    const flows = new Map<string, string[]>();
    const entries = new Set<string>();
    const steps = new Map<string, RecoveryStep>();
    for (const recovery of recoveries) {
        // Drop the named steps something else leads into, until none is left to drop (one dropped may feed another).
        const members = recovery.steps;
        for (let changed = true; changed;) {
            changed = false;
            for (const id of members) {
                if ((into.get(id) ?? []).every(from => from === recovery.failStep || members.has(from))) continue;
                members.delete(id);
                changed = true;
            }
        }
        if (members.size === 0) continue;
        for (const id of members) if (!steps.has(id)) steps.set(id, { failStep: recovery.failStep, ref: recovery.ref });
        for (const flow of drawn) {
            const entry = flow.from === recovery.failStep && members.has(flow.to);
            if (!entry && !members.has(flow.from)) continue;
            const list = flows.get(flow.id) ?? [];
            if (!list.includes(recovery.ref)) list.push(recovery.ref);
            flows.set(flow.id, list);
            if (entry) entries.add(flow.id);
        }
    }
    return { flows: new Map([...flows].map(([id, list]) => [id, list.join(', ')])), entries, steps };
}

/**
 * The recovery steps that go on a second row of their lane: those in the fail step's lane whose
 * column lies between the fail step's and that of a step the main flow goes to next in the same
 * lane. On one row the main flow would have to climb over them and the recovery would read as the
 * process; below it, the main flow runs straight past and the recovery is a visible loop under it.
 * A cell holding any other box keeps its stack as it was.
 */
export function stepsOffMainRow(recovery: RecoveryFlows, flows: readonly { readonly id: string; readonly from: string; readonly to: string; readonly loop: boolean; readonly kind: string }[],
    laneOf: ReadonlyMap<string, string>, column: ReadonlyMap<string, number>): Set<string> {
    const off = new Set<string>();
    if (recovery.steps.size === 0) return off;
    const nextInLane = new Map<string, number[]>();
    for (const flow of flows) {
        if (flow.loop || flow.kind === 'evidence' || recovery.flows.has(flow.id) || laneOf.get(flow.from) !== laneOf.get(flow.to)) continue;
        const to = column.get(flow.to);
        if (to !== undefined) nextInLane.set(flow.from, [...(nextInLane.get(flow.from) ?? []), to]);
    }
    for (const [id, { failStep }] of recovery.steps) {
        const at = column.get(id);
        const from = column.get(failStep);
        if (at === undefined || from === undefined || laneOf.get(id) !== laneOf.get(failStep)) continue;
        if ((nextInLane.get(failStep) ?? []).some(to => from < at && at < to)) off.add(id);
    }
    return off;
}

/** How far down a lane's cell starts: below the lane's main row when every box in it is off that row. */
export function secondRowOffset(cells: Iterable<readonly { readonly id: string; readonly height: number }[]>, off: ReadonlySet<string>,
    rowGap: number): (cell: readonly { readonly id: string }[]) => number {
    const below = (cell: readonly { readonly id: string }[]) => cell.length > 0 && cell.every(box => off.has(box.id));
    let mainRow = 0;
    for (const cell of cells) {
        if (below(cell)) continue;
        mainRow = Math.max(mainRow, cell.reduce((sum, box, index) => sum + box.height + (index > 0 ? rowGap : 0), 0));
    }
    return cell => mainRow > 0 && below(cell) ? mainRow + rowGap : 0;
}
