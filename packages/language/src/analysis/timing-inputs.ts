/**
 * Whether two models give the same time analysis without running it: the models are compared in
 * place except for what `analyseTime` never reads, the texts and references it does not use (the
 * steps' labels, source ranges, evidence, notes, actors and channels; the blueprint's title,
 * stages, evidence items, metrics...). Typing into a label changes only such fields, so the
 * analysis of the version before answers for it: the comparison costs a fraction of the analysis
 * of 1,000 steps and allocates nothing. (test/analysis/time-reuse.test.ts changes each skipped
 * field of every example and checks the analysis stays the same.)
 */
import { sameData, type BlueprintModel, type ModelStep } from '@blueprint/model';

/** Fields of a step the time analysis never reads. */
const UNREAD_STEP_FIELDS: ReadonlySet<string> = new Set(['label', 'range', 'evidence', 'notes', 'policies', 'moment', 'emotion', 'actor', 'channel']);
/** Fields of the blueprint the time analysis never reads (it reads the steps, flows, decisions, lanes, lines and tolerance). */
const UNREAD_MODEL_FIELDS: ReadonlySet<string> = new Set([
    'id', 'title', 'description', 'language', 'policies', 'stages', 'actors', 'channels', 'personas', 'evidence', 'metrics', 'imports'
]);

export function sameTimingInputs(a: BlueprintModel, b: BlueprintModel): boolean {
    if (a === b) return true;
    let fields = 0;
    for (const key in a) {
        fields++;
        if (!(key in b)) return false;
        if (UNREAD_MODEL_FIELDS.has(key)) continue;
        const left = (a as unknown as Record<string, unknown>)[key];
        const right = (b as unknown as Record<string, unknown>)[key];
        if (key === 'steps' ? !sameSteps(a.steps, b.steps) : !sameData(left, right, 'exact')) return false;
    }
    for (const _key in b) fields--;
    return fields === 0;
}

function sameSteps(a: readonly ModelStep[], b: readonly ModelStep[]): boolean {
    if (!Array.isArray(a) || !Array.isArray(b)) return sameData(a, b, 'exact');
    if (a.length !== b.length) return false;
    for (let index = 0; index < a.length; index++) {
        if (!sameStep(a[index], b[index])) return false;
    }
    return true;
}

function sameStep(a: ModelStep, b: ModelStep): boolean {
    if (a === b) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return sameData(a, b, 'exact');
    let fields = 0;
    for (const key in a) {
        fields++;
        if (!(key in b)) return false;
        if (UNREAD_STEP_FIELDS.has(key)) continue;
        if (!sameData((a as unknown as Record<string, unknown>)[key], (b as unknown as Record<string, unknown>)[key], 'exact')) return false;
    }
    for (const _key in b) fields--;
    return fields === 0;
}
