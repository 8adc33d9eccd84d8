/**
 * Shostack's time question applied to a blueprint, per customer segment:
 * - the **expected** total: alternatives weighted by their shares, fail points' corrective
 *   sub-processes by their failure rate, rework loops by how often they repeat; parallel work
 *   counts its longest branch;
 * - the **most likely** path: the start-to-end path with the highest chance;
 * - the **worst case**: the longest path (the critical path), every branch and recovery allowed;
 * - each **exception path** (a less likely alternative, a recovery) with its own time and chance.
 * Every figure is split into customer waiting, customer-visible and backstage time. Missing times
 * are reported as unknown (the figures are then lower bounds), never counted as zero.
 *
 * Linear in the size of the flow graph: one iterative depth-first pass breaks loops and orders the
 * steps, then dynamic programmes over that order; no path is enumerated and nothing recurses.
 */
import type { BlueprintModel, ModelFailPoint, ModelFlow, ModelStep } from '../blueprint-model.js';
import { isStepCustomerVisible, visibleLaneIds } from '../visibility.js';

export interface TimeFigures {
    /** Sum of the known times, in seconds. */
    readonly totalSeconds: number;
    readonly waitSeconds: number;
    readonly visibleSeconds: number;
    readonly backstageSeconds: number;
    /** Steps counted with no duration and no expected wait: the totals are lower bounds. */
    readonly unknownSteps: readonly string[];
}

export interface ProcessPath extends TimeFigures {
    /** The path's steps in order; where it takes several branches at once, the one that decides the time. */
    readonly steps: readonly string[];
    /** Where the journey does work at the same time (an alternative beside parallel work, or parallel work). */
    readonly parallel?: readonly ParallelWork[];
    /** The chance a customer's journey follows this path (0..1), from the shares and failure rates. */
    readonly probability?: number;
}

/**
 * Branches a journey takes together from one step, each with its steps up to `join`, where they meet
 * the path again (none when they run to their ends). One branch is the path's own; the figures
 * count the longest.
 */
export interface ParallelWork {
    readonly at: string;
    readonly branches: ReadonlyArray<readonly string[]>;
    readonly join?: string;
}

/** A path that leaves the most likely route: a less likely alternative, or a fail point's recovery. */
export interface ExceptionPath extends ProcessPath {
    readonly kind: 'alternative' | 'recovery';
    /** The branch that makes it an exception: from the decision (or fail point) step to the branch's first step. */
    readonly from: string;
    readonly to: string;
    /** The chance of that branch once its step is reached; undefined for a recovery without a rate. */
    readonly share?: number;
    /** The branch's label, or the fail point's cause. */
    readonly label?: string;
}

export interface WaitCheck {
    readonly step: string;
    readonly expectedSeconds?: number;
    readonly toleranceSeconds?: number;
    /** True when the expected wait exceeds the tolerance; undefined when either is unknown. */
    readonly exceeded?: boolean;
}

/** A rework loop with a repeat probability or count, and what it adds to its last step. */
export interface ReworkLoop {
    readonly from: string;
    readonly to: string;
    /** Expected extra passes through the loop body: p / (1 − p) for a probability, n for `n times`. */
    readonly expectedRepeats: number;
    /** Extra passes in the worst case: n for `n times`, one for a probability. */
    readonly worstRepeats: number;
    /** Expected time of one pass through the body (from the loop's target to its source). */
    readonly bodySeconds: number;
}

export interface TimeAnalysis {
    /** The segment the figures are for; undefined for the base path (steps for every customer). */
    readonly segment?: string;
    readonly starts: readonly string[];
    /** The expected total, weighted by shares, failure rates and repeats. */
    readonly expected?: TimeFigures;
    /** The single most likely journey (going round no rework loop), with its chance. */
    readonly mostLikelyPath?: ProcessPath;
    /** The worst case: the longest path from a start to an end, with worst-case rework. */
    readonly criticalPath?: ProcessPath;
    readonly exceptionPaths: readonly ExceptionPath[];
    /** True when there were more exception paths than listed. */
    readonly exceptionPathsTruncated: boolean;
    /** Flows left out of the sums because they close a loop without a repeat probability or count. */
    readonly loops: ReadonlyArray<{ readonly from: string; readonly to: string }>;
    readonly rework: readonly ReworkLoop[];
    /** Steps whose several outgoing flows carry no shares: counted as parallel work (their longest branch). */
    readonly undeclaredBranches: readonly string[];
    /** Fail points with a recovery branch but no `rate`: left out of the expected time. */
    readonly unratedRecoveries: ReadonlyArray<{ readonly step: string; readonly cause: string }>;
    readonly toleranceSeconds?: number;
    /** The worst case's known total is above the blueprint's tolerance; undefined when there is none. */
    readonly toleranceExceeded?: boolean;
    /** The expected total is above the blueprint's tolerance; undefined when there is none. */
    readonly expectedExceedsTolerance?: boolean;
    readonly waits: readonly WaitCheck[];
}

const NONE: readonly number[] = [];
const NO_PASSES: readonly ReworkPasses[] = [];

// A review reads a handful; more are counted as truncated rather than built (each is a whole journey).
const MAX_EXCEPTION_PATHS = 20;

export function stepSeconds(step: ModelStep): number | undefined {
    const duration = step.duration?.seconds;
    const wait = step.wait?.expected?.seconds;
    if (duration === undefined && wait === undefined) return undefined;
    return (duration ?? 0) + (wait ?? 0);
}

/** Four figures side by side: total, waiting, visible, backstage. */
type Vec = [number, number, number, number];
const zero = (): Vec => [0, 0, 0, 0];

interface Edge {
    readonly to: number;
    readonly flow: ModelFlow;
    /** Which group of the source's outgoing flows the edge belongs to. */
    readonly group: 'parallel' | 'alternative' | 'recovery';
    /** Alternative: its probability; recovery: the failure rate (undefined if unrated). */
    readonly chance: number | undefined;
    readonly fail: ModelFailPoint | undefined;
}

