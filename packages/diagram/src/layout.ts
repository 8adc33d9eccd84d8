/**
 * Lays out a blueprint: elkjs ranks the steps left to right on the flat flow graph, then lanes,
 * stage columns and boxes are placed deterministically, and flows are routed orthogonally between
 * the placed boxes. See `layoutBlueprint` for the steps.
 */
import type { BlueprintModel } from '@blueprint/model';
import { buildDiagramInput, DEFAULT_BOX_METRICS, grownBox, type BoxMetrics, type DiagramBox, type DiagramEdge, type DiagramInput } from './diagram-input.js';
import { evidenceRunsStraight, gapsUsed, portRoom, routeFlows, TRACK } from './edge-routing.js';
import { placeFlowLabels } from './flow-labels.js';
import { branchBundles, gatewayRect, placeGateways } from './gateways.js';
import { rankSteps } from './elk-ranking.js';
import { rankStepsByStage } from './stage-ranking.js';
import type { BlueprintLayout, LaidOutFlow, LaidOutGateway, LaidOutLane, LaidOutLine, LaidOutStage, LaidOutStep } from './geometry.js';
import { documentCache, placedAt, type LayoutCache, type PlacedSteps } from './layout-cache.js';
import { secondRowOffset, stepsOffMainRow } from './recovery-flows.js';

export interface LayoutSpacing {
    /** Horizontal gap between two columns of one stage (edges bend in it). */
    readonly columnGap: number;
    /** Horizontal gap between two stages. */
    readonly stageGap: number;
    /** Vertical gap between boxes stacked in one lane cell. */
    readonly rowGap: number;
    /** Space above and below the boxes of a lane. */
    readonly lanePadding: number;
    /** Width of the lane-name column on the left. */
    readonly laneHeaderWidth: number;
    readonly titleHeight: number;
    readonly stageHeaderHeight: number;
    readonly margin: number;
}

export const DEFAULT_SPACING: LayoutSpacing = {
    columnGap: 48,
    stageGap: 64,
    rowGap: 12,
    lanePadding: 28,
    laneHeaderWidth: 150,
    titleHeight: 36,
    stageHeaderHeight: 32,
    margin: 16
};

export interface LayoutOptions {
    readonly spacing?: Partial<LayoutSpacing>;
    readonly boxMetrics?: Partial<BoxMetrics>;
    /**
     * An earlier layout of the same blueprint: steps found in it keep their relative order, so an
     * edit (or a diff view of two versions) moves as little as possible.
     */
    readonly previous?: BlueprintLayout;
    /**
     * `by-stage` (the default): each stage's layers from its own flows when the stages can be ranked
     * apart (stage-ranking.ts), the whole flow graph otherwise; `whole`: always the whole graph.
     */
    readonly ranking?: 'by-stage' | 'whole';
    /**
     * The document's cache (`createLayoutCache`, one per document): boxes and notes that did not
     * change are taken from it, the same objects as in the previous layout. Same result, less work.
     */
    readonly cache?: LayoutCache;
}

/** Closest a flow's vertical track comes to the columns on either side of its gap. */
const GAP_TRACK_MARGIN = 6;

/** Steps with no stage are drawn in this pseudo-stage group when the blueprint declares none. */
const NO_STAGE = '';

/**
 * 1. Build the boxes (wrapped labels, sizes) from the model.
 * 2. Rank the steps with ELK layered on the flat graph (loop flows left out), stage by stage when
 *    the flows between stages all run forwards (stage-ranking.ts).
 * 3. Group steps into stage groups in stage order (a step without a stage joins the stage of the
 *    nearest ranked step before it), and renumber the ranks inside each group: the columns.
 * 4. Lanes are bands top to bottom, as high as their fullest cell; boxes in one cell stack in model order.
 * 5. Route flows orthogonally between the placed boxes.
 */
export async function layoutBlueprint(model: BlueprintModel, options: LayoutOptions = {}): Promise<BlueprintLayout> {
    const spacing = { ...DEFAULT_SPACING, ...options.spacing };
    const metrics = { ...DEFAULT_BOX_METRICS, ...options.boxMetrics };
    const input = buildDiagramInput(model, metrics, options.cache);
    const inputs = placementInputs(input, spacing, options.ranking ?? 'by-stage');
    const earlier = options.previous && placements.get(options.previous);
    const placedSteps = documentCache(options.cache)?.placedSteps;
    placedSteps?.begin();
    const layout = earlier !== undefined && samePlacementInputs(earlier.inputs, inputs) ? reusePlacement(input, earlier.placed, placedSteps)
        : await placeAndRoute(input, spacing, options.previous, options.ranking ?? 'by-stage', placedSteps);
    placedSteps?.end();
    placements.set(layout, { inputs, placed: layout });
    return layout;
}

