/**
 * Sprotty model element classes of the webview. The model factory copies every schema property
 * (see `schema.ts`) onto these instances.
 */
import type { LabelBox, LaidOutFlow, LaidOutFootnoteSection, LaidOutGateway, LaidOutLane, LaidOutLegend, LaidOutLine, LaidOutMark, LaidOutProcessTime, StepDetails } from '@blueprint/diagram';
import type { DiagramHighlights } from '@blueprint/protocol';
import { SEdgeImpl, SGraphImpl, SNodeImpl } from 'sprotty';

export class BlueprintGraph extends SGraphImpl {
    title = '';
    diagramWidth = 0;
    diagramHeight = 0;
    highlights?: DiagramHighlights;
}

export class LaneNode extends SNodeImpl {
    kind: LaidOutLane['kind'] = 'custom';
    label = '';
}

export class LineNode extends SNodeImpl {
    kind: LaidOutLine['kind'] = 'interaction';
    label = '';
}

export class StageNode extends SNodeImpl {
    label = '';
    headerHeight = 0;
    first = false;
}

/** A step, or an evidence box (a step in the evidence lane). */
export class StepNode extends SNodeImpl {
    label = '';
    lines: readonly string[] = [];
    lane = '';
    actor?: string;
    channel?: string;
    failPoint = false;
    waitPoint = false;
    waitTime?: string;
    moment = false;
    emotion?: string;
    metrics = 0;
    segments: readonly string[] = [];
    touchpoint = false;
    evidenceFor?: string;
    labelTop?: number;
    lineHeight?: number;
    fontSize?: number;
    marks: readonly LaidOutMark[] = [];
    details?: StepDetails;
    independent?: boolean;
}

/** A branch point (decision or parallel split/join) on a step's border. */
export class GatewayNode extends SNodeImpl {
    kind: LaidOutGateway['kind'] = 'exclusive';
    role: LaidOutGateway['role'] = 'split';
    step = '';
    description = '';
}

/** Legend, numbered notes and process time (absolute coordinates, drawn at the origin). */
export class AnnotationsNode extends SNodeImpl {
    legend?: LaidOutLegend;
    footnotes?: readonly LaidOutFootnoteSection[];
    processTime?: LaidOutProcessTime;
}

export class FlowEdge extends SEdgeImpl {
    kind: LaidOutFlow['kind'] = 'sequence';
    label?: string;
    labelBox?: LabelBox;
    loop = false;
    /** The fail point whose corrective sub-process this flow draws. */
    recovery?: string;
}
