/**
 * Laid-out geometry of a blueprint diagram: the contract between the layout (Node, shared by the
 * language server and the CLI), the SVG renderer and the webview. `blueprint render --format json`
 * writes exactly this. Coordinates are pixels, origin top left, y downwards.
 */
import type { FlowKind, LaneKind, LineKind, SourceRange } from '@blueprint/language';

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
    /** Evidence boxes are steps in the evidence lane; they point at the step they belong to. */
    readonly evidenceFor?: string;
    /** Where the step is written, for reveal-in-editor (absent in CLI output). */
    readonly range?: SourceRange;
}

export interface LaidOutFlow {
    readonly id: string;
    readonly from: string;
    readonly to: string;
    readonly kind: FlowKind | 'evidence';
    readonly label?: string;
    readonly loop: boolean;
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
}
