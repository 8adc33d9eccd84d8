/**
 * The diagrams the report and diff commands embed, made exactly as `blueprint render` makes them.
 * The layout engine is imported on demand: it is large and `check` never needs it.
 */
import type { SvgTheme } from '@blueprint/diagram';
import type { ChangeSet } from '@blueprint/diff';
import type { BlueprintModel } from '@blueprint/model';

export async function renderDiagramSvg(model: BlueprintModel, theme: SvgTheme): Promise<string> {
    const { layoutBlueprint, renderSvg, stripRanges } = await import('@blueprint/diagram');
    return renderSvg(stripRanges(await layoutBlueprint(model)), { theme });
}

export async function renderDiffSvg(before: BlueprintModel, after: BlueprintModel, changeSet: ChangeSet, theme: SvgTheme = 'light'): Promise<string> {
    const { renderDiffSvg: renderVisualDiff } = await import('@blueprint/diff');
    return renderVisualDiff(before, after, changeSet, { theme });
}
