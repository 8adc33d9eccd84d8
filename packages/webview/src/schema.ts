/**
 * The Sprotty model (schema) the webview builds from a `BlueprintLayout`. Every element keeps the
 * coordinates the server computed; the webview never lays anything out itself.
 */
import type { BlueprintLayout, LabelBox, LaidOutFlow, LaidOutGateway, LaidOutLane, LaidOutLine, LaidOutStep } from '@blueprint/diagram';
import type { DiagramHighlights } from '@blueprint/protocol';
import type { Point, SEdge, SGraph, SNode } from 'sprotty-protocol';

export const BlueprintElementType = {
    graph: 'graph',
    lane: 'lane',
    line: 'line',
    stage: 'stage',
    step: 'step',
    evidence: 'evidence',
    flow: 'flow',
    gateway: 'gateway',
    annotations: 'annotations'
} as const;

export interface BlueprintGraphSchema extends SGraph {
    readonly title: string;
    readonly diagramWidth: number;
    readonly diagramHeight: number;
    /** What the highlight feature can emphasise in this diagram (absent in a comparison). */
    readonly highlights?: DiagramHighlights;
}

export interface LaneSchema extends SNode {
    readonly kind: LaidOutLane['kind'];
    readonly label: string;
}

export interface LineSchema extends SNode {
    readonly kind: LaidOutLine['kind'];
    readonly label: string;
}

export interface StageSchema extends SNode {
    readonly label: string;
    /** Height of the header band at the top of the column. */
    readonly headerHeight: number;
    /** The first stage draws no separator on its left. */
    readonly first: boolean;
}

/** A step as Sprotty draws it: the laid-out step's content, positioned by Sprotty's own bounds. */
export interface StepSchema extends SNode, Pick<LaidOutStep, 'label' | 'lines' | 'lane' | 'actor' | 'channel' | 'failPoint'
    | 'waitPoint' | 'waitTime' | 'moment' | 'emotion' | 'metrics' | 'segments' | 'touchpoint' | 'evidenceFor'
    | 'labelTop' | 'lineHeight' | 'fontSize' | 'marks' | 'details' | 'independent'> {}

/** A branch point on its step's border; positioned at the diamond's top left, `size` its bounding box. */
export interface GatewaySchema extends SNode, Pick<LaidOutGateway, 'kind' | 'role' | 'step' | 'description'> {}

/** The legend, the numbered notes and the process time, drawn as in the SVG (absolute coordinates). */
export interface AnnotationsSchema extends SNode, Pick<BlueprintLayout, 'legend' | 'footnotes' | 'processTime'> {}

export interface FlowSchema extends SEdge {
    readonly kind: LaidOutFlow['kind'];
    readonly label?: string;
    readonly loop: boolean;
    /** The fail point (`F1`) whose corrective sub-process this flow draws; absent on the main flow. */
    readonly recovery?: string;
    /** Where the layout placed the label, clear of boxes and other labels (absent in older layouts). */
    readonly labelBox?: LabelBox;
    /** The full route as laid out, start and end included. */
    readonly routingPoints: Point[];
}

export type StepFields = Omit<LaidOutStep, 'id' | 'x' | 'y' | 'width' | 'height' | 'range' | 'stage'>;
