/** Shared formatting for the service review in Markdown and HTML. */
import { formatSeconds, type TimeFigures } from '@blueprint/language';

export function duration(seconds: number | undefined): string {
    return seconds === undefined ? 'unknown' : formatSeconds(seconds);
}

/** `12 min` or `≥ 12 min (2 steps without a time)` — unknown times are never shown as zero. */
export function boundedDuration(figures: TimeFigures, seconds: number): string {
    const unknown = figures.unknownSteps.length;
    if (unknown === 0) return formatSeconds(seconds);
    const steps = `${unknown} step${unknown === 1 ? '' : 's'} without a time`;
    return seconds > 0 ? `≥ ${formatSeconds(seconds)} (${steps})` : `unknown (${steps})`;
}

/** A part of a total (waiting, visible, backstage): a lower bound, or unknown, when steps have no time. */
export function boundedPart(figures: TimeFigures, seconds: number): string {
    if (figures.unknownSteps.length === 0) return formatSeconds(seconds);
    return seconds > 0 ? `≥ ${formatSeconds(seconds)}` : 'unknown';
}

export function percent(share: number | undefined): string {
    return share === undefined ? '—' : `${Math.round(share * 100)} %`;
}
