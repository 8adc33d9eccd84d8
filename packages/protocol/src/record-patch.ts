/**
 * A patch between two versions of a JSON record (a diagram's geometry): what changed instead of
 * everything. Lists whose items all carry a unique string `id` (steps, flows, lanes…) are patched
 * item by item; any other field that changed is sent whole. A one-label edit of a 1,000-step
 * diagram then sends a few boxes instead of ~700 KB. Generic over the record, so it knows nothing of
 * the geometry's fields and keeps working when they grow.
 */

import { sameData } from '@blueprint/model';

type JsonRecord = { readonly [key: string]: unknown };

export interface ListPatch {
    /** Items that are new or differ from the base's item of the same id (other than by a move). */
    readonly upsert: readonly JsonRecord[];
    /** Items that are the base's of the same id moved by (dx, dy), grouped by the move (see `RecordPatch.movedWith`). */
    readonly moved?: readonly MovedItems[];
    /** The ids in their new order, when the order or the membership changed. */
    readonly order?: readonly string[];
}

export interface RecordPatch {
    /** The version of the record this applies to (as its sender numbered it). */
    readonly base: number;
    /** Fields replaced whole. */
    readonly set: JsonRecord;
    /** Fields gone from the record. */
    readonly unset: readonly string[];
    /** Fields that are id-keyed lists, patched item by item. */
    readonly lists: { readonly [key: string]: ListPatch };
    /**
     * With `moved` items: the nested fields whose coordinates move with their item (a flow's
     * `points`); the `x` and `y` of any other nested field are relative to the item and stay.
     */
    readonly movedWith?: readonly string[];
}

/** Items moved alike: each is its base item with every `x` shifted by `dx` and every `y` by `dy`. */
export interface MovedItems {
    readonly dx: number;
    readonly dy: number;
    readonly ids: readonly string[];
}

export interface DiffOptions {
    /**
     * Patch for a copy made by structured clone (a worker's) rather than for JSON: values compare
     * exactly (`undefined` fields and absent ones differ, NaN is not null), so the patched record
     * is the record itself, not only the same JSON.
     */
    readonly exact?: boolean;
    /**
     * Items of id-keyed lists that equal their base item moved (a box in a column right of one
     * that widened) are sent as the move alone: their own numeric `x`/`y` and those inside the
     * nested fields named here (at any depth) shifted alike. Off without it.
     */
    readonly moves?: { readonly nested: readonly string[] };
}

export function diffRecords(base: JsonRecord, next: JsonRecord, baseVersion: number, options: DiffOptions = {}): RecordPatch {
    const equality = options.exact ? 'exact' : 'json';
    const same = (a: unknown, b: unknown): boolean => sameData(a, b, equality);
    const moves = options.moves ? { nested: new Set(options.moves.nested), exact: options.exact === true, same } : undefined;
    const set: Record<string, unknown> = {};
    const lists: Record<string, ListPatch> = {};
    let moved = false;
    for (const [key, value] of Object.entries(next)) {
        const old = base[key];
        if (old === value && (!options.exact || key in base)) continue;
        const oldItems = keyedList(old);
        const newItems = oldItems && keyedList(value);
        if (oldItems && newItems) {
            const list = diffList(oldItems, newItems, same, moves);
            if (list) lists[key] = list;
            moved ||= list?.moved !== undefined;
        } else if (!same(old, value) || (options.exact && !(key in base))) {
            set[key] = value;
        }
    }
    const unset = Object.keys(base).filter(key => !(key in next) && (options.exact || base[key] !== undefined));
    return moved && options.moves ? { base: baseVersion, set, unset, lists, movedWith: options.moves.nested } : { base: baseVersion, set, unset, lists };
}

