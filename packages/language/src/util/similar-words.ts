/**
 * "Did you mean": the candidates closest to a misspelt word by edit distance (optimal string
 * alignment, so a swapped pair of letters costs one edit: `vai` → `via`).
 */

/** Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
    const s = [...a];
    const t = [...b];
    const rows: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...Array<number>(t.length).fill(0)]);
    for (let j = 1; j <= t.length; j++) rows[0][j] = j;
    for (let i = 1; i <= s.length; i++) {
        for (let j = 1; j <= t.length; j++) {
            const cost = s[i - 1] === t[j - 1] ? 0 : 1;
            let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, rows[i - 2][j - 2] + 1);
            rows[i][j] = best;
        }
    }
    return rows[s.length][t.length];
}

/**
 * Candidates within reach of `word`, closest first: at most one edit for short words, about one
 * per three letters for longer ones. Case differences count as half an edit, so `Branch` finds
 * `branch` first.
 */
export function similarWords(word: string, candidates: Iterable<string>, limit = 3): string[] {
    const length = [...word].length;
    const reach = Math.max(1, Math.floor(length / 3));
    const scored: Array<{ candidate: string; score: number }> = [];
    for (const candidate of new Set(candidates)) {
        if (candidate === word) continue;
        const folded = editDistance(word.toLowerCase(), candidate.toLowerCase());
        if (folded > reach) continue;
        const exact = editDistance(word, candidate);
        scored.push({ candidate, score: folded + (exact - folded) / 2 });
    }
    return scored.sort((x, y) => x.score - y.score || x.candidate.localeCompare(y.candidate))
        .slice(0, limit).map(entry => entry.candidate);
}
