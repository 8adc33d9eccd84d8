/** Shared formatting for the service review in Markdown and HTML, in the blueprint's language. */
import { formatSeconds, localisation, type ServiceReportStrings, type TimeFigures } from '@blueprint/model';

const ENGLISH = localisation('en').serviceReport;

export function duration(seconds: number | undefined, s: ServiceReportStrings = ENGLISH): string {
    return seconds === undefined ? s.unknown : formatSeconds(seconds);
}

/** `12 min` or `≥ 12 min (2 steps without a time)` — unknown times are never shown as zero. */
export function boundedDuration(figures: TimeFigures, seconds: number, s: ServiceReportStrings = ENGLISH): string {
    const unknown = figures.unknownSteps.length;
    if (unknown === 0) return formatSeconds(seconds);
    const bound = s.atLeastWithoutTime(formatSeconds(seconds), unknown);
    // Nothing known at all: "unknown (…)" rather than "≥ 0 s (…)".
    return seconds > 0 ? bound : bound.replace(`≥ ${formatSeconds(0)}`, s.unknown);
}

/** A part of a total (waiting, visible, backstage): a lower bound, or unknown, when steps have no time. */
export function boundedPart(figures: TimeFigures, seconds: number, s: ServiceReportStrings = ENGLISH): string {
    if (figures.unknownSteps.length === 0) return formatSeconds(seconds);
    return seconds > 0 ? `≥ ${formatSeconds(seconds)}` : s.unknown;
}

export function percent(share: number | undefined): string {
    return share === undefined ? '—' : `${Math.round(share * 100)} %`;
}
