/**
 * The patches of layouts between the two threads and to the client are made alike (the same
 * options), so a layout that arrived from the worker as a patch of the layout the client was
 * last sent can go on to the client as that same patch: diffing the two layouts again on the main
 * thread gives it back (the oracle in test/diagram/layout-cache.test.ts) and cost ~4 ms of a
 * 1,000-step label edit.
 */
import type { BlueprintLayout } from '@blueprint/diagram';
import type { RecordPatch } from '@blueprint/protocol';

export { LAYOUT_PATCH_OPTIONS } from '@blueprint/protocol';

/** Each layout made by applying a worker's patch, with the layout it was applied to. Weak: goes with the layout. */
const patchedFrom = new WeakMap<BlueprintLayout, { readonly base: BlueprintLayout; readonly patch: RecordPatch }>();

/** `layout` is `base` with `patch` applied (a patch made with `LAYOUT_PATCH_OPTIONS`). */
export function rememberPatch(layout: BlueprintLayout, base: BlueprintLayout, patch: RecordPatch): void {
    patchedFrom.set(layout, { base, patch });
}

/** The worker's patch of `next` against `base` (renumbered to `baseVersion`) when `next` was made from `base` with it. */
export function knownLayoutPatch(base: BlueprintLayout, next: BlueprintLayout, baseVersion: number): RecordPatch | undefined {
    const known = patchedFrom.get(next);
    return known?.base === base ? { ...known.patch, base: baseVersion } : undefined;
}
