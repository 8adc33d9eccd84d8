/**
 * Formatting for Blueprint: 4-space blocks, one member or property per line, single spaces between
 * the tokens of a line, at most one blank line between members.
 *
 * Langium's declarative formatting (prepend/append per CST node) can join a token into a preceding
 * `//` comment or drop a comment that sits between two formatted nodes. Blueprint instead decides the
 * whitespace of every gap between two consecutive leaves (comments included) from the grammar
 * context, so the formatter only ever rewrites whitespace: it cannot drop or reorder text, and
 * formatting its own output changes nothing.
 */
import { AstUtils, CstUtils, isLeafCstNode, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { AbstractFormatter } from 'langium/lsp';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';

/** A node that starts its own line: a file element, a blueprint member, a step or note property, a branch. */
function startsOwnLine(node: AstNode): boolean {
    const container = node.$container;
    if (!container) return false;
    return ast.isBlueprintFile(container) || ast.isBlueprint(container)
        || (ast.isStepProperty(node) && ast.isStep(container))
        || (ast.isBranch(node) && ast.isBranching(container))
        || (ast.isNoteProperty(node) && (ast.isActor(container) || ast.isSystem(container) || ast.isPersona(container)));
}

/** A fail point longer than this on one line puts each prevention and recovery on a line of its own. */
const MAX_LINE_LENGTH = 100;

interface Leaf {
    readonly node: CstNode;
    readonly offset: number;
    readonly end: number;
    readonly text: string;
}

export class BlueprintFormatter extends AbstractFormatter {
    /** Unused: the whitespace is decided per gap in {@link doDocumentFormat} (see the file comment). */
    protected format(_node: AstNode): void {
        // Nothing to collect per node.
    }

    protected override doDocumentFormat(document: LangiumDocument, options: FormattingOptions, range?: Range): TextEdit[] {
        const root = document.parseResult.value.$cstNode;
        if (!root) return [];
        const text = document.textDocument.getText();
        const leaves: Leaf[] = CstUtils.streamCst(root)
            .filter(isLeafCstNode)
            .map(node => ({ node, offset: node.offset, end: node.end, text: node.text }))
            .toArray();
        const indentUnit = options.insertSpaces === false ? '\t' : ' '.repeat(options.tabSize ?? 4);
        // Keep the file's line endings.
        const eol = text.includes('\r\n') ? '\r\n' : '\n';
        const edits: TextEdit[] = [];
        const rangeStart = range ? document.textDocument.offsetAt(range.start) : 0;
        const rangeEnd = range ? document.textDocument.offsetAt(range.end) : text.length;
        const replaceGap = (gapStart: number, gapEnd: number, newWhitespace: string) => {
            let start = gapStart, end = gapEnd, whitespace = newWhitespace;
            // A byte order mark matches \s, but it is no whitespace to rewrite: it stays.
            if (start === 0 && text.startsWith('\ufeff')) start = 1;
            // A range formats only inside itself. A gap across its edge at the start of a line keeps its
            // line breaks outside the range and gets the new indentation inside it (or the reverse at
            // the end); a gap across it in the middle of a line is left as it is.
            if (end <= rangeStart && start < rangeStart || start >= rangeEnd && end > rangeEnd) return;
            if (start < rangeStart) {
                const outside = text.substring(start, rangeStart);
                const lastBreak = whitespace.lastIndexOf('\n');
                if (!outside.endsWith('\n') || lastBreak < 0) return;
                whitespace = whitespace.slice(lastBreak + 1);
                start = rangeStart;
            }
            if (end > rangeEnd) {
                const inside = text.substring(start, rangeEnd);
                const lastBreak = whitespace.lastIndexOf('\n');
                if (!inside.endsWith('\n') || lastBreak < 0) return;
                whitespace = whitespace.slice(0, lastBreak + 1);
                end = rangeEnd;
            }
            const original = text.substring(start, end);
            // Only whitespace is ever replaced; anything else in a gap is left alone.
            if (original === whitespace || /\S/.test(original)) return;
            edits.push({ range: { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(end) }, newText: whitespace });
        };

        if (leaves.length === 0) return [];
        replaceGap(0, leaves[0].offset, '');
        // A line comment runs to the end of its line, trailing blanks included; those blanks go.
        const trimTrailingBlanks = (leaf: Leaf) => {
            const trimmed = leaf.text.trimEnd();
            if (leaf.node.hidden && leaf.text.startsWith('//') && trimmed.length < leaf.text.length) {
                replaceGap(leaf.offset + trimmed.length, leaf.end, '');
            }
        };
        trimTrailingBlanks(leaves[0]);
        let depth = leaves[0].text === '{' ? 1 : 0;
        for (let i = 1; i < leaves.length; i++) {
            const previous = leaves[i - 1];
            const current = leaves[i];
            if (current.text === '}') depth = Math.max(0, depth - 1);
            const original = text.substring(previous.end, current.offset);
            const lineBreaks = this.lineBreaksBetween(previous, current, original);
            if (lineBreaks === 0) {
                replaceGap(previous.end, current.offset, this.spacesBetween(previous, current));
            } else {
                const continuation = this.isContinuation(current) ? 1 : 0;
                replaceGap(previous.end, current.offset, eol.repeat(lineBreaks) + indentUnit.repeat(depth + continuation));
            }
            if (current.text === '{' && !current.node.hidden) depth++;
            trimTrailingBlanks(current);
        }
        const last = leaves[leaves.length - 1];
        replaceGap(last.end, text.length, eol);
        return edits;
    }

    /** How many line breaks separate two leaves: 0 keeps them on one line. */
    protected lineBreaksBetween(previous: Leaf, current: Leaf, original: string): number {
        const existing = (original.match(/\n/g) ?? []).length;
        const blankLineAllowed = !(previous.text === '{' && !previous.node.hidden) && !(current.text === '}' && !current.node.hidden);
        const preserved = Math.max(1, Math.min(existing, blankLineAllowed ? 2 : 1));
        if (previous.node.hidden && previous.text.startsWith('//')) return preserved;
        if (current.node.hidden) return existing > 0 ? preserved : 0;
        if (previous.node.hidden && existing > 0) return preserved;
        if (previous.text === '{' && current.text === '}') return 0;
        if (previous.text === '{' || current.text === '}') return preserved;
        // `} join Step` closes a parallel block on the brace's line.
        if (previous.text === '}' && current.text === 'join' && ast.isBranching(current.node.astNode)) return 0;
        if (previous.text === '}') return preserved;
        if (this.startsMember(current)) return preserved;
        if (this.wrapsRemedy(current)) return 1;
        return 0;
    }

    /**
     * `prevention`/`recovery` of a fail point that would not fit on one line start continuation lines.
     * Decided from the tokens alone, so the result does not depend on the input's line breaks.
     */
    protected wrapsRemedy(leaf: Leaf): boolean {
        if (leaf.node.hidden || (leaf.text !== 'prevention' && leaf.text !== 'recovery')) return false;
        const fail = leaf.node.astNode;
        if (!ast.isFailPoint(fail) || !fail.$cstNode) return false;
        const tokens = CstUtils.streamCst(fail.$cstNode).filter(isLeafCstNode).filter(node => !node.hidden).toArray();
        const indent = 8; // a fail point sits in a step body: two levels of four
        const oneLine = indent + tokens.reduce((sum, node) => sum + node.text.length, 0) + tokens.length - 1;
        return oneLine > MAX_LINE_LENGTH;
    }

    protected spacesBetween(previous: Leaf, current: Leaf): string {
        if (current.text === ',' && !current.node.hidden) return '';
        return ' ';
    }

    /** True for the first leaf of a member or property: those begin a line. */
    protected startsMember(leaf: Leaf): boolean {
        let node: AstNode | undefined = leaf.node.astNode;
        while (node && node.$cstNode && node.$cstNode.offset === leaf.offset) {
            if (startsOwnLine(node)) return true;
            node = node.$container;
        }
        return false;
    }

    /** A leaf that a comment pushed onto a line of its own, in the middle of a member: indented once more. */
    protected isContinuation(leaf: Leaf): boolean {
        if (leaf.node.hidden || leaf.text === '}' || leaf.text === '{') return false;
        if (this.startsMember(leaf)) return false;
        const owner = AstUtils.getContainerOfType(leaf.node.astNode, (node): node is AstNode => startsOwnLine(node));
        return owner !== undefined && !ast.isBlueprintFile(owner);
    }
}
