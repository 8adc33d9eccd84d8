/**
 * Syntax errors a new user can act on. Chevrotain's messages name token types ("Expecting token of
 * type 'ID'") and list every token sequence the grammar allows; these say what was expected in the
 * words of the language (a channel name, a label in quotes, a step property), suggest the nearest
 * valid word, and remember a quick fix per offending token for the code action provider.
 */
import { AstUtils, GrammarAST, LangiumParserErrorMessageProvider, type LangiumCoreServices } from 'langium';
import type { IToken, TokenType } from 'chevrotain';
import { similarWords } from '../util/similar-words.js';

/** A text edit that resolves a syntax error: the offending token replaced, or text inserted before it. */
export interface SyntaxFix {
    readonly title: string;
    readonly newText: string;
    readonly insertBefore?: boolean;
    /** Where the replaced text starts when that is before the token (0-based, as in LSP): the space before it goes too. */
    readonly from?: { readonly line: number; readonly character: number };
}

/** Where a syntax error is shown when that is not the offending token: the token of a clause left unfinished. */
export interface SyntaxErrorPlace {
    readonly startLine: number;
    readonly startColumn: number;
    readonly endLine: number;
    readonly endColumn: number;
}

/** Built-in channels per distance keyword (see workspace/builtin-library.ts), for `via phone`. */
const CHANNELS_FOR_DISTANCE: Readonly<Record<string, readonly string[]>> = {
    phone: ['hotline', 'ivr'],
    remote: ['web', 'app', 'email'],
    'face-to-face': ['branch', 'store', 'onsite']
};

/** What kind of name follows a keyword, for "a channel name is expected here". */
const NAME_AFTER: Readonly<Record<string, string>> = {
    blueprint: 'blueprint', actor: 'actor', system: 'system', stage: 'stage', channel: 'channel', segment: 'segment',
    persona: 'persona', metric: 'metric', evidence: 'evidence item', lane: 'lane', above: 'lane', below: 'lane', lanes: 'lane',
    customer: 'step', frontstage: 'step', backstage: 'step', support: 'step', flow: 'step', on: 'step',
    '->': 'step', '<->': 'step', '~>': 'step', '=>': 'step', by: 'actor or system', via: 'channel', for: 'segment',
    in: 'stage', language: 'language',
    // A decision, a parallel block and its join name steps (the grammar's rule is the branching).
    decision: 'step', parallel: 'step', join: 'step'
};

const ARROWS: ReadonlySet<string> = new Set(['->', '<->', '~>', '=>']);
const FLOW_WORDS: ReadonlySet<string> = new Set(['%', 'loop', 'times']);
const STEP_LANES: ReadonlySet<string> = new Set(['customer', 'frontstage', 'backstage', 'support']);
const TIME_KEYWORDS = new Set(['duration', 'wait', 'tolerance', 'target', '>=', '<=', '>', '<', '=']);
const COMPACT_NUMBER = /^([0-9]+(?:\.[0-9]+)?)(\D.*)$/u;

export class BlueprintParserErrorMessageProvider extends LangiumParserErrorMessageProvider {
    private readonly grammar: GrammarAST.Grammar;
    // Per token and message: the parser's recovery may build other messages about the same token,
    // and only the first error is reported.
    private readonly fixes = new WeakMap<IToken, Map<string, SyntaxFix>>();
    private readonly places = new WeakMap<IToken, Map<string, SyntaxErrorPlace>>();
    private keywordCache?: ReadonlySet<string>;
    private readonly bodyKeywordCache = new Map<string, readonly string[]>();

    /** The tokens of the text being parsed (comments and whitespace aside). */
    private tokens?: () => readonly IToken[];

    constructor(services: LangiumCoreServices) {
        super();
        this.grammar = services.Grammar;
    }

    /**
     * Lets messages look at the tokens around the one at fault (set by the parser, read only while it
     * parses). Chevrotain's `previous` is not always the token before: after a recovery inside a
     * repetition it is where the recovery stopped.
     */
    readTokensWith(tokens: () => readonly IToken[]): void {
        this.tokens = tokens;
    }

