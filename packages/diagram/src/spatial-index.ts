/** A uniform grid of buckets over the drawing, so geometric queries stay near-linear on very large layouts. */
export interface Rect {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
}

export class SpatialIndex<T> {
    private readonly cells = new Map<number, T[]>();

    constructor(private readonly cellSize = 128) {}

    add(rect: Rect, item: T): void {
        this.forEachCell(rect, key => {
            const cell = this.cells.get(key);
            if (cell) cell.push(item);
            else this.cells.set(key, [item]);
        });
    }

    /** Every item whose rectangle shares a bucket with `rect` (callers test the exact geometry). */
    query(rect: Rect): Set<T> {
        const found = new Set<T>();
        this.forEachCell(rect, key => {
            const cell = this.cells.get(key);
            if (cell) for (const item of cell) found.add(item);
        });
        return found;
    }

    /** Calls `visit` for the items sharing a bucket with `rect` (an item may come twice) until it returns true; true if it did. */
    some(rect: Rect, visit: (item: T) => boolean): boolean {
        const x0 = Math.floor(rect.x / this.cellSize);
        const x1 = Math.floor((rect.x + rect.width) / this.cellSize);
        const y0 = Math.floor(rect.y / this.cellSize);
        const y1 = Math.floor((rect.y + rect.height) / this.cellSize);
        for (let cx = x0; cx <= x1; cx++) {
            for (let cy = y0; cy <= y1; cy++) {
                const cell = this.cells.get(cx * 1_048_576 + cy);
                if (cell) for (const item of cell) if (visit(item)) return true;
            }
        }
        return false;
    }

    private forEachCell(rect: Rect, action: (key: number) => void): void {
        const x0 = Math.floor(rect.x / this.cellSize);
        const x1 = Math.floor((rect.x + rect.width) / this.cellSize);
        const y0 = Math.floor(rect.y / this.cellSize);
        const y1 = Math.floor((rect.y + rect.height) / this.cellSize);
        for (let cx = x0; cx <= x1; cx++) for (let cy = y0; cy <= y1; cy++) action(cx * 1_048_576 + cy);
    }
}

export const rectsOverlap = (a: Rect, b: Rect): boolean =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

export function inflate(rect: Rect, by: number): Rect {
    return { x: rect.x - by, y: rect.y - by, width: rect.width + 2 * by, height: rect.height + 2 * by };
}
