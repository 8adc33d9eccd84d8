/**
 * Folding ranges as Langium's provider makes them (a node of three lines or more folds, keeping a
 * closing `}` visible), with each node's range read through to its leaves: Langium's `node.range`
 * caches a range on every composite node it folds, kept for the document's lifetime (issue 13:
 * the editor asks for foldings on every edit, and at 1,000 steps they were 0.8 KB per step).
 */
import type { CstNode, LangiumDocument } from 'langium';
import { DefaultFoldingRangeProvider } from 'langium/lsp';
import { FoldingRange, type FoldingRangeKind } from 'vscode-languageserver';
import { cstRange } from '../util/cst-range.js';

export class BlueprintFoldingRangeProvider extends DefaultFoldingRangeProvider {
    protected override toFoldingRange(document: LangiumDocument, node: CstNode, kind?: FoldingRangeKind): FoldingRange | undefined {
        const { start, end } = cstRange(node);
        if (end.line - start.line < 2) return undefined;
        const text = document.textDocument;
        // Folded up to the end of the line before the last, so that the closing bracket stays in view.
        const last = this.includeLastFoldingLine(node, kind) ? end : text.positionAt(text.offsetAt({ line: end.line, character: 0 }) - 1);
        return FoldingRange.create(start.line, last.line, start.character, last.character, kind);
    }
}