/** Figures for the base path, or for one segment's variant (base steps plus that segment's steps). */
export function analyseTime(model: BlueprintModel, segment?: string): TimeAnalysis {
    // Customer-independent steps run apart from the customer's journey: off the customer's path.
    const included = model.steps.filter(step => !step.independent
        && (step.segments.length === 0 || (segment !== undefined && step.segments.includes(segment))));
    const n = included.length;
    // Steps by id, and each step's first index (a name written twice is one step to the flows).
    // Each step's id read once: the paths list them by the thousand, and steps come in many shapes.
    const ids = included.map(step => step.id);
    const index = new Map<string, number>();
    const canonical = new Int32Array(n);
    for (let i = 0; i < n; i++) {
        const first = index.get(ids[i]);
        if (first === undefined) index.set(ids[i], i);
        canonical[i] = first ?? i;
    }
    // The flows between included steps, their ends looked up once: every pass below works on indexes.
    const flows: ModelFlow[] = [];
    const flowFrom: number[] = [];
    const flowTo: number[] = [];
    for (const flow of model.flows) {
        const from = index.get(flow.from);
        const to = from === undefined ? undefined : index.get(flow.to);
        if (to === undefined) continue;
        flows.push(flow);
        flowFrom.push(from!);
        flowTo.push(to);
    }
    const partnersAt = conversationPartners(n, flows, flowFrom, flowTo);
    const isPartner = new Uint8Array(n);
    for (const list of partnersAt) if (list) for (const p of list) isPartner[p] = 1;
    // A step's conversation partners, by its first index.
    const partnersOf = (i: number): readonly number[] => partnersAt[canonical[i]] ?? NONE;

    // Node times: the step and its conversation partners (`a <-> b` takes place within `a`).
    const visibleLanes = visibleLaneIds(model);
    const base: Vec[] = new Array(n);
    const unknown: boolean[] = new Array(n).fill(false);
    // Partners without a time of their own, listed with their step's unknown steps.
    const partnerUnknown: Array<readonly number[] | undefined> = new Array(n);
    for (let i = 0; i < n; i++) {
        const figures = zero();
        const seconds = stepSeconds(included[i]);
        if (seconds === undefined) unknown[i] = true; else addStep(figures, included[i], seconds, visibleLanes);
        const partners = partnersOf(i);
        for (const p of partners) {
            const partnerSeconds = stepSeconds(included[p]);
            if (partnerSeconds !== undefined) addStep(figures, included[p], partnerSeconds, visibleLanes);
        }
        base[i] = figures;
        if (partners.length > 0) partnerUnknown[i] = partners.filter(p => stepSeconds(included[p]) === undefined);
    }

    // Outgoing flows per step (flow numbers), as one array with a start per step.
    const incoming = new Int32Array(n);
    const outStart = new Int32Array(n + 1);
    const followed = new Uint8Array(flows.length);
    for (let f = 0; f < flows.length; f++) {
        if (flows[f].kind === 'two-way' && partnersAt[flowFrom[f]]?.includes(flowTo[f])) continue;
        followed[f] = 1;
        outStart[flowFrom[f] + 1]++;
        incoming[flowTo[f]]++;
    }
    for (let i = 0; i < n; i++) outStart[i + 1] += outStart[i];
    const outFlows = new Int32Array(outStart[n]);
    const filled = outStart.slice(0, n);
    for (let f = 0; f < flows.length; f++) if (followed[f]) outFlows[filled[flowFrom[f]]++] = f;

    let starts: number[] = [];
    for (let i = 0; i < n; i++) if (included[i].start) starts.push(i);
    if (starts.length === 0) {
        for (let i = 0; i < n; i++) {
            if (incoming[i] === 0 && !isPartner[canonical[i]]) { starts = [i]; break; }
        }
    }

    // Depth-first from the starts: declared `loop` flows and back edges close loops and are set
    // aside; what remains is a DAG, with a topological order of the reachable steps.
    const loopFlows: ModelFlow[] = [];
    const backEdge = new Uint8Array(outFlows.length);
    let order = depthFirstOrder(starts, n, i => outStart[i + 1] - outStart[i], (i, e) => {
        const f = outFlows[outStart[i] + e];
        return flows[f].loop ? -1 : flowTo[f];
    }, (i, e) => { backEdge[outStart[i] + e] = 1; loopFlows.push(flows[outFlows[outStart[i] + e]]); return true; })!;
    let position = new Int32Array(n).fill(-1);
    order.forEach((node, i) => { position[node] = i; });

    // Group each step's outgoing DAG edges: recoveries (by fail point), alternatives (shares), parallel rest.
    const edges: Edge[][] = new Array(n);
    for (let i = 0; i < n; i++) edges[i] = [];
    const declaredParallel = new Set(model.decisions.filter(d => d.kind === 'parallel').map(d => d.step));
    const undeclaredBranches: string[] = [];
    const unratedRecoveries: Array<{ step: string; cause: string }> = [];
    for (const node of order) {
        const step = included[node];
        // The fail point whose corrective sub-process each step begins (the first to name it); most steps have none.
        let recoveryOf: Map<number, ModelFailPoint> | undefined;
        for (const fail of step.failPoints) {
            for (const remedy of (fail.recoveryDetails ?? [])) for (const id of remedy.steps) {
                const at = index.get(id);
                if (at === undefined) continue;
                recoveryOf ??= new Map();
                if (!recoveryOf.has(at)) recoveryOf.set(at, fail);
            }
        }
        let unrated: Set<ModelFailPoint> | undefined;
        let parallelCount = 0;
        const out = edges[node];
        for (let slot = outStart[node]; slot < outStart[node + 1]; slot++) {
            if (backEdge[slot]) continue;
            const f = outFlows[slot];
            const to = flowTo[f];
            // Two flows to the same step are one edge: the first.
            if (out.some(edge => edge.to === to)) continue;
            const flow = flows[f];
            const fail = recoveryOf?.get(to);
            if (fail) {
                out.push({ to, flow, group: 'recovery', chance: fail.rate, fail });
                if (fail.rate === undefined) (unrated ??= new Set()).add(fail);
            } else if (flow.probability !== undefined) {
                out.push({ to, flow, group: 'alternative', chance: flow.probability, fail: undefined });
            } else {
                out.push({ to, flow, group: 'parallel', chance: undefined, fail: undefined });
                parallelCount++;
            }
        }
        if (parallelCount > 1 && !declaredParallel.has(step.id)) undeclaredBranches.push(step.id);
        if (unrated) for (const fail of unrated) unratedRecoveries.push({ step: step.id, cause: fail.cause });
    }

    // A flow back from a fail point's corrective sub-process to its fail step is the recovery's way
    // back: the step resumes and the journey goes on by the step's normal continuation. Each fail
    // step with such a return gets a second node, "resumed", with no time of its own and the step's
    // flows except its recoveries; the return leads there, so loops become journeys to the end.
    const resumed = resumeRecoveries(n, order, edges, loopFlows, index, base, unknown);
    const N = n + resumed.of.length;
    if (resumed.of.length > 0) {
        order = resumed.order;
        position = new Int32Array(N).fill(-1);
        order.forEach((node, i) => { position[node] = i; });
    }

    // Rework loops with a repeat: extra passes through the body, added to the loop's source step.
    // Sparse: only the few steps that close a rework loop or run a corrective sub-process in place.
    const reworkExpected = new Map<number, Vec>();
    const reworkWorst = new Map<number, Vec>();
    const extra = (map: Map<number, Vec>, i: number): Vec => {
        let v = map.get(i);
        if (!v) map.set(i, v = zero());
        return v;
    };
    const loops: Array<{ from: string; to: string }> = [];
    const rework: ReworkLoop[] = [];
    // What each rework loop means for a single journey: a fixed `n times` is gone round by every
    // journey (the path includes its passes); a chance `p %` splits journeys, and the most likely
    // one goes without a repeat (exactly k repeats has the chance (1 − p)·pᵏ, highest at k = 0).
    const passes: ReworkPasses[] = [];
    const stay = new Float64Array(N).fill(1);
    // Going back before the fail step is part of the recovery's journey, not rework: every path through it counts it.
    const redoAgain = new Map<number, Vec>();
    for (const redo of resumed.redo) {
        const again = bodyFigures(order, position, edges, base, redo.first, redo.last);
        add(extra(reworkExpected, redo.from), again.expected);
        add(extra(reworkWorst, redo.from), again.worst);
        add(extra(redoAgain, redo.from), again.expected);
    }
    for (const flow of loopFlows) {
        const from = index.get(flow.from)!, to = index.get(flow.to)!;
        const repeat = flow.repeat;
        const endless = repeat !== undefined && 'probability' in repeat && repeat.probability >= 1;
        const recoveryEntry = resumed.returns.get(flow);
        if (recoveryEntry !== undefined && (!repeat || endless)) continue;
        if (!repeat || endless || position[to] < 0 || position[from] < position[to]) {
            loops.push({ from: flow.from, to: flow.to });
            continue;
        }
        const expectedRepeats = 'times' in repeat ? repeat.times : repeat.probability / (1 - repeat.probability);
        const worstRepeats = 'times' in repeat ? repeat.times : 1;
        // A recovery's way back that also repeats: the fail step is done again with the sub-process
        // (its way from the recovery's first step to the return), once more per repeat.
        const body = recoveryEntry === undefined ? bodyFigures(order, position, edges, base, to, from) : (() => {
            const sub = bodyFigures(order, position, edges, base, recoveryEntry, from);
            return { expected: sum(base[to], sub.expected), worst: sum(base[to], sub.worst) };
        })();
        addScaled(extra(reworkExpected, from), body.expected, expectedRepeats);
        addScaled(extra(reworkWorst, from), body.worst, worstRepeats);
        const likelyRepeats = 'times' in repeat ? repeat.times : 0;
        if ('probability' in repeat) stay[from] *= 1 - repeat.probability;
        passes.push({ from, to, entry: recoveryEntry, worstRepeats, likelyRepeats });
        rework.push({ from: flow.from, to: flow.to, expectedRepeats, worstRepeats, bodySeconds: body.expected[0] });
    }
    // A corrective sub-process named on a fail point but not drawn as flows from it runs in place, in sequence.
    for (const node of order) {
        if (node >= n) continue;
        for (const fail of included[node].failPoints) {
            const steps = (fail.recoveryDetails ?? []).flatMap(remedy => remedy.steps).map(id => index.get(id)).filter((i): i is number => i !== undefined);
            if (steps.length === 0 || edges[node].some(edge => edge.fail === fail)) continue;
            const subProcess = zero();
            for (const i of steps) add(subProcess, base[i]);
            if (fail.rate !== undefined) addScaled(extra(reworkExpected, node), subProcess, fail.rate);
            else unratedRecoveries.push({ step: included[node].id, cause: fail.cause });
            add(extra(reworkWorst, node), subProcess);
        }
    }
    // Per-step figures with rework; steps without rework share their base figures (no allocation).
    const withRework = (extras: Map<number, Vec>) => {
        if (extras.size === 0) return base;
        const figures = [...base];
        for (const [i, v] of extras) figures[i] = sum(base[i], v);
        return figures;
    };
    const expectedNodes = withRework(reworkExpected);
    const worstNodes = withRework(reworkWorst);

    // Expected remaining time from each step, in reverse topological order.
    const expectedFrom: Vec[] = new Array(N);
    const fromExpected = (to: number) => expectedFrom[to];
    for (let k = order.length - 1; k >= 0; k--) {
        const node = order[k];
        const after = combineExpected(edges[node], fromExpected);
        add(after, expectedNodes[node]);
        expectedFrom[node] = after;
    }

    // Worst case: the longest path, every edge allowed.
    const worstFrom: Vec[] = new Array(N);
    const worstNext = new Int32Array(N).fill(-1);
    for (let k = order.length - 1; k >= 0; k--) {
        const node = order[k];
        let best: Vec | undefined;
        for (const edge of edges[node]) {
            const candidate = worstFrom[edge.to];
            if (!best || candidate[0] > best[0]) {
                best = candidate;
                worstNext[node] = edge.to;
            }
        }
        worstFrom[node] = best ? sum(worstNodes[node], best) : worstNodes[node];
    }

    // Most likely continuation from each step (chance, then time), and most likely way to each step.
    const likelyFrom = new Float64Array(N);
    const likelyNext = new Int32Array(N).fill(-1);
    // The alternative or recovery a likely journey takes at each step (-1: none, the normal continuation).
    const likelyChoice = new Int32Array(N).fill(-1);
    for (let k = order.length - 1; k >= 0; k--) {
        const node = order[k];
        let bestChance = -1, bestExpected = -1;
        // A path chooses among alternatives and recoveries; parallel branches all happen, and the
        // path follows the one that takes longer on average (it decides when the work is done).
        let dominant: Edge | undefined;
        // Parallel work beside a decision is done whichever alternative is taken: a journey that
        // follows it has still made the most likely choice (not 100 % of journeys).
        let choice = -1;
        let bestAlternative = -1, bestAlternativeChance = -1, bestAlternativeExpected = -1;
        const out = edges[node];
        for (let e = 0; e < out.length; e++) {
            const edge = out[e];
            if (edge.group === 'parallel' && (!dominant || expectedFrom[edge.to][0] > expectedFrom[dominant.to][0])) dominant = edge;
            if (edge.group !== 'alternative') continue;
            const chance = edgeChance(out, edge);
            choice = Math.max(choice, chance);
            const journey = chance * likelyFrom[edge.to];
            if (journey > bestAlternativeChance + 1e-12 || (Math.abs(journey - bestAlternativeChance) <= 1e-12 && expectedFrom[edge.to][0] > bestAlternativeExpected)) {
                bestAlternative = e;
                bestAlternativeChance = journey;
                bestAlternativeExpected = expectedFrom[edge.to][0];
            }
        }
        for (let e = 0; e < out.length; e++) {
            const edge = out[e];
            if (edge.group === 'parallel' && edge !== dominant) continue;
            const taken = edge.group === 'parallel' && choice >= 0 ? choice : edgeChance(out, edge);
            const chance = taken * likelyFrom[edge.to];
            const tie = Math.abs(chance - bestChance) <= 1e-12;
            if (chance > bestChance + 1e-12 || (tie && expectedFrom[edge.to][0] > bestExpected)) {
                bestChance = chance;
                bestExpected = expectedFrom[edge.to][0];
                likelyNext[node] = edge.to;
                likelyChoice[node] = edge.group === 'parallel' ? bestAlternative : e;
            }
        }
        likelyFrom[node] = (bestChance < 0 ? 1 : bestChance) * stay[node];
    }
    // A fixed repeat is part of every journey through its loop: each pass as the likely journey makes it.
    for (const loop of passes) {
        if (loop.likelyRepeats === 0) continue;
        const pass = loop.entry === undefined
            ? likelyBodyFigures(order, position, edges, base, likelyChoice, loop.to, loop.from)
            : sum(base[loop.to], likelyBodyFigures(order, position, edges, base, likelyChoice, loop.entry, loop.from));
        addScaled(extra(redoAgain, loop.from), pass, loop.likelyRepeats);
    }
    const journeyNodes = withRework(redoAgain);
    // The figures of the most likely journey from each step: what it chooses, with the parallel
    // work done beside it (the longest branch decides when the work is done).
    const likelyJourney = journeyTotals(order, position, edges, journeyNodes, likelyChoice);

    const reachChance = new Float64Array(N).fill(-1);
    const reachPrevious = new Int32Array(N).fill(-1);
    for (const start of starts) reachChance[start] = 1;
    for (const node of order) {
        if (reachChance[node] < 0) continue;
        // Going by parallel work beside a decision, the journey still makes the likelier choice.
        let choice = -1;
        for (const edge of edges[node]) if (edge.group === 'alternative') choice = Math.max(choice, edgeChance(edges[node], edge));
        for (const edge of edges[node]) {
            const chance = reachChance[node] * stay[node] * (edge.group === 'parallel' && choice >= 0 ? choice : edgeChance(edges[node], edge));
            if (chance > reachChance[edge.to]) {
                reachChance[edge.to] = chance;
                reachPrevious[edge.to] = node;
            }
        }
    }

    // The paths the analysis reports (the worst case, the most likely, each exception) are written
    // out one at a time, by one walker, in scratch arrays sized for the longest: a path's nodes,
    // each node's place on it (-1: not on it), and its steps and unknown steps before they are copied out.
    const pathNodes = new Int32Array(N);
    const placeOnPath = new Int32Array(N).fill(-1);
    const stepsScratch: string[] = [];
    const unknownScratch: string[] = [];
    /** Writes the chain from `first` by `next` into pathNodes from `at` on; returns where it ends. */
    const chainInto = (first: number, next: Int32Array, at: number): number => {
        for (let node = first; node >= 0; node = next[node]) pathNodes[at++] = node;
        return at;
    };
    const passesAt: Array<ReworkPasses[] | undefined> = new Array(N);
    for (const loop of passes) (passesAt[loop.from] ??= []).push(loop);
    const pathId = (i: number) => ids[i < n ? i : resumed.of[i - n]];
    /** A step with its conversation partners, as a path lists it; a resumed step is the same step again: not listed twice. */
    const listStep = (i: number, into: string[]) => {
        if (i >= n) return;
        into.push(ids[i]);
        for (const p of partnersOf(i)) into.push(ids[p]);
    };

    /**
     * The path whose nodes are pathNodes[0 … count − 1]: its figures (each node's in `nodeFigures`,
     * unless `figuresOverride` has the journey's), its unknown steps, and its steps with the passes
     * round the rework loops it goes round (`repeats`) and, with `taken` and `next`, every branch it
     * takes where it forks.
     */
    const walkPath = (count: number, nodeFigures: readonly Vec[], repeats: (loop: ReworkPasses) => number, probability?: number,
        figuresOverride?: Vec, taken?: (node: number) => readonly Edge[], next?: Int32Array): ProcessPath => {
        for (let k = 0; k < count; k++) placeOnPath[pathNodes[k]] = k;
        const forks = taken && next ? forksOf(count, taken, next) : undefined;
        let figures = figuresOverride;
        if (!figures) {
            figures = zero();
            for (let k = 0; k < count; k++) add(figures, nodeFigures[pathNodes[k]]);
        }
        unknownScratch.length = 0;
        for (let k = 0; k < count; k++) {
            const i = pathNodes[k];
            if (i >= n) continue;
            if (unknown[i]) unknownScratch.push(ids[i]);
            for (const p of partnerUnknown[i] ?? NONE) unknownScratch.push(ids[p]);
        }
        stepsScratch.length = 0;
        const spans = forks?.spans ?? [];
        let fork = 0;
        for (let k = 0; k < count; k++) {
            const node = pathNodes[k];
            listStep(node, stepsScratch);
            // The passes round a rework loop this path makes: its own way from the loop's first step to its last, again.
            for (const loop of passesAt[node] ?? NO_PASSES) {
                const times = repeats(loop);
                if (times <= 0) continue;
                const first = placeOnPath[loop.to];
                if (first < 0 || first > k) continue;
                for (let t = 0; t < times; t++) for (let i = first; i <= k; i++) listStep(pathNodes[i], stepsScratch);
            }
            // Where the path forks, every branch it takes (the chosen alternative, the parallel work), then on at the join.
            if (fork < spans.length && spans[fork].at === k) {
                for (const branch of forks!.forks[fork].branches) for (const id of branch) stepsScratch.push(id);
                const join = spans[fork++].join;
                if (join < 0) break;
                k = join - 1;
                // A fork within these branches is not listed on its own; the forks after the join are.
                while (fork < spans.length && spans[fork].at < join) fork++;
            }
        }
        for (let k = 0; k < count; k++) placeOnPath[pathNodes[k]] = -1;
        const path = { steps: stepsScratch.slice(), ...toFigures(figures, unknownScratch.slice()), ...(probability === undefined ? {} : { probability }) };
        return forks && forks.forks.length > 0 ? { ...path, parallel: forks.forks } : path;
    };
    const worstPasses = (loop: ReworkPasses) => loop.worstRepeats;
    const likelyPasses = (loop: ReworkPasses) => loop.likelyRepeats;
    // Where the path in pathNodes (its places set) takes several branches at once (an alternative
    // beside parallel work, or parallel work), each branch's steps up to the step where they meet the path again.
    const forksOf = (count: number, taken: (node: number) => readonly Edge[], next: Int32Array): Forks => {
        const forks: ParallelWork[] = [];
        const spans: Array<{ at: number; join: number }> = [];
        // Each step with its conversation partners, as on the path itself.
        const ids = (list: ArrayLike<number>) => {
            const result: string[] = [];
            for (let i = 0; i < list.length; i++) listStep(list[i], result);
            return result;
        };
        for (let k = 0; k < count; k++) {
            const node = pathNodes[k];
            if (edges[node].length < 2) continue;
            const branches = taken(node);
            if (branches.length < 2) continue;
            const following = k + 1 < count ? pathNodes[k + 1] : -1;
            let joinAt = -1;
            const walks: number[][] = [];
            for (const edge of branches) {
                if (edge.to === following) { walks.push([]); continue; }
                const walk: number[] = [];
                let at = edge.to;
                for (let guard = 0; at >= 0 && guard <= N; guard++) {
                    const met = placeOnPath[at];
                    if (met >= 0 && met > k) { joinAt = Math.max(joinAt, met); break; }
                    walk.push(at);
                    at = next[at];
                }
                walks.push(walk);
            }
            const own = pathNodes.subarray(k + 1, joinAt < 0 ? count : joinAt);
            // A flow straight to the join is no work of its own.
            const shown = branches.map((edge, b) => ids(edge.to === following ? own : walks[b])).filter(branch => branch.length > 0);
            if (shown.length > 1) {
                forks.push({ at: pathId(node), branches: shown, ...(joinAt < 0 ? {} : { join: pathId(pathNodes[joinAt]) }) });
                spans.push({ at: k, join: joinAt });
            }
        }
        return { forks, spans };
    };

    const pickStart = (better: (a: number, b: number) => boolean): number | undefined =>
        starts.reduce<number | undefined>((best, s) => (best === undefined || better(s, best) ? s : best), undefined);
    const worstStart = pickStart((a, b) => worstFrom[a][0] > worstFrom[b][0]);
    const likelyStart = pickStart((a, b) => likelyFrom[a] > likelyFrom[b] || (likelyFrom[a] === likelyFrom[b] && likelyJourney.total[a] > likelyJourney.total[b]));
    // With several starts, the expected journey is the one from the start of the worst case.
    const expectedStart = worstStart;

    const criticalPath = worstStart === undefined ? undefined : walkPath(chainInto(worstStart, worstNext, 0), worstNodes, worstPasses);
    const mostLikelyPath = likelyStart === undefined ? undefined
        : walkPath(chainInto(likelyStart, likelyNext, 0), base, likelyPasses, likelyFrom[likelyStart], journeySum(likelyStart, likelyJourney.next, journeyNodes),
            node => takenEdges(edges[node], likelyChoice[node]), likelyNext);
    const expected = expectedStart === undefined ? undefined
        : toFigures(expectedFrom[expectedStart], expectedUnknownSteps(expectedStart, edges, expectedFrom, unknown, partnerUnknown, ids));

    // Exception paths: the most likely way to the branch point, the branch, the most likely way on;
    // timed as the journey it is, with the parallel work beside it.
    const exceptionPaths: ExceptionPath[] = [];
    let exceptionPathsTruncated = false;
    const scratchTotal = new Float64Array(N);
    const scratchNext = new Int32Array(N);
    const journeyChoice = Int32Array.from(likelyChoice);
    const journeyTaken = (node: number) => takenEdges(edges[node], journeyChoice[node]);
    const concurrent = order.some(node => {
        let parallel = 0, other = 0;
        for (const edge of edges[node]) if (edge.group === 'parallel') parallel++; else if (edge.group === 'alternative') other++;
        return parallel > 1 || (parallel > 0 && other > 0);
    });
    for (const node of order) {
        // A resumed step repeats its step's alternatives: they are listed once, at the step.
        if (reachChance[node] < 0 || node >= n) continue;
        const out = edges[node];
        let top = -Infinity;
        for (const edge of out) if (edge.group === 'alternative') top = Math.max(top, edge.chance ?? 0);
        for (let e = 0; e < out.length; e++) {
            const edge = out[e];
            const exceptional = edge.group === 'recovery' || (edge.group === 'alternative' && (edge.chance ?? 0) < top);
            if (!exceptional) continue;
            if (exceptionPathsTruncated || exceptionPaths.length >= MAX_EXCEPTION_PATHS) {
                exceptionPathsTruncated = true;
                break;
            }
            // The most likely way here (back along reachPrevious, written in order), then the branch's likely way on.
            let before = 0;
            for (let at = node; at >= 0; at = reachPrevious[at]) before++;
            for (let at = node, k = before - 1; at >= 0; at = reachPrevious[at]) pathNodes[k--] = at;
            const count = chainInto(edge.to, likelyNext, before);
            // The journey's choices: the way to the branch point, the branch, the likely ones after
            // (set in a working copy of the likely choices, and put back after).
            const changed: number[] = [node];
            journeyChoice[node] = e;
            for (let k = 0; k + 1 < before; k++) {
                const step = pathNodes[k];
                const way = edges[step];
                let taken = -1;
                for (let w = 0; w < way.length; w++) if (way[w].to === pathNodes[k + 1]) { taken = w; break; }
                if (taken >= 0 && way[taken].group !== 'parallel') {
                    journeyChoice[step] = taken;
                    changed.push(step);
                }
            }
            // Without work done at the same time anywhere, a journey is its chain of steps.
            const figures = concurrent
                ? journeyFrom(pathNodes[0], position[node], order, position, edges, journeyNodes, journeyChoice, likelyJourney, scratchTotal, scratchNext)
                : undefined;
            const path = walkPath(count, journeyNodes, likelyPasses, edge.group === 'recovery' && edge.chance === undefined
                ? undefined : reachChance[node] * stay[node] * edgeChance(out, edge) * likelyFrom[edge.to], figures, journeyTaken, likelyNext);
            for (const i of changed) journeyChoice[i] = likelyChoice[i];
            exceptionPaths.push({
                ...path,
                kind: edge.group === 'recovery' ? 'recovery' : 'alternative',
                from: included[node].id,
                to: pathId(edge.to),
                share: edge.group === 'recovery' ? edge.chance : decisionShare(out, edge),
                label: edge.group === 'recovery' ? edge.fail!.cause : edge.flow.label
            });
        }
    }

    const tolerance = model.tolerance?.seconds;
    return {
        segment,
        starts: starts.map(i => included[i].id),
        expected,
        mostLikelyPath,
        criticalPath,
        exceptionPaths,
        exceptionPathsTruncated,
        loops,
        rework,
        undeclaredBranches,
        unratedRecoveries,
        toleranceSeconds: tolerance,
        toleranceExceeded: tolerance !== undefined && criticalPath ? criticalPath.totalSeconds > tolerance : undefined,
        expectedExceedsTolerance: tolerance !== undefined && expected ? expected.totalSeconds > tolerance : undefined,
        waits: included.filter(step => step.wait).map(step => {
            const expectedSeconds = step.wait!.expected?.seconds;
            const toleranceSeconds = step.wait!.tolerance?.seconds;
            return {
                step: step.id, expectedSeconds, toleranceSeconds,
                exceeded: expectedSeconds !== undefined && toleranceSeconds !== undefined ? expectedSeconds > toleranceSeconds : undefined
            };
        })
    };
}

