/**
 * The server sends a diagram as a patch of the previous one when the preview asks for patches
 * (`patches: true` in diagramOpen): a one-label edit of a large blueprint then crosses the wire as a
 * few boxes. This turns each notification back into a whole diagram, or says the base is missing
 * (a notification was skipped), in which case the preview asks for a whole one again. A patch without
 * highlights keeps the base's.
 */
import type { DiagramParams } from '@blueprint/protocol';
import { applyRecordPatch } from '@blueprint/protocol';

export function resolveDiagram(previous: DiagramParams | undefined, params: DiagramParams): DiagramParams | undefined {
    if (!params.patch) return params;
    if (!previous?.layout || previous.uri !== params.uri || previous.version !== params.patch.base) return undefined;
    const { patch, ...rest } = params;
    return { ...rest, layout: applyRecordPatch(previous.layout, patch), highlights: rest.highlights ?? previous.highlights };
}
