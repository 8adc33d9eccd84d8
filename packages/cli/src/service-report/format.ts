/** Shared formatting for the service review in Markdown and HTML. */
import { formatSeconds, type TimeFigures } from '@blueprint/language';

export function duration(seconds: number | undefined): string {
    return seconds === undefined ? 'unknown' : formatSeconds(seconds);
}

/** `12 min` or `≥ 12 min (2 steps without a time)` — unknown times are never shown as zero. */
export function boundedDuration(figures: TimeFigures, seconds: number): string {
    const unknown = figures.unknownSteps.length;
    return unknown === 0 ? formatSeconds(seconds) : `≥ ${formatSeconds(seconds)} (${unknown} step${unknown === 1 ? '' : 's'} without a time)`;
}

export function percent(share: number | undefined): string {
    return share === undefined ? '—' : `${Math.round(share * 100)} %`;
}
