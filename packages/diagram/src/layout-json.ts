/** The layout as `blueprint render --format json` writes it: the geometry without source ranges. */
import type { BlueprintLayout } from './geometry.js';

export function stripRanges(layout: BlueprintLayout): BlueprintLayout {
    return { ...layout, steps: layout.steps.map(({ range: _range, ...step }) => step) };
}