async function placeAndRoute(input: DiagramInput, spacing: LayoutSpacing, previous: BlueprintLayout | undefined,
    ranking: 'by-stage' | 'whole', placedSteps: PlacedSteps | undefined): Promise<BlueprintLayout> {
    const steps = orderByPrevious(input.steps, previous);
    const byStage = ranking === 'by-stage' ? await rankStepsByStage(steps, input.flows, input.model.stages.map(stage => stage.id)) : undefined;
    const ranks = byStage?.ranks ?? await rankSteps(steps, input.flows);
    const columns = assignColumns(input, steps, ranks, byStage?.stageOf);
    return placeBoxes(input, steps, columns, spacing, previous, placedSteps);
}

/**
 * The placement of each layout this module made (or that carries one, see `carryPlacement`), with
 * what it was computed from. Weak: a layout nobody holds any more takes its entry with it.
 */
const placements = new WeakMap<BlueprintLayout, { readonly inputs: PlacementInputs; readonly placed: BlueprintLayout }>();

/**
 * Everything placement and routing read, and nothing they don't: the boxes' ids, lanes, stages and
 * sizes in model order, the flows with their labels (a label's size decides where it goes), the
 * lanes, lines and stages, the decisions, the spacing and the ranking. A label typed into that
 * leaves every box its size has the inputs of the layout before it, which can then be reused as it
 * is. Kept as references to the input's lists and compared in place (`samePlacementInputs`): a
 * signature string of 1,000 steps cost ~1 MB of garbage per edit.
 */
interface PlacementInputs {
    readonly ranking: string;
    readonly spacing: string;
    readonly lanes: BlueprintModel['lanes'];
    readonly lines: BlueprintModel['lines'];
    readonly stages: BlueprintModel['stages'];
    readonly decisions: BlueprintModel['decisions'] | undefined;
    readonly steps: readonly DiagramBox[];
    readonly evidence: readonly DiagramBox[];
    readonly flows: readonly DiagramEdge[];
    readonly evidenceLinks: readonly DiagramEdge[];
}

function placementInputs(input: DiagramInput, spacing: LayoutSpacing, ranking: string): PlacementInputs {
    const { model } = input;
    return {
        ranking, spacing: JSON.stringify(spacing), lanes: model.lanes, lines: model.lines, stages: model.stages, decisions: model.decisions,
        steps: input.steps, evidence: input.evidence, flows: input.flows, evidenceLinks: input.evidenceLinks
    };
}

function samePlacementInputs(a: PlacementInputs, b: PlacementInputs): boolean {
    return a.ranking === b.ranking && a.spacing === b.spacing
        && sameList(a.lanes, b.lanes, (x, y) => x.id === y.id && x.kind === y.kind)
        && sameList(a.lines, b.lines, (x, y) => x.kind === y.kind && x.above === y.above)
        && sameList(a.stages, b.stages, (x, y) => x.id === y.id)
        // The steps then the evidence cards, as one list.
        && sameJoinedList(a.steps, a.evidence, b.steps, b.evidence, sameBox)
        // Decisions bundle their branches' ports and place the diamonds (their labels only describe them).
        && sameList(a.decisions ?? [], b.decisions ?? [], (x, y) => x.kind === y.kind && (x.step ?? '') === (y.step ?? '')
            && (x.join ?? '') === (y.join ?? '') && sameList(x.flows ?? [], y.flows ?? [], (f, g) => f === g))
        && sameJoinedList(a.flows, a.evidenceLinks, b.flows, b.evidenceLinks, sameEdge);
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
    if (a === b) return true;
    if (a.length !== b.length) return false;
    for (let index = 0; index < a.length; index++) {
        if (a[index] !== b[index] && !same(a[index], b[index])) return false;
    }
    return true;
}

