/**
 * Decisions, parallel work and remedies: shares that add up, decisions that are exclusive, parallel
 * splits that join or end, corrective sub-processes that can be reached, poka-yoke types from the
 * literature.
 */
import type { ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import type { BlueprintCoreServices } from '../blueprint-module.js';
import { POKA_YOKE_TYPES } from '@blueprint/model';
import type { BlueprintModelProvider } from '../model/model-provider.js';
import { blueprintMembers } from '../model/blueprint-members.js';
import { Rules } from './rules.js';

export class BranchChecks {
    private readonly models: BlueprintModelProvider;

    constructor(services: BlueprintCoreServices) {
        this.models = services.model.BlueprintModelProvider;
    }

    checkBranching(branching: ast.Branching, accept: ValidationAcceptor): void {
        const step = branching.step?.ref?.name ?? branching.step?.$refText ?? '?';
        if (branching.kind === 'parallel') {
            for (const branch of branching.branches) {
                if (branch.share) {
                    accept('error', `A parallel branch carries no share: every branch of '${step}' is done. Remove the share, or make it a \`decision\` if only one branch is taken.`,
                        { node: branch, property: 'share', code: Rules.decisionShares.id });
                }
            }
            this.checkParallelEnds(branching, accept);
            return;
        }
        const missing = branching.branches.filter(branch => !branch.share);
        for (const branch of missing) {
            accept('error', `Alternative '${branch.target?.$refText ?? '?'}' of the decision at '${step}' has no share: give each alternative a share (\`95 %\`) or a weight (\`3\`).`,
                { node: branch, property: 'target', code: Rules.decisionShares.id });
        }
        if (missing.length === 0) {
            this.checkShares(`the decision at '${step}'`, branching.branches.map(b => b.share),
                message => accept('error', message, { node: branching, property: 'step', code: Rules.decisionShares.id }));
        }
    }

    /** Shares written on flow links: the alternatives of their source step. */
    checkImpliedDecisions(blueprint: ast.Blueprint, accept: ValidationAcceptor): void {
        const members = blueprintMembers(blueprint);
        const declared = new Set(members.branchings.filter(b => b.kind === 'decision').map(b => b.step?.ref));
        const bySource = new Map<ast.Step, Array<{ link: ast.FlowLink; share: ast.Share }>>();
        for (const flow of members.flows) {
            let source = flow.source?.ref;
            for (const link of flow.links) {
                if (source && link.share) {
                    const list = bySource.get(source) ?? [];
                    list.push({ link, share: link.share });
                    bySource.set(source, list);
                }
                source = link.target?.ref;
            }
        }
        for (const [source, links] of bySource) {
            if (declared.has(source)) {
                for (const { link } of links) {
                    accept('error', `'${source.name}' has a decision block; give this share there, not on the flow.`,
                        { node: link, property: 'share', code: Rules.decisionShares.id });
                }
                continue;
            }
            const last = links[links.length - 1].link;
            this.checkShares(`the alternatives after '${source.name}'`, links.map(({ share }) => share),
                message => accept('error', message, { node: last, property: 'share', code: Rules.decisionShares.id }));
        }
    }

    /**
     * BP031: a decision is exclusive. A one-way flow out of a step with alternatives that is none of
     * them is counted by the analysis as done alongside whichever alternative is taken, which is
     * rarely what was meant (it reads as "then" in the text, as "or" in the diagram).
     */
    checkExclusiveDecisions(blueprint: ast.Blueprint, accept: ValidationAcceptor): void {
        const deciding = new Set<ast.Step>();
        const parallelTargets = new Map<ast.Step, Set<ast.Step>>();
        const members = blueprintMembers(blueprint);
        for (const member of members.branchings) {
            const step = member.step?.ref;
            if (!step) continue;
            if (member.kind === 'decision') {
                deciding.add(step);
            } else {
                const targets = parallelTargets.get(step) ?? new Set<ast.Step>();
                for (const branch of member.branches) if (branch.target?.ref) targets.add(branch.target.ref);
                parallelTargets.set(step, targets);
            }
        }
        const flows = members.flows;
        for (const flow of flows) {
            let source = flow.source?.ref;
            for (const link of flow.links) {
                if (source && link.share) deciding.add(source);
                source = link.target?.ref;
            }
        }
        if (deciding.size === 0) return;
        // A flow into a fail point's corrective sub-process is its recovery, not a branch of the decision.
        const graph = this.models.getStepGraph(blueprint);
        const recoveries = new Map(graph.steps.map((step, index) => [step.name, graph.recoverySteps[index]]));
        for (const flow of flows) {
            if (flow.loop) continue;
            let source = flow.source?.ref;
            for (const link of flow.links) {
                const target = link.target?.ref;
                if (source && target && target !== source && deciding.has(source) && !link.share && link.arrow !== '<->'
                    && !parallelTargets.get(source)?.has(target) && !recoveries.get(source.name)?.includes(target.name)) {
                    accept('warning', `'${source.name}' makes a decision, so one of its alternatives is taken; this flow to '${target.name}' is none of them and would be done whichever is taken. Make it an alternative with a share (\`-> ${target.name} 10 %\`), lead it from the step where it really follows, or put it in a \`parallel\` block if it is done as well.`,
                        { node: link, property: 'target', code: Rules.exclusiveDecision.id });
                }
                source = target;
            }
        }
    }

    checkFailPoint(fail: ast.FailPoint, accept: ValidationAcceptor): void {
        const rate = fail.rate;
        if (rate && typeof rate.value === 'number' && (!rate.percent || rate.value > 100)) {
            accept('error', rate.percent
                ? `A failure rate lies within 0..100 %, not ${rate.value} %.`
                : `Write the failure rate as a percentage: \`rate ${rate.value} %\`.`,
            { node: rate, code: Rules.decisionShares.id });
        }
        for (const remedy of [...fail.preventions, ...fail.recoveries]) {
            if (remedy.pokaYoke !== undefined && !(POKA_YOKE_TYPES as readonly string[]).includes(remedy.pokaYoke)) {
                accept('warning', `Unknown poka-yoke type '${remedy.pokaYoke}': use task, treatment or tangible for a server error, preparation, encounter or resolution for a customer error (Chase & Stewart).`,
                    { node: remedy, property: 'pokaYoke', code: Rules.pokaYokeType.id });
            }
        }
    }

    checkLoopRepeat(flow: ast.Flow, accept: ValidationAcceptor): void {
        const repeat = flow.repeat;
        if (repeat?.percent && typeof repeat.value === 'number' && repeat.value >= 100) {
            accept('error', `A rework loop that repeats ${repeat.value} % of the time never ends: give the chance of another pass (below 100 %), or a count (\`loop 2 times\`).`,
                { node: repeat, code: Rules.decisionShares.id });
        }
    }

    /** BP026: the corrective sub-process of a fail point can be reached from the fail point's step. */
    checkRecoveryReachable(blueprint: ast.Blueprint, accept: ValidationAcceptor): void {
        const steps = blueprintMembers(blueprint).steps.filter(hasRecoverySteps);
        if (steps.length === 0) return;
        const graph = this.models.getStepGraph(blueprint);
        for (const step of steps) {
            const node = graph.nodeOf(step.name);
            const reachable = graph.reachableFrom(node === undefined ? [] : [node]);
            for (const fail of step.properties.filter(ast.isFailPoint)) {
                for (const remedy of fail.recoveries) {
                    remedy.steps.forEach((ref, index) => {
                        const target = ref.ref;
                        if (target && !graph.marks(reachable, target.name)) {
                            accept('warning', `Recovery step '${target.name}' of "${fail.cause}" cannot be reached from '${step.name}': add a flow from '${step.name}' into the corrective sub-process (\`flow ${step.name} -> ${target.name}\`), or the recovery will never run.`,
                                { node: remedy, property: 'steps', index, code: Rules.recoveryReachable.id });
                        }
                    });
                }
            }
        }
    }

    private checkShares(what: string, alternatives: Array<ast.Share | undefined>, report: (message: string) => void): void {
        const shares = alternatives.filter((s): s is ast.Share => s !== undefined && typeof s.value === 'number');
        if (shares.length === 0) return;
        const percent = shares.filter(s => s.percent).length;
        if (percent > 0 && percent < shares.length) {
            report(`Shares of ${what} mix percentages and weights: write all as percentages (adding up to 100 %) or all as weights.`);
            return;
        }
        if (percent === 0) return;
        const sum = shares.reduce((total, s) => total + s.value, 0);
        if (Math.abs(sum - 100) > 1e-6) {
            report(`Shares of ${what} add up to ${Number(sum.toFixed(4))} %, not 100 %${alternatives.length === 1 ? ': one alternative alone is taken every time; list the others' : ''}.`);
        }
    }

    /** BP028: each branch reaches the join step; without a join, each branch reaches an end. */
    private checkParallelEnds(branching: ast.Branching, accept: ValidationAcceptor): void {
        const source = branching.step?.ref;
        if (!source) return;
        const graph = this.models.getStepGraph(branching.$container);
        const join = branching.join?.ref?.name;
        const ends = new Set(graph.steps.filter((_step, index) => graph.end[index]).map(step => step.name));
        for (const branch of branching.branches) {
            const target = branch.target?.ref?.name;
            if (!target) continue;
            const node = graph.nodeOf(target);
            const reachable = graph.reachableFrom(node === undefined ? [] : [node]);
            if (join !== undefined) {
                if (!graph.marks(reachable, join)) {
                    accept('warning', `Parallel branch '${target}' never reaches the join step '${join}': add the flows that bring it back.`,
                        { node: branch, property: 'target', code: Rules.parallelJoins.id });
                }
            } else if (![...ends].some(id => graph.marks(reachable, id))) {
                accept('warning', `Parallel branch '${target}' neither joins nor ends: add \`join Step\` after the block, or lead the branch to an \`end\` step.`,
                    { node: branch, property: 'target', code: Rules.parallelJoins.id });
            }
        }
    }
}

/** A step with a fail point whose recovery names steps (a corrective sub-process). */
function hasRecoverySteps(step: ast.Step): boolean {
    for (const property of step.properties) {
        if (property.$type !== ast.FailPoint.$type) continue;
        for (const recovery of (property as ast.FailPoint).recoveries) if (recovery.steps.length > 0) return true;
    }
    return false;
}
