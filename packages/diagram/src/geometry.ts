/**
 * Laid-out geometry of a blueprint diagram: the contract between the layout (Node, shared by the
 * language server and the CLI), the SVG renderer and the webview. `blueprint render --format json`
 * writes exactly this. Coordinates are pixels, origin top left, y downwards.
 */
import type { FlowKind, LaneKind, LineKind, SourceRange } from '@blueprint/model';

export interface Point {
    readonly x: number;
    readonly y: number;
}

export interface LaidOutLane {
    readonly id: string;
    readonly kind: LaneKind;
    readonly label: string;
    readonly y: number;
    readonly height: number;
}

export interface LaidOutLine {
    readonly kind: LineKind;
    readonly label: string;
    readonly y: number;
}

export interface LaidOutStage {
    readonly id: string;
    readonly label: string;
    readonly x: number;
    readonly width: number;
}

export interface LaidOutStep {
    readonly id: string;
    readonly lane: string;
    readonly stage?: string;
    readonly label: string;
    /** The label broken into the lines drawn. */
    readonly lines: readonly string[];
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
    readonly actor?: string;
    readonly channel?: string;
    readonly failPoint: boolean;
    readonly waitPoint: boolean;
    /** Expected wait, formatted (`8 min`), when the step is a wait point with a time. */
    readonly waitTime?: string;
    readonly moment: boolean;
    readonly emotion?: string;
    readonly metrics: number;
    readonly segments: readonly string[];
    readonly touchpoint: boolean;
    /** Done before or apart from any customer order (below the line of order penetration in spirit): a grey box. */
    readonly independent?: boolean;
    /** Evidence boxes are steps in the evidence lane; they point at the step they belong to. */
    readonly evidenceFor?: string;
    /** Where the step is written, for reveal-in-editor (absent in CLI output). */
    readonly range?: SourceRange;
    /** Top of the label's first line, relative to the box; lines are `lineHeight` apart, drawn at `fontSize`. */
    readonly labelTop: number;
    readonly lineHeight: number;
    readonly fontSize: number;
    /** Badges and chips, placed inside the box (coordinates relative to its top left). */
    readonly marks: readonly LaidOutMark[];
    /** Everything written on the step beyond its label: the preview's hover card and the notes. */
    readonly details: StepDetails;
}

/** What a badge or chip says; `notation.ts` gives each kind its colour, legend text and description. */
export type BadgeKind = 'fail' | 'wait' | 'duration' | 'moment' | 'emotion' | 'metric' | 'note';
export type ChipKind = 'actor' | 'channel' | 'segment';
export type MarkKind = BadgeKind | ChipKind;
/** Colour of a mark, mapped to each renderer's theme (hex in SVG, theme variables in the preview). */
export type Tone = 'red' | 'orange' | 'purple' | 'blue' | 'green' | 'grey' | 'plain';

export interface LaidOutMark {
    readonly kind: MarkKind;
    /** The text drawn (more than one line only for a chip wider than the box can grow). */
    readonly lines: readonly string[];
    readonly tone: Tone;
    /** `over` for a time beyond its tolerance, the feeling for an emotion. */
    readonly variant?: string;
    /** Full sentence for screen readers and tooltips. */
    readonly description: string;
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
}

export interface StepTime {
    readonly expected?: string;
    readonly tolerance?: string;
    /** The expected time is above the tolerance. */
    readonly over: boolean;
}

export interface StepFailPoint {
    /** `F1`, `F2`…: the badge and the numbered note below the drawing. */
    readonly ref: string;
    readonly cause: string;
    /** How often it fails, formatted (`10 %`), when written. */
    readonly rate?: string;
    readonly preventions: readonly string[];
    readonly recoveries: readonly string[];
    /** The preventions, then the recoveries, with their poka-yoke type and the steps that carry them out. */
    readonly remedies?: readonly StepRemedy[];
}

export interface StepRemedy {
    readonly kind: 'prevention' | 'recovery';
    readonly text: string;
    /** Chase & Stewart's type as written (`task`…), and as the blueprint's language names it. */
    readonly pokaYoke?: string;
    readonly pokaYokeLabel?: string;
    /** Labels of the steps that carry the remedy out (its corrective sub-process), in the order written. */
    readonly steps: readonly string[];
}

export interface StepMetric {
    /** `KPI 1`…: the badge and the list of service standards below the drawing. */
    readonly ref: string;
    readonly label: string;
    readonly target?: string;
}

export interface StepDetails {
    readonly lane: string;
    readonly stage?: string;
    readonly actor?: string;
    readonly channel?: string;
    readonly segments: readonly string[];
    /** The segment chips' texts in the blueprint's language (`for VIP`), one per segment. */
    readonly segmentChips?: readonly string[];
    readonly failPoints: readonly StepFailPoint[];
    readonly duration?: StepTime;
    readonly wait?: StepTime;
    readonly metrics: readonly StepMetric[];
    readonly moment?: { readonly reason?: string };
    readonly emotion?: { readonly feeling: string; readonly note?: string };
    readonly notes: readonly string[];
    /** `N1`…: the note below the drawing holding the moment's reason, the emotion's note and the notes. */
    readonly noteRef?: string;
    /** For an evidence box: the label of the step it belongs to. */
    readonly evidenceOf?: string;
}

