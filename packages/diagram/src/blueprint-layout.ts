/**
 * The diagram of a blueprint as every output draws it: the placed and routed boxes (layout.ts),
 * then the legend, the numbered notes and the process time below and beside them (annotations.ts).
 */
import type { BlueprintModel } from '@blueprint/model';
import { annotateLayout } from './annotations.js';
import type { BlueprintLayout } from './geometry.js';
import { carryPlacement, layoutBlueprint as placeAndRoute, type LayoutOptions } from './layout.js';

export async function layoutBlueprint(model: BlueprintModel, options: LayoutOptions = {}): Promise<BlueprintLayout> {
    const placed = await placeAndRoute(model, options);
    const annotated = annotateLayout(placed, model, options.cache);
    // Passed back as `previous`, the annotated layout offers its placement for reuse.
    carryPlacement(placed, annotated);
    return annotated;
}
