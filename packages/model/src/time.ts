/** Time values as written in a blueprint (`8 min`, `30 s`) and their normalised length in seconds. */

export interface TimeSpan {
    /** The number as written. */
    readonly value: number;
    /** The unit as written, if any. */
    readonly unit?: string;
    /** Length in seconds; undefined when the unit is missing or unknown (never guessed). */
    readonly seconds?: number;
}

const SECONDS_PER_UNIT: Readonly<Record<string, number>> = {
    ms: 0.001,
    s: 1, sec: 1, secs: 1, second: 1, seconds: 1,
    min: 60, mins: 60, minute: 60, minutes: 60,
    h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600,
    d: 86400, day: 86400, days: 86400,
    wk: 604800, week: 604800, weeks: 604800
};

/** Units offered by completion, shortest spelling of each. */
export const CANONICAL_TIME_UNITS = ['ms', 's', 'min', 'h', 'd', 'week'] as const;

export function isTimeUnit(unit: string | undefined): unit is string {
    return unit !== undefined && Object.prototype.hasOwnProperty.call(SECONDS_PER_UNIT, unit);
}

export function toTimeSpan(value: number, unit: string | undefined): TimeSpan {
    return { value, unit, seconds: isTimeUnit(unit) ? value * SECONDS_PER_UNIT[unit] : undefined };
}

/** `90` → `1 min 30 s`; `3600` → `1 h`. Used in hovers, reports and code lenses. */
export function formatSeconds(totalSeconds: number): string {
    if (!Number.isFinite(totalSeconds)) return '?';
    if (totalSeconds < 1 && totalSeconds > 0) return `${Math.round(totalSeconds * 1000)} ms`;
    let rest = Math.round(totalSeconds);
    const parts: string[] = [];
    for (const [unit, size] of [['d', 86400], ['h', 3600], ['min', 60], ['s', 1]] as const) {
        // No unit skipped between two that are there: "1 h 30 s" reads as an hour and a half.
        if (rest >= size || (parts.length > 0 && rest > 0)) {
            const count = Math.floor(rest / size);
            parts.push(`${count} ${unit}`);
            rest -= count * size;
        }
    }
    return parts.length === 0 ? '0 s' : parts.join(' ');
}

export function formatTimeSpan(span: TimeSpan): string {
    return span.unit ? `${span.value} ${span.unit}` : `${span.value}`;
}
