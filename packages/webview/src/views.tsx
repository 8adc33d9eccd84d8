/** @jsx svg */
/**
 * Views of the blueprint diagram. They draw at the coordinates the server laid out; Sprotty's
 * location postprocessor translates each node to its position. All text is passed as children,
 * so it becomes DOM text nodes (escaped by construction). Colours live in `webview.css`.
 */
import { injectable } from 'inversify';
import type { VNode } from 'snabbdom';
import { svg, type IView, type RenderingContext } from 'sprotty';
import type { Point } from 'sprotty-protocol';
import type { LaidOutMark } from '@blueprint/diagram';
import { labelBaseline, markBaseline, markClasses } from './badges.js';
import { onScreen, routeBounds } from './features/viewport/on-screen.js';
import { StageNode, type BlueprintGraph, type FlowEdge, type GatewayNode, type LaneNode, type LineNode, type StepNode } from './model.js';

const LABEL_LINE_HEIGHT = 15;
const ARROW_LENGTH = 9;
const ARROW_HALF_WIDTH = 4.5;

@injectable()
export class BlueprintGraphView implements IView {
    render(graph: Readonly<BlueprintGraph>, context: RenderingContext): VNode {
        const transform = `scale(${graph.zoom}) translate(${-graph.scroll.x},${-graph.scroll.y})`;
        return <svg class-sprotty-graph={true} class-blueprint-graph={true}>
            <title>{graph.title}</title>
            <g transform={transform}>
                <rect class-blueprint-background={true} x={0} y={0} width={graph.diagramWidth} height={graph.diagramHeight} />
                {context.renderChildren(graph)}
            </g>
        </svg>;
    }
}

@injectable()
export class LaneView implements IView {
    render(lane: Readonly<LaneNode>): VNode {
        return <g class={{ lane: true, [`lane-${lane.kind}`]: true }}>
            <rect class-lane-band={true} x={0} y={0} width={lane.size.width} height={lane.size.height} />
            <text class-lane-label={true} x={8} y={15}>{lane.label}</text>
        </g>;
    }
}

@injectable()
export class LineView implements IView {
    render(line: Readonly<LineNode>): VNode {
        // The name is repeated at the start of every stage, so a page or slide cut from a wide
        // blueprint still names its lines (the live view shows sticky names instead).
        const stageStarts = line.root.children
            .filter((child): child is StageNode => child instanceof StageNode)
            .map(stage => stage.position.x + 6)
            // Not where it would run into the name at the far right (10 px italic: about 5.5 px a character).
            .filter(x => x + 2 * line.label.length * 5.5 + 24 < line.size.width);
        return <g class={{ 'blueprint-line': true, [`line-${line.kind}`]: true }}>
            <line class-line-stroke={true} x1={0} y1={0} x2={line.size.width} y2={0} />
            {stageStarts.map(x => <text class-line-label={true} class-line-label-repeat={true} x={x} y={-4}>{line.label}</text>)}
            <text class-line-label={true} x={line.size.width - 8} y={-4} text-anchor="end">{line.label}</text>
        </g>;
    }
}

@injectable()
export class StageView implements IView {
    render(stage: Readonly<StageNode>): VNode {
        const width = stage.size.width;
        return <g class-stage={true}>
            {stage.first ? undefined : <line class-stage-separator={true} x1={0} y1={stage.headerHeight} x2={0} y2={stage.size.height} />}
            <rect class-stage-header={true} x={2} y={2} width={Math.max(0, width - 4)} height={Math.max(0, stage.headerHeight - 6)} rx={4} />
            <text class-stage-label={true} x={width / 2} y={stage.headerHeight / 2 + 2} text-anchor="middle">{stage.label}</text>
        </g>;
    }
}

