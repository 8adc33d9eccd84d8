/**
 * What the diagram says beyond its boxes, placed below the lanes so every export carries it: the
 * legend of the badges, chips, flow, box and line styles the drawing uses (only those), and the
 * numbered notes: fail points with cause, prevention and recovery; service standards with their
 * targets; the notes of steps (moment of truth, emotion, remarks). Next to the title: the process
 * time against its time standard.
 */
import { analyseTime, formatSeconds, localisation, type BlueprintModel, type DiagramStrings } from '@blueprint/model';
import type {
    BlueprintLayout, LaidOutFootnote, LaidOutFootnoteSection, LaidOutLegend, LaidOutLegendEntry, LaidOutProcessTime, LaidOutStep, Tone
} from './geometry.js';
import { wrapText } from './line-breaking.js';
import {
    BADGE_NOTATION, BOX_NOTATION, CHIP_NOTATION, EMOTION_NOTATION, FLOW_NOTATION, FOOTNOTE_TITLES, formatTarget, LEGEND_TITLE,
    LINE_NOTATION, OVER_NOTATION, type MarkNotation
} from './notation.js';
import { estimateTextWidth, reservedTextWidth } from './text-measure.js';

/** Sizes of the annotation area (pixels). */
export const ANNOTATION_METRICS = {
    margin: 16,
    titleSize: 13,
    titleHeight: 22,
    legendFontSize: 11,
    legendRowHeight: 22,
    legendEntryGap: 28,
    sampleGap: 6,
    badgeSampleHeight: 16,
    styleSampleWidth: 40,
    footnoteFontSize: 11,
    footnoteLineHeight: 15,
    footnoteColumnWidth: 360,
    footnoteColumnGap: 28,
    footnoteGap: 10,
    footnoteIndent: 12,
    sectionGap: 14,
    processTimeSize: 13
} as const;

/** Adds the legend, the numbered notes and the process time to a laid-out blueprint. */
export function annotateLayout(layout: BlueprintLayout, model: BlueprintModel): BlueprintLayout {
    const m = ANNOTATION_METRICS;
    // Titles and the process time in the blueprint's language (lane and line names already are).
    const names = localisation(model.language).diagram;
    const processTime = processTimeOf(layout, model, names);
    const width = Math.max(layout.width, processTime ? processTime.x + reservedTextWidth(processTime.text, m.processTimeSize, processTime.over) + m.margin : 0);
    const innerWidth = width - 2 * m.margin;
    const placedLegend = placeLegend(legendEntries(layout), m.margin, layout.height, innerWidth);
    const legend = placedLegend && { ...placedLegend, title: names.legend };
    let bottom = legend ? legend.y + legend.height : layout.height;
    const footnotes = placeFootnotes(footnoteEntries(layout, model), m.margin, bottom + (legend ? m.sectionGap : 0), innerWidth)
        .map(section => section.entries[0] ? { ...section, title: names.footnotes[section.entries[0].kind] } : section);
    if (footnotes.length > 0) {
        bottom = Math.max(...footnotes.flatMap(section => [section.y, ...section.entries.map(entry => entry.y + entry.height)]));
    }
    const height = legend || footnotes.length > 0 ? Math.ceil(bottom + m.margin) : layout.height;
    return { ...layout, width: Math.ceil(width), height, legend, footnotes, processTime };
}

/** Only for a blueprint with a time standard: the analysis walks the paths, which costs time on every keystroke. */
function processTimeOf(layout: BlueprintLayout, model: BlueprintModel, names: DiagramStrings): LaidOutProcessTime | undefined {
    if (model.tolerance?.seconds === undefined) return undefined;
    const analysis = analyseTime(model);
    const critical = analysis.criticalPath;
    if (!critical || analysis.toleranceSeconds === undefined) return undefined;
    const text = names.longestPath(formatSeconds(critical.totalSeconds), formatSeconds(analysis.toleranceSeconds),
        critical.unknownSteps.length > 0, analysis.toleranceExceeded === true);
    // The title is drawn bold at 18 px from x = 16, its baseline at y = 34.
    const x = Math.ceil(16 + reservedTextWidth(layout.title, 18, true) + 24);
    return { text, over: analysis.toleranceExceeded === true, x, y: 34 };
}

interface LegendItem {
    readonly key: string;
    readonly sample?: string;
    readonly tone: Tone;
    readonly label: string;
}

