/**
 * What the diagram says beyond its boxes, placed below the lanes so every export carries it: the
 * legend of the badges, chips, flow, box and line styles the drawing uses (only those), and the
 * numbered notes: fail points with cause, prevention and recovery; service standards with their
 * targets; the notes of steps (moment of truth, emotion, remarks). Next to the title: the process
 * time against its time standard.
 */
import { analyseTime, formatSeconds, type BlueprintModel, type DiagramStrings, type LegendKey } from '@blueprint/model';
import { diagramStrings } from './diagram-input.js';

const diagramStringsOf = (language: string) => diagramStrings({ language: language as BlueprintModel['language'] });
import { documentCache, type LayoutCache } from './layout-cache.js';
import type {
    BlueprintLayout, ChipKind, LaidOutFlow, LaidOutFootnote, LaidOutFootnoteSection, LaidOutLegend, LaidOutLegendEntry, LaidOutProcessTime, LaidOutStep, StepFailPoint, StepRemedy, Tone
} from './geometry.js';
import { wrapText } from './line-breaking.js';
import { BADGE_NOTATION, CHIP_NOTATION, EMOTION_NOTATION, FLOW_NOTATION, FOOTNOTE_TITLES, formatTarget, LEGEND_TITLE, OVER_NOTATION, type MarkNotation } from './notation.js';
import { estimateTextWidth, reservedTextWidth } from './text-measure.js';

/** English legend texts, for a call without the blueprint's strings. */
const EN_LEGEND = diagramStringsOf('en').legendEntries;

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

/** Where the SVG renderer draws the title (bold) and at what size. */
const TITLE_X = 16;
const TITLE_SIZE = 18;

/**
 * Adds the legend, the numbered notes and the process time to a laid-out blueprint. What each
 * laid-out step contributes is remembered with the step object, so a layout that kept most of its
 * steps (the document's cache, layout-cache.ts) annotates only the new ones and keeps the notes of
 * the others as the same objects.
 */
export function annotateLayout(layout: BlueprintLayout, model: BlueprintModel, cache?: LayoutCache, extraLegend: readonly LegendItem[] = []): BlueprintLayout {
    const m = ANNOTATION_METRICS;
    // Titles and the process time in the blueprint's language (lane and line names already are).
    const names = diagramStrings(model);
    const processTime = processTimeOf(layout, model, names);
    // The heading is never cut off: the drawing grows to the title and the process time beside it,
    // and its last stage with it, so the lanes end under a stage header, not in an unheaded strip.
    const headingRight = processTime ? processTime.x + reservedTextWidth(processTime.text, m.processTimeSize, processTime.over)
        : TITLE_X + reservedTextWidth(layout.title, TITLE_SIZE, true);
    const width = Math.max(layout.width, Math.ceil(headingRight + m.margin));
    const stages = stretchLastStage(layout.stages, width - layout.width);
    const innerWidth = width - 2 * m.margin;
    // Entries a caller adds (the diff's colours) come first: they explain what the picture is about.
    const placedLegend = placeLegend([...extraLegend, ...legendEntries(layout, names)], m.margin, layout.height, innerWidth);
    const legend = placedLegend && { ...placedLegend, title: names.legend };
    let bottom = legend ? legend.y + legend.height : layout.height;
    const footnotes = placeFootnotes(footnoteEntries(layout, model, names, cache), m.margin, bottom + (legend ? m.sectionGap : 0), innerWidth)
        .map(section => section.entries[0] ? { ...section, title: names.footnotes[section.entries[0].kind] } : section);
    if (footnotes.length > 0) {
        for (const section of footnotes) {
            bottom = Math.max(bottom, section.y);
            for (const entry of section.entries) bottom = Math.max(bottom, entry.y + entry.height);
        }
    }
    const height = legend || footnotes.length > 0 ? Math.ceil(bottom + m.margin) : layout.height;
    return { ...layout, width: Math.ceil(width), height, stages, legend, footnotes, processTime };
}

/** The stages with the last one (the rightmost) wider by `extra`; the same list when there is nothing to add. */
function stretchLastStage(stages: BlueprintLayout['stages'], extra: number): BlueprintLayout['stages'] {
    if (extra <= 0 || stages.length === 0) return stages;
    let last = 0;
    for (let index = 1; index < stages.length; index++) if (stages[index].x > stages[last].x) last = index;
    return stages.map((stage, index) => index === last ? { ...stage, width: stage.width + extra } : stage);
}