export function applyRecordPatch<T extends object>(base: T, patch: RecordPatch): T {
    const result: Record<string, unknown> = { ...(base as JsonRecord) };
    for (const key of patch.unset) delete result[key];
    Object.assign(result, patch.set);
    for (const [key, list] of Object.entries(patch.lists)) {
        const old = keyedList(result[key]) ?? [];
        const byId = new Map(old.map(item => [item.id as string, item as JsonRecord]));
        if (list.moved) {
            const nested = new Set(patch.movedWith ?? []);
            for (const { dx, dy, ids } of list.moved) {
                for (const id of ids) {
                    const item = byId.get(id);
                    if (!item) throw new Error(`patch moves '${id}' in '${key}' but holds no such item`);
                    byId.set(id, moveRecord(item, dx, dy, nested));
                }
            }
        }
        for (const item of list.upsert) byId.set(item.id as string, item);
        const order = list.order ?? old.map(item => item.id as string);
        result[key] = order.map(id => {
            const item = byId.get(id);
            if (!item) throw new Error(`patch names '${id}' in '${key}' but holds no such item`);
            return item;
        });
    }
    return result as T;
}

/** Whether a patch changes nothing. */
export function isEmptyPatch(patch: RecordPatch): boolean {
    return Object.keys(patch.set).length === 0 && patch.unset.length === 0 && Object.keys(patch.lists).length === 0;
}

/** The items of a list whose items are records with unique string ids, else undefined. */
function keyedList(value: unknown): readonly JsonRecord[] | undefined {
    if (!Array.isArray(value)) return undefined;
    const ids = new Set<string>();
    for (const item of value) {
        if (typeof item !== 'object' || item === null || typeof (item as JsonRecord).id !== 'string') return undefined;
        const id = (item as JsonRecord).id as string;
        if (ids.has(id)) return undefined;
        ids.add(id);
    }
    return value as JsonRecord[];
}

/**
 * Items that are the same objects as the base's (a layout that reused them) are skipped by
 * identity; when the ids keep their places, the lists are walked side by side without a map.
 */
function diffList(old: readonly JsonRecord[], next: readonly JsonRecord[], same: (a: unknown, b: unknown) => boolean, moves: MoveComparison | undefined): ListPatch | undefined {
    if (old.length === next.length) {
        const changes = new ListChanges(same, moves);
        let aligned = true;
        for (let index = 0; index < next.length; index++) {
            const item = next[index];
            const before = old[index];
            if (item === before) continue;
            if (item.id !== before.id) {
                aligned = false;
                break;
            }
            changes.compare(before, item);
        }
        if (aligned) return changes.patch();
    }
    const oldById = new Map(old.map(item => [item.id as string, item]));
    const changes = new ListChanges(same, moves);
    for (const item of next) {
        const before = oldById.get(item.id as string);
        if (before === undefined) changes.upsert.push(item);
        else if (before !== item) changes.compare(before, item);
    }
    return changes.patch(next.map(item => item.id as string));
}

interface MoveComparison {
    /** The nested fields whose coordinates move with their item. */
    readonly nested: ReadonlySet<string>;
    readonly exact: boolean;
    readonly same: (a: unknown, b: unknown) => boolean;
}

/** The items of one list that changed: upserted whole, or moved and grouped by their move. */
class ListChanges {
    readonly upsert: JsonRecord[] = [];
    private readonly moved = new Map<string, MovedItems & { ids: string[] }>();

    constructor(private readonly same: (a: unknown, b: unknown) => boolean, private readonly moves: MoveComparison | undefined) {}

    compare(before: JsonRecord, item: JsonRecord): void {
        if (this.moves) {
            const dx = offset(before, item, 'x', this.moves.nested);
            const dy = offset(before, item, 'y', this.moves.nested);
            if ((dx !== 0 || dy !== 0) && movedRecord(before, item, dx, dy, this.moves)) {
                const group = `${dx},${dy}`;
                let items = this.moved.get(group);
                if (!items) this.moved.set(group, items = { dx, dy, ids: [] });
                items.ids.push(item.id as string);
                return;
            }
        }
        if (!this.same(before, item)) this.upsert.push(item);
    }

