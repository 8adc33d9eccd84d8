/**
 * A stream of diagrams of one document, sent as patches: the server sends them to the editor, and
 * the editor forwards them to the preview page, both ends of each hop keeping the last layout the
 * receiver holds. A one-label edit of a 1,000-step blueprint then crosses each hop as ~40 KB instead
 * of ~1.2 MB (and the page is spared the structured clone of the whole geometry, ~30 ms).
 *
 * Both ends follow one rule, so they agree on the base without asking: a diagram that carries
 * geometry (whole or as a patch) becomes what the receiver holds; one without (a document that
 * has never had a good layout) leaves it as it was.
 */
import type { BlueprintLayout } from '@blueprint/diagram';
import { ABSOLUTE_NESTED_FIELDS } from '@blueprint/diagram/geometry';
import { sameData } from '@blueprint/model';
import type { DiagramHighlights, DiagramParams } from './diagram.js';
import { knownLayoutPatch, rememberLayoutPatch } from './patched-layouts.js';
import { applyRecordPatch, diffRecords, type DiffOptions } from './record-patch.js';

/**
 * How layouts are diffed along the stream, and by the server's layout worker too: a patch made with
 * these options anywhere can go on unchanged (`rememberLayoutPatch`). Boxes right of a widened column are
 * sent as moved by (dx, dy), their flows' points, label boxes and anchors with them.
 */
export const LAYOUT_PATCH_OPTIONS: DiffOptions = { moves: { nested: ABSOLUTE_NESTED_FIELDS } };

/** The last layout a receiver holds, to which the next patch applies. */
export interface HeldDiagram {
    readonly uri: string;
    readonly version: number;
    readonly layout: BlueprintLayout;
    readonly highlights?: DiagramHighlights;
}

/** One step of a stream: the message (or whole diagram) and what the receiver holds after it. */
export interface DiagramStreamStep {
    readonly params: DiagramParams;
    readonly held: HeldDiagram | undefined;
}

type Json = Record<string, unknown>;

/**
 * Sender: `params` as the receiver should get it, given what it holds. With a layout of the same
 * document held, the layout goes as a patch of that one (when everything moved, the patch is the
 * whole layout plus the ids' order: hardly larger), and the highlights only when they changed (the
 * critical path of 1,000 steps is most of a label edit's message otherwise). A layout made from the
 * held one by a patch (`rememberLayoutPatch`) goes as that patch, without diffing the two.
 */
export function patchForReceiver(held: HeldDiagram | undefined, params: DiagramParams): DiagramStreamStep {
    if (!params.layout) return { params, held };
    const next = holding(params, params.layout);
    if (!held || held.uri !== params.uri) return { params, held: next };
    const patch = knownLayoutPatch(held.layout, params.layout, held.version)
        ?? diffRecords(held.layout as unknown as Json, params.layout as unknown as Json, held.version, LAYOUT_PATCH_OPTIONS);
    const { layout: _whole, highlights, ...rest } = params;
    return { params: sameData(held.highlights, highlights, 'json') ? { ...rest, patch } : { ...rest, patch, highlights }, held: next };
}

/**
 * Receiver: the whole diagram `params` stands for, and what is held after it; undefined when it is
 * a patch of something else than what is held (a message was missed, or the sender restarted) or
 * one that does not apply (malformed): the receiver then asks for the whole diagram again.
 */
export function resolveFromSender(held: HeldDiagram | undefined, params: DiagramParams): DiagramStreamStep | undefined {
    if (!params.patch) return { params, held: params.layout ? holding(params, params.layout) : held };
    if (!held || held.uri !== params.uri || held.version !== params.patch.base) return undefined;
    let layout: BlueprintLayout;
    try {
        layout = applyRecordPatch(held.layout, params.patch);
    } catch {
        return undefined;
    }
    // A relay (the editor, between the server and the page) whose receiver holds that base sends the same patch on.
    rememberLayoutPatch(layout, held.layout, params.patch);
    const { patch: _patch, ...rest } = params;
    const whole: DiagramParams = { ...rest, layout, highlights: params.highlights ?? held.highlights };
    return { params: whole, held: holding(whole, layout) };
}

function holding(params: DiagramParams, layout: BlueprintLayout): HeldDiagram {
    return { uri: params.uri, version: params.version, layout, highlights: params.highlights };
}
