/**
 * The diagram as a draw.io / diagrams.net file (mxfile XML, uncompressed), editable there and in
 * tools that import draw.io (Miro): lanes are swimlane containers holding their steps, stages are
 * header cells, the three lines are labelled dashed edges (the line of order penetration dash-dot),
 * steps and evidence are boxes at their laid-out positions (fail points numbered, their remedies in
 * the tooltip), flows are orthogonal edges with their waypoints and labels (a fail point's corrective
 * sub-process in the recovery colour, its tooltip naming the fail point), branch points rhombi. Cell values are
 * HTML (`html=1`, so a box can hold its actor, label and coloured badges): every label is escaped
 * as HTML first and then as XML by the builder (fast-xml-parser's; xmlbuilder2 4 leaves `&lt;` in
 * an attribute as it is, which would hand draw.io's HTML a real tag).
 */
import type { BlueprintLayout, LaidOutFlow, LaidOutStep } from '@blueprint/diagram';
import { escapeHtml, sanitizeXmlText } from '@blueprint/escape';
import { XMLBuilder } from 'fast-xml-parser';

/** Where the lane's label column ends: steps start right of it, as in the SVG. */
const LANE_HEADER_WIDTH = 150;
const LANE_X = 16;

const LANE_FILL: readonly string[] = ['#f6f8fa', '#ffffff'];
const BADGE_COLOURS = { fail: '#cf222e', wait: '#9a6700', moment: '#8250df', metric: '#0969da' } as const;
/** The SVG's recovery colour (light theme). */
const RECOVERY_COLOUR = '#0f766e';

type Attributes = Record<string, string>;
interface CellNode { [key: string]: unknown }

export function exportDrawio(layout: BlueprintLayout): string {
    const cells: CellNode[] = [attributes({ id: '0' }), attributes({ id: '1', parent: '0' })];
    const vertex = (id: string, value: string, style: string, parent: string, box: { x: number; y: number; width: number; height: number }) =>
        cells.push({ ...attributes({ id, value, style, vertex: '1', parent }), mxGeometry: geometry(box) });

    const stepVertex = (id: string, value: string, style: string, parent: string, box: { x: number; y: number; width: number; height: number }, tooltip?: string) =>
        cells.push({ ...attributes({ id, value, style, vertex: '1', parent, ...(tooltip ? { tooltip } : {}) }), mxGeometry: geometry(box) });

    vertex('title', `<b>${escapeHtml(layout.title)}</b>`, 'text;html=1;fontSize=18;align=left;verticalAlign=middle;strokeColor=none;fillColor=none;', '1',
        { x: LANE_X, y: 14, width: Math.max(200, layout.width - 2 * LANE_X), height: 28 });

    const laneOf = new Map(layout.lanes.map(lane => [lane.id, lane]));
    const laneWidth = layout.width - 2 * LANE_X;
    layout.lanes.forEach((lane, index) => {
        vertex(cellId('lane', lane.id), escapeHtml(lane.label),
            `swimlane;html=1;horizontal=0;startSize=${LANE_HEADER_WIDTH};fillColor=#eaeef2;swimlaneFillColor=${LANE_FILL[index % 2]};strokeColor=#d0d7de;fontStyle=1;fontSize=13;collapsible=0;`,
            '1', { x: LANE_X, y: lane.y, width: laneWidth, height: lane.height });
    });

    const top = layout.lanes[0]?.y ?? 0;
    for (const stage of layout.stages) {
        vertex(cellId('stage', stage.id), escapeHtml(stage.label), 'rounded=1;html=1;fillColor=#ddf4ff;strokeColor=none;fontStyle=1;fontSize=12;',
            '1', { x: stage.x, y: top - 30, width: stage.width, height: 26 });
    }

    for (const line of layout.lines) {
        // The line of order penetration stands out from the three lines of the method: darker, dash-dot, its name bold.
        const style = line.kind === 'order-penetration'
            ? 'endArrow=none;html=1;dashed=1;dashPattern=12 4 2 4;strokeColor=#1f2328;strokeWidth=2;fontStyle=3;fontSize=11;fontColor=#1f2328;labelPosition=right;align=right;verticalAlign=bottom;'
            : 'endArrow=none;html=1;dashed=1;dashPattern=8 5;strokeColor=#8c959f;strokeWidth=1.5;fontStyle=2;fontSize=11;fontColor=#59636e;labelPosition=right;align=right;verticalAlign=bottom;';
        cells.push({
            ...attributes({ id: cellId('line', line.kind), value: escapeHtml(line.label), parent: '1', edge: '1', style }),
            mxGeometry: { ...attributes({ relative: '1', as: 'geometry' }), mxPoint: [
                attributes({ x: String(LANE_X), y: String(line.y), as: 'sourcePoint' }),
                attributes({ x: String(layout.width - LANE_X), y: String(line.y), as: 'targetPoint' })
            ] }
        });
    }

    for (const step of layout.steps) {
        const lane = laneOf.get(step.lane);
        // Inside its lane's container, so moving a lane in draw.io moves its steps.
        const parent = lane ? cellId('lane', lane.id) : '1';
        const origin = lane ? { x: LANE_X, y: lane.y } : { x: 0, y: 0 };
        stepVertex(cellId('step', step.id), stepValue(step), stepStyle(step), parent,
            { x: step.x - origin.x, y: step.y - origin.y, width: step.width, height: step.height }, failTooltip(step));
    }

    for (const flow of layout.flows) cells.push(edge(flow));

    // Branch points after the flows, so they are drawn over the lines that fan out of them; the tooltip says which branches.
    for (const gateway of layout.gateways ?? []) {
        const plus = gateway.kind === 'parallel' ? '<b>+</b>' : '';
        cells.push({
            ...attributes({ id: cellId('gateway', `${gateway.role}-${gateway.kind}-${gateway.step}`), value: plus, tooltip: gateway.description,
                style: 'rhombus;whiteSpace=wrap;html=1;fillColor=#ffffff;strokeColor=#1f2328;strokeWidth=1.5;fontSize=10;spacing=0;', vertex: '1', parent: '1' }),
            mxGeometry: geometry({ x: gateway.x - gateway.halfWidth, y: gateway.y - gateway.halfHeight, width: 2 * gateway.halfWidth, height: 2 * gateway.halfHeight })
        });
    }

    const document = {
        '?xml': attributes({ version: '1.0', encoding: 'UTF-8' }),
        mxfile: {
            ...attributes({ host: 'Blueprint', type: 'device' }),
            diagram: {
                ...attributes({ id: cellId('diagram', layout.id), name: layout.title || layout.id }),
                mxGraphModel: {
                    ...attributes({ dx: '0', dy: '0', grid: '1', gridSize: '10', guides: '1', tooltips: '1', connect: '1', arrows: '1', fold: '1',
                        page: '1', pageScale: '1', pageWidth: String(Math.ceil(layout.width)), pageHeight: String(Math.ceil(layout.height)), math: '0', shadow: '0' }),
                    root: { mxCell: cells }
                }
            }
        }
    };
    return new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true, processEntities: true }).build(document);
}

