/**
 * How the preview draws the badges and chips the layout placed in each box (`LaidOutStep.marks`):
 * the same text, tone and position as the SVG, so both show the same thing. Pure, so it is unit-tested.
 */
import type { LaidOutLegendEntry, LaidOutMark, MarkKind } from '@blueprint/diagram';

const CHIP_KINDS: ReadonlySet<MarkKind> = new Set(['actor', 'channel', 'segment']);

export function isChip(kind: MarkKind): boolean {
    return CHIP_KINDS.has(kind);
}

/** CSS classes of a mark: its kind (`badge-fail`, `chip-actor`), its tone (`tone-red`) and variant (`mark-over`). */
export function markClasses(mark: Pick<LaidOutMark, 'kind' | 'tone' | 'variant'>): Record<string, boolean> {
    const chip = isChip(mark.kind);
    return {
        badge: !chip,
        chip,
        [`${chip ? 'chip' : 'badge'}-${mark.kind}`]: true,
        [`tone-${mark.tone}`]: true,
        ...(mark.variant ? { [mark.kind === 'emotion' ? `emotion-${mark.variant}` : `mark-${mark.variant}`]: true } : {})
    };
}

/** Baseline of the n-th text line of a mark, relative to its top. */
export function markBaseline(mark: Pick<LaidOutMark, 'lines' | 'height'>, index: number): number {
    return mark.lines.length === 1 ? mark.height / 2 + 3.5 : 12 + index * 12;
}

/** Baseline of the label's n-th line, relative to the box (the same rule as the SVG renderer). */
export function labelBaseline(step: { labelTop: number; lineHeight: number; fontSize: number }, index: number): number {
    return step.labelTop + index * step.lineHeight + step.lineHeight / 2 + step.fontSize * 0.35;
}

export type LegendSample =
    | { readonly shape: 'mark'; readonly mark: LaidOutMark }
    | { readonly shape: 'box'; readonly style: string }
    | { readonly shape: 'flow'; readonly kind: string; readonly loop: boolean }
    | { readonly shape: 'gateway'; readonly kind: 'exclusive' | 'parallel' }
    | { readonly shape: 'line'; readonly kind?: string };

/** What a legend entry shows on its left: a badge or chip as in the boxes, a box style, a flow style or a line. */
export function legendSample(entry: LaidOutLegendEntry): LegendSample {
    const [group, kind = ''] = entry.key.split(':');
    if (group === 'badge' || group === 'chip') {
        const emotion = kind.startsWith('emotion-');
        const over = kind.endsWith('-over');
        const markKind = (emotion ? 'emotion' : kind.replace(/-over$/, '')) as MarkKind;
        return {
            shape: 'mark',
            mark: {
                kind: markKind, lines: [entry.sample ?? ''], tone: entry.tone,
                variant: emotion ? kind.slice('emotion-'.length) : over ? 'over' : undefined,
                description: entry.label, x: 0, y: 0, width: entry.sampleWidth, height: entry.height
            }
        };
    }
    if (group === 'box') return { shape: 'box', style: kind };
    if (group === 'flow') return { shape: 'flow', kind: kind === 'loop' ? 'sequence' : kind, loop: kind === 'loop' };
    if (group === 'gateway') return { shape: 'gateway', kind: kind === 'parallel' ? 'parallel' : 'exclusive' };
    return kind ? { shape: 'line', kind } : { shape: 'line' };
}