/**
 * The chance of taking an edge once its step is done. Recoveries take their failure rate (none
 * without a rate); the normal continuation the rest, split among alternatives by their
 * (renormalised) shares; parallel edges are taken together with whichever alternative is chosen.
 */
function edgeChance(out: readonly Edge[], edge: Edge): number {
    if (edge.group === 'recovery') return edge.chance ?? 0;
    const failing = failingShare(out);
    if (edge.group === 'parallel') return 1 - failing;
    const total = alternativesTotal(out);
    return total > 0 ? (1 - failing) * (edge.chance ?? 0) / total : 0;
}

/** The alternatives' shares added up, in their order. */
function alternativesTotal(out: readonly Edge[]): number {
    let total = 0;
    for (const edge of out) if (edge.group === 'alternative') total += edge.chance ?? 0;
    return total;
}

/** The share of journeys that take a recovery branch here (each fail point's rate once). */
function failingShare(out: readonly Edge[]): number {
    let share = 0;
    for (let e = 0; e < out.length; e++) if (firstRatedRecovery(out, e)) share += out[e].fail!.rate!;
    return Math.min(1, share);
}

/** Whether `out[e]` is a recovery with a rate, the first of its fail point's (a step has few edges: no set needed). */
function firstRatedRecovery(out: readonly Edge[], e: number): boolean {
    const edge = out[e];
    if (edge.group !== 'recovery' || edge.chance === undefined) return false;
    for (let before = 0; before < e; before++) {
        if (out[before].group === 'recovery' && out[before].chance !== undefined && out[before].fail === edge.fail) return false;
    }
    return true;
}

