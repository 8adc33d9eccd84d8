/**
 * A keystroke inside a label or a line comment, applied to the parsed document instead of parsing
 * it again. Typing in a label is most of what users do, and a full parse of a 1,000-step blueprint
 * (with the garbage of a whole new CST and AST) cost more than linking and validating it together.
 *
 * The edit is taken only where the result is provably what the parser would build from the new
 * text: the changed text lies strictly inside one STRING token (after its opening quote, before its
 * closing one) or one SL_COMMENT token (after `//`), and the new token text is still exactly one
 * token of that terminal, matched by the lexer's own pattern at the token's position, without a line
 * break. Then the lexer yields the same token types at the same places (only the later offsets move,
 * on the same line), so the parser would build the same tree; what differs is the token's text, the
 * offsets and columns after it, and the one AST property the token is assigned to, converted by the
 * value converter as the parser converts it. Everything else (a quote typed, a trailing backslash,
 * a line break, an edit across tokens, a document with syntax errors, a token that is a
 * cross-reference's text or part of a data type rule) is refused, and the caller parses as usual.
 */
import {
    AstUtils, CompositeCstNodeImpl, GrammarAST, GrammarUtils, LeafCstNodeImpl, RootCstNodeImpl,
    type AstNode, type CstNode, type LeafCstNode, type ParseResult, type ValueConverter, type ValueType
} from 'langium';

type TokenType = LeafCstNode['tokenType'];

/** How many characters at each end of a token an edit must leave alone: the delimiters. */
interface Delimiters {
    readonly head: number;
    readonly tail: number;
}

/** The terminals edited in place, by token name: only these, whose first characters no other token starts with. */
const EDITABLE_TERMINALS: ReadonlyMap<string, Delimiters> = new Map([
    ['STRING', { head: 1, tail: 1 }],
    ['SL_COMMENT', { head: 2, tail: 0 }]
]);

/** Langium's CST fields written here (private in its typings; the classes are checked before any write). */
interface MutableLeaf {
    _offset: number;
    _length: number;
    _startLine: number;
    _startColumn: number;
    _endLine: number;
    _endColumn: number;
}
interface MutableComposite {
    _rangeCache?: { start: { line: number }; end: { line: number } };
}
interface MutableRoot {
    _text: string;
}

/** The changed span: `[start, oldEnd)` of the old text became `[start, newEnd)` of the new one. */
export interface TextChange {
    readonly start: number;
    readonly oldEnd: number;
    readonly newEnd: number;
}

/** Characters compared at once while the texts agree (slices of a flat string are compared without copying). */
const CHUNK = 512;