/** Only for a blueprint with a time standard: the analysis walks the paths, which costs time on every keystroke. */
function processTimeOf(layout: BlueprintLayout, model: BlueprintModel, names: DiagramStrings): LaidOutProcessTime | undefined {
    if (model.tolerance?.seconds === undefined) return undefined;
    const analysis = analyseTime(model);
    const critical = analysis.criticalPath;
    if (!critical || analysis.toleranceSeconds === undefined) return undefined;
    const atLeast = critical.unknownSteps.length > 0;
    const expected = analysis.expected;
    const worstOver = analysis.toleranceExceeded === true;
    // Shostack's question is the expected time against the tolerance; the worst case stays beside it.
    const both = expected !== undefined && Math.round(expected.totalSeconds) !== Math.round(critical.totalSeconds);
    const expectedOver = analysis.expectedExceedsTolerance === true;
    const text = both
        ? names.expectedAndWorst(formatSeconds(expected.totalSeconds), formatSeconds(critical.totalSeconds),
            formatSeconds(analysis.toleranceSeconds), atLeast || expected.unknownSteps.length > 0, expectedOver, worstOver)
        : names.longestPath(formatSeconds(critical.totalSeconds), formatSeconds(analysis.toleranceSeconds), atLeast, worstOver);
    // The title is drawn bold at 18 px from x = 16, its baseline at y = 34.
    const x = Math.ceil(TITLE_X + reservedTextWidth(layout.title, TITLE_SIZE, true) + 24);
    return { text, over: both ? expectedOver : worstOver, x, y: 34 };
}

/**
 * A layout as placement left it: no legend, notes or process time. `annotateLayout` puts the legend,
 * or else the first notes, at the placed layout's height, so that is where the drawing ended.
 */
export function withoutAnnotations(layout: BlueprintLayout): BlueprintLayout {
    const height = layout.legend?.y ?? layout.footnotes?.[0]?.y ?? layout.height;
    return { ...layout, height, legend: undefined, footnotes: undefined, processTime: undefined };
}

/** A legend entry before placement: a sample (badge or chip text, or the style of `key`) and its text. */
export interface LegendItem {
    readonly key: string;
    readonly sample?: string;
    readonly tone: Tone;
    readonly label: string;
}

/** The entries the drawing uses, in a fixed order: badges, chips, boxes, flows, branch points, lines; texts in the blueprint's language. */
export function legendEntries(layout: BlueprintLayout, strings?: DiagramStrings): LegendItem[] {
    const used = new Set<string>();
    for (const step of layout.steps) {
        for (const key of stepLegendKeys(step)) used.add(key);
    }
    for (const key of flowLegendKeys(layout.flows)) used.add(key);
    for (const gateway of layout.gateways ?? []) used.add(`gateway:${gateway.kind}`);
    if (layout.lines.some(line => line.kind !== 'order-penetration')) used.add('line');
    if (layout.lines.some(line => line.kind === 'order-penetration')) used.add('line:order-penetration');

    const text = (key: LegendKey, english: string) => strings?.legendEntries[key] ?? english;
    const items: LegendItem[] = [];
    const mark = (key: LegendKey, notation: MarkNotation, sample = notation.sample) => {
        if (used.has(key)) items.push({ key, sample, tone: notation.tone, label: text(key, notation.legend) });
    };
    const style = (key: LegendKey, tone: Tone) => {
        if (used.has(key)) items.push({ key, tone, label: text(key, EN_LEGEND[key]) });
    };
    mark('badge:fail', BADGE_NOTATION.fail);
    mark('badge:wait', BADGE_NOTATION.wait);
    mark('badge:wait-over', OVER_NOTATION.wait);
    mark('badge:duration', BADGE_NOTATION.duration);
    mark('badge:duration-over', OVER_NOTATION.duration);
    mark('badge:moment', BADGE_NOTATION.moment);
    for (const [feeling, notation] of Object.entries(EMOTION_NOTATION)) mark(`badge:emotion-${feeling}` as LegendKey, notation);
    mark('badge:metric', BADGE_NOTATION.metric);
    mark('badge:note', BADGE_NOTATION.note);
    const drawn = drawnChipSamples(layout.steps);
    for (const [kind, notation] of Object.entries(CHIP_NOTATION) as [ChipKind, MarkNotation][]) {
        mark(`chip:${kind}`, notation, drawn[kind] ?? strings?.notes.chipSamples[kind] ?? notation.sample);
    }
    for (const kind of ['touchpoint', 'evidence', 'independent'] as const) style(`box:${kind}`, 'plain');
    for (const kind of Object.keys(FLOW_NOTATION)) style(`flow:${kind}` as LegendKey, kind === 'escalation' ? 'red' : 'plain');
    style('gateway:exclusive', 'plain');
    style('gateway:parallel', 'plain');
    style('line', 'plain');
    style('line:order-penetration', 'plain');
    return items;
}