    /** The token `offset` places from the given one in the text (-1: the one before), if the parser's tokens are known. */
    private tokenNear(token: IToken, offset: number): IToken | undefined {
        const tokens = this.tokens?.() ?? [];
        let low = 0;
        let high = tokens.length - 1;
        // Chevrotain pads the vector with end-of-file tokens that have no offset.
        while (high >= 0 && !(tokens[high].startOffset >= 0)) high--;
        while (low <= high) {
            const middle = (low + high) >> 1;
            const start = tokens[middle].startOffset;
            if (start === token.startOffset) return tokens[middle + offset];
            if (start < token.startOffset) low = middle + 1; else high = middle - 1;
        }
        return undefined;
    }

    /** The quick fix found for the token a syntax error is about, if any. */
    fixFor(token: IToken, message: string): SyntaxFix | undefined {
        return this.fixes.get(token)?.get(message);
    }

    /** Where the error about the token belongs when that is an earlier token (1-based lines and columns, end inclusive). */
    placeFor(token: IToken, message: string): SyntaxErrorPlace | undefined {
        return this.places.get(token)?.get(message);
    }

    override buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        const { expected, actual } = options;
        // After a recovery inside a repetition, Chevrotain's `previous` is where the recovery stopped.
        const previous = this.tokenNear(actual, -1) ?? options.previous;
        const ruleName = grammarRuleName(options.ruleName);
        const found = actual.image;
        const before = previous?.image;
        const compact = COMPACT_NUMBER.exec(found);
        if (compact && (expected.name === 'NUMBER' || (before !== undefined && TIME_KEYWORDS.has(before)))) {
            const apart = `${compact[1]} ${compact[2]}`;
            return this.withFix(actual, { title: `Write '${apart}'`, newText: apart },
                `Write the number and its unit apart: '${apart}'.`);
        }
        if (expected.name === 'ID') return this.nameExpected(actual, previous, ruleName);
        if (expected.name === 'STRING' && before !== undefined) {
            const unfinished = this.unfinished(actual, previous, `A label in quotes is expected after '${before}', e.g. ${before} "…"`);
            if (unfinished) return unfinished;
        }
        if (expected.name !== '}' && expected.name !== 'EOF') {
            const unfinished = this.unfinished(actual, previous, `Expected ${describeToken(expected.name)} after '${before}'`);
            if (unfinished) return unfinished;
        }
        if (expected.name === 'STRING' && found !== '' && ruleName === 'LaneLabel') {
            const lane = before ?? 'customer';
            return this.isName(actual)
                ? this.withFix(actual, { title: `Put '${found}' in quotes`, newText: JSON.stringify(found) },
                    `'lane ${lane}' renames the ${lane} lane and takes its new label in quotes: lane ${lane} ${JSON.stringify(found)}. A step in the lane is written '${lane} ${found} "…"'.`)
                : `'lane ${lane}' renames the ${lane} lane and takes its new label in quotes, e.g. lane ${lane} "…".`;
        }
        if (expected.name === 'STRING' && found !== '') {
            const what = describeRule(ruleName);
            if (this.isName(actual) || this.isKeyword(found)) {
                const named = this.hasName(ruleName) ? ` (${article(what)} ${what} has a name, then its label)` : '';
                return this.withFix(actual, { title: `Put '${found}' in quotes`, newText: JSON.stringify(found) },
                    `A label is expected here: text in quotes, e.g. ${JSON.stringify(found)}${named}.`);
            }
            return `A label in quotes is expected here, but found '${found}'.`;
        }
        if (expected.name === '}' && found !== '') {
            const allowed = this.bodyKeywords(ruleName);
            if (allowed.length > 0) return this.unknownInBody(actual, ruleName, allowed);
        }
        if (expected.name === 'EOF' && this.bodyKeywords('Blueprint').includes(found)) {
            // A '}' too many closed the blueprint early: what follows it belongs inside. (`previous` is
            // where the parser's recovery stopped, not the brace, so the brace is not named by position.)
            return `${capitalise(describeFound(actual))} belongs inside the blueprint, but a '}' before it already closed the blueprint: look for a '}' too many above this line.`;
        }
        if (expected.name === '{' && found === 'join') {
            return `'join' comes after the parallel block, not before it: parallel Step "…" { ~> A ~> B } join Meet.`;
        }
        return `Expected ${describeToken(expected.name)} here, but found ${describeFound(actual)}.`;
    }

    override buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const actual = options.actual[0];
        const starts = [...new Set(options.expectedPathsPerAlt.flatMap(alt => alt.map(path => path[0]?.name)).filter((n): n is string => !!n))];
        // `lane` at the end of a line: the keyword was right, so the entry it starts is what is unfinished.
        const unfinished = actual && starts.includes(actual.image)
            ? this.unfinished(options.actual[1], actual, `Expected ${this.afterKeyword(options)} after '${actual.image}'`, actual)
            : this.unfinished(actual, options.previous, `Expected ${joinAlternatives(starts)} after '${options.previous?.image}'`);
        return unfinished ?? this.unexpected(actual, starts, options.actual[1]);
    }

    override buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const actual = options.actual[0];
        const starts = [...new Set(options.expectedIterationPaths.map(path => path[0]?.name).filter((n): n is string => !!n))];
        return this.unfinished(actual, options.previous, `Expected ${joinAlternatives(starts)} after '${options.previous?.image}'`)
            ?? this.unexpected(actual, starts);
    }

    override buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        const token = options.firstRedundant;
        return `Unexpected ${describeFound(token)} after the end of the blueprint: everything belongs inside 'blueprint Name "Title" { … }' (imports and shared declarations may come before it).`;
    }

    /** A name (ID) was expected: explain keywords used as names, labels without a name, numbers. */
    private nameExpected(actual: IToken, previous: IToken | undefined, ruleName: string): string {
        const found = actual.image;
        const before = previous?.image;
        const what = nameKind(before, ruleName);
        if (previous && before !== undefined && this.endsUnfinishedClause(actual, previous, true)) {
            // `… by` at the end of a line, then `flow …`: the clause left unfinished is the mistake, not
            // the next statement's keyword (renaming that keyword would break the next statement).
            return this.atClause(actual, previous, ARROWS.has(before)
                ? `The flow ends in '${before}' with no step after it: add the step it leads to, or remove the arrow.`
                : `'${before}' needs ${article(what)} ${what} name after it, but ${whatFollows(actual)}: add the name${clauseExample(before, what)}, or remove '${before}'.`);
        }
        if (before === 'via' && CHANNELS_FOR_DISTANCE[found]) {
            const [first, ...others] = CHANNELS_FOR_DISTANCE[found];
            return this.withFix(actual, { title: `Use the built-in channel '${first}'`, newText: first },
                `'${found}' is a keyword (a channel's distance), not a channel name. Use the built-in ${found} channel '${first}'`
                + `${others.length ? ` (or ${others.map(o => `'${o}'`).join(', ')})` : ''}, or declare your own: channel My${capitalise(found.replace(/-/g, ''))} "…" ${found}.`);
        }
        if (this.isKeyword(found)) {
            const alternative = this.freeName(found);
            return this.withFix(actual, { title: `Rename to '${alternative}'`, newText: alternative },
                `'${found}' is a keyword of the language, so it cannot be ${article(what)} ${what} name. Use another name such as '${alternative}'`
                + ` (names are case-sensitive), or put the words in the label in quotes.`);
        }
        if (actual.tokenType.name === 'STRING') {
            const name = nameFromLabel(found);
            return name && !this.isKeyword(name)
                ? this.withFix(actual, { title: `Add the name '${name}'`, newText: `${name} `, insertBefore: true },
                    `${capitalise(article(what))} ${what} name is expected before the label, e.g. ${name} ${found}.`)
                : `${capitalise(article(what))} ${what} name is expected before the label.`;
        }
        if (actual.tokenType.name === 'NUMBER') {
            return `${capitalise(article(what))} ${what} name is expected here; a name needs a letter, e.g. '_${found}' or 'step${found}'.`;
        }
        if (found === '') return `${capitalise(article(what))} ${what} name is expected at the end of the file.`;
        return `${capitalise(article(what))} ${what} name is expected here, but found ${describeFound(actual)}.`;
    }

    /** `owner "Bob"` in a step: which words may start a property here, and the nearest one. */
    private unknownInBody(actual: IToken, ruleName: string, allowed: readonly string[]): string {
        const found = actual.image;
        const what = describeRule(ruleName);
        if (ruleName !== 'Blueprint' && !allowed.includes(found) && this.bodyKeywords('Blueprint').includes(found)) {
            // `flow` inside a step's body: the body was never closed.
            const indent = ' '.repeat(Math.max(0, (actual.startColumn ?? 1) - 1));
            return this.withFix(actual, { title: `Close the ${what} with '}'`, newText: `}\n${indent}`, insertBefore: true },
                `The ${what}'s body is not closed: '${found}' starts the next entry of the blueprint. Add '}' before it.`);
        }
        if (ruleName === 'Blueprint' && ARROWS.has(found)) {
            const midChain = this.labelInChain(actual);
            if (midChain) return midChain;
        }
        const list = allowed.join(', ');
        const hint = ruleName === 'Step' ? stepBodyHint(found) : undefined;
        if (hint) return `${capitalise(describeFound(actual))} is not a property of a step: ${hint}`;
        const near = this.isName(actual) || this.isKeyword(found) ? this.nearestKeyword(found, allowed) : undefined;
        if (near && !allowed.includes(near)) {
            // A keyword of another place (`vai` → `via` after a step's label): the list would mislead.
            return this.withFix(actual, { title: `Change to '${near}'`, newText: near }, `Unexpected '${found}'; did you mean '${near}'?`);
        }
        const lead = ruleName === 'Blueprint'
            ? `${capitalise(describeFound(actual))} does not start anything a blueprint holds`
            : `${capitalise(describeFound(actual))} is not a property of ${article(what)} ${what}`;
        const message = `${lead}${near ? `; did you mean '${near}'?` : '.'} ${capitalise(article(what))} ${what} can hold: ${list}.`;
        return near ? this.withFix(actual, { title: `Change to '${near}'`, newText: near }, message) : message;
    }

    /**
     * `flow A -> B "Next" -> C`: the flow was complete at its label (or `loop`), so the arrow after it
     * starts nothing. A flow's label and loop come after its last step and apply to every link; a label
     * for one link needs a flow of its own, which the fix makes by splitting the chain at the arrow.
     */
    private labelInChain(arrow: IToken): string | undefined {
        const flow = this.flowBefore(arrow);
        if (!flow) return undefined;
        const tail = flow.findIndex((token, index) => index > 1 && (token.tokenType.name === 'STRING' || token.image === 'loop'));
        const last = flow.slice(0, Math.max(tail, 0)).reverse().find(token => token.tokenType.name === 'ID');
        if (tail < 0 || !last) return undefined;
        const head = flow.slice(0, tail);
        const ending = flow.slice(tail);
        const rest = this.restOfLine(arrow);
        const restTail = rest.findIndex(token => token.tokenType.name === 'STRING' || token.image === 'loop');
        const restChain = restTail < 0 ? rest : rest.slice(0, restTail);
        const written = (tokens: readonly IToken[]) => tokens.map(token => token.image).join(' ');
        const label = ending[0].tokenType.name === 'STRING';
        const loop = ending.some(token => token.image === 'loop');
        const what = label && loop ? "label and 'loop' go" : label ? 'label goes' : "'loop' goes";
        const atEnd = restTail < 0 ? `, and applies to every link: ${written([...head, ...restChain, ...ending])}` : '';
        const indent = ' '.repeat(Math.max(0, (flow[0].startColumn ?? 1) - 1));
        const before = flow.at(-1)!;
        const from = before.endLine !== undefined && before.endColumn !== undefined ? { line: before.endLine - 1, character: before.endColumn } : undefined;
        return this.withFix(arrow, { title: `Split the flow after '${last.image}'`, newText: `\n${indent}flow ${last.image} ${arrow.image}`, from },
            `A flow's ${what} at its end, after its last step${atEnd}. For the link to '${last.image}' alone, split the chain into two flows:`
            + ` ${written(flow)} and flow ${last.image} ${written(rest)}.`);
    }

    /** The tokens from the given one to the end of its line. */
    private restOfLine(from: IToken): IToken[] {
        const tokens: IToken[] = [];
        for (let offset = 0, token = from; token && token.startLine === from.startLine && tokens.length < 64; token = this.tokenNear(from, ++offset)!) {
            tokens.push(token);
        }
        return tokens;
    }

    /** The tokens of the flow that ends right before the token at fault, from its `flow` keyword on. */
    private flowBefore(atFault: IToken): IToken[] | undefined {
        const tokens: IToken[] = [];
        for (let offset = -1; offset > -64; offset--) {
            const token = this.tokenNear(atFault, offset);
            if (!token) return undefined;
            tokens.unshift(token);
            if (token.image === 'flow' && token.tokenType.name !== 'STRING') return tokens;
            // Only names, arrows, shares, labels and loops make up a flow.
            const kind = token.tokenType.name;
            if (kind !== 'ID' && kind !== 'STRING' && kind !== 'NUMBER' && !ARROWS.has(token.image) && !FLOW_WORDS.has(token.image)) return undefined;
        }
        return undefined;
    }

    private unexpected(actual: IToken | undefined, starts: readonly string[], following?: IToken): string {
        if (!actual || actual.image === '') return `Unexpected end of the file: expected ${joinAlternatives(starts)}.`;
        if (starts.includes(actual.image) && following) {
            // `lane 5 "x"`: the keyword is right, what follows it is not.
            return `Unexpected ${describeFound(following)} after '${actual.image}'.`;
        }
        const keywords = starts.filter(start => this.isKeyword(start));
        const near = this.nearestKeyword(actual.image, keywords);
        const message = `Unexpected ${describeFound(actual)}${near ? `; did you mean '${near}'?` : '.'} Expected ${joinAlternatives(starts)}.`;
        return near ? this.withFix(actual, { title: `Change to '${near}'`, newText: near }, message) : message;
    }

    /** Nearest of the allowed keywords, else of all keywords (`vai` → `via`). */
    private nearestKeyword(word: string, allowed: readonly string[]): string | undefined {
        return similarWords(word, allowed, 1)[0] ?? similarWords(word, this.keywords(), 1)[0];
    }

    /** A name close to a keyword that is not one: `start` → `Start`. */
    private freeName(keyword: string): string {
        const base = keyword.replace(/[^\p{L}\p{N}_]/gu, '_');
        const capitalised = capitalise(base);
        return this.isKeyword(capitalised) ? `${base}_` : capitalised;
    }

    /**
     * The keywords that may start an entry of the body the parser was in when it expected `}`:
     * the first keywords of the repeated element right before that `}` in the rule.
     */
    private bodyKeywords(ruleName: string): readonly string[] {
        let keywords = this.bodyKeywordCache.get(ruleName);
        if (!keywords) {
            keywords = this.computeBodyKeywords(ruleName);
            this.bodyKeywordCache.set(ruleName, keywords);
        }
        return keywords;
    }

    private computeBodyKeywords(ruleName: string): string[] {
        const rule = this.grammar.rules.find(r => r.name === ruleName);
        if (!rule || !GrammarAST.isParserRule(rule)) return [];
        for (const keyword of AstUtils.streamAst(rule.definition).filter(GrammarAST.isKeyword)) {
            const group: GrammarAST.AbstractElement | undefined = keyword.$container as GrammarAST.AbstractElement | undefined;
            if (keyword.value !== '}' || !group || !GrammarAST.isGroup(group)) continue;
            const elements: readonly GrammarAST.AbstractElement[] = group.elements;
            const loop = elements[elements.indexOf(keyword) - 1];
            if (loop && (loop.cardinality === '*' || loop.cardinality === '+')) return [...firstKeywords(loop, new Set())];
        }
        return [];
    }

    /** Whether the rule gives its node a name (`customer Ask "…"`), so the label comes second. */
    private hasName(ruleName: string): boolean {
        const rule = this.grammar.rules.find(r => r.name === ruleName);
        return !!rule && GrammarAST.isParserRule(rule)
            && AstUtils.streamAst(rule.definition).some(node => GrammarAST.isAssignment(node) && node.feature === 'name');
    }

    /**
     * Whether the token the parser wanted a name for is not a name's attempt but the start of what
     * follows: a keyword or a bracket on a later line than the clause's keyword, or the end of the
     * file. `frontstage flow "x"` (a keyword as a name on the same line) is not.
     */
    private endsUnfinishedClause(actual: IToken, previous: IToken, atEndOfFile = false): boolean {
        if (actual.image === '') return atEndOfFile && (ARROWS.has(previous.image) || this.isKeyword(previous.image) || previous.image === ',');
        // After a '}' the entry before is complete, and after a '{' a body may go on over lines:
        // what follows is a mistake of its own.
        if (previous.image === '}' || previous.image === '{') return false;
        const later = (actual.startLine ?? 0) > (previous.endLine ?? previous.startLine ?? 0);
        return later && (this.isKeyword(actual.image) || /^[{}]$/u.test(actual.image));
    }

    /** The message for an entry left unfinished at the end of a line, shown at its last token; else undefined. */
    private unfinished(actual: IToken | undefined, previous: IToken | undefined, expected: string, errorToken = actual): string | undefined {
        if (!actual || !previous || !errorToken || !this.endsUnfinishedClause(actual, previous)) return undefined;
        return this.atClause(errorToken, previous, `${expected}, but ${whatFollows(actual)}.`);
    }

    /** What may follow the keyword the alternatives start with (`lane` → a name or a standard lane). */
    private afterKeyword(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[] }): string {
        const keyword = options.actual[0]?.image;
        const seconds = options.expectedPathsPerAlt.flatMap(alt => alt)
            .filter(path => path[0]?.name === keyword && path[1]).map(path => path[1].name);
        return seconds.length > 0 ? joinAlternatives([...new Set(seconds)]) : 'more';
    }

    /** The message, to be shown at the clause's last token rather than at the token it is about. */
    private atClause(token: IToken, clause: IToken, message: string): string {
        if (clause.startLine === undefined || clause.startColumn === undefined) return message;
        remember(this.places, token, message, {
            startLine: clause.startLine, startColumn: clause.startColumn,
            endLine: clause.endLine ?? clause.startLine, endColumn: clause.endColumn ?? clause.startColumn
        });
        return message;
    }

    private withFix(token: IToken, fix: SyntaxFix, message: string): string {
        remember(this.fixes, token, message, fix);
        return message;
    }

    private isName(token: IToken): boolean {
        return token.tokenType.name === 'ID';
    }

    private isKeyword(text: string): boolean {
        return this.keywords().has(text);
    }

    private keywords(): ReadonlySet<string> {
        this.keywordCache ??= new Set(AstUtils.streamAst(this.grammar).filter(GrammarAST.isKeyword).map(k => k.value)
            .filter(value => /^[\p{L}]/u.test(value)));
        return this.keywordCache;
    }
}

