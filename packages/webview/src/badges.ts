/**
 * The small tags drawn on a step's box: fail point, wait point (with time), moment of truth,
 * emotion, metric count, channel, customer segments and actor. Pure, so it is unit-tested.
 */
import type { StepFields } from './schema.js';

export type BadgeKind = 'fail' | 'wait' | 'moment' | 'emotion' | 'metrics' | 'channel' | 'segment' | 'actor';

export interface Badge {
    readonly kind: BadgeKind;
    /** Short text drawn in the badge. */
    readonly text: string;
    /** Full explanation, shown as the tooltip. */
    readonly title: string;
    /** Extra CSS class (the emotion's feeling). */
    readonly variant?: string;
}

/** Badges straddling the top edge (what can go wrong or matters) and the bottom edge (context). */
export interface StepBadges {
    readonly top: readonly Badge[];
    readonly bottom: readonly Badge[];
}

const EMOTION_GLYPHS: Readonly<Record<string, string>> = {
    delighted: '++',
    positive: '+',
    neutral: '=',
    negative: '−',
    frustrated: '−−'
};

const MAX_TAG_CHARACTERS = 18;

export function stepBadges(step: StepFields): StepBadges {
    const top: Badge[] = [];
    const bottom: Badge[] = [];
    if (step.failPoint) {
        top.push({ kind: 'fail', text: 'F', title: 'Fail point' });
    }
    if (step.waitPoint) {
        top.push({
            kind: 'wait',
            text: step.waitTime ? `W ${step.waitTime}` : 'W',
            title: step.waitTime ? `Wait point: ${step.waitTime}` : 'Wait point'
        });
    }
    if (step.moment) {
        top.push({ kind: 'moment', text: 'MOT', title: 'Moment of truth' });
    }
    if (step.emotion) {
        top.push({
            kind: 'emotion',
            text: EMOTION_GLYPHS[step.emotion] ?? step.emotion.slice(0, 3),
            title: `Emotion: ${step.emotion}`,
            variant: step.emotion
        });
    }
    if (step.metrics > 0) {
        top.push({
            kind: 'metrics',
            text: `${step.metrics} KPI`,
            title: step.metrics === 1 ? '1 metric' : `${step.metrics} metrics`
        });
    }
    if (step.channel) {
        bottom.push({ kind: 'channel', text: shorten(step.channel), title: `Channel: ${step.channel}` });
    }
    if (step.segments.length > 0) {
        const names = step.segments.join(', ');
        bottom.push({ kind: 'segment', text: shorten(`for ${names}`), title: `Only for: ${names}` });
    }
    if (step.actor) {
        bottom.push({ kind: 'actor', text: shorten(step.actor), title: `By: ${step.actor}` });
    }
    return { top, bottom };
}

export function shorten(text: string, max = MAX_TAG_CHARACTERS): string {
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Width of a badge for its text. The webview cannot measure text before rendering (the layout comes
 * from the server), so it estimates from an average glyph width of the 10px badge font.
 */
export function badgeWidth(text: string): number {
    return Math.round(text.length * 6.2 + 10);
}