function attributes(values: Attributes): Attributes {
    return Object.fromEntries(Object.entries(values).map(([key, value]) => [`@_${key}`, sanitizeXmlText(value)]));
}

function geometry(box: { x: number; y: number; width: number; height: number }): Attributes {
    return attributes({ x: String(box.x), y: String(box.y), width: String(box.width), height: String(box.height), as: 'geometry' });
}

function edge(flow: LaidOutFlow): CellNode {
    const inner = flow.points.slice(1, -1);
    return {
        ...attributes({ id: cellId('flow', flow.id), value: flow.label ? escapeHtml(flow.label) : '', style: flowStyle(flow), edge: '1', parent: '1',
            source: cellId('step', flow.from), target: cellId('step', flow.to),
            ...(flow.recovery ? { tooltip: `Recovery of ${flow.recovery}: the corrective sub-process of the fail point` } : {}) }),
        mxGeometry: {
            ...attributes({ relative: '1', as: 'geometry' }),
            ...(inner.length > 0 ? { Array: { ...attributes({ as: 'points' }), mxPoint: inner.map(point => attributes({ x: String(point.x), y: String(point.y) })) } } : {})
        }
    };
}

function stepValue(step: LaidOutStep): string {
    const parts: string[] = [];
    if (step.actor) parts.push(`<font style="font-size:10px" color="#59636e">${escapeHtml(step.actor)}</font>`);
    parts.push(escapeHtml(step.label));
    const tags: string[] = [];
    if (step.channel) tags.push(escapeHtml(step.channel));
    for (const segment of step.segments) tags.push(`<i>[${escapeHtml(segment)}]</i>`);
    // The same numbers as the notes below the SVG, with the rate and the remedies in the box's tooltip.
    const fails = step.details?.failPoints ?? [];
    if (fails.length > 0) tags.push(badge(fails.map(fail => escapeHtml(fail.ref)).join(' '), BADGE_COLOURS.fail));
    else if (step.failPoint) tags.push(badge('F', BADGE_COLOURS.fail));
    if (step.waitPoint) tags.push(badge(step.waitTime ? `W ${escapeHtml(step.waitTime)}` : 'W', BADGE_COLOURS.wait));
    if (step.moment) tags.push(badge('MOT', BADGE_COLOURS.moment));
    if (step.emotion) tags.push(escapeHtml(step.emotion));
    if (step.metrics > 0) tags.push(badge(`M${step.metrics}`, BADGE_COLOURS.metric));
    if (tags.length > 0) parts.push(`<font style="font-size:10px" color="#59636e">${tags.join(' ')}</font>`);
    return parts.join('<br>');
}