@injectable()
export class StepView implements IView {
    render(step: Readonly<StepNode>, context: RenderingContext): VNode | undefined {
        if (!onScreen(step.root, context, step.bounds)) return offScreen('step');
        const { width, height } = step.size;
        return <g class={{
            step: true,
            selected: step.selected,
            'fail-point': step.failPoint,
            'wait-point': step.waitPoint,
            moment: step.moment,
            touchpoint: step.touchpoint,
            variant: step.segments.length > 0,
            independent: step.independent === true
        }}>
            <title>{step.label}</title>
            <rect class-step-box={true} x={0} y={0} width={width} height={height} rx={6} />
            {renderLabel(step)}
            {step.marks.length > 0 ? <g class-marks={true}>{step.marks.map(renderMark)}</g> : undefined}
        </g>;
    }
}

@injectable()
export class EvidenceView implements IView {
    render(evidence: Readonly<StepNode>, context: RenderingContext): VNode | undefined {
        if (!onScreen(evidence.root, context, evidence.bounds)) return offScreen('evidence');
        const { width, height } = evidence.size;
        const fold = Math.min(10, width / 4, height / 4);
        return <g class={{ evidence: true, selected: evidence.selected }}>
            <title>{evidence.label}</title>
            <path class-evidence-box={true} d={`M 0,0 H ${width - fold} L ${width},${fold} V ${height} H 0 Z`} />
            <path class-evidence-fold={true} d={`M ${width - fold},0 V ${fold} H ${width}`} />
            {renderLabel(evidence)}
        </g>;
    }
}

@injectable()
export class FlowView implements IView {
    render(flow: Readonly<FlowEdge>, context: RenderingContext): VNode | undefined {
        const points = flow.routingPoints;
        if (points.length < 2 || !onScreen(flow.root, context, routeBounds(points, flow.labelBox))) {
            return undefined;
        }
        const path = points.map((point, index) => `${index === 0 ? 'M' : 'L'} ${point.x},${point.y}`).join(' ');
        const end = arrowHead(points, false);
        const start = flow.kind === 'two-way' ? arrowHead(points, true) : undefined;
        // A fail point's corrective sub-process in the recovery colour, named for screen readers and tooltips.
        return <g class={{ flow: true, [`flow-${flow.kind}`]: true, loop: flow.loop, 'flow-recovery': flow.recovery !== undefined }}
            {...(flow.recovery !== undefined ? { attrs: { 'data-recovery': flow.recovery } } : {})}>
            <path class-flow-line={true} d={path} />
            {flow.kind === 'evidence' ? undefined : end}
            {start}
            {renderFlowLabel(flow, points)}
        </g>;
    }
}

/**
 * The flow's label where the layout placed it (clear of every box, branch point and other label;
 * a leader line when it had to move away), as the SVG draws it; older layouts: on the longest segment.
 */
function renderFlowLabel(flow: Readonly<FlowEdge>, points: readonly Point[]): VNode | undefined {
    const box = flow.labelBox;
    if (box && box.lines.length > 0) {
        const centerX = box.x + box.width / 2;
        const leader = box.anchor
            ? <line class-flow-leader={true} x1={box.anchor.x} y1={box.anchor.y}
                x2={Math.max(box.x, Math.min(box.x + box.width, box.anchor.x))} y2={Math.max(box.y, Math.min(box.y + box.height, box.anchor.y))} />
            : undefined;
        return <g class-flow-label-group={true}>
            {leader}
            <text class-flow-label={true} text-anchor="middle">
                {box.lines.map((line, index) => <tspan x={centerX} y={box.y + 10 + index * 12}>{line}</tspan>)}
            </text>
        </g>;
    }
    const label = flow.label ? (flow.loop ? `↻ ${flow.label}` : flow.label) : (flow.loop ? '↻' : undefined);
    if (!label) return undefined;
    const labelAt = labelPosition(points);
    return <text class-flow-label={true} x={labelAt.x} y={labelAt.y - 5} text-anchor="middle">{label}</text>;
}