/** The edges a journey takes from a step: a recovery alone; else the chosen alternative with the parallel work. */
function takenEdges(out: readonly Edge[], choice: number): readonly Edge[] {
    return out.filter((_, e) => isTaken(out, choice, e));
}

function isTaken(out: readonly Edge[], choice: number, e: number): boolean {
    if (choice >= 0 && out[choice].group === 'recovery') return e === choice;
    return e === choice || out[e].group === 'parallel';
}

/**
 * One journey from every step, for a choice at each step (see `takenEdges`): its total and the
 * branch that decides it (the longest); the figures are summed along those branches (`journeySum`).
 */
function journeyTotals(order: readonly number[], position: Int32Array, edges: readonly Edge[][], nodes: readonly Vec[], choice: Int32Array): { total: Float64Array; next: Int32Array } {
    const total = new Float64Array(edges.length);
    const next = new Int32Array(edges.length).fill(-1);
    decideBranches(0, order.length - 1, order, position, edges, nodes, choice, total, next, total);
    return { total, next };
}

/**
 * The totals and deciding branches (the longest of the taken ones) of the steps `order[first]` to
 * `order[last]`, from the last back: a successor after `last` counts with its total in `after`.
 */
function decideBranches(first: number, last: number, order: readonly number[], position: Int32Array, edges: readonly Edge[][], nodes: readonly Vec[],
    choice: Int32Array, total: Float64Array, next: Int32Array, after: Float64Array): void {
    for (let k = last; k >= first; k--) {
        const node = order[k];
        const out = edges[node];
        let best = -1, bestTotal = 0;
        for (let e = 0; e < out.length; e++) {
            if (!isTaken(out, choice[node], e)) continue;
            const to = out[e].to;
            const t = position[to] > last ? after[to] : total[to];
            if (best < 0 || t > bestTotal) { best = to; bestTotal = t; }
        }
        total[node] = nodes[node][0] + bestTotal;
        next[node] = best;
    }
}