    patch(order?: readonly string[]): ListPatch | undefined {
        const moved = this.moved.size > 0 ? [...this.moved.values()] : undefined;
        if (!order && !moved && this.upsert.length === 0) return undefined;
        return { upsert: this.upsert, ...(moved ? { moved } : {}), ...(order ? { order } : {}) };
    }
}

/**
 * How far `next` lies from `base` along `axis`, by the first coordinate on that axis both hold: the
 * record's own, else the first inside the fields that move with it (a flow has only its points).
 */
function offset(base: JsonRecord, next: JsonRecord, axis: 'x' | 'y', nested: ReadonlySet<string>): number {
    const from = firstCoordinate(base, axis, nested);
    const to = firstCoordinate(next, axis, nested);
    return from === undefined || to === undefined ? 0 : to - from;
}

function firstCoordinate(value: unknown, axis: 'x' | 'y', nested: ReadonlySet<string>): number | undefined {
    if (Array.isArray(value)) return value.length > 0 ? firstCoordinate(value[0], axis, nested) : undefined;
    if (typeof value !== 'object' || value === null) return undefined;
    const record = value as JsonRecord;
    if (typeof record[axis] === 'number') return record[axis] as number;
    for (const key of nested) {
        const found = key in record ? firstCoordinate(record[key], axis, nested) : undefined;
        if (found !== undefined) return found;
    }
    return undefined;
}

/**
 * Whether `next` is `base` moved by (dx, dy): numeric `x`/`y` shifted (exactly, as `moveRecord`
 * adds), in the record and in the nested fields that move with it; everything else alike as the
 * diff compares (JSON or exact). Compared in place: the moved copy is never built.
 */
function movedRecord(base: JsonRecord, next: JsonRecord, dx: number, dy: number, moves: MoveComparison): boolean {
    let keys = 0;
    for (const key in next) {
        const value = next[key];
        if (!moves.exact && value === undefined) continue;
        if (moves.exact && !(key in base)) return false;
        keys++;
        const old = base[key];
        if ((key === 'x' || key === 'y') && typeof old === 'number' && typeof value === 'number') {
            if (!moves.same(old + (key === 'x' ? dx : dy), value)) return false;
        } else if (moves.nested.has(key)) {
            if (!movedValue(old, value, dx, dy, moves)) return false;
        } else if (old !== value && !moves.same(old, value)) {
            return false;
        }
    }
    for (const key in base) {
        if (moves.exact || base[key] !== undefined) keys--;
    }
    return keys === 0;
}

function movedValue(base: unknown, next: unknown, dx: number, dy: number, moves: MoveComparison): boolean {
    if (Array.isArray(base)) {
        if (!Array.isArray(next) || base.length !== next.length) return false;
        for (let index = 0; index < base.length; index++) {
            if (!movedValue(base[index], next[index], dx, dy, moves)) return false;
        }
        return true;
    }
    if (typeof base === 'object' && base !== null) {
        return typeof next === 'object' && next !== null && !Array.isArray(next) && movedRecord(base as JsonRecord, next as JsonRecord, dx, dy, moves);
    }
    return base === next || moves.same(base, next);
}

/** `item` moved by (dx, dy): a copy with its numeric `x`/`y` shifted, and those of the nested fields that move with it. */
function moveRecord(item: JsonRecord, dx: number, dy: number, nested: ReadonlySet<string>): JsonRecord {
    const result: Record<string, unknown> = { ...item };
    if (typeof result.x === 'number') result.x += dx;
    if (typeof result.y === 'number') result.y += dy;
    for (const key of nested) {
        if (key in result) result[key] = moveValue(result[key], dx, dy, nested);
    }
    return result;
}

function moveValue(value: unknown, dx: number, dy: number, nested: ReadonlySet<string>): unknown {
    if (Array.isArray(value)) return value.map(item => moveValue(item, dx, dy, nested));
    if (typeof value === 'object' && value !== null) return moveRecord(value as JsonRecord, dx, dy, nested);
    return value;
}
