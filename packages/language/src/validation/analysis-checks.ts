/** Defects the service analysis finds: a process slower than its time standard, unrecoverable moments of truth. */
import type { ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import type { BlueprintAnalysisProvider } from '../analysis/analysis-provider.js';
import type { TimeAnalysis, TimeFigures } from '@blueprint/model';
import type { BlueprintCoreServices } from '../blueprint-module.js';
import type { BlueprintModelProvider } from '../model/model-provider.js';
import { formatSeconds } from '@blueprint/model';
import { Rules } from './rules.js';

export class AnalysisChecks {
    private readonly models: BlueprintModelProvider;
    private readonly analyses: BlueprintAnalysisProvider;

    constructor(services: BlueprintCoreServices) {
        this.models = services.model.BlueprintModelProvider;
        this.analyses = services.model.BlueprintAnalysisProvider;
    }

    /** BP024: Shostack's question, the expected time against the standard, and the worst case too. */
    checkProcessTolerance(tolerance: ast.TotalTolerance, accept: ValidationAcceptor): void {
        const blueprint = tolerance.$container;
        const model = this.models.getModel(blueprint);
        const standard = model.tolerance?.seconds;
        if (standard === undefined) return;
        const analysis = this.analyses.getAnalysis(blueprint);
        const variants = [analysis.time, ...analysis.segments];
        const name = (v: TimeAnalysis) => v.segment ? model.segments.find(s => s.id === v.segment)?.label ?? v.segment : 'every customer';
        const atLeast = (figures: TimeFigures) => figures.unknownSteps.length > 0 ? 'at least ' : '';
        const expectedOver = variants.filter(v => v.expectedExceedsTolerance);
        const worstOver = variants.filter(v => v.toleranceExceeded && !v.expectedExceedsTolerance);
        if (expectedOver.length > 0) {
            const worst = expectedOver.reduce((a, b) => (a.expected!.totalSeconds >= b.expected!.totalSeconds ? a : b));
            accept('warning', `The expected time is ${atLeast(worst.expected!)}${formatSeconds(worst.expected!.totalSeconds)}, more than the time standard of ${formatSeconds(standard)} (for ${expectedOver.map(name).join(', ')}).`,
                { node: tolerance, code: Rules.processTolerance.id });
        }
        if (worstOver.length > 0) {
            const worst = worstOver.reduce((a, b) => (a.criticalPath!.totalSeconds >= b.criticalPath!.totalSeconds ? a : b));
            const path = worst.criticalPath!;
            const labels = new Map(model.steps.map(step => [step.id, step.label]));
            // Only some journeys take this long: information for the designer, not a defect of the whole.
            accept('info', `The expected time is within the time standard of ${formatSeconds(standard)}, but the worst case takes ${atLeast(path)}${formatSeconds(path.totalSeconds)} (for ${worstOver.map(name).join(', ')}): ${path.steps.map(id => labels.get(id) ?? id).join(' → ')}.`,
                { node: tolerance, code: Rules.processTolerance.id });
        }
    }

    checkMomentRecovery(step: ast.Step, accept: ValidationAcceptor): void {
        // By `$type` (the kind has no subtypes): asked for every step.
        if (!step.properties.some(property => property.$type === ast.MomentOfTruth.$type)) return;
        for (const fail of step.properties.filter(ast.isFailPoint)) {
            if (fail.recoveries.length === 0) {
                accept('warning', `"${fail.cause}" can fail a moment of truth, where a failure is hard to repair on the spot: add \`recovery "..."\` so staff know what to do.`,
                    { node: fail, keyword: 'fail', code: Rules.momentRecovery.id });
            }
        }
    }
}