/** The figures along a journey's deciding branches from `node` on. */
function journeySum(node: number, next: Int32Array, nodes: readonly Vec[], figures: Vec = zero()): Vec {
    for (let at = node; at >= 0; at = next[at]) add(figures, nodes[at]);
    return figures;
}

/**
 * A journey from `start` whose choices (`choice`) differ from the likely journey's only at steps up
 * to `last` in topological order; the steps after it go on as the likely journey. Totals in the
 * scratch arrays, then the figures along the deciding branches.
 */
function journeyFrom(start: number, last: number, order: readonly number[], position: Int32Array, edges: readonly Edge[][], nodes: readonly Vec[],
    choice: Int32Array, likely: { total: Float64Array; next: Int32Array }, total: Float64Array, next: Int32Array): Vec {
    decideBranches(position[start], last, order, position, edges, nodes, choice, total, next, likely.total);
    const figures = zero();
    let node = start;
    for (; node >= 0 && position[node] <= last; node = next[node]) add(figures, nodes[node]);
    return node >= 0 ? journeySum(node, likely.next, nodes, figures) : figures;
}

/** A rework loop with a repeat, as a path goes round it: from `to` (or the recovery's `entry` after it) to `from`, and back. */
interface ReworkPasses {
    readonly from: number;
    readonly to: number;
    readonly entry?: number;
    /** Passes on the worst case's path, and on a single journey's (a fixed count; none for a chance). */
    readonly worstRepeats: number;
    readonly likelyRepeats: number;
}

