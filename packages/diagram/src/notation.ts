/**
 * The diagram's notation, defined once for the SVG renderer and the preview alike: what each badge
 * and chip says, its colour (a tone each renderer maps to its theme), its legend text and the
 * sentence a screen reader hears; and the legend texts of flow, box and line styles.
 */
import type { Feeling, FlowKind } from '@blueprint/model';
import type { BadgeKind, ChipKind, Tone } from './geometry.js';

export interface MarkNotation {
    /** A sample of the mark for the legend. */
    readonly sample: string;
    readonly tone: Tone;
    readonly legend: string;
}

export const BADGE_NOTATION: Readonly<Record<Exclude<BadgeKind, 'emotion'>, MarkNotation>> = {
    fail: { sample: 'F1', tone: 'red', legend: 'Fail point, numbered: cause, prevention and recovery under Fail points below' },
    wait: { sample: 'W 5 min ≤ 10 min', tone: 'orange', legend: 'Wait point: expected wait ≤ the tolerance the customer accepts' },
    duration: { sample: '2 min ≤ 4 min', tone: 'grey', legend: 'Duration of the step ≤ its time standard (tolerance)' },
    moment: { sample: 'MOT', tone: 'purple', legend: 'Moment of truth: the customer forms a judgement here' },
    metric: { sample: 'KPI 1', tone: 'blue', legend: 'Service standard (KPI) measured here, with its target under Service standards below' },
    note: { sample: 'N1', tone: 'grey', legend: 'Notes on the step (moment of truth, emotion, remarks) under Notes below' }
};

/** A time beyond its tolerance: the same badge, marked. */
export const OVER_NOTATION: Readonly<Record<'wait' | 'duration', MarkNotation>> = {
    wait: { sample: 'W 15 min > 10 min', tone: 'red', legend: 'Wait beyond its tolerance: longer than customers accept' },
    duration: { sample: '5 min > 4 min', tone: 'red', legend: 'Step above its time standard' }
};

export const EMOTION_NOTATION: Readonly<Record<Feeling, MarkNotation>> = {
    delighted: { sample: '++', tone: 'green', legend: 'Customer emotion: delighted' },
    positive: { sample: '+', tone: 'green', legend: 'Customer emotion: positive' },
    neutral: { sample: '○', tone: 'grey', legend: 'Customer emotion: neutral' },
    negative: { sample: '−', tone: 'orange', legend: 'Customer emotion: negative' },
    frustrated: { sample: '−−', tone: 'red', legend: 'Customer emotion: frustrated' }
};

export const CHIP_NOTATION: Readonly<Record<ChipKind, MarkNotation>> = {
    actor: { sample: 'Teller', tone: 'plain', legend: 'Who performs the step (actor or system)' },
    channel: { sample: 'Phone', tone: 'plain', legend: 'Channel the step uses' },
    segment: { sample: 'for VIP', tone: 'plain', legend: 'Variant: only for this customer segment (dashed box)' }
};

export const FLOW_NOTATION: Readonly<Record<FlowKind | 'evidence' | 'loop', string>> = {
    sequence: 'Flow: the next step',
    'two-way': 'Two-way flow: a conversation',
    'hand-off': 'Hand-off between people or units',
    escalation: 'Escalation (to the second line)',
    loop: 'Loop: the process repeats from here',
    evidence: 'Physical evidence the step shows'
};

/** A variant's dashed box is explained with its segment chip (they always come together). */
export const BOX_NOTATION: Readonly<Record<'touchpoint' | 'evidence', string>> = {
    touchpoint: 'Touchpoint: a customer step that meets the provider (bold border)',
    evidence: 'Physical evidence: what the customer sees or receives'
};

export const LINE_NOTATION = 'Line between lanes (interaction, visibility, internal interaction), named at its right end';

export const LEGEND_TITLE = 'Legend';
export const FOOTNOTE_TITLES: Readonly<Record<'fail' | 'metric' | 'note', string>> = {
    fail: 'Fail points',
    metric: 'Service standards',
    note: 'Notes'
};

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
