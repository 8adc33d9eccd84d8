/** The diagrams the report and diff commands embed, made exactly as `blueprint render` makes them. */
import { layoutBlueprint, renderSvg, stripRanges, type SvgTheme } from '@blueprint/diagram';
import { renderDiffSvg as renderVisualDiff, type ChangeSet } from '@blueprint/diff';
import type { BlueprintModel } from '@blueprint/language';

export async function renderDiagramSvg(model: BlueprintModel, theme: SvgTheme): Promise<string> {
    return renderSvg(stripRanges(await layoutBlueprint(model)), { theme });
}

export function renderDiffSvg(before: BlueprintModel, after: BlueprintModel, changeSet: ChangeSet, theme: SvgTheme = 'light'): Promise<string> {
    return renderVisualDiff(before, after, changeSet, { theme });
}
