/**
 * Which patch made which layout, for every hop that receives layouts as patches and sends them on
 * (the server from its layout worker, the editor between the server and the page): a layout made by
 * applying a patch to the layout a receiver holds goes on as that same patch, since applying it
 * there gives exactly this layout. Diffing the two layouts again would give it back (patches are all
 * made with `LAYOUT_PATCH_OPTIONS`) and cost ~4 ms of a 1,000-step label edit.
 */
import type { BlueprintLayout } from '@blueprint/diagram';
import type { RecordPatch } from './record-patch.js';

/**
 * Each layout made by applying a patch, with the layout it was applied to. Weak both ways: the entry
 * goes with the layout, and it does not hold the base (which would hold its own base, and so on:
 * every layout of the session, the boxes each edit moved, ~30 MB after 80 edits of 1,000 steps that
 * the garbage collector marked again and again).
 */
const patchedFrom = new WeakMap<BlueprintLayout, { readonly base: WeakRef<BlueprintLayout>; readonly patch: RecordPatch }>();

/** `layout` is `base` with `patch` applied. */
export function rememberLayoutPatch(layout: BlueprintLayout, base: BlueprintLayout, patch: RecordPatch): void {
    patchedFrom.set(layout, { base: new WeakRef(base), patch });
}

/** The patch that made `next` from `base` (renumbered to `baseVersion`), when one did. */
export function knownLayoutPatch(base: BlueprintLayout, next: BlueprintLayout, baseVersion: number): RecordPatch | undefined {
    const known = patchedFrom.get(next);
    return known?.base.deref() === base ? { ...known.patch, base: baseVersion } : undefined;
}