/** Where a path forks: the forks as the path reports them, and where each starts and joins on the path's nodes (-1: no join). */
interface Forks {
    readonly forks: ParallelWork[];
    readonly spans: ReadonlyArray<{ readonly at: number; readonly join: number }>;
}

/**
 * The chance of an alternative among its decision's alternatives, whatever else may happen at the
 * step first (a fail point's recovery): the share the decision declares, renormalised.
 */
function decisionShare(out: readonly Edge[], edge: Edge): number {
    const total = alternativesTotal(out);
    return total > 0 ? (edge.chance ?? 0) / total : 0;
}

/**
 * One pass through a rework loop's body as a single journey makes it: the choices `choice` (the
 * most likely ones), parallel work by its longest branch; from `first` to `last` in topological order.
 */
function likelyBodyFigures(order: readonly number[], position: Int32Array, edges: readonly Edge[][], base: readonly Vec[], choice: Int32Array,
    first: number, last: number): Vec {
    const inBody = new Map<number, Vec>();
    for (let k = position[last]; k >= position[first]; k--) {
        const node = order[k];
        if (node === last) {
            inBody.set(node, base[node]);
            continue;
        }
        const out = edges[node];
        let best: Vec | undefined, any: Vec | undefined;
        for (let e = 0; e < out.length; e++) {
            const after = inBody.get(out[e].to);
            if (!after) continue;
            any = longer(any, after);
            if (isTaken(out, choice[node], e)) best = longer(best, after);
        }
        // A likely choice that leaves the body: the pass still goes round, by its longest way.
        const after = best ?? any;
        if (after) inBody.set(node, sum(base[node], after));
    }
    return inBody.get(first) ?? zero();
}

