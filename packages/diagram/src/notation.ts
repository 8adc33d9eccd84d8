/**
 * The diagram's notation, defined once for the SVG renderer and the preview alike: what each badge
 * and chip says, its colour (a tone each renderer maps to its theme), its legend text and the
 * sentence a screen reader hears; and the legend texts of flow, box and line styles.
 */
import { localisation, type Feeling, type FlowKind, type LegendKey } from '@blueprint/model';
import type { BadgeKind, ChipKind, Tone } from './geometry.js';

export interface MarkNotation {
    /** A sample of the mark for the legend (a chip's legend shows the first such chip drawn, this only without one). */
    readonly sample: string;
    readonly tone: Tone;
    /** The legend's English text; a blueprint in another language draws `DiagramStrings.legendEntries[key]`. */
    readonly legend: string;
}

/** English legend texts: one table for every language lives with the language (i18n/localisation.ts). */
const EN = localisation('en').diagram.legendEntries;

export const BADGE_NOTATION: Readonly<Record<Exclude<BadgeKind, 'emotion'>, MarkNotation>> = {
    fail: { sample: 'F1', tone: 'red', legend: EN['badge:fail'] },
    wait: { sample: 'W 5 min ≤ 10 min', tone: 'orange', legend: EN['badge:wait'] },
    duration: { sample: '2 min ≤ 4 min', tone: 'grey', legend: EN['badge:duration'] },
    moment: { sample: 'MOT', tone: 'purple', legend: EN['badge:moment'] },
    metric: { sample: 'KPI 1', tone: 'blue', legend: EN['badge:metric'] },
    note: { sample: 'N1', tone: 'grey', legend: EN['badge:note'] }
};

/** A time beyond its tolerance: the same badge, marked. */
export const OVER_NOTATION: Readonly<Record<'wait' | 'duration', MarkNotation>> = {
    wait: { sample: 'W 15 min > 10 min', tone: 'red', legend: EN['badge:wait-over'] },
    duration: { sample: '5 min > 4 min', tone: 'red', legend: EN['badge:duration-over'] }
};

export const EMOTION_NOTATION: Readonly<Record<Feeling, MarkNotation>> = {
    delighted: { sample: '++', tone: 'green', legend: EN['badge:emotion-delighted'] },
    positive: { sample: '+', tone: 'green', legend: EN['badge:emotion-positive'] },
    neutral: { sample: '○', tone: 'grey', legend: EN['badge:emotion-neutral'] },
    negative: { sample: '−', tone: 'orange', legend: EN['badge:emotion-negative'] },
    frustrated: { sample: '−−', tone: 'red', legend: EN['badge:emotion-frustrated'] }
};

export const CHIP_NOTATION: Readonly<Record<ChipKind, MarkNotation>> = {
    actor: { sample: 'Staff', tone: 'plain', legend: EN['chip:actor'] },
    channel: { sample: 'Phone', tone: 'plain', legend: EN['chip:channel'] },
    segment: { sample: 'for VIP', tone: 'plain', legend: EN['chip:segment'] }
};

/** `recovery`: the flows of a fail point's corrective sub-process, in their own colour with the fail point's number on the way in. */
export const FLOW_NOTATION: Readonly<Record<FlowKind | 'evidence' | 'loop' | 'recovery', string>> = {
    sequence: EN['flow:sequence'],
    'two-way': EN['flow:two-way'],
    'hand-off': EN['flow:hand-off'],
    escalation: EN['flow:escalation'],
    loop: EN['flow:loop'],
    recovery: EN['flow:recovery'],
    evidence: EN['flow:evidence']
};

/** A variant's dashed box is explained with its segment chip (they always come together). */
export const BOX_NOTATION: Readonly<Record<'touchpoint' | 'evidence' | 'independent', string>> = {
    touchpoint: EN['box:touchpoint'],
    evidence: EN['box:evidence'],
    independent: EN['box:independent']
};

/** Branch points: an empty diamond for alternatives, a `+` diamond for parallel work. */
export const GATEWAY_NOTATION: Readonly<Record<'exclusive' | 'parallel', string>> = {
    exclusive: EN['gateway:exclusive'],
    parallel: EN['gateway:parallel']
};

export const LINE_NOTATION = EN.line;
export const ORDER_PENETRATION_NOTATION = EN['line:order-penetration'];

export const LEGEND_TITLE = localisation('en').diagram.legend;
export const FOOTNOTE_TITLES: Readonly<Record<'fail' | 'metric' | 'note', string>> = localisation('en').diagram.footnotes;

export type { LegendKey };

/** The badge text of a time: `2 min`, `2 min ≤ 4 min` or `5 min > 4 min`. */
export function timeMark(expected: string | undefined, tolerance: string | undefined, over: boolean): string {
    if (expected === undefined) return tolerance === undefined ? '' : `≤ ${tolerance}`;
    if (tolerance === undefined) return expected;
    return `${expected} ${over ? '>' : '≤'} ${tolerance}`;
}

const COMPARATORS: Readonly<Record<string, string>> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=' };

/** A metric target as people write it: `≥ 85 %`, `≤ 15 s`. */
export function formatTarget(target: { readonly comparator?: string; readonly value: number; readonly unit?: string }): string {
    const comparator = target.comparator === undefined ? '' : `${COMPARATORS[target.comparator] ?? target.comparator} `;
    return `${comparator}${target.value}${target.unit ? ` ${target.unit}` : ''}`;
}