function remember<T>(store: WeakMap<IToken, Map<string, T>>, token: IToken, message: string, value: T): void {
    let byMessage = store.get(token);
    if (!byMessage) store.set(token, byMessage = new Map());
    byMessage.set(message, value);
}

/** Keywords that can come first in a grammar element. */
function firstKeywords(element: GrammarAST.AbstractElement, visiting: Set<GrammarAST.AbstractRule>): Set<string> {
    const result = new Set<string>();
    if (GrammarAST.isKeyword(element)) {
        result.add(element.value);
    } else if (GrammarAST.isAssignment(element)) {
        return firstKeywords(element.terminal, visiting);
    } else if (GrammarAST.isRuleCall(element)) {
        const rule = element.rule.ref;
        if (rule && GrammarAST.isParserRule(rule) && !visiting.has(rule)) {
            visiting.add(rule);
            for (const k of firstKeywords(rule.definition, visiting)) result.add(k);
        }
    } else if (GrammarAST.isAlternatives(element) || GrammarAST.isUnorderedGroup(element)) {
        for (const alternative of element.elements) for (const k of firstKeywords(alternative, visiting)) result.add(k);
    } else if (GrammarAST.isGroup(element as GrammarAST.AbstractElement)) {
        for (const part of (element as GrammarAST.Group).elements) {
            if (GrammarAST.isAction(part)) continue;
            for (const k of firstKeywords(part, visiting)) result.add(k);
            if (part.cardinality !== '?' && part.cardinality !== '*') break;
        }
    }
    return result;
}