/**
 * The legend's chip samples: the first actor, channel and segment chip drawn (steps in the order
 * written). A chip the reader finds again on a box shows what the notation means, in the
 * blueprint's own words; a made-up role ("Teller") would name someone the service may not have.
 * A chip that wraps in its box is sampled by its first line; no two samples say the same.
 */
function drawnChipSamples(steps: readonly LaidOutStep[]): Partial<Record<ChipKind, string>> {
    const found: Partial<Record<ChipKind, string>> = {};
    let missing = 3;
    for (const step of steps) {
        for (const mark of step.marks ?? []) {
            if ((mark.kind !== 'actor' && mark.kind !== 'channel' && mark.kind !== 'segment') || found[mark.kind] !== undefined) continue;
            const first = mark.lines[0]?.trim();
            const sample = first && (mark.lines.length > 1 ? `${first}…` : first);
            // An app that is both actor and channel would show one word for two meanings: take the next.
            if (!sample || Object.values(found).includes(sample)) continue;
            found[mark.kind] = sample;
            if (--missing === 0) return found;
        }
    }
    return found;
}

/**
 * The legend keys of each step's marks (with the three flags that add box keys), and of each list
 * of flows (kept as they are by a placement reused). By the marks, not the laid-out step: a box
 * moved by a widened column is a new step with the same marks (`placedAt` copies the box).
 */
const legendKeysOfMarks = new WeakMap<readonly unknown[], { readonly evidence: boolean; readonly touchpoint: boolean; readonly independent: boolean; readonly keys: readonly string[] }>();
const legendKeysOfFlows = new WeakMap<readonly LaidOutFlow[], readonly string[]>();

function stepLegendKeys(step: LaidOutStep): readonly string[] {
    const evidence = step.evidenceFor !== undefined;
    const touchpoint = step.touchpoint === true;
    const independent = step.independent === true;
    const known = step.marks && legendKeysOfMarks.get(step.marks);
    if (known && known.evidence === evidence && known.touchpoint === touchpoint && known.independent === independent) return known.keys;
    const used = new Set<string>();
    for (const mark of step.marks ?? []) {
        if (mark.kind === 'emotion') used.add(`badge:emotion-${mark.variant}`);
        else if (mark.kind === 'actor' || mark.kind === 'channel' || mark.kind === 'segment') used.add(`chip:${mark.kind}`);
        else used.add(`badge:${mark.kind}${mark.variant === 'over' ? '-over' : ''}`);
    }
    if (step.evidenceFor !== undefined) used.add('box:evidence');
    else if (step.touchpoint) used.add('box:touchpoint');
    if (step.independent) used.add('box:independent');
    const keys = [...used];
    if (step.marks) legendKeysOfMarks.set(step.marks, { evidence, touchpoint, independent, keys });
    return keys;
}

