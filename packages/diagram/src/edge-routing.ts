/**
 * Orthogonal routes between placed boxes. Lanes are assigned after ranking, so ELK's own edge
 * points no longer fit; routes are computed here instead, with every segment horizontal or vertical:
 * - forward flows leave the source's right side and bend once in the gap before the target's column
 *   (flows sharing a gap get distinct bend positions), so they cross only the lines between their lanes;
 * - loops and other backward flows leave the source's top and enter the target's top, over a channel
 *   in the padding above the higher box;
 * - evidence connectors run straight down the shared column.
 */
import type { DiagramEdge } from './diagram-input.js';
import type { LaidOutFlow, LaidOutStep, Point } from './geometry.js';
import type { LayoutSpacing } from './layout.js';

export function routeFlows(edges: readonly DiagramEdge[], steps: readonly LaidOutStep[],
    column: ReadonlyMap<string, number>, columnX: readonly number[], columnWidth: readonly number[],
    spacing: LayoutSpacing): LaidOutFlow[] {
    const boxes = new Map(steps.map(step => [step.id, step]));
    const isForward = (edge: DiagramEdge) => edge.kind !== 'evidence' && column.get(edge.from)! < column.get(edge.to)!;

    // Flows entering the same column gap share it: spread their vertical segments across it.
    const gapUsers = new Map<number, DiagramEdge[]>();
    for (const edge of edges) {
        if (!isForward(edge)) continue;
        const target = column.get(edge.to)!;
        const users = gapUsers.get(target);
        if (users) users.push(edge);
        else gapUsers.set(target, [edge]);
    }
    let backwardCount = 0;

    return edges.map((edge): LaidOutFlow => {
        const source = boxes.get(edge.from)!;
        const target = boxes.get(edge.to)!;
        let points: Point[];
        if (edge.kind === 'evidence') {
            const center = columnCenter(column.get(edge.from)!, columnX, columnWidth);
            points = source.y < target.y
                ? [{ x: center, y: source.y + source.height }, { x: center, y: target.y }]
                : [{ x: center, y: source.y }, { x: center, y: target.y + target.height }];
        } else if (isForward(edge)) {
            const targetColumn = column.get(edge.to)!;
            const users = gapUsers.get(targetColumn)!;
            const gapLeft = columnX[targetColumn - 1] + columnWidth[targetColumn - 1];
            const gapRight = columnX[targetColumn];
            const bendX = Math.round(gapLeft + (gapRight - gapLeft) * (users.indexOf(edge) + 1) / (users.length + 1));
            const start = { x: source.x + source.width, y: middleY(source) };
            const end = { x: target.x, y: middleY(target) };
            points = start.y === end.y
                ? [start, end]
                : [start, { x: bendX, y: start.y }, { x: bendX, y: end.y }, end];
        } else {
            // Channels stack upwards inside the lane padding so parallel loops stay apart.
            const offset = 4 + (backwardCount++ % 3) * 4;
            const channelY = Math.min(source.y, target.y) - Math.min(spacing.lanePadding - 2, offset + 2);
            const sourceX = Math.round(source.x + source.width / 2 + (edge.from === edge.to ? source.width / 4 : 0));
            const targetX = Math.round(target.x + target.width / 2 - (edge.from === edge.to ? target.width / 4 : 0));
            points = [
                { x: sourceX, y: source.y }, { x: sourceX, y: channelY },
                { x: targetX, y: channelY }, { x: targetX, y: target.y }
            ];
        }
        return { id: edge.id, from: edge.from, to: edge.to, kind: edge.kind, label: edge.label, loop: edge.loop, points };
    });
}

function middleY(box: LaidOutStep): number {
    return Math.round(box.y + box.height / 2);
}

function columnCenter(index: number, columnX: readonly number[], columnWidth: readonly number[]): number {
    return Math.round(columnX[index] + columnWidth[index] / 2);
}
