/** Defects the service analysis finds: a process slower than its time standard, unrecoverable moments of truth. */
import type { ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import { analyseTime } from '../analysis/time-analysis.js';
import type { BlueprintServices } from '../blueprint-module.js';
import type { BlueprintModelProvider } from '../model/model-provider.js';
import { formatSeconds } from '../model/time.js';
import { Rules } from './rules.js';

export class AnalysisChecks {
    private readonly models: BlueprintModelProvider;

    constructor(services: BlueprintServices) {
        this.models = services.model.BlueprintModelProvider;
    }

    checkProcessTolerance(tolerance: ast.TotalTolerance, accept: ValidationAcceptor): void {
        const blueprint = tolerance.$container;
        const model = this.models.getModel(blueprint);
        if (model.tolerance?.seconds === undefined) return;
        const variants = [analyseTime(model), ...model.segments.map(segment => analyseTime(model, segment.id))];
        const over = variants.filter(variant => variant.toleranceExceeded);
        if (over.length === 0) return;
        const labels = new Map(model.segments.map(segment => [segment.id, segment.label]));
        const worst = over.reduce((a, b) => (a.criticalPath!.totalSeconds >= b.criticalPath!.totalSeconds ? a : b));
        const who = over.map(v => (v.segment ? labels.get(v.segment) ?? v.segment : 'every customer')).join(', ');
        const path = worst.criticalPath!;
        const unknown = path.unknownSteps.length > 0 ? ` (at least: ${path.unknownSteps.length} steps have no time)` : '';
        accept('warning', `The critical path takes ${formatSeconds(path.totalSeconds)}${unknown}, more than the time standard of ${formatSeconds(model.tolerance.seconds)} (for ${who}): ${path.steps.join(' → ')}.`,
            { node: tolerance, code: Rules.processTolerance.id });
    }

    checkMomentRecovery(step: ast.Step, accept: ValidationAcceptor): void {
        if (!step.properties.some(ast.isMomentOfTruth)) return;
        for (const fail of step.properties.filter(ast.isFailPoint)) {
            if (fail.recoveries.length === 0) {
                accept('warning', `"${fail.cause}" can fail a moment of truth, where a failure is hard to repair on the spot: add \`recovery "..."\` so staff know what to do.`,
                    { node: fail, keyword: 'fail', code: Rules.momentRecovery.id });
            }
        }
    }
}