/** One entry of the legend: a sample drawn at (x, y) and its text to the right of it. */
export interface LaidOutLegendEntry {
    /** `badge:fail`, `badge:wait-over`, `badge:emotion-negative`, `chip:actor`, `flow:hand-off`, `box:variant`, `line`… */
    readonly key: string;
    /** Text of a badge or chip sample. */
    readonly sample?: string;
    readonly tone: Tone;
    readonly label: string;
    readonly x: number;
    readonly y: number;
    readonly sampleWidth: number;
    readonly height: number;
    /** Width of the whole entry, sample and text. */
    readonly width: number;
}

export interface LaidOutLegend {
    readonly title: string;
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
    readonly entries: readonly LaidOutLegendEntry[];
}

/** A numbered note below the drawing: a fail point with its remedies, a service standard, a step's notes. */
export interface LaidOutFootnote {
    readonly ref: string;
    readonly kind: 'fail' | 'metric' | 'note';
    /** The step it belongs to (none for a metric of the whole process). */
    readonly step?: string;
    /** The heading (the step or metric name) and then the body, wrapped; the first `headingLines` are the heading. */
    readonly lines: readonly string[];
    readonly headingLines: number;
    /** The ref (`F1`) is drawn at `x`, the text at `textX`. */
    readonly textX: number;
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
    readonly lineHeight: number;
}

export interface LaidOutFootnoteSection {
    readonly title: string;
    readonly x: number;
    readonly y: number;
    readonly entries: readonly LaidOutFootnote[];
}

/** The process's expected time against its time standard, drawn next to the title. */
export interface LaidOutProcessTime {
    readonly text: string;
    readonly over: boolean;
    readonly x: number;
    readonly y: number;
}

export interface LaidOutFlow {
    readonly id: string;
    readonly from: string;
    readonly to: string;
    readonly kind: FlowKind | 'evidence';
    readonly label?: string;
    readonly loop: boolean;
    /**
     * The fail point (`F1`; `F1, F3` when two share it) whose corrective sub-process this flow draws:
     * into, between or out of the steps its recovery names. Absent on the main flow.
     */
    readonly recovery?: string;
    readonly points: readonly Point[];
    /** Where the label is drawn (present when the flow has a label): clear of every box and other label. */
    readonly labelBox?: LabelBox;
}

/** A flow label's place: its lines (10 px text, centred) in a box; `anchor` asks for a leader line to the flow. */
export interface LabelBox {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
    readonly lines: readonly string[];
    /** The point on the flow the label belongs to, when the label had to move away from its line. */
    readonly anchor?: Point;
}

/**
 * A branch point drawn on the border of its step, BPMN style: an empty diamond where alternatives
 * split (one branch is taken, each flow labelled with its share), a diamond with a `+` where
 * parallel work splits and where it joins again. It sits on the side the branches leave (or enter).
 */
export interface LaidOutGateway {
    readonly id: string;
    readonly step: string;
    readonly kind: 'exclusive' | 'parallel';
    readonly role: 'split' | 'join';
    /** Centre of the diamond and its half diagonals (it is `2 * halfWidth` wide, `2 * halfHeight` high). */
    readonly x: number;
    readonly y: number;
    readonly halfWidth: number;
    readonly halfHeight: number;
    readonly side: 'left' | 'right' | 'top' | 'bottom';
    /** The flows that branch here (or meet here). */
    readonly flows: readonly string[];
    /** The question or the label of the parallel block, as written. */
    readonly label?: string;
    /** A sentence for tooltips and screen readers, in the blueprint's language. */
    readonly description: string;
}

export interface BlueprintLayout {
    readonly id: string;
    readonly title: string;
    readonly width: number;
    readonly height: number;
    readonly lanes: readonly LaidOutLane[];
    readonly lines: readonly LaidOutLine[];
    readonly stages: readonly LaidOutStage[];
    readonly steps: readonly LaidOutStep[];
    readonly flows: readonly LaidOutFlow[];
    /** Branch points of decisions and parallel work (absent in layouts from before they were drawn). */
    readonly gateways?: readonly LaidOutGateway[];
    /** Below the lanes: the legend of what the drawing uses, then the numbered notes. */
    readonly legend?: LaidOutLegend;
    readonly footnotes?: readonly LaidOutFootnoteSection[];
    readonly processTime?: LaidOutProcessTime;
}

/**
 * The nested fields of laid-out items whose coordinates are the diagram's, as the item's own `x`
 * and `y` are (a flow's points, its label's box and the label's anchor); every other nested `x`/`y`
 * is relative to its item (a step's marks). A patch that moves an item shifts these with it.
 */
export const ABSOLUTE_NESTED_FIELDS: readonly string[] = ['points', 'labelBox', 'anchor'];