/** Plain text (draw.io shows tooltips as text): each fail point with its rate, remedies, poka-yoke types and steps. */
function failTooltip(step: LaidOutStep): string | undefined {
    const fails = step.details?.failPoints ?? [];
    if (fails.length === 0) return undefined;
    return fails.map(fail => {
        const remedies = (fail.remedies ?? []).map(remedy => `${remedy.kind === 'prevention' ? 'Prevention' : 'Recovery'}: ${remedy.text}`
            + (remedy.pokaYoke ? ` (poka-yoke: ${remedy.pokaYokeLabel ?? remedy.pokaYoke})` : '')
            + (remedy.steps.length > 0 ? ` → steps: ${remedy.steps.join('; ')}` : ''));
        return [`${fail.ref} ${fail.cause}`, ...(fail.rate ? [`Failure rate: ${fail.rate}`] : []), ...remedies].join('\n');
    }).join('\n\n');
}

function badge(text: string, colour: string): string {
    return `<b><font color="${colour}">${text}</font></b>`;
}

function stepStyle(step: LaidOutStep): string {
    if (step.evidenceFor !== undefined) return 'rounded=0;whiteSpace=wrap;html=1;fillColor=#fff8c5;strokeColor=#57606a;fontSize=11;';
    const dashed = step.segments.length > 0 ? 'dashed=1;dashPattern=5 3;' : '';
    const stroke = step.touchpoint ? 'strokeWidth=2;' : 'strokeWidth=1.2;';
    const fill = step.independent ? '#eaeef2' : '#ffffff';
    return `rounded=1;arcSize=8;whiteSpace=wrap;html=1;fillColor=${fill};strokeColor=#57606a;fontSize=12;${stroke}${dashed}`;
}

function flowStyle(flow: LaidOutFlow): string {
    const style = kindStyle(flow);
    // The recovery colour over the kind's (a hand-off stays dashed), the fail point's number bold in it.
    return flow.recovery === undefined ? style
        : style.replace(/(strokeColor|strokeWidth|fontColor)=[^;]*;/g, '') + `strokeColor=${RECOVERY_COLOUR};strokeWidth=2;fontColor=${RECOVERY_COLOUR};fontStyle=1;`;
}

function kindStyle(flow: LaidOutFlow): string {
    const base = 'edgeStyle=orthogonalEdgeStyle;rounded=0;orthogonalLoop=1;html=1;fontSize=10;fontColor=#59636e;';
    switch (flow.kind) {
        case 'evidence': return `${base}endArrow=none;dashed=1;dashPattern=2 3;strokeColor=#8c959f;`;
        case 'hand-off': return `${base}endArrow=block;endFill=1;dashed=1;dashPattern=6 4;strokeColor=#424a53;`;
        case 'escalation': return `${base}endArrow=block;endFill=1;strokeColor=#cf222e;strokeWidth=2;`;
        case 'two-way': return `${base}startArrow=block;startFill=1;endArrow=block;endFill=1;strokeColor=#424a53;`;
        default: return `${base}endArrow=block;endFill=1;strokeColor=#424a53;${flow.loop ? 'dashed=1;dashPattern=2 4;' : ''}`;
    }
}

/** Cell ids from kind and name; names are identifiers, but anything else is made safe too. */
function cellId(kind: string, name: string): string {
    return `${kind}-${name.replace(/[^\p{L}\p{N}_.-]/gu, character => `_${character.codePointAt(0)!.toString(16)}_`)}`;
}
