/**
 * Turns a server-computed `BlueprintLayout` into the Sprotty schema of the webview. Pure: no DOM, no
 * Sprotty runtime, so it is unit-tested in Node.
 */
import type { BlueprintLayout, LaidOutStep } from '@blueprint/diagram';
import type { SModelElement } from 'sprotty-protocol';
import {
    BlueprintElementType, type AnnotationsSchema, type BlueprintGraphSchema, type FlowSchema, type LaneSchema, type LineSchema,
    type GatewaySchema, type StageSchema, type StepSchema
} from './schema.js';

/** Stage headers need room even when the layout starts the first lane at the very top. */
const MIN_STAGE_HEADER_HEIGHT = 24;

export interface GraphBuildOptions {
    /** Steps to draw as selected (the selection survives diagram updates). */
    readonly selected?: ReadonlySet<string>;
    /** Steps and flows to emphasise; everything else is dimmed. Absent: nothing is highlighted. */
    readonly highlight?: { readonly steps: ReadonlySet<string>; readonly flows: ReadonlySet<string> };
    /** Extra CSS classes per step or flow id (the comparison's bp-added, bp-changed, bp-removed). */
    readonly classes?: Readonly<Record<string, readonly string[]>>;
}

const HIGHLIGHTED = ['bp-highlighted'];
const DIMMED = ['bp-dimmed'];

/** Model element ids: prefixed per kind so a step and a lane with the same name cannot clash. */
export const elementId = {
    lane: (id: string) => `lane:${id}`,
    line: (kind: string) => `line:${kind}`,
    stage: (id: string) => `stage:${id}`,
    flow: (id: string) => `flow:${id}`,
    gateway: (id: string) => id.startsWith('gateway:') ? id : `gateway:${id}`,
    annotations: 'annotations:'
};

export function buildGraph(layout: BlueprintLayout, options: GraphBuildOptions = {}): BlueprintGraphSchema {
    const selected = options.selected ?? new Set<string>();
    const children: SModelElement[] = [];
    const firstLaneTop = layout.lanes.reduce((top, lane) => Math.min(top, lane.y), Number.POSITIVE_INFINITY);
    const headerHeight = Number.isFinite(firstLaneTop) && firstLaneTop >= MIN_STAGE_HEADER_HEIGHT ? firstLaneTop : MIN_STAGE_HEADER_HEIGHT;
    const lanesBottom = layout.lanes.length > 0 ? Math.max(...layout.lanes.map(lane => lane.y + lane.height)) : undefined;

    for (const lane of layout.lanes) {
        const schema: LaneSchema = {
            type: BlueprintElementType.lane,
            id: elementId.lane(lane.id),
            kind: lane.kind,
            label: lane.label,
            position: { x: 0, y: lane.y },
            size: { width: layout.width, height: lane.height }
        };
        children.push(schema);
    }
    layout.stages.forEach((stage, index) => {
        const schema: StageSchema = {
            type: BlueprintElementType.stage,
            id: elementId.stage(stage.id),
            label: stage.label,
            headerHeight,
            first: index === 0,
            position: { x: stage.x, y: 0 },
            // Down to the last lane: the legend and notes below the lanes belong to no stage.
            size: { width: stage.width, height: lanesBottom ?? layout.height }
        };
        children.push(schema);
    });
    for (const line of layout.lines) {
        const schema: LineSchema = {
            type: BlueprintElementType.line,
            id: elementId.line(line.kind),
            kind: line.kind,
            label: line.label,
            position: { x: 0, y: line.y },
            size: { width: layout.width, height: 0 }
        };
        children.push(schema);
    }
    // Flows under steps, so arrowheads end at the box edges rather than on top of labels.
    for (const flow of layout.flows) {
        const schema: FlowSchema = {
            type: BlueprintElementType.flow,
            id: elementId.flow(flow.id),
            sourceId: flow.from,
            targetId: flow.to,
            kind: flow.kind,
            label: flow.label,
            ...(flow.labelBox ? { labelBox: flow.labelBox } : {}),
            loop: flow.loop,
            ...(flow.recovery ? { recovery: flow.recovery } : {}),
            routingPoints: flow.points.map(point => ({ x: point.x, y: point.y })),
            ...(options.highlight ? { cssClasses: options.highlight.flows.has(flow.id) ? HIGHLIGHTED : DIMMED } : {}),
            ...(options.classes?.[flow.id] ? { cssClasses: [...options.classes[flow.id]] } : {})
        };
        children.push(schema);
    }
    for (const step of layout.steps) {
        const schema = stepSchema(step, selected.has(step.id));
        const extra = options.classes?.[step.id] ?? options.classes?.[step.evidenceFor ?? ''];
        if (extra) children.push({ ...schema, cssClasses: [...extra] });
        else children.push(options.highlight ? { ...schema, cssClasses: options.highlight.steps.has(step.id) ? HIGHLIGHTED : DIMMED } : schema);
    }
    // Over the steps: a branch point sits on its step's border.
    for (const gateway of layout.gateways ?? []) {
        const schema: GatewaySchema = {
            type: BlueprintElementType.gateway,
            id: elementId.gateway(gateway.id),
            kind: gateway.kind,
            role: gateway.role,
            step: gateway.step,
            description: gateway.description,
            position: { x: gateway.x - gateway.halfWidth, y: gateway.y - gateway.halfHeight },
            size: { width: 2 * gateway.halfWidth, height: 2 * gateway.halfHeight },
            ...(options.highlight ? { cssClasses: options.highlight.steps.has(gateway.step) ? HIGHLIGHTED : DIMMED } : {})
        };
        children.push(schema);
    }
    if (layout.legend || (layout.footnotes?.length ?? 0) > 0 || layout.processTime) {
        const annotations: AnnotationsSchema = {
            type: BlueprintElementType.annotations,
            id: elementId.annotations,
            legend: layout.legend,
            footnotes: layout.footnotes ?? [],
            processTime: layout.processTime,
            position: { x: 0, y: 0 },
            size: { width: layout.width, height: layout.height }
        };
        children.push(annotations);
    }
    return {
        type: BlueprintElementType.graph,
        id: `blueprint:${layout.id}`,
        title: layout.title,
        diagramWidth: layout.width,
        diagramHeight: layout.height,
        children
    };
}

function stepSchema(step: LaidOutStep, selected: boolean): StepSchema {
    // Steps keep their own ids so `select` and `reveal` speak the language's names.
    return {
        type: step.evidenceFor !== undefined || step.lane === 'evidence' ? BlueprintElementType.evidence : BlueprintElementType.step,
        id: step.id,
        selected,
        label: step.label,
        lines: step.lines.length > 0 ? [...step.lines] : [step.label],
        lane: step.lane,
        actor: step.actor,
        channel: step.channel,
        failPoint: step.failPoint,
        waitPoint: step.waitPoint,
        waitTime: step.waitTime,
        moment: step.moment,
        emotion: step.emotion,
        metrics: step.metrics,
        segments: [...step.segments],
        touchpoint: step.touchpoint,
        evidenceFor: step.evidenceFor,
        // Layouts from an older server have no marks: the box is drawn with its label only.
        labelTop: step.labelTop,
        lineHeight: step.lineHeight,
        fontSize: step.fontSize,
        marks: step.marks ?? [],
        details: step.details,
        ...(step.independent ? { independent: true } : {}),
        position: { x: step.x, y: step.y },
        size: { width: step.width, height: step.height }
    };
}

/** Ids of the steps (and evidence boxes) of a layout. */
export function stepIds(layout: BlueprintLayout): Set<string> {
    return new Set(layout.steps.map(step => step.id));
}
