/** The process as a graph: start, reachability, dead ends, escalations, lines crossed. */
import type { ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import type { BlueprintModelProvider } from '../model/model-provider.js';
import { laneIdOf } from '../model/model-builder.js';
import { blueprintMembers } from '../model/blueprint-members.js';
import type { BlueprintCoreServices } from '../blueprint-module.js';
import type { AstNode } from 'langium';
import { Rules } from './rules.js';

/** Channels through which the customer meets the provider without being in the same place. */
const REMOTE_DISTANCES = new Set(['remote', 'phone']);

export class FlowChecks {
    private readonly models: BlueprintModelProvider;

    constructor(services: BlueprintCoreServices) {
        this.models = services.model.BlueprintModelProvider;
    }

    checkFlowLinks(flow: ast.Flow, accept: ValidationAcceptor): void {
        let source = flow.source?.ref;
        for (let iLink = 0; iLink < flow.links.length; iLink++) {
            const link = flow.links[iLink];
            const target = link.target?.ref;
            if (source && target) this.checkLink(flow.$container, source, target, link, accept);
            source = target;
        }
    }

    checkBranchLinks(branching: ast.Branching, accept: ValidationAcceptor): void {
        const source = branching.step?.ref;
        for (let iBranch = 0; iBranch < branching.branches.length; iBranch++) {
            const branch = branching.branches[iBranch];
            const target = branch.target?.ref;
            if (source && target) this.checkLink(branching.$container, source, target, branch, accept);
        }
    }

    /**
     * Per the literature (Bitner 2008): what the customer cannot have is *physical* contact with what
     * lies below the line of visibility; through a remote channel (phone, chat, e-mail) a backstage
     * employee is the legitimate "invisible contact employee". Lanes are judged by position, so custom
     * lanes below the line count too.
     */
    private checkLink(blueprint: ast.Blueprint, source: ast.Step, target: ast.Step, node: AstNode, accept: ValidationAcceptor): void {
        if (source === target) {
            accept('warning', `Flow from '${source.name}' to itself.`, { node, code: Rules.selfFlow.id });
            return;
        }
        const from = laneIdOf(source);
        const to = laneIdOf(target);
        if (from !== 'customer' && to !== 'customer') return;
        const [customer, hidden] = from === 'customer' ? [source, target] : [target, source];
        const hiddenLane = laneIdOf(hidden);
        if (hiddenLane === 'customer' || this.visibleLanes(blueprint).has(hiddenLane)) return;
        const channel = remoteChannel(customer) ?? remoteChannel(hidden);
        if (channel) {
            accept('info', `Customer step '${customer.name}' is in contact with '${hidden.name}' (${hiddenLane}, below the line of visibility) through the remote channel '${channel.label ?? channel.name}': an invisible contact employee, as in Bitner's hotel. Fine if the customer is not meant to see them.`,
                { node, code: Rules.remoteContact.id });
            return;
        }
        // Said in the flow's direction: the customer step may be either end.
        const link = customer === source
            ? `Flow from customer step '${customer.name}' straight to '${hidden.name}' in the ${hiddenLane} lane, below the line of visibility`
            : `Flow from '${hidden.name}' in the ${hiddenLane} lane, below the line of visibility, straight to customer step '${customer.name}'`;
        accept('error', `${link}: the customer cannot physically touch what they cannot see. Route it through a frontstage step (a person, a screen, a message), or give it a remote channel (\`via hotline\`, \`via chat\`) if the contact is by phone or online.`,
            { node, code: Rules.skipsLineOfInteraction.id });
    }

    private visibleLanes(blueprint: ast.Blueprint): ReadonlySet<string> {
        return this.models.getVisibleLanes(blueprint);
    }

    checkProcessGraph(blueprint: ast.Blueprint, accept: ValidationAcceptor): void {
        const members = blueprintMembers(blueprint);
        const steps = members.steps;
        if (steps.length === 0) return;
        const graph = this.models.getStepGraph(blueprint);
        // Run on every validation of every blueprint: index loops (until the optimizer has this, a for-of
        // allocates a result per element), and no set of names judged unless two steps share one.
        const nodes = new Map<string, ast.Step>();
        for (const step of steps) nodes.set(step.name, step);

        // The starts by their position among the graph's steps; origins and the customer's steps as the graph's nodes.
        const starts: number[] = [];
        const origins: number[] = [];
        const customerSteps: number[] = [];
        let recoverySteps: Set<string> | undefined;
        const graphSteps = graph.steps;
        for (let iStep = 0; iStep < graphSteps.length; iStep++) {
            if (graph.start[iStep]) starts.push(iStep);
            if (graphSteps[iStep].standardLane === 'customer') customerSteps.push(graph.nodeOf(graphSteps[iStep].name)!);
            const recoveries = graph.recoverySteps[iStep];
            for (let iRecovery = 0; iRecovery < recoveries.length; iRecovery++) (recoverySteps ??= new Set()).add(recoveries[iRecovery]);
        }
        const nameOf = (index: number) => graphSteps[index].name;
        for (let iStart = 0; iStart < starts.length; iStart++) {
            const start = graphSteps[starts[iStart]];
            origins.push(graph.nodeOf(start.name)!);
            if (start.standardLane !== 'customer') {
                accept('warning', `The process starts with '${start.name}' in the ${graph.lanes[starts[iStart]]} lane; blueprints are drawn from the customer's point of view, so start with a customer action${starts.length === 1 && !hasMarker(nodes.get(start.name)!, 'start') ? ' (or mark the real first step `start`)' : ''}.`,
                    { node: nodes.get(start.name)!, property: 'name', code: Rules.startsWithCustomer.id });
            }
        }

        // Customer-independent chains start on their own; corrective sub-processes are judged by BP026.
        for (let iStep = 0; iStep < graphSteps.length; iStep++) if (graph.independent[iStep]) origins.push(graph.nodeOf(graphSteps[iStep].name)!);
        const reachable = graph.reachableFrom(origins);
        // Steps with a duplicate name (BP001) are judged once, under the name.
        const reported = nodes.size === steps.length ? undefined : new Set<string>();
        for (let iStep = 0; iStep < graphSteps.length; iStep++) {
            const name = graphSteps[iStep].name;
            const node = nodes.get(name);
            if (!node || reported?.has(name)) continue;
            reported?.add(name);
            const graphNode = graph.nodeOf(name)!;
            if (!reachable[graphNode] && !recoverySteps?.has(name)) {
                accept('warning', `Step '${name}' cannot be reached from the start (${starts.map(nameOf).join(', ')}); connect it with a flow.`,
                    { node, property: 'name', code: Rules.unreachableStep.id });
            }
            if (!graph.end[iStep] && !graph.independent[iStep] && graph.successorCount(graphNode) === 0) {
                accept('warning', `Step '${name}' is a dead end: add a flow out of it, or mark it \`end\` if the process ends here.`,
                    { node, property: 'name', code: Rules.deadEnd.id });
            }
        }

        // One backwards sweep from the customer's steps instead of a search per escalation.
        let returnsToCustomer: Uint8Array | undefined;
        for (let iFlow = 0; iFlow < members.flows.length; iFlow++) {
            const flow = members.flows[iFlow];
            for (let iLink = 0; iLink < flow.links.length; iLink++) {
                const link = flow.links[iLink];
                if (link.arrow !== '=>' || !link.target?.ref) continue;
                returnsToCustomer ??= graph.stepsReaching(customerSteps);
                if (!graph.marks(returnsToCustomer, link.target.ref.name)) {
                    accept('warning', `Escalation to '${link.target.ref.name}' never returns to the customer: add flows that bring the answer back to a customer step.`,
                        { node: link, code: Rules.escalationReturns.id });
                }
            }
        }
    }
}

/** The step's channel, if it is a remote one. */
function remoteChannel(step: ast.Step): ast.Channel | undefined {
    const channel = step.channels[0]?.ref;
    return channel?.distance && REMOTE_DISTANCES.has(channel.distance) ? channel : undefined;
}

function hasMarker(step: ast.Step, kind: 'start' | 'end'): boolean {
    return step.properties.some(p => ast.isBoundaryMarker(p) && p.kind === kind);
}