/** The entries the drawing uses, in a fixed order: badges, chips, boxes, flows, lines. */
export function legendEntries(layout: BlueprintLayout): LegendItem[] {
    const used = new Set<string>();
    for (const step of layout.steps) {
        for (const mark of step.marks ?? []) {
            if (mark.kind === 'emotion') used.add(`badge:emotion-${mark.variant}`);
            else if (mark.kind === 'actor' || mark.kind === 'channel' || mark.kind === 'segment') used.add(`chip:${mark.kind}`);
            else used.add(`badge:${mark.kind}${mark.variant === 'over' ? '-over' : ''}`);
        }
        if (step.evidenceFor !== undefined) used.add('box:evidence');
        else if (step.touchpoint) used.add('box:touchpoint');
    }
    for (const flow of layout.flows) {
        used.add(`flow:${flow.kind}`);
        if (flow.loop) used.add('flow:loop');
    }
    if (layout.lines.length > 0) used.add('line');

    const items: LegendItem[] = [];
    const mark = (key: string, notation: MarkNotation) => {
        if (used.has(key)) items.push({ key, sample: notation.sample, tone: notation.tone, label: notation.legend });
    };
    mark('badge:fail', BADGE_NOTATION.fail);
    mark('badge:wait', BADGE_NOTATION.wait);
    mark('badge:wait-over', OVER_NOTATION.wait);
    mark('badge:duration', BADGE_NOTATION.duration);
    mark('badge:duration-over', OVER_NOTATION.duration);
    mark('badge:moment', BADGE_NOTATION.moment);
    for (const [feeling, notation] of Object.entries(EMOTION_NOTATION)) mark(`badge:emotion-${feeling}`, notation);
    mark('badge:metric', BADGE_NOTATION.metric);
    mark('badge:note', BADGE_NOTATION.note);
    for (const [kind, notation] of Object.entries(CHIP_NOTATION)) mark(`chip:${kind}`, notation);
    for (const [kind, label] of Object.entries(BOX_NOTATION)) {
        if (used.has(`box:${kind}`)) items.push({ key: `box:${kind}`, tone: 'plain', label });
    }
    for (const [kind, label] of Object.entries(FLOW_NOTATION)) {
        if (used.has(`flow:${kind}`)) items.push({ key: `flow:${kind}`, tone: kind === 'escalation' ? 'red' : 'plain', label });
    }
    if (used.has('line')) items.push({ key: 'line', tone: 'plain', label: LINE_NOTATION });
    return items;
}

function sampleWidth(item: LegendItem): number {
    const m = ANNOTATION_METRICS;
    if (item.sample === undefined) return m.styleSampleWidth;
    // Badges and chips as drawn in boxes: 10 px text (bold in badges), 5 px padding.
    return Math.ceil(reservedTextWidth(item.sample, 10, item.key.startsWith('badge:')) + 10);
}

function placeLegend(items: readonly LegendItem[], left: number, top: number, width: number): LaidOutLegend | undefined {
    if (items.length === 0) return undefined;
    const m = ANNOTATION_METRICS;
    const entries: LaidOutLegendEntry[] = [];
    let x = left;
    let y = top + m.titleHeight;
    for (const item of items) {
        const sample = sampleWidth(item);
        const entryWidth = Math.ceil(sample + m.sampleGap + reservedTextWidth(item.label, m.legendFontSize));
        if (x > left && x + entryWidth > left + width) {
            x = left;
            y += m.legendRowHeight;
        }
        entries.push({ ...item, x, y, sampleWidth: sample, height: m.badgeSampleHeight, width: entryWidth });
        x += entryWidth + m.legendEntryGap;
    }
    return { title: LEGEND_TITLE, x: left, y: top, width, height: y + m.legendRowHeight - top, entries };
}

interface FootnoteText {
    readonly ref: string;
    readonly kind: LaidOutFootnote['kind'];
    readonly step?: string;
    readonly heading: string;
    readonly body: readonly string[];
}

