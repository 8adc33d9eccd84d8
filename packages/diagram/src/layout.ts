/**
 * Lays out a blueprint: elkjs ranks the steps left to right on the flat flow graph, then lanes,
 * stage columns and boxes are placed deterministically, and flows are routed orthogonally between
 * the placed boxes. See `layoutBlueprint` for the steps.
 */
import type { BlueprintModel } from '@blueprint/language';
import { buildDiagramInput, DEFAULT_BOX_METRICS, type BoxMetrics, type DiagramBox, type DiagramInput } from './diagram-input.js';
import { routeFlows } from './edge-routing.js';
import { rankSteps } from './elk-ranking.js';
import type { BlueprintLayout, LaidOutLane, LaidOutLine, LaidOutStage, LaidOutStep } from './geometry.js';

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
    lanePadding: 18,
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
}

/** Steps with no stage are drawn in this pseudo-stage group when the blueprint declares none. */
const NO_STAGE = '';

/**
 * 1. Build the boxes (wrapped labels, sizes) from the model.
 * 2. Rank the steps with ELK layered on the flat graph (loop flows left out).
 * 3. Group steps into stage groups in stage order (a step without a stage joins the stage of the
 *    nearest ranked step before it), and renumber the ranks inside each group: the columns.
 * 4. Lanes are bands top to bottom, as high as their fullest cell; boxes in one cell stack in model order.
 * 5. Route flows orthogonally between the placed boxes.
 */
export async function layoutBlueprint(model: BlueprintModel, options: LayoutOptions = {}): Promise<BlueprintLayout> {
    const spacing = { ...DEFAULT_SPACING, ...options.spacing };
    const metrics = { ...DEFAULT_BOX_METRICS, ...options.boxMetrics };
    const input = buildDiagramInput(model, metrics);
    const steps = orderByPrevious(input.steps, options.previous);
    const ranks = await rankSteps(steps, input.flows);
    const columns = assignColumns(input, steps, ranks);
    return placeBoxes(input, steps, columns, spacing, options.previous);
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

function assignColumns(input: DiagramInput, steps: readonly DiagramBox[], ranks: Map<string, number>): ColumnAssignment {
    const stageOrder = input.model.stages.map(stage => stage.id);
    const groupOf = inferStageGroups(steps, ranks, stageOrder);
    const groups = stageOrder.length > 0 ? stageOrder : [NO_STAGE];
    const column = new Map<string, number>();
    const columnStage: string[] = [];
    for (const group of groups) {
        const members = steps.filter(step => groupOf.get(step.id) === group);
        const distinctRanks = [...new Set(members.map(step => ranks.get(step.id) ?? 0))].sort((a, b) => a - b);
        const offset = columnStage.length;
        // An empty stage still gets one column so its header is drawn.
        const count = Math.max(1, distinctRanks.length);
        for (let i = 0; i < count; i++) columnStage.push(group);
        for (const step of members) column.set(step.id, offset + distinctRanks.indexOf(ranks.get(step.id) ?? 0));
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
        const rank = ranks.get(step.id) ?? 0;
        let chosen = staged[0]?.stage ?? stageOrder[0];
        for (const candidate of staged) if (candidate.rank <= rank) chosen = candidate.stage;
        groupOf.set(step.id, chosen);
    }
    return groupOf;
}

function placeBoxes(input: DiagramInput, steps: readonly DiagramBox[], assignment: ColumnAssignment,
    spacing: LayoutSpacing, previous: BlueprintLayout | undefined): BlueprintLayout {
    const { model } = input;
    const { column, columnStage } = assignment;
    const boxes = [...steps, ...input.evidence];

    // Cells: (lane, column) → boxes stacked in model order (or the previous layout's order).
    const previousY = new Map(previous?.steps.map(step => [step.id, step.y]) ?? []);
    const modelIndex = new Map(boxes.map((box, index) => [box.id, index]));
    const cells = new Map<string, DiagramBox[]>();
    for (const box of boxes) {
        const key = `${box.lane}\u0000${column.get(box.id)}`;
        const cell = cells.get(key);
        if (cell) cell.push(box);
        else cells.set(key, [box]);
    }
    for (const cell of cells.values()) {
        cell.sort((a, b) => (previousY.get(a.id) ?? Infinity) - (previousY.get(b.id) ?? Infinity)
            || modelIndex.get(a.id)! - modelIndex.get(b.id)!);
    }

    // Columns: as wide as their widest box; stages separated by a wider gap.
    const columnWidth = columnStage.map(() => 0);
    for (const box of boxes) {
        const index = column.get(box.id)!;
        columnWidth[index] = Math.max(columnWidth[index], box.width);
    }
    const columnX: number[] = [];
    let x = spacing.margin + spacing.laneHeaderWidth + spacing.stageGap / 2;
    columnStage.forEach((stage, index) => {
        if (index > 0) x += stage === columnStage[index - 1] ? spacing.columnGap : spacing.stageGap;
        if (columnWidth[index] === 0) columnWidth[index] = DEFAULT_BOX_METRICS.minBoxWidth;
        columnX.push(x);
        x += columnWidth[index];
    });
    const contentRight = x + spacing.stageGap / 2;

    // Lanes: as high as their fullest cell.
    let y = spacing.margin + spacing.titleHeight + spacing.stageHeaderHeight;
    const lanes: LaidOutLane[] = [];
    const boxY = new Map<string, number>();
    for (const lane of model.lanes) {
        let contentHeight = 0;
        for (let index = 0; index < columnStage.length; index++) {
            const cell = cells.get(`${lane.id}\u0000${index}`) ?? [];
            let cellY = y + spacing.lanePadding;
            for (const box of cell) {
                boxY.set(box.id, cellY);
                cellY += box.height + spacing.rowGap;
            }
            contentHeight = Math.max(contentHeight, cellY - spacing.rowGap - y - spacing.lanePadding);
        }
        const height = Math.max(56, contentHeight + 2 * spacing.lanePadding);
        lanes.push({ id: lane.id, kind: lane.kind, label: lane.label, y, height });
        y += height;
    }
    const laneById = new Map(lanes.map(lane => [lane.id, lane]));

    const lines: LaidOutLine[] = model.lines.map(line => {
        const above = laneById.get(line.above);
        return { kind: line.kind, label: line.label, y: above ? above.y + above.height : y };
    });

    const stages: LaidOutStage[] = [];
    if (model.stages.length > 0) {
        for (const stage of model.stages) {
            const first = columnStage.indexOf(stage.id);
            const last = columnStage.lastIndexOf(stage.id);
            const left = columnX[first] - spacing.stageGap / 2 + 2;
            const right = columnX[last] + columnWidth[last] + spacing.stageGap / 2 - 2;
            stages.push({ id: stage.id, label: stage.label, x: left, width: right - left });
        }
    }

    const laidOutSteps: LaidOutStep[] = boxes.map(box => {
        const index = column.get(box.id)!;
        return {
            ...box,
            x: columnX[index] + Math.round((columnWidth[index] - box.width) / 2),
            y: boxY.get(box.id)!
        };
    });
    const width = contentRight + spacing.margin;
    const height = y + spacing.margin;
    const flows = routeFlows([...input.flows, ...input.evidenceLinks], laidOutSteps, column, columnX, columnWidth, spacing);
    return { id: model.id, title: model.title, width, height, lanes, lines, stages, steps: laidOutSteps, flows };
}