/**
 * `headA` then `tailA` against `headB` then `tailB`, each pair as one list, item by item (an item
 * may move from one part to the other, as a box between the steps and the evidence cards).
 */
function sameJoinedList<T>(headA: readonly T[], tailA: readonly T[], headB: readonly T[], tailB: readonly T[], same: (x: T, y: T) => boolean): boolean {
    // Split at the same place (every edit that moves no item): each part on its own, a part that is the same list at once.
    if (headA.length === headB.length) return sameList(headA, headB, same) && sameList(tailA, tailB, same);
    const count = headA.length + tailA.length;
    if (count !== headB.length + tailB.length) return false;
    for (let index = 0; index < count; index++) {
        const x = index < headA.length ? headA[index] : tailA[index - headA.length];
        const y = index < headB.length ? headB[index] : tailB[index - headB.length];
        if (x !== y && !same(x, y)) return false;
    }
    return true;
}

/** What placement reads of a box: where it belongs and its size. */
function sameBox(x: DiagramBox, y: DiagramBox): boolean {
    return x.id === y.id && x.lane === y.lane && (x.stage ?? '') === (y.stage ?? '') && (x.evidenceFor ?? '') === (y.evidenceFor ?? '')
        && sameNumber(x.width, y.width) && sameNumber(x.height, y.height);
}

/**
 * What routing reads of a flow or evidence link: its ends, its kind and its label (a label's size
 * decides where it goes), and the fail point it is the recovery of (drawn so, its steps off the main row).
 */
function sameEdge(x: DiagramEdge, y: DiagramEdge): boolean {
    return x.id === y.id && x.from === y.from && x.to === y.to && x.kind === y.kind && x.loop === y.loop && x.label === y.label
        && x.recovery === y.recovery;
}

