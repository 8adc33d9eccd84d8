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
        const size = this.cellSize;
        const x0 = Math.floor(rect.x / size);
        const x1 = Math.floor((rect.x + rect.width) / size);
        const y0 = Math.floor(rect.y / size);
        const y1 = Math.floor((rect.y + rect.height) / size);
        for (let cx = x0; cx <= x1; cx++) {
            for (let cy = y0; cy <= y1; cy++) {
                const key = cellKey(cx, cy);
                const cell = this.cells.get(key);
                if (cell) cell.push(item);
                else this.cells.set(key, [item]);
            }
        }
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
        return this.someWithin(rect.x, rect.y, rect.width, rect.height, visit);
    }

    /** `some` for the rectangle at (x, y) of that size, without a rectangle to allocate (the router's hot path). */
    someWithin(x: number, y: number, width: number, height: number, visit: (item: T) => boolean): boolean {
        const size = this.cellSize;
        const x0 = Math.floor(x / size);
        const x1 = Math.floor((x + width) / size);
        const y0 = Math.floor(y / size);
        const y1 = Math.floor((y + height) / size);
        for (let cx = x0; cx <= x1; cx++) {
            for (let cy = y0; cy <= y1; cy++) {
                const cell = this.cells.get(cellKey(cx, cy));
                if (cell) for (let i = 0; i < cell.length; i++) if (visit(cell[i])) return true;
            }
        }
        return false;
    }

    private forEachCell(rect: Rect, action: (key: number) => void): void {
        const x0 = Math.floor(rect.x / this.cellSize);
        const x1 = Math.floor((rect.x + rect.width) / this.cellSize);
        const y0 = Math.floor(rect.y / this.cellSize);
        const y1 = Math.floor((rect.y + rect.height) / this.cellSize);
        for (let cx = x0; cx <= x1; cx++) for (let cy = y0; cy <= y1; cy++) action(cellKey(cx, cy));
    }
}

/**
 * A bucket's key, kept a small integer (a Smi: no boxed number per lookup) for drawings up to 16
 * million pixels wide. Rows beyond 8,192 share keys with the next column: that only adds
 * candidates, which callers test exactly anyway.
 */
function cellKey(cx: number, cy: number): number {
    return cx * 8192 + (cy & 8191);
}

export const rectsOverlap = (a: Rect, b: Rect): boolean =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

export function inflate(rect: Rect, by: number): Rect {
    return { x: rect.x - by, y: rect.y - by, width: rect.width + 2 * by, height: rect.height + 2 * by };
}