/** A branch point: an empty diamond (one branch is taken) or one with a plus (parallel work), drawn in its bounds. */
@injectable()
export class GatewayView implements IView {
    render(gateway: Readonly<GatewayNode>, context: RenderingContext): VNode | undefined {
        if (!onScreen(gateway.root, context, gateway.bounds)) return undefined;
        const { width, height } = gateway.size;
        const w = width / 2;
        const h = height / 2;
        return <g class={{ gateway: true, [`gateway-${gateway.kind}`]: true, [`gateway-${gateway.role}`]: true }} aria-label={gateway.description}>
            <title>{gateway.description}</title>
            <path class-gateway-shape={true} d={`M ${w},0 L ${width},${h} L ${w},${height} L 0,${h} Z`} />
            {gateway.kind === 'parallel'
                ? <path class-gateway-plus={true} d={`M ${w / 2},${h} L ${w * 1.5},${h} M ${w},${h / 2} L ${w},${h * 1.5}`} />
                : undefined}
        </g>;
    }
}

/**
 * A box off screen: an empty group, still named for screen readers and reachable with the
 * keyboard (the ARIA decorator names it; focusing it scrolls it into view, where it is drawn).
 */
function offScreen(kind: 'step' | 'evidence'): VNode {
    return <g class={{ [kind]: true, 'off-screen': true }} />;
}

/** The label's lines where the layout put them; centred in the box for a layout without label metrics. */
function renderLabel(step: Readonly<StepNode>): VNode {
    const { width, height } = step.size;
    const { labelTop, lineHeight, fontSize } = step;
    const baseline = labelTop !== undefined && lineHeight !== undefined && fontSize !== undefined
        ? (index: number) => labelBaseline({ labelTop, lineHeight, fontSize }, index)
        : (index: number) => height / 2 - ((step.lines.length - 1) * LABEL_LINE_HEIGHT) / 2 + 4 + index * LABEL_LINE_HEIGHT;
    return <text class-step-label={true} text-anchor="middle">
        {step.lines.map((line, index) => <tspan x={width / 2} y={baseline(index)}>{line}</tspan>)}
    </text>;
}

/** A badge (filled in its tone) or chip (outlined), at the position the layout gave it inside the box. */
export function renderMark(mark: LaidOutMark): VNode {
    return <g class={markClasses(mark)} transform={`translate(${mark.x},${mark.y})`}>
        <title>{mark.description}</title>
        <rect class-badge-box={true} x={0} y={0} width={mark.width} height={mark.height} rx={isRound(mark) ? Math.min(8, mark.height / 2) : 3} />
        <text class-badge-text={true} text-anchor="middle">
            {mark.lines.map((line, index) => <tspan x={mark.width / 2} y={markBaseline(mark, index)}>{line}</tspan>)}
        </text>
    </g>;
}

function isRound(mark: LaidOutMark): boolean {
    return mark.kind !== 'actor' && mark.kind !== 'channel' && mark.kind !== 'segment';
}

/** A triangle at the end (or start) of the route, pointing along the last non-degenerate segment. */
function arrowHead(points: readonly Point[], atStart: boolean): VNode | undefined {
    const route = atStart ? [...points].reverse() : points;
    const tip = route[route.length - 1];
    let index = route.length - 2;
    while (index >= 0 && route[index].x === tip.x && route[index].y === tip.y) {
        index--;
    }
    if (index < 0) {
        return undefined;
    }
    const from = route[index];
    const angle = Math.atan2(tip.y - from.y, tip.x - from.x) * 180 / Math.PI;
    return <path class-flow-arrow={true}
        d={`M 0,0 L ${-ARROW_LENGTH},${-ARROW_HALF_WIDTH} L ${-ARROW_LENGTH},${ARROW_HALF_WIDTH} Z`}
        transform={`translate(${tip.x},${tip.y}) rotate(${angle})`} />;
}

/** The middle of the longest segment: the flow's label is readable there and rarely hits a box. */
export function labelPosition(points: readonly Point[]): Point {
    let best = { x: points[0].x, y: points[0].y };
    let bestLength = -1;
    for (let i = 1; i < points.length; i++) {
        const length = Math.hypot(points[i].x - points[i - 1].x, points[i].y - points[i - 1].y);
        if (length > bestLength) {
            bestLength = length;
            best = { x: (points[i].x + points[i - 1].x) / 2, y: (points[i].y + points[i - 1].y) / 2 };
        }
    }
    return best;
}
