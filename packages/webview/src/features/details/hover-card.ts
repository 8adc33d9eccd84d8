/**
 * What the preview's hover card says about a step: everything written on it that the box only
 * hints at (fail points with cause, failure rate, prevention and recovery with their poka-yoke type
 * and the steps that carry them out; times against their tolerance; KPI
 * names and targets; the moment of truth; the emotion with its note; notes), in the blueprint's
 * language as the rest of the diagram. Pure, so it is unit-tested.
 */
import type { StepDetails, StepRemedy } from '@blueprint/diagram';
import { localisation, type DiagramStrings, type LegendKey } from '@blueprint/model';

export interface HoverCardSection {
    /** `fail`, `time`, `metric`, `moment`, `emotion`, `note`: also the CSS class. */
    readonly kind: string;
    readonly heading: string;
    readonly lines: readonly HoverCardLine[];
}

export interface HoverCardLine {
    /** Short bold lead-in with its punctuation (`F1: `, `Prevention: `, `原因：`), or none. */
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

/** English, for a diagram that comes without its language. */
const EN_STRINGS = localisation('en').diagram;

/** The card in the blueprint's language (`strings`: `localisation(language).diagram`). */
export function hoverCard(label: string, details: StepDetails | undefined, evidenceFor?: string, strings: DiagramStrings = EN_STRINGS): HoverCard {
    if (!details) return { title: label, subtitle: '', sections: [] };
    const say = strings.hoverCard;
    const lead = (word: string) => say.lead(word);
    const context = [details.lane, details.stage].filter((part): part is string => part !== undefined);
    const who = [
        details.actor ? say.by(details.actor) : undefined,
        details.channel ? say.via(details.channel) : undefined,
        details.segments.length > 0 ? say.for(say.list(details.segments)) : undefined
    ].filter((part): part is string => part !== undefined);
    const sections: HoverCardSection[] = [];
    if (evidenceFor !== undefined) {
        sections.push({ kind: 'evidence', heading: say.evidence, lines: [{ text: say.seenAt(details.evidenceOf ?? evidenceFor) }] });
    }

    const times: HoverCardLine[] = [];
    if (details.duration?.expected) {
        const { expected, tolerance, over } = details.duration;
        times.push({ lead: lead(say.duration), text: say.durationText(expected, tolerance, over), warning: over });
    }
    if (details.wait) {
        const { expected, tolerance, over } = details.wait;
        times.push({ lead: lead(say.wait), text: say.waitText(expected, tolerance, over), warning: over });
    }
    if (times.length > 0) sections.push({ kind: 'time', heading: say.time, lines: times });

    for (const fail of details.failPoints) {
        const lines: HoverCardLine[] = [{ lead: lead(say.cause), text: fail.cause }];
        if (fail.rate) lines.push({ lead: lead(say.failureRate), text: fail.rate });
        // Layouts from before remedies were typed carry only the texts.
        const remedies: readonly StepRemedy[] = fail.remedies ?? [
            ...fail.preventions.map(text => ({ kind: 'prevention' as const, text, steps: [] })),
            ...fail.recoveries.map(text => ({ kind: 'recovery' as const, text, steps: [] }))
        ];
        for (const remedy of remedies) {
            const type = remedy.pokaYoke ? strings.notes.pokaYoke(remedy.pokaYokeLabel ?? remedy.pokaYoke) : '';
            const steps = remedy.steps.length > 0 ? strings.notes.bySteps(say.list(remedy.steps)) : '';
            lines.push({ lead: lead(remedy.kind === 'prevention' ? say.prevention : say.recovery), text: `${remedy.text}${type}${steps}` });
        }
        if (remedies.length === 0) lines.push({ text: strings.notes.noRemedy, warning: true });
        sections.push({ kind: 'fail', heading: say.failPoint(fail.ref), lines });
    }
    if (details.metrics.length > 0) {
        sections.push({
            kind: 'metric', heading: strings.footnotes.metric,
            lines: details.metrics.map(metric => ({ lead: lead(metric.ref), text: say.metric(metric.label, metric.target) }))
        });
    }
    if (details.moment) {
        sections.push({ kind: 'moment', heading: strings.tooltips.moment, lines: details.moment.reason ? [{ text: details.moment.reason }] : [] });
    }
    if (details.emotion) {
        const { feeling, note } = details.emotion;
        // As the legend and the badge say it; a feeling the grammar does not know (a broken file) as written.
        const heading = strings.legendEntries[`badge:emotion-${feeling}` as LegendKey] ?? `Customer emotion: ${feeling}`;
        sections.push({ kind: 'emotion', heading, lines: note ? [{ text: note }] : [] });
    }
    if (details.notes.length > 0) sections.push({ kind: 'note', heading: strings.footnotes.note, lines: details.notes.map(text => ({ text })) });
    return { title: label, subtitle: [...context, ...who].join(' · '), sections };
}