/** Numbers alike as they print (NaN like NaN). */
function sameNumber(a: number, b: number): boolean {
    return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

/**
 * The earlier placement with the new content: every box where it was (same size, same column, so
 * the same x and y), the routed flows as they were, and the new names of the title, lanes, lines and stages.
 */
function reusePlacement(input: DiagramInput, placed: BlueprintLayout, placedSteps: PlacedSteps | undefined): BlueprintLayout {
    const { model } = input;
    // The signature lists the same boxes, so each new box has its placed one. A box that is the same
    // object as before (the document's cache) keeps its laid-out step too.
    const placedStep = new Map(placed.steps.map(step => [step.id, step]));
    const steps: LaidOutStep[] = [];
    for (const box of [...input.steps, ...input.evidence]) {
        const earlier = placedStep.get(box.id)!;
        // Grown as before for its ports: the same flows and columns.
        steps.push(laidOut(grownBox(box, earlier.height), earlier.x, earlier.y, placedSteps));
    }
    const laneLabel = new Map(model.lanes.map(lane => [lane.id, lane.label]));
    const stageLabel = new Map(model.stages.map(stage => [stage.id, stage.label]));
    const relabel = <T extends { readonly label: string }>(item: T, label: string | undefined): T =>
        label === undefined || label === item.label ? item : { ...item, label };
    // Where the diamonds go follows from the routes; what they say names the steps and the decision, in the blueprint's language.
    const { gateways: placedGateways, ...rest } = placed;
    const gateways = placedGateways === undefined ? []
        : placeGateways(model, placed.flows, steps, input.strings).map((gateway, index) => sameGateway(placedGateways[index], gateway) ? placedGateways[index] : gateway);
    return {
        ...rest,
        id: model.id,
        title: model.title,
        lanes: placed.lanes.map(lane => relabel(lane, laneLabel.get(lane.id))),
        lines: placed.lines.map((line, index) => relabel(line, model.lines[index]?.label)),
        stages: placed.stages.map(stage => relabel(stage, stageLabel.get(stage.id))),
        steps,
        ...(gateways.length > 0 ? { gateways } : {})
    };
}

/**
 * The laid-out steps in the input's order (steps in model order, then evidence), whatever order
 * placement used: the list is then the same whether a placement was reused or computed again, and
 * whatever layout came before.
 */
function inModelOrder(input: DiagramInput, steps: readonly LaidOutStep[]): LaidOutStep[] {
    const byId = new Map(steps.map(step => [step.id, step]));
    return [...input.steps, ...input.evidence].map(box => byId.get(box.id)!);
}

function sameGateway(before: LaidOutGateway | undefined, now: LaidOutGateway): boolean {
    return before !== undefined && JSON.stringify(before) === JSON.stringify(now);
}

/** `box` placed at (x, y): with the document's cache, the step of the last layout when it is that box at that place. */
function laidOut(box: DiagramBox, x: number, y: number, placedSteps: PlacedSteps | undefined): LaidOutStep {
    return placedSteps ? placedSteps.place(box, x, y) : placedAt(box, x, y);
}

/** `to` (e.g. `from` with annotations added) was made from `from`'s placement: a later layout may reuse it. */
export function carryPlacement(from: BlueprintLayout, to: BlueprintLayout): void {
    const placement = placements.get(from);
    if (placement) placements.set(to, placement);
}

function orderByPrevious(steps: readonly DiagramBox[], previous: BlueprintLayout | undefined): readonly DiagramBox[] {
    if (!previous) return steps;
    const previousX = new Map(previous.steps.map(step => [step.id, step.x]));
    // New steps keep their model position relative to the old step written before them.
    let lastKnown = -Infinity;
    const keyed = steps.map((step, index) => {
        const x = previousX.get(step.id);
        if (x !== undefined) lastKnown = x;
        return { step, index, key: x ?? lastKnown };
    });
    return keyed.sort((a, b) => a.key - b.key || a.index - b.index).map(entry => entry.step);
}

interface ColumnAssignment {
    /** Global column of each step and evidence box. */
    readonly column: Map<string, number>;
    /** Stage group of each column (a declared stage id, or NO_STAGE). */
    readonly columnStage: string[];
}

function assignColumns(input: DiagramInput, steps: readonly DiagramBox[], ranks: Map<string, number>,
    stageOf: Map<string, string> | undefined): ColumnAssignment {
    const stageOrder = input.model.stages.map(stage => stage.id);
    const groupOf = stageOf ?? inferStageGroups(steps, ranks, stageOrder);
    const groups = stageOrder.length > 0 ? stageOrder : [NO_STAGE];
    const column = new Map<string, number>();
    const columnStage: string[] = [];
    const membersOf = new Map<string, DiagramBox[]>(groups.map(group => [group, []]));
    for (const step of steps) membersOf.get(groupOf.get(step.id)!)?.push(step);
    for (const group of groups) {
        const members = membersOf.get(group)!;
        const distinctRanks = [...new Set(members.map(step => ranks.get(step.id) ?? 0))].sort((a, b) => a - b);
        const position = new Map(distinctRanks.map((rank, index) => [rank, index]));
        const offset = columnStage.length;
        // An empty stage still gets one column so its header is drawn.
        const count = Math.max(1, distinctRanks.length);
        for (let i = 0; i < count; i++) columnStage.push(group);
        for (const step of members) column.set(step.id, offset + position.get(ranks.get(step.id) ?? 0)!);
    }
    for (const box of input.evidence) column.set(box.id, column.get(box.evidenceFor!) ?? 0);
    return { column, columnStage };
}

function inferStageGroups(steps: readonly DiagramBox[], ranks: Map<string, number>, stageOrder: readonly string[]): Map<string, string> {
    const groupOf = new Map<string, string>();
    if (stageOrder.length === 0) {
        for (const step of steps) groupOf.set(step.id, NO_STAGE);
        return groupOf;
    }
    const staged = steps.filter(step => step.stage !== undefined)
        .map(step => ({ rank: ranks.get(step.id) ?? 0, stage: step.stage!, order: stageOrder.indexOf(step.stage!) }))
        .sort((a, b) => a.rank - b.rank || a.order - b.order);
    for (const step of steps) {
        if (step.stage !== undefined) {
            groupOf.set(step.id, step.stage);
            continue;
        }
        // The stage of the last staged step ranked at or before this one (binary search: large blueprints).
        const rank = ranks.get(step.id) ?? 0;
        let low = 0;
        let high = staged.length;
        while (low < high) {
            const middle = (low + high) >>> 1;
            if (staged[middle].rank <= rank) low = middle + 1;
            else high = middle;
        }
        groupOf.set(step.id, low > 0 ? staged[low - 1].stage : staged[0]?.stage ?? stageOrder[0]);
    }
    return groupOf;
}

function placeBoxes(input: DiagramInput, steps: readonly DiagramBox[], assignment: ColumnAssignment,
    spacing: LayoutSpacing, previous: BlueprintLayout | undefined, placedSteps: PlacedSteps | undefined): BlueprintLayout {
    const { model } = input;
    const { column, columnStage } = assignment;
    const bundles = branchBundles(model, input.flows);
    // Each box as high as the ports on its sides need, before the lanes and rows are measured, so
    // the drawing makes room instead of squeezing the ports.
    const room = portRoom(input.flows, column, bundles);
    const boxes = [...steps, ...input.evidence].map(box => grownBox(box, room.get(box.id) ?? 0));

    // Cells: (lane, column) → boxes stacked in model order (or the previous layout's order).
    const previousY = new Map(previous?.steps.map(step => [step.id, step.y]) ?? []);
    const modelIndex = new Map(boxes.map((box, index) => [box.id, index]));
    // Each lane's cells by column (a lane's height reads only the cells it has).
    const laneCells = new Map<string, Map<number, DiagramBox[]>>();
    const cells: DiagramBox[][] = [];
    for (const box of boxes) {
        let row = laneCells.get(box.lane);
        if (!row) laneCells.set(box.lane, row = new Map());
        const index = column.get(box.id)!;
        const cell = row.get(index);
        if (cell) cell.push(box);
        else {
            const created = [box];
            row.set(index, created);
            cells.push(created);
        }
    }
    const laneIndex = new Map(model.lanes.map((lane, index) => [lane.id, index]));
    const cellIndex = new Map<string, number>();
    // A fail point's recovery steps stack under the main flow's steps of their cell.
    const recoveryStep = (box: DiagramBox) => input.recovery.steps.has(box.id) ? 1 : 0;
    for (const cell of cells) {
        if (cell[0].evidenceFor !== undefined) continue;
        cell.sort((a, b) => recoveryStep(a) - recoveryStep(b) || (previousY.get(a.id) ?? Infinity) - (previousY.get(b.id) ?? Infinity)
            || modelIndex.get(a.id)! - modelIndex.get(b.id)!);
        cell.forEach((box, index) => cellIndex.set(box.id, index));
    }
    // Evidence cards of one column stack with the card of the step nearest them closest to it, so
    // that card's connector runs straight and the others are routed around the stack.
    const ownerKey = (box: DiagramBox) => (laneIndex.get(box.lane) ?? 0) * 1e6 + (cellIndex.get(box.id) ?? 0);
    const boxById = new Map(boxes.map(box => [box.id, box]));
    for (const cell of cells) {
        if (cell[0].evidenceFor === undefined) continue;
        cell.sort((a, b) => ownerKey(boxById.get(b.evidenceFor!)!) - ownerKey(boxById.get(a.evidenceFor!)!)
            || modelIndex.get(a.id)! - modelIndex.get(b.id)!);
    }

    // Columns: as wide as their widest box.
    const columnWidth = columnStage.map(() => 0);
    for (const box of boxes) {
        const index = column.get(box.id)!;
        columnWidth[index] = Math.max(columnWidth[index], box.width);
    }
    for (let index = 0; index < columnWidth.length; index++) {
        if (columnWidth[index] === 0) columnWidth[index] = DEFAULT_BOX_METRICS.minBoxWidth;
    }

    const edges = [...input.flows, ...input.evidenceLinks];
    // A fail point's recovery steps between it and the main flow's next step go below the lane's main row (recovery-flows.ts).
    const offMainRow = input.recovery.steps.size === 0 ? new Set<string>()
        : stepsOffMainRow(input.recovery, input.flows, new Map(boxes.map(box => [box.id, box.lane])), column);
    // Extra room where routing found no free track: per gap, and per lane (its top and bottom padding).
    const extra = columnStage.map(() => 0).concat(0);
    const laneExtra = new Map<string, number>();
    const firstColumn = new Map<string, number>();
    const lastColumn = new Map<string, number>();
    columnStage.forEach((stage, index) => {
        if (!firstColumn.has(stage)) firstColumn.set(stage, index);
        lastColumn.set(stage, index);
    });
    for (let attempt = 0; ; attempt++) {
        // Lanes: as high as their fullest cell.
        let y = spacing.margin + spacing.titleHeight + spacing.stageHeaderHeight;
        const lanes: LaidOutLane[] = [];
        const boxY = new Map<string, number>();
        for (const lane of model.lanes) {
            const padding = spacing.lanePadding + (laneExtra.get(lane.id) ?? 0);
            let contentHeight = 0;
            const rowOffset = offMainRow.size === 0 ? undefined : secondRowOffset(laneCells.get(lane.id)?.values() ?? [], offMainRow, spacing.rowGap);
            for (const cell of laneCells.get(lane.id)?.values() ?? []) {
                let cellY = y + padding + (rowOffset?.(cell) ?? 0);
                for (const box of cell) {
                    boxY.set(box.id, cellY);
                    cellY += box.height + spacing.rowGap;
                }
                contentHeight = Math.max(contentHeight, cellY - spacing.rowGap - y - padding);
            }
            const height = Math.max(56, contentHeight + 2 * padding);
            lanes.push({ id: lane.id, kind: lane.kind, label: lane.label, y, height });
            y += height;
        }
        const laneById = new Map(lanes.map(lane => [lane.id, lane]));
        const lines: LaidOutLine[] = model.lines.map(line => {
            const above = laneById.get(line.above);
            return { kind: line.kind, label: line.label, y: above ? above.y + above.height : y };
        });

        // Gaps: stages separated by a wider gap, and every gap wide enough for a track per flow bending in it.
        const demand = gapDemand(edges, column, columnStage.length, boxes, boxY);
        const channels = channelTracks(lanes, spacing, laneExtra, new Set(lines.map(line => line.y)));
        const gapLeft: number[] = [];
        const gapRight: number[] = [];
        const columnX: number[] = [];
        let x = spacing.margin + spacing.laneHeaderWidth;
        for (let gap = 0; gap <= columnStage.length; gap++) {
            const base = gap === 0 || gap === columnStage.length ? spacing.stageGap / 2
                : columnStage[gap] === columnStage[gap - 1] ? spacing.columnGap : spacing.stageGap;
            // A track per flow, spread evenly (edge-routing.ts `gapTracks`): a track apart, and a track from either margin.
            const width = Math.max(base, 2 * GAP_TRACK_MARGIN + (demand[gap] + 1) * TRACK) + extra[gap];
            gapLeft.push(x);
            x += width;
            gapRight.push(x);
            if (gap < columnStage.length) {
                columnX.push(x);
                x += columnWidth[gap];
            }
        }
        const contentRight = x;

        // Stage borders lie in the middle of the gaps between stages, and at the outer edges of the first and last gap.
        const border = (gap: number) => gap === 0 ? gapLeft[0] : gap === columnStage.length ? gapRight[gap] : Math.round((gapLeft[gap] + gapRight[gap]) / 2);
        const stages: LaidOutStage[] = model.stages.map(stage => {
            const left = border(firstColumn.get(stage.id)!) + 2;
            const right = border(lastColumn.get(stage.id)! + 1) - 2;
            return { id: stage.id, label: stage.label, x: left, width: right - left };
        });

        const laidOutSteps: LaidOutStep[] = boxes.map(box => {
            const index = column.get(box.id)!;
            return laidOut(box, columnX[index] + Math.round((columnWidth[index] - box.width) / 2), boxY.get(box.id)!, placedSteps);
        });
        const width = contentRight + spacing.margin;
        const height = y + spacing.margin;
        const routed = routeFlows(edges, laidOutSteps, column, { columnX, columnWidth, gapLeft, gapRight, channels }, bundles);
        if ((routed.crowdedGaps.size > 0 || routed.crowdedRows.length > 0) && attempt < 3) {
            for (const gap of routed.crowdedGaps) extra[gap] += 4 * TRACK;
            for (const [low, high] of routed.crowdedRows) {
                for (const lane of lanes) {
                    if (lane.y <= high + spacing.lanePadding && lane.y + lane.height >= low - spacing.lanePadding) {
                        laneExtra.set(lane.id, (laneExtra.get(lane.id) ?? 0) + 2 * TRACK);
                    }
                }
            }
            continue;
        }
        const gateways = placeGateways(model, routed.flows, laidOutSteps, input.strings);
        // A label with a line through it (branches bundled in one gap leave no clean side to any of
        // them) gets room: the gaps its flow bends in widen by its width, so its legs there lengthen.
        const widen = new Map<number, number>();
        const flows = placeFlowLabels(routed.flows, laidOutSteps, {
            left: spacing.margin + spacing.laneHeaderWidth, top: lanes[0]?.y ?? 0, right: contentRight, bottom: y,
            lines: [...lines.map(line => line.y), ...lanes.map(lane => lane.y)],
            obstacles: gateways.map(gatewayRect),
            struck: (flow, labelBox) => {
                for (const gap of gapsBentIn(flow, gapLeft, gapRight)) widen.set(gap, Math.max(widen.get(gap) ?? 0, labelBox.width + 2 * TRACK));
            }
        });
        if (widen.size > 0 && attempt < 3) {
            for (const [gap, width] of widen) extra[gap] += width;
            continue;
        }
        return { id: model.id, title: model.title, width, height, lanes, lines, stages, steps: inModelOrder(input, laidOutSteps), flows, ...(gateways.length > 0 ? { gateways } : {}) };
    }
}

/** The gaps holding a vertical segment of the flow. */
function gapsBentIn(flow: LaidOutFlow, gapLeft: readonly number[], gapRight: readonly number[]): Set<number> {
    const gaps = new Set<number>();
    for (let i = 1; i < flow.points.length; i++) {
        const a = flow.points[i - 1];
        if (a.x !== flow.points[i].x || a.y === flow.points[i].y) continue;
        const gap = gapLeft.findIndex((left, index) => left <= a.x && a.x <= gapRight[index]);
        if (gap >= 0) gaps.add(gap);
    }
    return gaps;
}

/** How many flows may bend in each gap (gap g is left of column g). */
function gapDemand(edges: readonly DiagramEdge[], column: ReadonlyMap<string, number>, columns: number,
    boxes: readonly DiagramBox[], boxY: ReadonlyMap<string, number>): number[] {
    const demand = new Array<number>(columns + 1).fill(0);
    // Only the vertical extent matters for the evidence check; no copies of the whole boxes.
    const placed = new Map(boxes.map(box => [box.id, { id: box.id, y: boxY.get(box.id)!, height: box.height }]));
    const byColumn = new Map<number, { id: string; y: number; height: number }[]>();
    for (const box of placed.values()) {
        const index = column.get(box.id)!;
        const list = byColumn.get(index);
        if (list) list.push(box);
        else byColumn.set(index, [box]);
    }
    for (const edge of edges) {
        const from = column.get(edge.from)!;
        const straight = edge.kind === 'evidence' && evidenceRunsStraight(placed.get(edge.from)!, placed.get(edge.to)!, byColumn.get(from) ?? []);
        for (const gap of gapsUsed(edge, from, column.get(edge.to)!, straight)) demand[gap]++;
    }
    return demand;
}

/** Closest a channel track comes to a line between lanes: a dashed hand-off any nearer reads as part of the dashed line. */
const CHANNEL_LINE_CLEARANCE = 12;
/** Closest a channel track comes to a lane border that carries no line. */
const CHANNEL_BORDER_CLEARANCE = 6;
/** Closest a channel track comes to the boxes of its lane: any nearer, the flow seems to touch them. */
const CHANNEL_BOX_CLEARANCE = 8;

/**
 * Horizontal channel tracks: in the padding at the top and the bottom of every lane, clear of the
 * boxes, of the lane borders and farther still from the lines drawn on them. A padding too thin
 * for that (a compact spacing) still gets one track, in its middle.
 */
function channelTracks(lanes: readonly LaidOutLane[], spacing: LayoutSpacing, laneExtra: ReadonlyMap<string, number>,
    lineYs: ReadonlySet<number>): number[] {
    const tracks: number[] = [];
    for (const lane of lanes) {
        const padding = spacing.lanePadding + (laneExtra.get(lane.id) ?? 0);
        const bottom = lane.y + lane.height;
        for (const [border, direction] of [[lane.y, 1], [bottom, -1]] as const) {
            const first = lineYs.has(border) ? CHANNEL_LINE_CLEARANCE : CHANNEL_BORDER_CLEARANCE;
            const last = padding - CHANNEL_BOX_CLEARANCE;
            if (first > last) tracks.push(border + direction * Math.round(padding / 2));
            for (let offset = first; offset <= last; offset += TRACK) tracks.push(border + direction * offset);
        }
    }
    return tracks.sort((a, b) => a - b);
}
