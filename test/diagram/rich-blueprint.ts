/**
 * Generated blueprints that exercise the router: episodes of six steps over the four lanes with
 * branches, loops, two-way flows, hand-offs, escalations, flows that skip columns and episodes,
 * evidence on steps that share a column (one or two cards each), long flow labels and CJK text.
 * Deterministic for a seed; every generated blueprint is valid (no errors, warnings allowed).
 */

/** mulberry32: a small seeded generator, so a failing case can be reproduced. */
function random(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const STEP_LABELS = [
    'Ask for help', 'Check the customer record and the open requests', '核对客户身份与账户信息', 'Update the core system',
    '고객 정보를 확인하고 상담을 진행합니다', 'Explain the result', 'Sign the papers and leave with a copy', '打印凭条'
];
const FLOW_LABELS = [
    'ok', 'Platinum caller', 'Press 0 for an agent at any point in the menu', '转人工', '재시도', 'Beyond delegated authority (about 5 % of calls)',
    'documents complete', '资料不全，需要补充材料后重新提交'
];

export function generateRichBlueprint(steps: number, seed = 1): string {
    const next = random(seed);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
    const chance = (p: number) => next() < p;
    const episodes = Math.max(1, Math.round(steps / 6));
    const stages = Math.max(1, Math.ceil(episodes / 4));
    const lines = [`blueprint Rich${steps}s${seed} "Generated routing case: ${episodes * 6} steps" {`];
    for (let s = 0; s < stages; s++) lines.push(`    stage S${s} "Stage ${s + 1}"`);
    lines.push('    actor Clerk "Clerk"', '    system Core "Core system"');
    const flows: string[] = [];
    const label = () => (chance(0.45) ? ` "${pick(FLOW_LABELS)}"` : '');
    for (let e = 0; e < episodes; e++) {
        const p = `e${e}`;
        const stage = `S${Math.floor(e / 4)}`;
        const evidence = (probability: number) => {
            const cards: string[] = [];
            if (chance(probability)) cards.push(`evidence "${pick(STEP_LABELS)} card"`);
            if (chance(probability / 3)) cards.push(`evidence "${pick(STEP_LABELS)} receipt"`);
            return cards;
        };
        const body = (extra: string[]) => (extra.length > 0 ? ` { ${extra.join(' ')} }` : '');
        lines.push(
            `    customer ${p}c "${pick(STEP_LABELS)}" in ${stage} via branch${body([...(e === 0 ? ['start'] : []), ...evidence(0.8)])}`,
            `    frontstage ${p}f "${pick(STEP_LABELS)}" in ${stage} by Clerk${body(evidence(0.5))}`,
            `    backstage ${p}b "${pick(STEP_LABELS)}" in ${stage} by Clerk`,
            `    support ${p}s "${pick(STEP_LABELS)}" in ${stage} by Core`,
            `    frontstage ${p}g "${pick(STEP_LABELS)}" in ${stage} by Clerk${body(evidence(0.4))}`,
            `    customer ${p}d "${pick(STEP_LABELS)}" in ${stage}${body([...(e === episodes - 1 ? ['end'] : []), ...evidence(0.7)])}`
        );
        flows.push(`    flow ${p}c -> ${p}f${label()}`);
        // A decision with shares (a branch past the back office), parallel work that joins, or a plain step on.
        const branching = next();
        if (branching < 0.35) flows.push(`    decision ${p}f "${pick(STEP_LABELS)}?" {`, `        -> ${p}b 80 %${label()}`, `        -> ${p}g 20 %${label()}`, '    }');
        else if (branching < 0.55) flows.push(`    parallel ${p}f {`, `        -> ${p}b${label()}`, `        -> ${p}g${label()}`, `    } join ${p}g`);
        else flows.push(`    flow ${p}f -> ${p}b${label()}`);
        flows.push(
            `    flow ${p}b ~> ${p}s${label()}`,
            `    flow ${p}s -> ${p}g${label()}`,
            `    flow ${p}g -> ${p}d${label()}`
        );
        if (chance(0.4)) flows.push(`    flow ${p}c <-> ${p}g${label()}`); // a conversation
        if (chance(0.3)) flows.push(`    flow ${p}g => ${p}b${label()} loop`); // an escalation back
        if (chance(0.35)) flows.push(`    flow ${p}d -> ${p}c${label()} loop`); // the customer tries again
        if (chance(0.15)) flows.push(`    flow ${p}s -> ${p}s "poll" loop`);
        if (e + 1 < episodes) flows.push(`    flow ${p}d -> e${e + 1}c${label()}`);
        if (e + 2 < episodes && chance(0.3)) flows.push(`    flow ${p}b ~> e${e + 2}b${label()}`); // skips an episode
        if (e >= 2 && chance(0.2)) flows.push(`    flow ${p}g -> e${e - 2}f${label()} loop`); // back over episodes
    }
    lines.push(...flows, '}', '');
    return lines.join('\n');
}