/** The smallest span that differs, from the common prefix and suffix (so any kind of `didChange` will do). */
export function changedSpan(oldText: string, newText: string): TextChange {
    const shorter = Math.min(oldText.length, newText.length);
    let start = 0;
    while (start + CHUNK <= shorter && oldText.slice(start, start + CHUNK) === newText.slice(start, start + CHUNK)) start += CHUNK;
    while (start < shorter && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
    const room = shorter - start;
    let suffix = 0;
    while (suffix + CHUNK <= room
        && oldText.slice(oldText.length - suffix - CHUNK, oldText.length - suffix) === newText.slice(newText.length - suffix - CHUNK, newText.length - suffix)) suffix += CHUNK;
    while (suffix < room && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
    return { start, oldEnd: oldText.length - suffix, newEnd: newText.length - suffix };
}

/** What changes in the AST: `node[property]` (or its `index`th element) becomes `value`. */
interface AstChange {
    readonly node: AstNode;
    readonly property: string;
    readonly index?: number;
    readonly value: ValueType;
}

export class InPlaceTokenEdit {
    /** The lexer's patterns, sticky, by token type. */
    private readonly patterns = new WeakMap<TokenType, RegExp | null>();

    constructor(private readonly converter: ValueConverter) {}

    /**
     * Updates `parseResult` (its CST and AST) to `newText` if the change is one this file handles,
     * and tells whether it did; when it returns `false` nothing was touched.
     */
    apply(parseResult: ParseResult, newText: string): boolean {
        if (parseResult.lexerErrors.length > 0 || parseResult.parserErrors.length > 0
            || (parseResult.lexerReport?.diagnostics.length ?? 0) > 0) return false;
        const root = parseResult.value.$cstNode;
        if (!(root instanceof RootCstNodeImpl)) return false;
        const oldText = root.fullText;
        if (oldText === newText) return false;
        const change = changedSpan(oldText, newText);
        const found = lastLeafBefore(root, change.start);
        const leaf = found?.leaf;
        const delimiters = leaf && EDITABLE_TERMINALS.get(leaf.tokenType.name);
        if (!found || !leaf || !delimiters || leaf.offset + delimiters.head > change.start || change.oldEnd > leaf.end - delimiters.tail) return false;
        const delta = change.newEnd - change.oldEnd;
        const oldToken = oldText.slice(leaf.offset, leaf.end);
        const newToken = newText.slice(leaf.offset, leaf.end + delta);
        if (/[\r\n]/.test(newToken) || !this.isWholeToken(leaf.tokenType, newText, leaf.offset, newToken.length)) return false;
        const astChange = leaf.hidden ? undefined : this.astChange(leaf, oldToken, newToken);
        if (!leaf.hidden && !astChange) return false;
        if (!ownClassesAfter(found.path)) return false;

        shift(leaf, found.path, delta);
        (root as unknown as MutableRoot)._text = newText;
        if (astChange) {
            const { node, property, index, value } = astChange;
            const record = node as unknown as Record<string, unknown>;
            if (index === undefined) record[property] = value;
            else (record[property] as unknown[])[index] = value;
        }
        return true;
    }

    /** Whether the lexer, at `offset` of `text`, would match exactly `length` characters with this token type. */
    private isWholeToken(tokenType: TokenType, text: string, offset: number, length: number): boolean {
        let pattern = this.patterns.get(tokenType);
        if (pattern === undefined) {
            const source = tokenType.PATTERN;
            pattern = source instanceof RegExp ? new RegExp(source.source, source.flags.replace(/[gy]/g, '') + 'y') : null;
            this.patterns.set(tokenType, pattern);
        }
        if (!pattern) return false;
        pattern.lastIndex = offset;
        const match = pattern.exec(text);
        return match !== null && match[0].length === length;
    }

    /**
     * The AST property the token feeds, as the parser assigns it (`=` the last token of the property
     * wins, `+=` one element per token, `?=` no value), if its current value is the old token's.
     */
    private astChange(leaf: LeafCstNodeImpl, oldToken: string, newToken: string): AstChange | undefined {
        const assignment = AstUtils.getContainerOfType(leaf.grammarSource, GrammarAST.isAssignment);
        if (!assignment || GrammarAST.isCrossReference(assignment.terminal) || !GrammarAST.isRuleCall(leaf.grammarSource)) return undefined;
        const node = leaf.astNode;
        const property = assignment.feature;
        const tokens = GrammarUtils.findNodesForProperty(node.$cstNode, property);
        const position = tokens.indexOf(leaf);
        if (position < 0) return undefined;
        const current = (node as unknown as Record<string, unknown>)[property];
        const before = this.converter.convert(oldToken, leaf);
        const value = this.converter.convert(newToken, leaf);
        switch (assignment.operator) {
            case '=':
                return position === tokens.length - 1 && current === before ? { node, property, value } : undefined;
            case '+=':
                return Array.isArray(current) && current.length === tokens.length && current[position] === before
                    ? { node, property, index: position, value } : undefined;
            case '?=':
                return current === true ? { node, property, value: true } : undefined;
        }
        return undefined;
    }
}

/** A composite node on the way from the root to a leaf, and the index of the child the way goes through. */
type Step = readonly [CompositeCstNodeImpl, number];

/**
 * The last leaf (hidden or not) that starts before `offset`, and the way to it: the leaves of a CST
 * are in text order (pre-order), so each composite node is searched by where its children start.
 */
function lastLeafBefore(root: RootCstNodeImpl, offset: number): { leaf: LeafCstNodeImpl; path: Step[] } | undefined {
    const path: Step[] = [];
    let node: CstNode = root;
    while (node instanceof CompositeCstNodeImpl) {
        const content = node.content;
        let low = 0;
        let high = content.length - 1;
        let found = -1;
        while (low <= high) {
            const middle = (low + high) >> 1;
            if (firstLeafOffset(content[middle]) < offset) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        if (found < 0) return undefined;
        path.push([node, found]);
        node = content[found];
    }
    return node instanceof LeafCstNodeImpl ? { leaf: node, path } : undefined;
}

function firstLeafOffset(node: CstNode | undefined): number {
    while (node instanceof CompositeCstNodeImpl) node = node.content[0];
    return node instanceof LeafCstNodeImpl ? node.offset : Number.POSITIVE_INFINITY;
}

/**
 * Visits every node after the way's leaf (the subtrees right of the way, in text order) until
 * `visit` returns `false`; tells whether all were visited.
 */
function forEachNodeAfter(path: readonly Step[], visit: (node: CstNode) => boolean): boolean {
    const stack: CstNode[] = [];
    for (let depth = path.length - 1; depth >= 0; depth--) {
        const [composite, index] = path[depth];
        const content = composite.content;
        for (let child = content.length - 1; child > index; child--) stack.push(content[child]);
        while (stack.length > 0) {
            const node = stack.pop()!;
            if (!visit(node)) return false;
            if (node instanceof CompositeCstNodeImpl) {
                for (let child = node.content.length - 1; child >= 0; child--) stack.push(node.content[child]);
            }
        }
    }
    return true;
}

/**
 * Whether every node after the way's leaf is of Langium's own CST classes, the only ones whose
 * fields are written here. Checked before anything is written (a second walk, cheaper than
 * collecting the nodes of a large document into an array).
 */
function ownClassesAfter(path: readonly Step[]): boolean {
    return forEachNodeAfter(path, node => node instanceof LeafCstNodeImpl || node instanceof CompositeCstNodeImpl);
}

/**
 * The edited token takes its new length; every later token moves by `delta` (and, on the same line,
 * by as many columns: the new text has no line break). The cached ranges of the composite nodes
 * around the token, and of those after it on its line, are dropped, to be computed again from their
 * tokens. Nodes before the token keep their places and ranges.
 */
function shift(edited: LeafCstNodeImpl, path: readonly Step[], delta: number): void {
    const line = edited.range.start.line;
    const editedLeaf = edited as unknown as MutableLeaf;
    editedLeaf._length += delta;
    editedLeaf._endColumn += delta;
    for (const [composite] of path) (composite as unknown as MutableComposite)._rangeCache = undefined;
    forEachNodeAfter(path, node => {
        if (node instanceof LeafCstNodeImpl) {
            const leaf = node as unknown as MutableLeaf;
            leaf._offset += delta;
            if (leaf._startLine === line) leaf._startColumn += delta;
            if (leaf._endLine === line) leaf._endColumn += delta;
        } else {
            const composite = node as unknown as MutableComposite;
            const cached = composite._rangeCache;
            if (cached && (cached.start.line === line || cached.end.line === line)) composite._rangeCache = undefined;
        }
        return true;
    });
}
