/** Public surface of the semantic diff: compare two blueprint models, render the result. */
export type { Change, ChangeKind, ChangeSet, ChangeSummary, SubjectType } from './change-set.js';
export { diffBlueprints } from './diff-models.js';
export { renderMarkdown, type MarkdownOptions } from './markdown-report.js';
export { renderDiffMermaid } from './mermaid-region.js';
export { matchSteps, similarity } from './step-matching.js';
export { layoutDiff, renderDiffSvg, type VisualDiff } from './visual-diff.js';