/** Langium marks the parser's rule names with a zero-width space; the grammar's names have none. */
function grammarRuleName(name: string): string {
    return name.replace(/\u200B/g, '');
}

function nameKind(before: string | undefined, ruleName: string): string {
    if (before === 'in' && ruleName === 'Persona') return 'segment';
    if (before === ',') return ruleName === 'Metric' || ruleName === 'Remedy' ? 'step' : ruleName === 'LaneOrder' ? 'lane' : 'segment';
    if (before === 'lane' && ruleName === 'Step') return 'step';
    if (before === 'by' && ruleName === 'Remedy') return 'step';
    return (before !== undefined ? NAME_AFTER[before] : undefined) ?? describeRule(ruleName);
}

/** `the line ends there and 'flow' on line 19 starts what follows`: why the token is not taken as the name. */
function whatFollows(actual: IToken): string {
    return actual.image === '' ? 'the file ends there' : `the line ends there and ${describeFound(actual)} on line ${actual.startLine} starts what follows`;
}

/** `, e.g. by Agent`: how the clause reads when finished (the names are placeholders). */
function clauseExample(keyword: string, what: string): string {
    if (STEP_LANES.has(keyword)) return `, e.g. ${keyword} Answer "Answer the call"`;
    if (keyword === 'flow') return ', e.g. flow Ask -> Answer';
    const placeholder: Record<string, string> = {
        step: 'Answer', 'actor or system': 'Agent', channel: 'web', stage: 'Request', segment: 'Regulars', lane: 'Tools', blueprint: 'Visit'
    };
    const name = placeholder[what];
    return name && /^[\p{L}]/u.test(keyword) ? `, e.g. ${keyword} ${name}` : '';
}