function flowLegendKeys(flows: readonly LaidOutFlow[]): readonly string[] {
    let keys = legendKeysOfFlows.get(flows);
    if (keys) return keys;
    const used = new Set<string>();
    for (const flow of flows) {
        used.add(`flow:${flow.kind}`);
        if (flow.loop) used.add('flow:loop');
        if (flow.recovery) used.add('flow:recovery');
    }
    keys = [...used];
    legendKeysOfFlows.set(flows, keys);
    return keys;
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

/** The numbered notes, section by section, in the order of their numbers, in the blueprint's language. */
export function footnoteEntries(layout: BlueprintLayout, model: BlueprintModel, strings: DiagramStrings = diagramStrings(model), cache?: LayoutCache): FootnoteText[][] {
    // In the model's order, as the notes were numbered: the layout's step list follows the columns
    // and may be reordered by a relayout, which must not renumber or reorder the notes.
    const laidOut = new Map<string, LaidOutStep>();
    for (const step of layout.steps) laidOut.set(step.id, step);
    const say = strings.notes;
    const fails: FootnoteText[] = [];
    const notes: FootnoteText[] = [];
    const visited = new Set<string>();
    for (const { id } of model.steps) {
        if (visited.has(id)) continue;
        visited.add(id);
        const step = laidOut.get(id);
        if (step === undefined || step.evidenceFor !== undefined || step.details === undefined) continue;
        const own = stepFootnotes(step as LaidOutStep & { details: NonNullable<LaidOutStep['details']> }, strings);
        for (const fail of own.fails) fails.push(fail);
        if (own.note) notes.push(own.note);
    }
    const metricNotes = documentCache(cache)?.metricNotes;
    metricNotes?.begin();
    const metrics: FootnoteText[] = model.metrics.map((metric, index) => {
        const on = metric.steps.map(id => laidOut.get(id)?.label ?? id);
        const build = (): FootnoteText => ({
            ref: `KPI ${index + 1}`, kind: 'metric', heading: metric.label,
            body: [metric.target ? say.target(formatTarget(metric.target)) : say.noTarget, say.measuredOn(on.length > 0 ? on.join(say.listSeparator) : say.wholeProcess)]
        });
        // The same texts give the same note object: its placement is kept too (`placeFootnotes`).
        return metricNotes ? metricNotes.get(String(index), [model.language, metric, on], build) : build();
    });
    metricNotes?.end();
    // In the order of their numbers, not of the layout's step list (a relayout may reorder that by x).
    return [byNumber(fails), metrics, byNumber(notes)].filter(section => section.length > 0);
}

/** Notes in the order of their numbers (usually already so: the model's order numbered them). */
function byNumber(notes: FootnoteText[]): FootnoteText[] {
    const number = (note: FootnoteText) => Number(note.ref.replace(/\D/g, ''));
    const numbers = notes.map(number);
    if (numbers.every((value, index) => index === 0 || numbers[index - 1] <= value)) return notes;
    return notes.sort((a, b) => number(a) - number(b));
}

/**
 * The notes of each step, by its details (with the id and label they name it by), in the strings
 * they were written in. By the details, not the laid-out step: a box moved by a widened column is
 * a new step with the same details, and its notes, the same objects, keep their wrapping and place.
 */
const footnotesOfDetails = new WeakMap<NonNullable<LaidOutStep['details']>, {
    readonly strings: DiagramStrings; readonly id: string; readonly label: string; readonly fails: readonly FootnoteText[]; readonly note?: FootnoteText;
}>();

function stepFootnotes(step: LaidOutStep & { details: NonNullable<LaidOutStep['details']> }, strings: DiagramStrings) {
    const known = footnotesOfDetails.get(step.details);
    if (known?.strings === strings && known.id === step.id && known.label === step.label) return known;
    const say = strings.notes;
    const details = step.details;
    const fails = details.failPoints.map((fail): FootnoteText => ({ ref: fail.ref, kind: 'fail', step: step.id, heading: step.label, body: failPointBody(fail, say) }));
    let note: FootnoteText | undefined;
    if (details.noteRef) {
        const body: string[] = [];
        if (details.moment?.reason) body.push(say.momentOfTruth(details.moment.reason));
        if (details.emotion?.note) {
            const feeling = say.feelings[details.emotion.feeling as keyof typeof say.feelings] ?? details.emotion.feeling;
            body.push(say.emotion(feeling, details.emotion.note));
        }
        body.push(...details.notes);
        note = { ref: details.noteRef, kind: 'note', step: step.id, heading: step.label, body };
    }
    const entry = { strings, id: step.id, label: step.label, fails, note };
    footnotesOfDetails.set(step.details, entry);
    return entry;
}

/**
 * A fail point's note: its cause and failure rate, then each prevention and recovery with its
 * poka-yoke type and the steps that carry it out (the review of fail point → remedy pairs).
 */
export function failPointBody(fail: StepFailPoint, say: DiagramStrings['notes']): string[] {
    const body = [say.cause(fail.cause)];
    if (fail.rate) body.push(say.failureRate(fail.rate));
    // Layouts from before remedies were typed carry only the texts.
    const remedies: readonly StepRemedy[] = fail.remedies ?? [
        ...fail.preventions.map(text => ({ kind: 'prevention' as const, text, steps: [] })),
        ...fail.recoveries.map(text => ({ kind: 'recovery' as const, text, steps: [] }))
    ];
    for (const remedy of remedies) {
        const head = remedy.kind === 'prevention' ? say.prevention(remedy.text) : say.recovery(remedy.text);
        const type = remedy.pokaYokeLabel ?? remedy.pokaYoke;
        body.push(`${head}${type ? say.pokaYoke(type) : ''}${remedy.steps.length > 0 ? say.bySteps(remedy.steps.join(say.listSeparator)) : ''}`);
    }
    if (remedies.length === 0) body.push(say.noRemedy);
    return body;
}

/** Each note's lines (the widths are fixed), and where it was placed last: an unchanged note keeps its object. */
const wrappedNotes = new WeakMap<FootnoteText, { readonly lines: readonly string[]; readonly headingLines: number }>();
const placedNotes = new WeakMap<FootnoteText, LaidOutFootnote>();

/** Sections one below the other; in each, notes fill columns across the drawing's width, shortest column first. */
function placeFootnotes(sections: readonly FootnoteText[][], left: number, top: number, width: number): LaidOutFootnoteSection[] {
    const m = ANNOTATION_METRICS;
    const columns = Math.max(1, Math.floor((width + m.footnoteColumnGap) / (m.footnoteColumnWidth + m.footnoteColumnGap)));
    const placed: LaidOutFootnoteSection[] = [];
    let y = top;
    for (const section of sections) {
        const entriesTop = y + m.titleHeight;
        const columnBottom = new ShortestColumn(columns, entriesTop);
        const entries: LaidOutFootnote[] = [];
        const refWidth = Math.ceil(reservedTextWidth('KPI 00', m.footnoteFontSize, true)) + m.footnoteIndent;
        // Wrapped for the widest likely font: headings are bold, so they get more room.
        const textWidth = m.footnoteColumnWidth - refWidth;
        const headingWidth = textWidth * estimateTextWidth('x', 10) / reservedTextWidth('x', 10, true);
        const bodyWidth = textWidth * estimateTextWidth('x', 10) / reservedTextWidth('x', 10);
        for (const note of section) {
            let wrapped = wrappedNotes.get(note);
            if (!wrapped) {
                const heading = wrapText(note.heading, headingWidth, m.footnoteFontSize);
                const body = note.body.flatMap(paragraph => wrapText(paragraph, bodyWidth, m.footnoteFontSize));
                wrapped = { lines: [...heading, ...body], headingLines: heading.length };
                wrappedNotes.set(note, wrapped);
            }
            const { lines, headingLines } = wrapped;
            const height = lines.length * m.footnoteLineHeight;
            const column = columnBottom.shortest();
            const x = left + column * (m.footnoteColumnWidth + m.footnoteColumnGap);
            const y = columnBottom.bottom(column);
            const earlier = placedNotes.get(note);
            if (earlier && earlier.x === x && earlier.y === y && earlier.textX === x + refWidth) {
                entries.push(earlier);
            } else {
                const entry: LaidOutFootnote = {
                    ref: note.ref, kind: note.kind, step: note.step, lines, headingLines, x, textX: x + refWidth, y,
                    width: m.footnoteColumnWidth, height, lineHeight: m.footnoteLineHeight
                };
                placedNotes.set(note, entry);
                entries.push(entry);
            }
            columnBottom.growShortest(height + m.footnoteGap);
        }
        placed.push({ title: FOOTNOTE_TITLES[section[0].kind], x: left, y, entries });
        y = columnBottom.deepest() - m.footnoteGap + m.sectionGap;
    }
    return placed;
}

/**
 * The bottoms of the footnote columns, for filling the shortest one first (the leftmost of equals).
 * A heap: a diagram thousands of columns wide has thousands of footnotes, and scanning every column
 * for each made the annotations quadratic.
 */
class ShortestColumn {
    private readonly bottoms: number[];
    /** Column indices, ordered as a binary min-heap by (bottom, index). */
    private readonly heap: number[];
    private deepestBottom: number;

    constructor(columns: number, top: number) {
        this.bottoms = new Array<number>(columns).fill(top);
        // Equal bottoms: ascending indices already form a valid heap.
        this.heap = Array.from({ length: columns }, (_, index) => index);
        this.deepestBottom = top;
    }

    shortest(): number {
        return this.heap[0];
    }

    bottom(column: number): number {
        return this.bottoms[column];
    }

    deepest(): number {
        return this.deepestBottom;
    }

    /** Lengthens the shortest column (the one `shortest` returned) and finds the next shortest. */
    growShortest(by: number): void {
        const { heap } = this;
        this.bottoms[heap[0]] += by;
        this.deepestBottom = Math.max(this.deepestBottom, this.bottoms[heap[0]]);
        let at = 0;
        for (;;) {
            const left = 2 * at + 1;
            const right = left + 1;
            let smallest = at;
            if (left < heap.length && this.before(heap[left], heap[smallest])) smallest = left;
            if (right < heap.length && this.before(heap[right], heap[smallest])) smallest = right;
            if (smallest === at) return;
            [heap[at], heap[smallest]] = [heap[smallest], heap[at]];
            at = smallest;
        }
    }

    private before(a: number, b: number): boolean {
        return this.bottoms[a] < this.bottoms[b] || (this.bottoms[a] === this.bottoms[b] && a < b);
    }
}
