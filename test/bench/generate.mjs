/**
 * Realistic generated blueprints for the benchmarks: episodes of ten steps across all four lanes,
 * with evidence, waits with tolerances, fail points with recoveries, a two-way conversation, a
 * hand-off to support and an escalation that returns to the customer; metrics; no diagnostics.
 */

/**
 * The steps and flows of one episode; `p` prefixes ids, `stage` names the stage. With `branching`,
 * the records check is a 90/10 decision and handing over the papers a rework loop at 5 %.
 */
function episode(p, stage, first, last, next, branching = false) {
    const steps = [
        `    customer ${p}c0 "Customer arrives with request ${p}" in ${stage} via branch { evidence "Ticket ${p}"${first ? ' start' : ''} }`,
        `    frontstage ${p}f1 "Greet and take the request ${p}" in ${stage} by Clerk via branch`,
        `    backstage ${p}b2 "Check the records for ${p}" in ${stage} by Clerk { duration 2 min tolerance 5 min }`,
        `    support ${p}s3 "Core system updates ${p}" in ${stage} by Core { duration 5 s }`,
        `    frontstage ${p}f4 "Explain the result of ${p}" in ${stage} by Clerk`,
        `    customer ${p}c5 "Customer waits for the papers ${p}" in ${stage} { evidence "Seat ${p}" wait 2 min tolerance 5 min }`,
        `    frontstage ${p}f6 "Hand over the papers ${p}" in ${stage} by Clerk { fail "Papers incomplete ${p}" recovery "Print again at once" }`,
        `    backstage ${p}b7 "Specialist reviews ${p}" in ${stage} by Specialist { duration 10 min }`,
        `    frontstage ${p}f8 "Specialist confirms ${p}" in ${stage} by Specialist`,
        `    customer ${p}c9 "Customer signs and leaves ${p}" in ${stage} { evidence "Receipt ${p}" moment${last ? ' end' : ''} }`
    ];
    const flows = [
        ...(branching ? [
            `    flow ${p}c0 -> ${p}f1 -> ${p}b2`,
            `    decision ${p}b2 "Records complete for ${p}?" { ~> ${p}s3 90 %, -> ${p}f8 10 % "Records missing" }`,
            `    flow ${p}s3 -> ${p}f4 -> ${p}c5 -> ${p}f6 => ${p}b7 -> ${p}f8 -> ${p}c9`,
            `    flow ${p}f6 -> ${p}f4 "Papers incomplete" loop 5 %`
        ] : [`    flow ${p}c0 -> ${p}f1 -> ${p}b2 ~> ${p}s3 -> ${p}f4 -> ${p}c5 -> ${p}f6 => ${p}b7 -> ${p}f8 -> ${p}c9`]),
        `    flow ${p}f4 <-> ${p}c5`,
        ...(next ? [`    flow ${p}c9 -> ${next}c0`] : []),
        `    metric ${p}m "Papers right first time ${p}" on ${p}f6 target >= 95 %`
    ];
    return { steps, flows };
}

const SHARED_DECLARATIONS = ['actor Clerk "Clerk"', 'actor Specialist "Specialist"', 'system Core "Core system"'];

/** One blueprint of `count` steps (a multiple of ten) in one file. */
export function generateBlueprint(count, name = `Generated${count}`, { shared = false, branching = false } = {}) {
    const episodes = Math.max(1, Math.round(count / 10));
    const stages = Math.max(1, Math.ceil(episodes / 10));
    const lines = [];
    if (shared) lines.push('import "shared.blueprint"', '');
    lines.push(`blueprint ${name} "Generated blueprint with ${episodes * 10} steps" {`);
    if (!shared) {
        for (const declaration of SHARED_DECLARATIONS) lines.push(`    ${declaration}`);
        for (let s = 0; s < stages; s++) lines.push(`    stage S${s} "Stage ${s + 1}"`);
    }
    const flows = [];
    for (let e = 0; e < episodes; e++) {
        const stage = shared ? `S${e % 5}` : `S${Math.floor(e / 10)}`;
        const part = episode(`e${e}`, stage, e === 0, e === episodes - 1, e + 1 < episodes ? `e${e + 1}` : undefined, branching);
        lines.push(...part.steps);
        flows.push(...part.flows);
    }
    lines.push(...flows, '}', '');
    return lines.join('\n');
}

/** The file the multi-file corpus imports: actors, systems and five stages. */
export function generateSharedFile() {
    return [...SHARED_DECLARATIONS, ...[0, 1, 2, 3, 4].map(s => `stage S${s} "Stage ${s + 1}"`), ''].join('\n');
}