interface ResumedRecoveries {
    /** The step each resumed node stands for: node n + k resumes step of[k]. */
    readonly of: number[];
    readonly order: number[];
    /** Each return flow, with the first step of the recovery it ends. */
    readonly returns: Map<ModelFlow, number>;
    /** Returns to a step before the fail step: at `from`, the steps `first` … `last` (the fail step) again. */
    readonly redo: ReadonlyArray<{ readonly from: number; readonly first: number; readonly last: number }>;
}

/**
 * Recovery returns: loop flows from a step of a fail point's corrective sub-process (reached from
 * the fail step by a recovery edge) back to the fail step. Each such fail step gets a node "resumed"
 * (index n + k, no time) with the step's edges but its recoveries, which the return leads to; the
 * new topological order is returned. When the returns would close a cycle they stay loops.
 */
function resumeRecoveries(n: number, order: number[], edges: Edge[][], loopFlows: readonly ModelFlow[], index: ReadonlyMap<string, number>,
    base: Vec[], unknown: boolean[]): ResumedRecoveries {
    const none: ResumedRecoveries = { of: [], order, returns: new Map(), redo: [] };
    if (loopFlows.length === 0) return none;
    const inOrder = new Set(order);
    const found: Array<{ flow: ModelFlow; from: number; step: number; entry: number; redoFrom?: number }> = [];
    const failSteps = order.filter(node => edges[node].some(edge => edge.group === 'recovery'));
    for (const flow of loopFlows) {
        const from = index.get(flow.from)!, to = index.get(flow.to)!;
        if (from === to || !inOrder.has(from) || !inOrder.has(to)) continue;
        const entryOf = (step: number) => edges[step].find(edge => edge.group === 'recovery' && reaches(edges, edge.to, from, step))?.to;
        const entry = entryOf(to);
        if (entry !== undefined) {
            found.push({ flow, from, step: to, entry });
            continue;
        }
        // Back to a step before the fail step (no repeat: not rework): those steps are done again.
        if (flow.repeat) continue;
        for (const step of failSteps) {
            const before = step !== to && reaches(edges, to, step, -1) ? entryOf(step) : undefined;
            if (before === undefined) continue;
            found.push({ flow, from, step, entry: before, redoFrom: to });
            break;
        }
    }
    if (found.length === 0) return none;
    const of: number[] = [];
    const resumedNode = new Map<number, number>();
    for (const r of found) {
        if (resumedNode.has(r.step)) continue;
        resumedNode.set(r.step, n + of.length);
        of.push(r.step);
    }
    const added: number[] = [];
    for (const r of found) {
        edges[r.from].push({ to: resumedNode.get(r.step)!, flow: r.flow, ...(r.flow.probability !== undefined
            ? { group: 'alternative' as const, chance: r.flow.probability } : { group: 'parallel' as const, chance: undefined }), fail: undefined });
        added.push(r.from);
    }
    for (const step of of) {
        edges.push(edges[step].filter(edge => edge.group !== 'recovery'));
        base.push(zero());
        unknown.push(false);
    }
    const sorted = topologicalOrder(order, edges, n + of.length);
    if (!sorted) {
        for (const from of added.reverse()) edges[from].pop();
        edges.length = n;
        base.length = n;
        unknown.length = n;
        return none;
    }
    return { of, order: sorted, returns: new Map(found.map(r => [r.flow, r.entry])),
        redo: found.filter(r => r.redoFrom !== undefined).map(r => ({ from: r.from, first: r.redoFrom!, last: r.step })) };
}

/** Whether `target` is reachable from `from` over the edges without passing `avoid`. */
function reaches(edges: readonly Edge[][], from: number, target: number, avoid: number): boolean {
    const seen = new Set<number>([from]);
    const stack = [from];
    while (stack.length > 0) {
        const node = stack.pop()!;
        if (node === target) return true;
        for (const edge of edges[node]) {
            if (edge.to === avoid || seen.has(edge.to)) continue;
            seen.add(edge.to);
            stack.push(edge.to);
        }
    }
    return false;
}

/**
 * A topological order of the nodes reachable from `roots` (roots in their given order); undefined
 * when the edges close a cycle.
 */
function topologicalOrder(roots: readonly number[], edges: readonly Edge[][], size: number): number[] | undefined {
    return depthFirstOrder(roots, size, node => edges[node].length, (node, e) => edges[node][e].to, () => false);
}

/**
 * Depth-first from `roots` (roots in their given order, each node's `degree` edges in theirs), with
 * an explicit stack so that chains of 50,000 steps cannot overflow: the reverse post-order of the
 * nodes reached, a topological order once the back edges are set aside. `targetOf` gives the far node
 * of a node's e-th edge, or -1 for an edge that closes a loop by declaration; such edges and those to
 * a node still on the stack go to `onBackEdge`, which says whether to go on (the edge is not
 * followed) or give up (undefined).
 */
function depthFirstOrder(roots: readonly number[], size: number, degree: (node: number) => number, targetOf: (node: number, e: number) => number,
    onBackEdge: (node: number, e: number) => boolean): number[] | undefined {
    // 0 unseen, 1 on the stack, 2 done
    const state = new Uint8Array(size);
    const postOrder: number[] = [];
    const stackNode: number[] = [];
    const stackNext: number[] = [];
    for (const root of roots) {
        if (state[root] !== 0) continue;
        state[root] = 1;
        stackNode.push(root);
        stackNext.push(0);
        while (stackNode.length > 0) {
            const top = stackNode.length - 1;
            const node = stackNode[top];
            if (stackNext[top] >= degree(node)) {
                state[node] = 2;
                postOrder.push(node);
                stackNode.pop();
                stackNext.pop();
                continue;
            }
            const e = stackNext[top]++;
            const target = targetOf(node, e);
            if (target < 0 || state[target] === 1) {
                if (!onBackEdge(node, e)) return undefined;
                continue;
            }
            if (state[target] === 0) {
                state[target] = 1;
                stackNode.push(target);
                stackNext.push(0);
            }
        }
    }
    return postOrder.reverse();
}

