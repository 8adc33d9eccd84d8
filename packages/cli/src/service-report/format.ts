/** Shared formatting for the service review in Markdown and HTML, in the blueprint's language. */
import { formatSeconds, localisation, type ServiceReportStrings, type TimeFigures } from '@blueprint/language';

const ENGLISH = localisation('en').serviceReport;

export function duration(seconds: number | undefined, s: ServiceReportStrings = ENGLISH): string {
    return seconds === undefined ? s.unknown : formatSeconds(seconds);
}

/** `12 min` or `≥ 12 min (2 steps without a time)` — unknown times are never shown as zero. */
export function boundedDuration(figures: TimeFigures, seconds: number, s: ServiceReportStrings = ENGLISH): string {
    const unknown = figures.unknownSteps.length;
    return unknown === 0 ? formatSeconds(seconds) : s.atLeastWithoutTime(formatSeconds(seconds), unknown);
}

export function percent(share: number | undefined): string {
    return share === undefined ? '—' : `${Math.round(share * 100)} %`;
}

export function target(comparator: string | undefined, value: number | undefined, unit: string | undefined, s: ServiceReportStrings = ENGLISH): string {
    if (value === undefined) return s.noTarget;
    return `${comparator ?? '?'} ${value}${unit ? (unit === '%' ? ' %' : ` ${unit}`) : ''}`;
}
