/**
 * Deep equality of plain data (what JSON or structured clone carries: primitives, arrays, plain
 * objects), compared in place: serialising two values to compare them costs a 1,000-step diagram
 * tens of milliseconds and as much garbage. One walk for the three places that compare data; they
 * differ only in what counts as the same:
 * - `json`: alike when `JSON.stringify` would write them alike: an `undefined` or function field
 *   is absent, `undefined` in an array is null, every non-finite number is null (a patch sent as JSON);
 * - `value`: like `json` for fields, but numbers compare as numbers, NaN equal to NaN (cache keys:
 *   Infinity and NaN give different boxes);
 * - `exact`: what structured clone keeps: an `undefined` field differs from an absent one, and
 *   primitives compare with `Object.is` (a patch applied to a worker's copy must give that copy).
 */
export type DataEquality = 'json' | 'value' | 'exact';

type Fields = { readonly [key: string]: unknown };

export function sameData(a: unknown, b: unknown, equality: DataEquality): boolean {
    if (a === b) return equality !== 'exact' || Object.is(a, b);
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return samePrimitive(a, b, equality);
    const list = Array.isArray(a);
    if (list !== Array.isArray(b)) return false;
    return list ? sameItems(a as readonly unknown[], b as readonly unknown[], equality) : sameFields(a as Fields, b as Fields, equality);
}

/** Two values that are not `===` and not both objects. */
function samePrimitive(a: unknown, b: unknown, equality: DataEquality): boolean {
    if (equality === 'exact') return Object.is(a, b);
    // JSON writes NaN and the infinities as null; as values only NaN is like NaN.
    if (equality === 'json') return asJson(a) === asJson(b);
    return Number.isNaN(a) && Number.isNaN(b);
}

function asJson(value: unknown): unknown {
    return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

function sameItems(a: readonly unknown[], b: readonly unknown[], equality: DataEquality): boolean {
    if (a.length !== b.length) return false;
    const json = equality === 'json';
    for (let index = 0; index < a.length; index++) {
        // JSON writes `undefined` in an array as null.
        if (!sameData(json ? a[index] ?? null : a[index], json ? b[index] ?? null : b[index], equality)) return false;
    }
    return true;
}

function sameFields(left: Fields, right: Fields, equality: DataEquality): boolean {
    const exact = equality === 'exact';
    let fields = 0;
    let nested = false;
    // Plain fields first: a box that moved differs in `x`, found before its nested marks are walked.
    for (const key in left) {
        const value = left[key];
        if (exact) {
            if (!(key in right)) return false;
        } else if (isAbsent(value, equality)) continue;
        fields++;
        if (typeof value !== 'object' || value === null) {
            if (!sameLeaf(value, right[key], equality)) return false;
        } else if (exact) {
            // A worker's copy is the same or a new object throughout: no point in a second pass.
            if (!sameData(value, right[key], equality)) return false;
        } else nested = true;
    }
    for (const key in right) {
        if (exact || !isAbsent(right[key], equality)) fields--;
    }
    if (fields !== 0) return false;
    if (!nested) return true;
    for (const key in left) {
        const value = left[key];
        if (typeof value === 'object' && value !== null && !sameData(value, right[key], equality)) return false;
    }
    return true;
}

/** A primitive against any value, inline for the common case of equal ones. */
function sameLeaf(value: unknown, other: unknown, equality: DataEquality): boolean {
    if (value === other) return equality !== 'exact' || value !== 0 || Object.is(value, other);
    return typeof other !== 'object' || other === null ? samePrimitive(value, other, equality) : false;
}

/** A field JSON leaves out. */
function isAbsent(value: unknown, equality: DataEquality): boolean {
    return value === undefined || (equality === 'json' && typeof value === 'function');
}
