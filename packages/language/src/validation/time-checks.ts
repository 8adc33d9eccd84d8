/** Time standards (Shostack): units, expected waits, tolerances; metric targets. */
import type { ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import { CANONICAL_TIME_UNITS, isTimeUnit, toTimeSpan } from '@blueprint/model';
import { Rules } from './rules.js';

export class TimeChecks {
    checkTimeValue(time: ast.TimeValue, accept: ValidationAcceptor): void {
        if (time.unit === undefined) {
            accept('error', `${time.value} needs a time unit, e.g. ${time.value} min (units: ${CANONICAL_TIME_UNITS.join(', ')}).`,
                { node: time, property: 'value', code: Rules.timeUnit.id });
        } else if (!isTimeUnit(time.unit)) {
            accept('error', `Unknown time unit '${time.unit}' (units: ${CANONICAL_TIME_UNITS.join(', ')}).`,
                { node: time, property: 'unit', code: Rules.timeUnit.id });
        }
    }

    checkWait(wait: ast.WaitProperty, accept: ValidationAcceptor): void {
        if (!wait.expected) {
            accept('warning', 'A wait point needs an expected time, e.g. `wait 5 min tolerance 10 min`.',
                { node: wait, keyword: 'wait', code: Rules.waitTime.id });
            return;
        }
        this.checkTolerance(wait.expected, wait.tolerance, 'wait', accept);
    }

    checkDuration(duration: ast.DurationProperty, accept: ValidationAcceptor): void {
        this.checkTolerance(duration.time, duration.tolerance, 'duration', accept);
    }

    private checkTolerance(expected: ast.TimeValue | undefined, tolerance: ast.TimeValue | undefined, what: string, accept: ValidationAcceptor): void {
        // `duration tolerance 3 min` while typing: no duration yet, the parser reports that.
        if (!tolerance || !expected) return;
        const expectedSeconds = toTimeSpan(expected.value, expected.unit).seconds;
        const toleranceSeconds = toTimeSpan(tolerance.value, tolerance.unit).seconds;
        if (expectedSeconds !== undefined && toleranceSeconds !== undefined && expectedSeconds > toleranceSeconds) {
            accept('warning', `The expected ${what} (${expected.value} ${expected.unit}) exceeds its tolerance (${tolerance.value} ${tolerance.unit}): customers will not accept it.`,
                { node: expected, code: Rules.waitTolerance.id });
        }
    }

    checkMetric(metric: ast.Metric, accept: ValidationAcceptor): void {
        const target = metric.targets[0];
        if (!target) {
            accept('error', `Metric '${metric.name}' has no target; add one such as \`target >= 85 %\` or \`target <= 15 s\`.`,
                { node: metric, property: 'name', code: Rules.metricTarget.id });
            return;
        }
        if (!target.comparator) {
            accept('error', `The target of '${metric.name}' needs a comparator (>=, <=, >, <, =): is ${target.value} a minimum or a maximum?`,
                { node: target, property: 'value', code: Rules.metricTarget.id });
        }
        if (target.unit?.percent && (target.value < 0 || target.value > 100)) {
            accept('error', `A percentage target lies within 0..100, not ${target.value}.`,
                { node: target, property: 'value', code: Rules.metricTarget.id });
        }
        const unit = target.unit?.name;
        if (unit && !isTimeUnit(unit) && /^(sec|secs|mins?|hours?|hrs?|days?|minutes?|seconds?)$/i.test(unit)) {
            accept('error', `'${unit}' looks like a time unit but is not one of ${CANONICAL_TIME_UNITS.join(', ')}.`,
                { node: target.unit!, property: 'name', code: Rules.metricTarget.id });
        }
    }
}

