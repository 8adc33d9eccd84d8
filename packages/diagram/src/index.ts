export * from './geometry.js';
export * from './protocol.js';
export { buildDiagramInput, DEFAULT_BOX_METRICS, type BoxMetrics, type DiagramBox, type DiagramEdge, type DiagramInput } from './diagram-input.js';
export { layoutBlueprint, DEFAULT_SPACING, type LayoutOptions, type LayoutSpacing } from './layout.js';
export { renderSvg, escapeXml, type SvgOptions, type SvgTheme } from './svg-renderer.js';
export { estimateTextWidth, wrapText, isWideCharacter } from './text-measure.js';
export { stripRanges } from './layout-json.js';
export { checkLayoutQuality, summarizeLayoutQuality, flowLabelRect, type LayoutQualityReport, type LayoutQualityOptions, type Rect } from './layout-quality.js';
export { rankByLongestPath } from './longest-path-ranking.js';
