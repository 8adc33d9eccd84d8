/**
 * Which diagram steps the text cursor is on. Pure (no `vscode` import) so it is unit-tested without
 * VS Code; positions are zero-based line/character as in LSP and in `LaidOutStep.range`.
 */
import type { BlueprintLayout, LaidOutStep } from '@blueprint/diagram';

export interface TextPosition {
    readonly line: number;
    readonly character: number;
}

type StepRange = NonNullable<LaidOutStep['range']>;

/** True when `position` lies within `range` (both ends inclusive, so the cursor just after `}` counts). */
export function rangeContains(range: StepRange, position: TextPosition): boolean {
    return compare(range.start, position) <= 0 && compare(position, range.end) <= 0;
}

/**
 * The ids of the steps to highlight for a cursor position: the innermost step whose range contains
 * the cursor, or else (the cursor in the indentation before a step or after its `}`) the step written
 * on the cursor's line; none between steps. Steps do not nest today, but evidence boxes declared
 * inside a step's lines would, hence "innermost".
 */
export function stepsAtPosition(layout: BlueprintLayout | undefined, position: TextPosition): string[] {
    const steps = (layout?.steps ?? []).filter((step): step is LaidOutStep & { range: StepRange } => step.range !== undefined);
    const onLine = steps.filter(step => step.range.start.line <= position.line && position.line <= step.range.end.line);
    const containing = onLine.filter(step => rangeContains(step.range, position));
    const best = innermost(containing.length > 0 ? containing : onLine);
    return best ? [best.id] : [];
}

function innermost<T extends { range: StepRange }>(steps: T[]): T | undefined {
    let best: T | undefined;
    for (const step of steps) {
        if (!best || isWithin(step.range, best.range)) {
            best = step;
        }
    }
    return best;
}

/** The step with this id, for reveal-in-editor. */
export function findStep(layout: BlueprintLayout | undefined, id: string): LaidOutStep | undefined {
    return layout?.steps.find(step => step.id === id);
}

function isWithin(inner: StepRange, outer: StepRange): boolean {
    return compare(outer.start, inner.start) <= 0 && compare(inner.end, outer.end) <= 0;
}

function compare(a: TextPosition, b: TextPosition): number {
    return a.line !== b.line ? a.line - b.line : a.character - b.character;
}