/** The numbered notes, section by section, in the order of their numbers. */
export function footnoteEntries(layout: BlueprintLayout, model: BlueprintModel): FootnoteText[][] {
    // In the model's order, as the notes were numbered: the layout's step list follows the columns
    // and may be reordered by a relayout, which must not renumber or reorder the notes.
    const laidOut = new Map(layout.steps.map(step => [step.id, step]));
    const steps = [...new Set(model.steps.map(step => step.id))].map(id => laidOut.get(id))
        .filter((step): step is LaidOutStep & { details: NonNullable<LaidOutStep['details']> } =>
            step !== undefined && step.evidenceFor === undefined && step.details !== undefined);
    const stepLabel = new Map(layout.steps.map(step => [step.id, step.label]));
    const fails: FootnoteText[] = [];
    const notes: FootnoteText[] = [];
    for (const step of steps) {
        for (const fail of step.details.failPoints) {
            const body = [`Cause: ${fail.cause}`, ...fail.preventions.map(text => `Prevention: ${text}`), ...fail.recoveries.map(text => `Recovery: ${text}`)];
            if (fail.preventions.length + fail.recoveries.length === 0) body.push('No prevention or recovery written.');
            fails.push({ ref: fail.ref, kind: 'fail', step: step.id, heading: step.label, body });
        }
        const details = step.details;
        if (details.noteRef) {
            const body: string[] = [];
            if (details.moment?.reason) body.push(`Moment of truth: ${details.moment.reason}`);
            if (details.emotion?.note) body.push(`Emotion (${details.emotion.feeling}): ${details.emotion.note}`);
            body.push(...details.notes);
            notes.push({ ref: details.noteRef, kind: 'note', step: step.id, heading: step.label, body });
        }
    }
    const metrics: FootnoteText[] = model.metrics.map((metric, index) => {
        const on = metric.steps.map(id => stepLabel.get(id) ?? id);
        return {
            ref: `KPI ${index + 1}`, kind: 'metric', heading: metric.label,
            body: [metric.target ? `Target: ${formatTarget(metric.target)}` : 'No target written.', `Measured on: ${on.length > 0 ? on.join('; ') : 'the whole process'}`]
        };
    });
    // In the order of their numbers, not of the layout's step list (a relayout may reorder that by x).
    const byNumber = (a: FootnoteText, b: FootnoteText) => Number(a.ref.replace(/\D/g, '')) - Number(b.ref.replace(/\D/g, ''));
    return [fails.sort(byNumber), metrics, notes.sort(byNumber)].filter(section => section.length > 0);
}

/** Sections one below the other; in each, notes fill columns across the drawing's width, shortest column first. */
function placeFootnotes(sections: readonly FootnoteText[][], left: number, top: number, width: number): LaidOutFootnoteSection[] {
    const m = ANNOTATION_METRICS;
    const columns = Math.max(1, Math.floor((width + m.footnoteColumnGap) / (m.footnoteColumnWidth + m.footnoteColumnGap)));
    const placed: LaidOutFootnoteSection[] = [];
    let y = top;
    for (const section of sections) {
        const entriesTop = y + m.titleHeight;
        const columnBottom = new Array<number>(columns).fill(entriesTop);
        const entries: LaidOutFootnote[] = [];
        const refWidth = Math.ceil(reservedTextWidth('KPI 00', m.footnoteFontSize, true)) + m.footnoteIndent;
        // Wrapped for the widest likely font: headings are bold, so they get more room.
        const textWidth = m.footnoteColumnWidth - refWidth;
        const headingWidth = textWidth * estimateTextWidth('x', 10) / reservedTextWidth('x', 10, true);
        const bodyWidth = textWidth * estimateTextWidth('x', 10) / reservedTextWidth('x', 10);
        for (const note of section) {
            const heading = wrapText(note.heading, headingWidth, m.footnoteFontSize);
            const body = note.body.flatMap(paragraph => wrapText(paragraph, bodyWidth, m.footnoteFontSize));
            const lines = [...heading, ...body];
            const height = lines.length * m.footnoteLineHeight;
            const column = columnBottom.indexOf(Math.min(...columnBottom));
            const x = left + column * (m.footnoteColumnWidth + m.footnoteColumnGap);
            entries.push({
                ref: note.ref, kind: note.kind, step: note.step, lines, headingLines: heading.length, x, textX: x + refWidth, y: columnBottom[column],
                width: m.footnoteColumnWidth, height, lineHeight: m.footnoteLineHeight
            });
            columnBottom[column] += height + m.footnoteGap;
        }
        placed.push({ title: FOOTNOTE_TITLES[section[0].kind], x: left, y, entries });
        y = Math.max(...columnBottom) - m.footnoteGap + m.sectionGap;
    }
    return placed;
}
