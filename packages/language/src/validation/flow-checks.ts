/** The process as a graph: start, reachability, dead ends, escalations, lines crossed. */
import type { ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import type { BlueprintModelProvider } from '../model/model-provider.js';
import { buildFlowGraph, reachableFrom, stepsReaching } from '../model/flow-graph.js';
import { laneIdOf } from '../model/model-builder.js';
import type { BlueprintServices } from '../blueprint-module.js';
import { Rules } from './rules.js';

const BELOW_VISIBILITY = new Set(['backstage', 'support']);

export class FlowChecks {
    private readonly models: BlueprintModelProvider;

    constructor(services: BlueprintServices) {
        this.models = services.model.BlueprintModelProvider;
    }

    checkFlowLinks(flow: ast.Flow, accept: ValidationAcceptor): void {
        let source = flow.source?.ref;
        for (const link of flow.links) {
            const target = link.target?.ref;
            if (source && target) {
                if (source === target) {
                    accept('warning', `Flow from '${source.name}' to itself.`, { node: link, code: Rules.selfFlow.id });
                }
                const from = laneIdOf(source);
                const to = laneIdOf(target);
                if ((from === 'customer' && BELOW_VISIBILITY.has(to)) || (to === 'customer' && BELOW_VISIBILITY.has(from))) {
                    const [customer, hidden] = from === 'customer' ? [source, target] : [target, source];
                    accept('error', `Flow links customer step '${customer.name}' straight to ${laneIdOf(hidden)} step '${hidden.name}': the customer cannot touch what is below the line of visibility. Route it through a frontstage step (a person, a screen, a message).`,
                        { node: link, code: Rules.skipsLineOfInteraction.id });
                }
            }
            source = target;
        }
    }

    checkProcessGraph(blueprint: ast.Blueprint, accept: ValidationAcceptor): void {
        const steps = blueprint.members.filter(ast.isStep);
        if (steps.length === 0) return;
        const model = this.models.getModel(blueprint);
        const nodes = new Map(steps.map(step => [step.name, step]));
        const graph = buildFlowGraph(model);

        const starts = model.steps.filter(step => step.start);
        for (const start of starts) {
            if (start.laneKind !== 'customer') {
                accept('warning', `The process starts with '${start.id}' in the ${start.lane} lane; blueprints are drawn from the customer's point of view, so start with a customer action${starts.length === 1 && !hasMarker(nodes.get(start.id)!, 'start') ? ' (or mark the real first step `start`)' : ''}.`,
                    { node: nodes.get(start.id)!, property: 'name', code: Rules.startsWithCustomer.id });
            }
        }

        const reachable = reachableFrom(graph, starts.map(step => step.id));
        const reported = new Set<string>();
        for (const step of model.steps) {
            const node = nodes.get(step.id);
            // Steps with a duplicate name (BP001) are judged once, under the name.
            if (!node || reported.has(step.id)) continue;
            reported.add(step.id);
            if (!reachable.has(step.id)) {
                accept('warning', `Step '${step.id}' cannot be reached from the start (${starts.map(s => s.id).join(', ')}); connect it with a flow.`,
                    { node, property: 'name', code: Rules.unreachableStep.id });
            }
            if (!step.end && (graph.successors.get(step.id)?.length ?? 0) === 0) {
                accept('warning', `Step '${step.id}' is a dead end: add a flow out of it, or mark it \`end\` if the process ends here.`,
                    { node, property: 'name', code: Rules.deadEnd.id });
            }
        }

        // One backwards sweep from the customer's steps instead of a search per escalation.
        const returnsToCustomer = stepsReaching(graph, model.steps.filter(step => step.laneKind === 'customer').map(step => step.id));
        for (const flow of blueprint.members.filter(ast.isFlow)) {
            for (const link of flow.links) {
                if (link.arrow !== '=>' || !link.target?.ref) continue;
                if (!returnsToCustomer.has(link.target.ref.name)) {
                    accept('warning', `Escalation to '${link.target.ref.name}' never returns to the customer: add flows that bring the answer back to a customer step.`,
                        { node: link, code: Rules.escalationReturns.id });
                }
            }
        }
    }
}

function hasMarker(step: ast.Step, kind: 'start' | 'end'): boolean {
    return step.properties.some(p => ast.isBoundaryMarker(p) && p.kind === kind);
}
