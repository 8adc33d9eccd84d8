/** Public surface of the semantic diff: compare two blueprint models, lay out and draw the comparison (its Markdown review is in @blueprint/report). */
export type {
    BlueprintContents, Change, ChangeKind, ChangeSet, ChangeSummary, DiagnosticChanges, DiffDiagnostic, DiffOptions, SubjectType, TimeComparison, TimeFiguresOfVersion
} from './change-set.js';
export { diffBlueprints } from './diff-models.js';
export { diffNewBlueprint, emptyVersionOf } from './new-blueprint.js';
export { renderDiffMermaid } from './mermaid-region.js';
export { matchSteps, similarity } from './step-matching.js';
export { layoutDiff, renderDiffSvg, type VisualDiff } from './visual-diff.js';
