/**
 * Matches the steps of two versions: first by id, then the remaining ones by similarity of label,
 * lane and neighbours, so that renaming a step's id reads as a rename, not as remove + add.
 */
import type { BlueprintModel, ModelStep } from '@blueprint/model';

/** Minimum similarity for two unmatched steps to count as the same step renamed. */
const RENAME_THRESHOLD = 0.55;

export function matchSteps(before: BlueprintModel, after: BlueprintModel): Map<string, string> {
    const mapping = new Map<string, string>();
    const afterIds = new Set(after.steps.map(step => step.id));
    for (const step of before.steps) {
        if (afterIds.has(step.id)) mapping.set(step.id, step.id);
    }
    const unmatchedBefore = before.steps.filter(step => !mapping.has(step.id));
    const matchedAfter = new Set(mapping.values());
    const unmatchedAfter = after.steps.filter(step => !matchedAfter.has(step.id));
    if (unmatchedBefore.length === 0 || unmatchedAfter.length === 0) return mapping;

    const neighboursBefore = neighbourLabels(before);
    const neighboursAfter = neighbourLabels(after);
    const candidates: Array<{ from: ModelStep; to: ModelStep; score: number }> = [];
    for (const from of unmatchedBefore) {
        for (const to of unmatchedAfter) {
            const label = similarity(from.label, to.label);
            const lane = from.lane === to.lane ? 1 : 0;
            const neighbours = jaccard(neighboursBefore.get(from.id), neighboursAfter.get(to.id));
            const score = 0.6 * label + 0.2 * lane + 0.2 * neighbours;
            if (score >= RENAME_THRESHOLD) candidates.push({ from, to, score });
        }
    }
    // Greedy by score, ties broken by document order so the result is deterministic.
    candidates.sort((a, b) => b.score - a.score || before.steps.indexOf(a.from) - before.steps.indexOf(b.from));
    const used = new Set<string>();
    for (const { from, to } of candidates) {
        if (mapping.has(from.id) || used.has(to.id)) continue;
        mapping.set(from.id, to.id);
        used.add(to.id);
    }
    return mapping;
}

function neighbourLabels(model: BlueprintModel): Map<string, Set<string>> {
    const labels = new Map(model.steps.map(step => [step.id, step.label.toLowerCase()]));
    const result = new Map<string, Set<string>>(model.steps.map(step => [step.id, new Set<string>()]));
    for (const flow of model.flows) {
        result.get(flow.from)?.add(labels.get(flow.to) ?? flow.to);
        result.get(flow.to)?.add(labels.get(flow.from) ?? flow.from);
    }
    return result;
}

function jaccard(a: Set<string> | undefined, b: Set<string> | undefined): number {
    if (!a || !b || (a.size === 0 && b.size === 0)) return 0;
    let common = 0;
    for (const item of a) if (b.has(item)) common++;
    return common / (a.size + b.size - common);
}

/** Dice coefficient on character bigrams; works for CJK labels too (no word splitting needed). */
export function similarity(a: string, b: string): number {
    const x = a.toLowerCase().replace(/\s+/g, ' ').trim();
    const y = b.toLowerCase().replace(/\s+/g, ' ').trim();
    if (x === y) return 1;
    if (x.length < 2 || y.length < 2) return 0;
    const bigrams = new Map<string, number>();
    for (let i = 0; i < x.length - 1; i++) {
        const gram = x.slice(i, i + 2);
        bigrams.set(gram, (bigrams.get(gram) ?? 0) + 1);
    }
    let overlap = 0;
    for (let i = 0; i < y.length - 1; i++) {
        const gram = y.slice(i, i + 2);
        const count = bigrams.get(gram) ?? 0;
        if (count > 0) {
            bigrams.set(gram, count - 1);
            overlap++;
        }
    }
    return (2 * overlap) / (x.length - 1 + y.length - 1);
}
