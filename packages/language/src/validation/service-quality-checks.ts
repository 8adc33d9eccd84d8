/** Service design rules on steps: touchpoint evidence, fail-point remedies, moments of truth, self-service. */
import type { ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import type { BlueprintCoreServices } from '../blueprint-module.js';
import type { BlueprintModelProvider } from '../model/model-provider.js';
import { isStepCustomerVisible } from '@blueprint/model';
import { Rules } from './rules.js';

export class ServiceQualityChecks {
    private readonly models: BlueprintModelProvider;

    constructor(services: BlueprintCoreServices) {
        this.models = services.model.BlueprintModelProvider;
    }

    checkStep(step: ast.Step, accept: ValidationAcceptor): void {
        // A step of a name taken already has no place in the process (BP001 reports it).
        const graph = this.models.getStepGraph(step.$container);
        const index = graph.indexOf(step);
        if (index === undefined) return;
        const touchpoint = graph.touchpoint[index] === 1;
        if (touchpoint && !graph.hasEvidence[index]) {
            accept('warning', `Touchpoint '${step.name}' has no physical evidence: what does the customer see, touch or receive here? Add \`evidence "..."\`.`,
                { node: step, property: 'name', code: Rules.touchpointEvidence.id });
        }
        // One pass over the properties (by `$type`: these kinds have no subtypes), for every step.
        let moment: ast.MomentOfTruth | undefined;
        for (let iProperty = 0; iProperty < step.properties.length; iProperty++) {
            const property = step.properties[iProperty];
            if (property.$type === ast.MomentOfTruth.$type) moment ??= property as ast.MomentOfTruth;
            if (property.$type !== ast.FailPoint.$type) continue;
            const fail = property as ast.FailPoint;
            if (fail.preventions.length === 0 && fail.recoveries.length === 0) {
                accept('warning', `Fail point "${fail.cause}" names no prevention or recovery: add \`prevention "..."\` or \`recovery "..."\`.`,
                    { node: fail, keyword: 'fail', code: Rules.failPointRemedy.id });
            }
        }
        if (moment && !isStepCustomerVisible({ touchpoint, lane: graph.lanes[index] }, graph.visibleLanes)) {
            accept('warning', `Moment of truth on '${step.name}', which the customer cannot see (${graph.lanes[index]} lane): a moment of truth is where the customer forms a judgement.`,
                { node: moment, keyword: 'moment', code: Rules.momentVisible.id });
        }
        const channel = step.channels[0]?.ref;
        const performer = step.performers[0]?.ref;
        if (step.standardLane === 'frontstage' && channel?.selfService && ast.isActor(performer)) {
            accept('warning', `'${step.name}' is self-service (${channel.label ?? channel.name}) yet performed by the employee '${performer.name}'; use a system, or a staffed channel.`,
                { node: step, property: 'performers', index: 0, code: Rules.selfService.id });
        }
    }
}
