/**
 * What the preview's hover card says about a step: everything written on it that the box only
 * hints at (fail points with cause, failure rate, prevention and recovery with their poka-yoke type
 * and the steps that carry them out; times against their tolerance; KPI
 * names and targets; the moment of truth; the emotion with its note; notes). Pure, so it is unit-tested.
 */
import type { StepDetails } from '@blueprint/diagram';

export interface HoverCardSection {
    /** `fail`, `time`, `metric`, `moment`, `emotion`, `note`: also the CSS class. */
    readonly kind: string;
    readonly heading: string;
    readonly lines: readonly HoverCardLine[];
}

export interface HoverCardLine {
    /** Short bold lead-in (`F1`, `Prevention`), or none. */
    readonly lead?: string;
    readonly text: string;
    /** A time beyond its tolerance: shown as a warning. */
    readonly warning?: boolean;
}

export interface HoverCard {
    readonly title: string;
    readonly subtitle: string;
    readonly sections: readonly HoverCardSection[];
}

export function hoverCard(label: string, details: StepDetails | undefined, evidenceFor?: string): HoverCard {
    if (!details) return { title: label, subtitle: '', sections: [] };
    const context = [details.lane, details.stage].filter((part): part is string => part !== undefined);
    const who = [
        details.actor ? `by ${details.actor}` : undefined,
        details.channel ? `via ${details.channel}` : undefined,
        details.segments.length > 0 ? `for ${details.segments.join(', ')}` : undefined
    ].filter((part): part is string => part !== undefined);
    const sections: HoverCardSection[] = [];
    if (evidenceFor !== undefined) {
        sections.push({ kind: 'evidence', heading: 'Physical evidence', lines: [{ text: `Seen at: ${details.evidenceOf ?? evidenceFor}` }] });
    }

    const times: HoverCardLine[] = [];
    if (details.duration?.expected) {
        const { expected, tolerance, over } = details.duration;
        times.push({ lead: 'Duration', text: `${expected}${tolerance ? `, standard ${tolerance}` : ''}${over ? ' — above its standard' : ''}`, warning: over });
    }
    if (details.wait) {
        const { expected, tolerance, over } = details.wait;
        times.push({
            lead: 'Wait', text: `${expected ?? 'no expected time'}${tolerance ? `, tolerance ${tolerance}` : ''}${over ? ' — beyond its tolerance' : ''}`, warning: over
        });
    }
    if (times.length > 0) sections.push({ kind: 'time', heading: 'Time', lines: times });

    for (const fail of details.failPoints) {
        const lines: HoverCardLine[] = [{ lead: 'Cause', text: fail.cause }];
        if (fail.rate) lines.push({ lead: 'Failure rate', text: fail.rate });
        // Layouts from before remedies were typed carry only the texts.
        const remedies = fail.remedies ?? [
            ...fail.preventions.map(text => ({ kind: 'prevention' as const, text, steps: [] as readonly string[], pokaYoke: undefined })),
            ...fail.recoveries.map(text => ({ kind: 'recovery' as const, text, steps: [] as readonly string[], pokaYoke: undefined }))
        ];
        for (const remedy of remedies) {
            const type = remedy.pokaYoke ? ` (poka-yoke: ${remedy.pokaYoke})` : '';
            const steps = remedy.steps.length > 0 ? ` → steps: ${remedy.steps.join(', ')}` : '';
            lines.push({ lead: remedy.kind === 'prevention' ? 'Prevention' : 'Recovery', text: `${remedy.text}${type}${steps}` });
        }
        if (remedies.length === 0) lines.push({ text: 'No prevention or recovery written.', warning: true });
        sections.push({ kind: 'fail', heading: `Fail point ${fail.ref}`, lines });
    }
    if (details.metrics.length > 0) {
        sections.push({
            kind: 'metric', heading: 'Service standards',
            lines: details.metrics.map(metric => ({ lead: metric.ref, text: `${metric.label}${metric.target ? ` — target ${metric.target}` : ''}` }))
        });
    }
    if (details.moment) {
        sections.push({ kind: 'moment', heading: 'Moment of truth', lines: details.moment.reason ? [{ text: details.moment.reason }] : [] });
    }
    if (details.emotion) {
        sections.push({
            kind: 'emotion', heading: `Customer emotion: ${details.emotion.feeling}`,
            lines: details.emotion.note ? [{ text: details.emotion.note }] : []
        });
    }
    if (details.notes.length > 0) sections.push({ kind: 'note', heading: 'Notes', lines: details.notes.map(text => ({ text })) });
    return { title: label, subtitle: [...context, ...who].join(' · '), sections };
}