function describeRule(ruleName: string): string {
    if (ruleName === 'CustomLane') return 'lane';
    return ruleName.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function describeToken(name: string): string {
    if (name === 'ID') return 'a name';
    if (name === 'STRING') return 'a label in quotes';
    if (name === 'NUMBER') return 'a number';
    if (name === 'EOF') return 'the end of the file';
    return `'${name}'`;
}

function describeFound(token: IToken): string {
    if (token.image === '') return 'the end of the file';
    return token.tokenType.name === 'STRING' ? `the label ${token.image}` : `'${token.image}'`;
}

function joinAlternatives(names: readonly string[]): string {
    const described = [...new Set(names.map(describeToken))];
    if (described.length <= 1) return described[0] ?? 'something else';
    return `${described.slice(0, -1).join(', ')} or ${described.at(-1)}`;
}

function article(word: string): string {
    return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

function capitalise(word: string): string {
    return word.charAt(0).toUpperCase() + word.slice(1);
}

/** `"Ask the teller"` → `AskTheTeller`; `"고객 문의"` → `고객문의`. */
function nameFromLabel(label: string): string | undefined {
    const words = label.slice(1, -1).split(/[^\p{L}\p{N}_]+/u).filter(Boolean).slice(0, 4);
    const name = words.map(word => /^[a-z]/.test(word) ? capitalise(word) : word).join('');
    return /^[\p{N}]*[\p{L}_][\p{L}\p{N}_]*$/u.test(name) ? name : undefined;
}

/** Words users bring to a step's body from the literature or from the step's header. */
const REMEDY_WORDS = new Set(['remedy', 'remedies', 'fix', 'mitigation', 'countermeasure', 'solution']);

function stepBodyHint(found: string): string | undefined {
    if (REMEDY_WORDS.has(found.toLowerCase())) {
        return 'a fail point\'s remedies follow its cause, as `prevention "…"` (keeps the failure from happening) or `recovery "…"` (puts it right): fail "Card swallowed" prevention "…" recovery "…".';
    }
    if (found === 'rate') return 'the failure rate comes right after the fail point\'s cause, before its remedies: fail "Card swallowed" rate 2 % recovery "…".';
    if (found === 'by' || found === 'via' || found === 'in') {
        return `'${found}' belongs in the step's header, after its label: customer Name "Label" in Stage by Actor via channel { … }.`;
    }
    return undefined;
}
