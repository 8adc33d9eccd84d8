/**
 * Layering without recursion, for flow graphs too large for elkjs (its layered algorithm recurses
 * along paths and overflows the stack from about 6,000 steps in a chain). Iterative throughout:
 * an explicit-stack depth-first search in model order drops the flows that close a cycle, a
 * topological pass gives every step its longest-path layer, and steps with no incoming flow move
 * right to just before their first successor, as ELK's network simplex would place them.
 */

/** Layer index of each step; `steps` in model (or previous-layout) order, edges between known steps. */
export function rankByLongestPath(steps: readonly { readonly id: string }[],
    edges: readonly { readonly from: string; readonly to: string }[]): Map<string, number> {
    const count = steps.length;
    const index = new Map(steps.map((step, i) => [step.id, i]));
    const outgoing: number[][] = Array.from({ length: count }, () => []);
    for (const edge of edges) {
        const from = index.get(edge.from);
        const to = index.get(edge.to);
        if (from === undefined || to === undefined || from === to) continue;
        outgoing[from].push(to);
    }

    // 1. Cycle breaking: an edge to a step still on the search stack closes a cycle and is ignored.
    const state = new Uint8Array(count); // 0 unseen, 1 on the stack, 2 done
    const kept: number[][] = Array.from({ length: count }, () => []);
    const stack: number[] = [];
    const cursor = new Int32Array(count);
    for (let root = 0; root < count; root++) {
        if (state[root] !== 0) continue;
        stack.push(root);
        state[root] = 1;
        while (stack.length > 0) {
            const node = stack[stack.length - 1];
            const next = outgoing[node];
            if (cursor[node] < next.length) {
                const target = next[cursor[node]++];
                if (state[target] === 1) continue; // back edge
                kept[node].push(target);
                if (state[target] === 0) {
                    state[target] = 1;
                    stack.push(target);
                }
            } else {
                state[node] = 2;
                stack.pop();
            }
        }
    }

    // 2. Longest path from the sources, in topological order (Kahn).
    const indegree = new Int32Array(count);
    for (const targets of kept) for (const target of targets) indegree[target]++;
    const order: number[] = [];
    for (let i = 0; i < count; i++) if (indegree[i] === 0) order.push(i);
    const rank = new Int32Array(count);
    for (let head = 0; head < order.length; head++) {
        const node = order[head];
        for (const target of kept[node]) {
            rank[target] = Math.max(rank[target], rank[node] + 1);
            if (--indegree[target] === 0) order.push(target);
        }
    }

    // 3. A step nothing flows into sits just before its nearest successor rather than in the first layer.
    const hasIncoming = new Uint8Array(count);
    for (const targets of kept) for (const target of targets) hasIncoming[target] = 1;
    for (let i = 0; i < count; i++) {
        if (hasIncoming[i] || kept[i].length === 0) continue;
        let nearest = Infinity;
        for (const target of kept[i]) nearest = Math.min(nearest, rank[target]);
        rank[i] = Math.max(rank[i], nearest - 1);
    }

    // Layers numbered densely from 0, as ELK's are.
    const used = [...new Set(rank)].sort((a, b) => a - b);
    const dense = new Map(used.map((value, i) => [value, i]));
    return new Map(steps.map((step, i) => [step.id, dense.get(rank[i])!]));
}
