/** Lanes: canonical order, custom orders that list every lane used, evidence on visible steps. */
import type { ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import { STANDARD_LANES } from '@blueprint/model';
import type { BlueprintCoreServices } from '../blueprint-module.js';
import { laneIdOf } from '../model/model-builder.js';
import type { BlueprintModelProvider } from '../model/model-provider.js';
import { Rules } from './rules.js';

export class LaneChecks {
    private readonly models: BlueprintModelProvider;

    constructor(services: BlueprintCoreServices) {
        this.models = services.model.BlueprintModelProvider;
    }

    /** Whether the customer sees a step's lane: the model's one visibility rule, so custom lanes count by position. */
    private isVisibleLane(step: ast.Step): boolean {
        return this.models.getVisibleLanes(step.$container).has(laneIdOf(step));
    }

    checkLaneOrder(order: ast.LaneOrder, accept: ValidationAcceptor): void {
        const ids = order.lanes.map(ref => ref.standard ?? ref.custom?.ref?.name ?? ref.custom?.$refText);
        ids.forEach((id, index) => {
            if (id !== undefined && ids.indexOf(id) !== index) {
                accept('warning', `Lane '${id}' is listed twice in the lane order.`,
                    { node: order, property: 'lanes', index, code: Rules.laneOrder.id });
            }
        });
        const standard = ids.filter((id): id is typeof STANDARD_LANES[number] => STANDARD_LANES.includes(id as never));
        const canonical = STANDARD_LANES.filter(lane => standard.includes(lane));
        if (standard.join() !== canonical.join()) {
            accept('warning', `Standard lanes are out of the canonical order (${canonical.join(', ')}): the lines of interaction, visibility and internal interaction lose their meaning.`,
                { node: order, keyword: 'lanes', code: Rules.laneOrder.id });
        }
        const blueprint = order.$container;
        const missing = new Set<string>();
        for (const step of blueprint.members.filter(ast.isStep)) {
            const lane = laneIdOf(step);
            if (!ids.includes(lane)) missing.add(lane);
        }
        if (blueprint.members.some(m => ast.isEvidenceItem(m) || (ast.isStep(m) && m.properties.some(ast.isEvidenceProperty)))
            && !ids.includes('evidence')) {
            missing.add('evidence');
        }
        if (missing.size > 0) {
            accept('warning', `The lane order leaves out ${[...missing].map(l => `'${l}'`).join(', ')}, which ${missing.size === 1 ? 'is' : 'are'} used; list every lane used.`,
                { node: order, keyword: 'lanes', code: Rules.laneOrder.id });
        }
    }

    checkCustomLane(lane: ast.CustomLane, accept: ValidationAcceptor): void {
        // Anchors that lead back to the lane itself cannot be placed.
        const seen = new Set<ast.CustomLane>([lane]);
        let anchor = lane.anchor?.custom?.ref;
        while (anchor) {
            if (seen.has(anchor)) {
                accept('warning', `Lane '${lane.name}' is placed relative to itself through '${anchor.name}'; it goes to the bottom.`,
                    { node: lane, property: 'anchor', code: Rules.laneOrder.id });
                return;
            }
            seen.add(anchor);
            anchor = anchor.anchor?.custom?.ref;
        }
    }

    checkEvidenceItem(item: ast.EvidenceItem, accept: ValidationAcceptor): void {
        const step = item.step?.ref;
        if (step && !this.isVisibleLane(step)) {
            accept('warning', `Evidence '${item.name}' is attached to '${step.name}' in the ${laneIdOf(step)} lane, which the customer never sees; attach it to a customer or frontstage step.`,
                { node: item, property: 'step', code: Rules.evidenceOnCustomerStep.id });
        }
    }

    checkInlineEvidence(step: ast.Step, accept: ValidationAcceptor): void {
        // By `$type` (the kind has no subtypes): asked for every step.
        if (!step.properties.some(isEvidenceProperty) || this.isVisibleLane(step)) return;
        for (const evidence of step.properties.filter(ast.isEvidenceProperty)) {
            accept('warning', `Evidence on a ${laneIdOf(step)} step is invisible to the customer; put it on the customer or frontstage step the customer meets.`,
                { node: evidence, code: Rules.evidenceOnCustomerStep.id });
        }
    }
}

function isEvidenceProperty(property: ast.StepProperty): property is ast.EvidenceProperty {
    return property.$type === ast.EvidenceProperty.$type;
}