/**
 * Expected time after a step: each recovery group by its rate; the rest by its chance: the chosen
 * alternative together with the parallel branches, whichever takes longer.
 */
function combineExpected(out: readonly Edge[], from: (to: number) => Vec): Vec {
    const result = zero();
    if (out.length === 0) return result;
    // Called for every step: no lists or maps, the few edges are gone over again instead.
    const failing = failingShare(out);
    let parallel: Vec | undefined;
    let total = 0;
    for (const edge of out) {
        if (edge.group === 'alternative') total += edge.chance ?? 0;
        else if (edge.group === 'parallel') parallel = longer(parallel, from(edge.to));
    }
    // Each fail point's recovery branches (its longest), by its rate, in the order the fail points first appear.
    for (let e = 0; e < out.length; e++) {
        if (!firstRatedRecovery(out, e)) continue;
        const fail = out[e].fail!;
        let branch: Vec | undefined;
        for (let other = e; other < out.length; other++) {
            if (out[other].group === 'recovery' && out[other].chance !== undefined && out[other].fail === fail) branch = longer(branch, from(out[other].to));
        }
        addScaled(result, branch!, fail.rate!);
    }
    if (total > 0) {
        for (const edge of out) if (edge.group === 'alternative') addScaled(result, longer(parallel, from(edge.to)), (1 - failing) * (edge.chance ?? 0) / total);
    } else if (parallel) {
        addScaled(result, parallel, 1 - failing);
    }
    return result;
}

/**
 * Steps with no time on the journeys the expected total counts: one sweep over the edges taken with
 * some chance, following only the longest of parallel branches (the one the total counts).
 */
function expectedUnknownSteps(start: number, edges: readonly Edge[][], expectedFrom: readonly Vec[], unknown: readonly boolean[],
    partnerUnknown: ReadonlyArray<readonly number[] | undefined>, ids: readonly string[]): string[] {
    const seen = new Uint8Array(edges.length);
    seen[start] = 1;
    const queue = [start];
    const result: string[] = [];
    for (let i = 0; i < queue.length; i++) {
        const node = queue[i];
        if (unknown[node]) result.push(ids[node]);
        for (const p of partnerUnknown[node] ?? NONE) result.push(ids[p]);
        let dominant: Edge | undefined;
        for (const edge of edges[node]) {
            if (edge.group === 'parallel' && (!dominant || expectedFrom[edge.to][0] > expectedFrom[dominant.to][0])) dominant = edge;
        }
        for (const edge of edges[node]) {
            if (edge.group === 'parallel' && edge !== dominant) continue;
            if (edgeChance(edges[node], edge) > 0 && !seen[edge.to]) {
                seen[edge.to] = 1;
                queue.push(edge.to);
            }
        }
    }
    return result;
}

/**
 * One pass through a rework loop's body, from its target to its source, over the steps between
 * them in topological order: expected (the same weighting as the whole) and worst case.
 */
function bodyFigures(order: readonly number[], position: Int32Array, edges: readonly Edge[][], base: readonly Vec[],
    first: number, last: number): { expected: Vec; worst: Vec } {
    const inBody = new Map<number, { expected: Vec; worst: Vec }>();
    for (let k = position[last]; k >= position[first]; k--) {
        const node = order[k];
        if (node === last) {
            inBody.set(node, { expected: [...base[node]] as Vec, worst: [...base[node]] as Vec });
            continue;
        }
        const out = edges[node].filter(edge => inBody.has(edge.to));
        if (out.length === 0) continue;
        let worst: Vec | undefined;
        for (const edge of out) worst = longer(worst, inBody.get(edge.to)!.worst);
        // Alternatives that stay in the body share the whole chance (combineExpected renormalises them).
        const expected = combineExpected(out, to => inBody.get(to)!.expected);
        inBody.set(node, { expected: sum(base[node], expected), worst: sum(base[node], worst!) });
    }
    return inBody.get(first) ?? { expected: zero(), worst: zero() };
}

/**
 * Two-way flows `a <-> b` whose far side `b` leads nowhere else are a conversation within `a` (the
 * customer explains, the agent listens), not a branch of the process: `b` is timed as part of `a`.
 */
function conversationPartners(n: number, flows: readonly ModelFlow[], from: readonly number[], to: readonly number[]): Array<number[] | undefined> {
    const outgoing = new Int32Array(n);
    const incoming = new Int32Array(n);
    for (let f = 0; f < flows.length; f++) {
        if (flows[f].kind === 'two-way') continue;
        outgoing[from[f]]++;
        incoming[to[f]]++;
    }
    const partners: Array<number[] | undefined> = new Array(n);
    const taken = new Uint8Array(n);
    for (let f = 0; f < flows.length; f++) {
        const far = to[f];
        if (flows[f].kind !== 'two-way' || taken[far] || from[f] === far) continue;
        if (outgoing[far] > 0 || incoming[far] > 0) continue;
        taken[far] = 1;
        (partners[from[f]] ??= []).push(far);
    }
    return partners;
}

function addStep(figures: Vec, step: ModelStep, seconds: number, visibleLanes: Set<string>): void {
    figures[0] += seconds;
    figures[1] += step.wait?.expected?.seconds ?? 0;
    if (isStepCustomerVisible(step, visibleLanes)) figures[2] += seconds; else figures[3] += seconds;
}

function toFigures(v: Vec, unknownSteps: string[]): TimeFigures {
    return { totalSeconds: round(v[0]), waitSeconds: round(v[1]), visibleSeconds: round(v[2]), backstageSeconds: round(v[3]), unknownSteps };
}

/** Rounds away floating-point noise from weighting (0.1 × 30 s), not real fractions. */
function round(value: number): number {
    return Math.round(value * 1e6) / 1e6;
}

function longer(a: Vec | undefined, b: Vec): Vec {
    return a === undefined || b[0] > a[0] ? b : a;
}

function sum(a: Vec, b: Vec): Vec {
    return [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]];
}

function add(target: Vec, v: Vec): void {
    target[0] += v[0]; target[1] += v[1]; target[2] += v[2]; target[3] += v[3];
}

function addScaled(target: Vec, v: Vec, factor: number): void {
    if (factor === 0) return;
    target[0] += v[0] * factor; target[1] += v[1] * factor; target[2] += v[2] * factor; target[3] += v[3] * factor;
}

