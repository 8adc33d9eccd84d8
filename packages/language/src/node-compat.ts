/**
 * The one place for what Node 20 lacks and the dependencies need: chevrotain 13 (under Langium 4.4)
 * calls `Object.groupBy`, which arrived in Node 21.
 *
 * Bundles (the `service-blueprint` package, the extension's server) never touch the global object:
 * esbuild rewrites every `Object.groupBy` to `objectGroupBy` from this file (see
 * `scripts/esbuild-node-compat.mjs`), which also turns the check in `installNodeCompat` into a no-op.
 * Only unbundled use on Node 20 (the workspace's own tests and scripts) installs it globally.
 */

export function objectGroupBy<T, K extends PropertyKey>(items: Iterable<T>, keyOf: (item: T, index: number) => K): Partial<Record<K, T[]>> {
    const groups = Object.create(null) as Partial<Record<K, T[]>>;
    let index = 0;
    for (const item of items) {
        const key = keyOf(item, index++);
        (groups[key] ??= []).push(item);
    }
    return groups;
}

/** Installs `Object.groupBy` where the runtime lacks it (Node 20); does nothing elsewhere. */
export function installNodeCompat(): void {
    if (typeof (Object as { groupBy?: unknown }).groupBy === 'function') return;
    Object.defineProperty(Object, 'groupBy', { configurable: true, writable: true, value: objectGroupBy });
}

// Imported first by the package index, before any parser is built.
installNodeCompat();
