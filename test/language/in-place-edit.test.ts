/**
 * Edits inside a label or a line comment are applied to the parsed document in place (no parse).
 * The oracle: after every edit, the document updated in place must equal the same text opened
 * fresh in other services (the AST with its references' targets, every CST node's offset, length,
 * range, text, token type and hidden flag, the diagnostics after the build, the model), and the
 * factory's counter tells whether the fast path was taken: always for edits that stay inside one
 * token and keep it one token, never for the others (which still equal a fresh parse).
 */
import { setMaxFileBytes, type BlueprintServices } from '@blueprint/language';
import {
    AstUtils, CstUtils, DocumentState, GrammarAST, isAstNode, isLeafCstNode, isReference, URI, type AstNode, type CstNode, type LangiumDocument
} from 'langium';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { generateBlueprint } from '../bench/generate.mjs';
import { OpenDocuments } from '../helpers/open-documents.js';

const EXAMPLES = fileURLToPath(new URL('../../examples', import.meta.url));

/** Edited in place, and opened fresh: the two sides of every comparison. */
class Oracle {
    readonly edited = new OpenDocuments();
    readonly fresh = new OpenDocuments();
    text: string;

    constructor(readonly uri: URI, text: string, private readonly others: ReadonlyArray<readonly [URI, string]>) {
        this.text = text;
    }

    async open(): Promise<void> {
        await this.edited.open([[this.uri, this.text], ...this.others]);
        await this.fresh.open([[this.uri, this.text], ...this.others]);
    }

    /** Applies the edit; tells whether it was done in place, after checking both sides are the same. */
    async edit(start: number, end: number, insert: string): Promise<boolean> {
        this.text = this.text.slice(0, start) + insert + this.text.slice(end);
        const before = this.edited.factory.inPlaceUpdates;
        const freshBefore = this.fresh.factory.inPlaceUpdates;
        const edited = await this.edited.change(this.uri, this.text);
        const fresh = await this.fresh.reopen(this.uri, this.text);
        expect(this.fresh.factory.inPlaceUpdates).toBe(freshBefore);
        expectSameDocument(edited, fresh, this.edited.Blueprint, this.fresh.Blueprint);
        // The files beside it (importers of a changed declaration are linked again) agree too.
        for (const [uri] of this.others) {
            const [other, freshOther] = [this.edited.document(uri), this.fresh.document(uri)];
            expect(other.diagnostics).toEqual(freshOther.diagnostics);
            expect(astJson(other.parseResult.value, this.edited.Blueprint)).toEqual(astJson(freshOther.parseResult.value, this.fresh.Blueprint));
            expect(modelJson(this.edited.Blueprint, other)).toBe(modelJson(this.fresh.Blueprint, freshOther));
        }
        const inPlace = this.edited.factory.inPlaceUpdates - before;
        expect(inPlace === 0 || inPlace === 1).toBe(true);
        return inPlace === 1;
    }

    leaves(): CstNode[] {
        const root = this.edited.document(this.uri).parseResult.value.$cstNode!;
        return CstUtils.streamCst(root).filter(node => isLeafCstNode(node)).toArray();
    }

    tokens(name: string): CstNode[] {
        return this.leaves().filter(leaf => (leaf as { tokenType?: { name: string } }).tokenType?.name === name);
    }
}

function expectSameDocument(edited: LangiumDocument, fresh: LangiumDocument, editedServices: BlueprintServices, freshServices: BlueprintServices): void {
    expect(edited.state).toBe(DocumentState.Validated);
    expect(fresh.state).toBe(DocumentState.Validated);
    expect(edited.textDocument.getText()).toBe(fresh.textDocument.getText());
    expect(edited.parseResult.value.$cstNode?.root.fullText).toBe(fresh.parseResult.value.$cstNode?.root.fullText);
    expect(edited.parseResult.lexerErrors.length).toBe(fresh.parseResult.lexerErrors.length);
    expect(edited.parseResult.parserErrors.length).toBe(fresh.parseResult.parserErrors.length);
    expect(cstRows(edited)).toEqual(cstRows(fresh));
    expect(astJson(edited.parseResult.value, editedServices)).toEqual(astJson(fresh.parseResult.value, freshServices));
    expect(edited.diagnostics).toEqual(fresh.diagnostics);
    expect(edited.references.length).toBe(fresh.references.length);
    expect(modelJson(editedServices, edited)).toBe(modelJson(freshServices, fresh));
}

function modelJson(services: BlueprintServices, document: LangiumDocument): string {
    return JSON.stringify(services.model.BlueprintModelProvider.getDocumentModel(document) ?? null);
}

/** Every CST node in order: position, text (of leaves), token type, hidden flag, grammar element. */
function cstRows(document: LangiumDocument): unknown[] {
    const root = document.parseResult.value.$cstNode;
    if (!root) return [];
    return CstUtils.streamCst(root).map(node => {
        const grammar = node.grammarSource;
        const source = !grammar ? undefined : GrammarAST.isRuleCall(grammar) ? `call ${grammar.rule.$refText}`
            : GrammarAST.isKeyword(grammar) ? `keyword ${grammar.value}` : grammar.$type;
        const range = node.range;
        const position = [node.offset, node.length, node.end, range.start.line, range.start.character, range.end.line, range.end.character, node.hidden, source];
        return isLeafCstNode(node) ? [...position, node.text, node.tokenType.name] : [...position, node.astNode.$type];
    }).toArray();
}

/** The AST as JSON without its back links; a reference as its text and its target's document and path. */
function astJson(node: AstNode, services: BlueprintServices): unknown {
    const locator = services.workspace.AstNodeLocator;
    const value = (item: unknown): unknown => {
        if (Array.isArray(item)) return item.map(value);
        if (isReference(item)) {
            const target = item.ref;
            return { refText: item.$refText, target: target && `${AstUtils.getDocument(target).uri.toString()}#${locator.getAstNodePath(target)}`, error: item.error?.message };
        }
        if (isAstNode(item)) return astJson(item, services);
        return item;
    };
    const json: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(node)) {
        if (key === '$container' || key === '$cstNode' || key === '$document') continue;
        json[key] = value(item);
    }
    return json;
}

/** A deterministic pseudo-random sequence (mulberry32), so every run tries the same edits. */
function random(seed: number): () => number {
    let state = seed;
    return () => {
        state = (state + 0x6d2b79f5) | 0;
        let t = Math.imul(state ^ (state >>> 15), 1 | state);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** Text that keeps a label one label (no quote, backslash or line break), some of it wide (surrogate pairs). */
const SAFE_INSERTS = ['a', 'Z', ' ', '-', 'é', '한', '中文', '😀', 'label text', "'", '/', '//', '*/', '{', '}', '->', '0'];
/** Text that may or may not keep it one label: escapes, a backslash before other text. */
const ESCAPES = ['\\"', "\\'", '\\\\', '\\n', '\\t', '\\u', '\\x'];

function exampleFiles(directory: string): Array<readonly [URI, string]> {
    return readdirSync(directory)
        .filter(name => name.endsWith('.blueprint') && statSync(join(directory, name)).isFile())
        .map(name => [URI.file(join(directory, name)), readFileSync(join(directory, name), 'utf8')] as const);
}

/** Each example (with the other files of its folder open beside it, for imports) and generated blueprints. */
function cases(): Array<{ name: string; uri: URI; text: string; others: Array<readonly [URI, string]> }> {
    const result: Array<{ name: string; uri: URI; text: string; others: Array<readonly [URI, string]> }> = [];
    for (const directory of [EXAMPLES, join(EXAMPLES, 'shared-services'), join(EXAMPLES, 'invalid')]) {
        const files = exampleFiles(directory);
        for (const [uri, text] of files) {
            result.push({ name: uri.path.slice(EXAMPLES.length + 1), uri, text, others: files.filter(([other]) => other.toString() !== uri.toString()) });
        }
    }
    const generated = generateBlueprint(200, 'Generated', { branching: true })
        .replace(/^(\s+flow .*)$/gm, '$1 // a flow')
        .replace(/^(\s+customer .*)$/gm, '    // a customer step\n$1');
    result.push({ name: 'generated 200 steps', uri: URI.parse('memory:///generated.blueprint'), text: generated, others: [] });
    // Windows line ends: columns and lines are counted as the lexer counts them.
    const windows = readFileSync(join(EXAMPLES, 'telecom-store.blueprint'), 'utf8').replace(/\r?\n/g, '\r\n');
    result.push({ name: 'telecom-store.blueprint with CRLF line ends', uri: URI.parse('memory:///windows.blueprint'), text: windows, others: [] });
    return result;
}

/** A random position inside a token: after `head` characters, up to `tail` before its end. */
function inside(token: CstNode, head: number, tail: number, next: () => number): number {
    return token.offset + head + Math.floor(next() * (token.length - head - tail + 1));
}

describe('edits inside labels and comments, applied in place', () => {
    for (const example of cases()) {
        test(`equal a fresh parse of the new text: ${example.name}`, async () => {
            const oracle = new Oracle(example.uri, example.text, example.others);
            await oracle.open();
            const parsedCleanly = () => {
                const { lexerErrors, parserErrors } = oracle.edited.document(example.uri).parseResult;
                return lexerErrors.length === 0 && parserErrors.length === 0;
            };
            const next = random(example.text.length);
            const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
            let inPlace = 0;
            const edits = example.name.startsWith('generated') ? 24 : example.name.startsWith('invalid/') ? 16 : 40;
            for (let round = 0; round < edits; round++) {
                const strings = oracle.tokens('STRING');
                const comments = oracle.tokens('SL_COMMENT');
                const inComment = comments.length > 0 && next() < 0.25;
                const token = inComment ? pick(comments) : pick(strings);
                if (!token) break;
                const [head, tail] = inComment ? [2, 0] : [1, 1];
                const clean = parsedCleanly();
                const kind = next();
                if (kind < 0.5) {
                    // Typing: safe text keeps the token whole (unless typed inside an escape), so it is applied in place.
                    const at = inside(token, head, tail, next);
                    const hasEscape = token.text.includes('\\');
                    const done = await oracle.edit(at, at, pick(SAFE_INSERTS));
                    if (!hasEscape) expect(done).toBe(clean);
                    if (done) inPlace++;
                } else if (kind < 0.8) {
                    // Deleting a stretch: in place unless it splits an escape.
                    const from = inside(token, head, tail, next);
                    const to = from + Math.floor(next() * (token.end - tail - from + 1));
                    const hasEscape = token.text.includes('\\');
                    const done = await oracle.edit(from, to, '');
                    if (!hasEscape && from < to) expect(done).toBe(clean);
                    if (done) inPlace++;
                } else {
                    // Escapes: in place when the result is one token (the oracle checks the value either way).
                    const at = inside(token, head, tail, next);
                    if (await oracle.edit(at, at, pick(ESCAPES))) inPlace++;
                }
            }
            if (example.text.includes('"') && parsedCleanly()) expect(inPlace).toBeGreaterThan(edits / 3);
        }, 120_000);
    }
});

describe('edits the fast path refuses still equal a fresh parse', () => {
    const TEXT = `// A shop.
blueprint Shop "Shop" {
    stage Order "Order"
    actor Clerk 'Clerk'
    customer Ask "Ask for \\"help\\"" in Order { evidence "Counter" } // the start
    frontstage Answer "Answer" in Order by Clerk
    /* a block
       comment */
    flow Ask -> Answer "asked"
    metric Quick "Quick" on Ask target <= 90 %
}
`;
    const uri = URI.parse('memory:///refused.blueprint');

    async function opened(): Promise<Oracle> {
        const oracle = new Oracle(uri, TEXT, []);
        await oracle.open();
        return oracle;
    }

    const at = (oracle: Oracle, search: string, offset = 0) => {
        const index = oracle.text.indexOf(search);
        expect(index).toBeGreaterThanOrEqual(0);
        return index + offset;
    };

    test.each([
        ['a quote typed inside a label', '"Order"', 3, 0, '"'],
        ['the other quote typed inside a label', "'Clerk'", 3, 0, "'"],
        ['a backslash before the closing quote', '"Counter"', 8, 0, '\\'],
        ['a line break inside a label', '"Answer"', 3, 0, '\n'],
        ['a carriage return inside a label', '"Answer"', 3, 0, '\r'],
        ['a line break inside a line comment', '// the start', 5, 0, '\n'],
        ['the closing quote deleted', '"asked"', 6, 1, ''],
        ['the opening quote replaced', '"asked"', 0, 1, "'"],
        ['text typed just after a closing quote', '"Quick"', 7, 0, 'x'],
        ['text typed just before an opening quote', '"Quick"', 0, 0, 'x'],
        ['a step name (an ID) edited', 'Answer "Answer"', 3, 0, 'x'],
        ['an edit inside a block comment', 'a block', 2, 0, 'x'],
        ['a line comment split at its slashes', '// A shop', 1, 0, ' '],
        ['an escape cut in half', '\\"help', 1, 0, 'x']
    ])('%s', async (_name, search, offset, length, insert) => {
        const oracle = await opened();
        const start = at(oracle, search, offset);
        expect(await oracle.edit(start, start + length, insert)).toBe(false);
    });

    test('an edit from inside one label to inside the next', async () => {
        const oracle = await opened();
        const from = at(oracle, '"Shop"', 2);
        expect(await oracle.edit(from, at(oracle, '"Order"', 2), 'x')).toBe(false);
    });

    test('a document with syntax errors is parsed again, and edited in place once it is clean', async () => {
        const oracle = await opened();
        const quote = at(oracle, '"Order"', 3);
        expect(await oracle.edit(quote, quote, '"')).toBe(false);
        expect(oracle.edited.document(uri).parseResult.lexerErrors.length + oracle.edited.document(uri).parseResult.parserErrors.length).toBeGreaterThan(0);
        // Still broken: a label edit elsewhere is parsed.
        const answer = at(oracle, '"Answer"', 2);
        expect(await oracle.edit(answer, answer, 'x')).toBe(false);
        expect(await oracle.edit(quote, quote + 1, '')).toBe(false);
        const again = at(oracle, '"Axnswer"', 2);
        expect(await oracle.edit(again, again, 'y')).toBe(true);
    });

    test('edits applied in place one after another keep every later position right', async () => {
        const oracle = await opened();
        for (const [search, insert] of [['"Shop"', 'ping'], ['"Order"', ' now'], ['// the start', ' here'], ['"asked"', '😀'], ['"Quick"', 'er']] as const) {
            const start = at(oracle, search, search.startsWith('//') ? search.length : search.length - 1);
            expect(await oracle.edit(start, start, insert)).toBe(true);
        }
        // Back to the original text, label by label.
        for (const search of ['Shopping', 'Order now', 'the start here', 'asked😀', 'Quicker']) {
            const original = search.replace(/ping|er$| now| here|😀/u, '');
            const start = at(oracle, search);
            expect(await oracle.edit(start, start + search.length, original)).toBe(true);
        }
        expect(oracle.text).toBe(TEXT);
    });

    test('emptying a label and giving two things the same label are validated as after a parse', async () => {
        const oracle = await opened();
        const order = at(oracle, '"Order"', 1);
        expect(await oracle.edit(order, order + 5, '')).toBe(true);
        const answer = at(oracle, '"Answer"', 1);
        expect(await oracle.edit(answer, answer + 6, 'Ask for \\"help\\"')).toBe(true);
        const document = oracle.edited.document(uri);
        const model = oracle.edited.Blueprint.model.BlueprintModelProvider.getDocumentModel(document)!;
        expect(model.stages.find(stage => stage.id === 'Order')?.label).toBe('');
        expect(model.steps.map(step => step.label)).toEqual(['Ask for "help"', 'Ask for "help"']);
    });

    test('a label edit that takes the file over the size limit is refused as a parse refuses it', async () => {
        const oracle = await opened();
        setMaxFileBytes(TEXT.length + 2);
        try {
            const label = at(oracle, '"Order"', 3);
            expect(await oracle.edit(label, label, 'abcde')).toBe(false);
            const document = oracle.edited.document(uri);
            expect(document.parseResult.value.$cstNode?.root.fullText ?? '').toBe('');
            expect(document.diagnostics?.map(d => d.message)).toEqual([expect.stringContaining('too large')]);
        } finally {
            setMaxFileBytes(undefined);
        }
        // Back under the limit: parsed again, and then edited in place.
        const label = at(oracle, '"Orabcdeder"', 3);
        expect(await oracle.edit(label, label + 5, '')).toBe(false);
        expect(await oracle.edit(label, label, 'x')).toBe(true);
    });

    test('a changed import path is followed as after a parse', async () => {
        const shared = URI.parse('memory:///shared.blueprint');
        const main = URI.parse('memory:///main.blueprint');
        const oracle = new Oracle(main, 'import "shared.blueprint"\nblueprint Main "Main" {\n    customer Ask "Ask" by Clerk\n}\n',
            [[shared, 'actor Clerk "Clerk"\n']]);
        await oracle.open();
        expect(oracle.edited.document(main).diagnostics?.filter(d => d.severity === 1)).toEqual([]);
        const path = at(oracle, 'shared.blueprint', 6);
        expect(await oracle.edit(path, path, 'x')).toBe(true);
        expect(oracle.edited.document(main).diagnostics?.filter(d => d.severity === 1).length).toBeGreaterThan(0);
        expect(await oracle.edit(path, path + 1, '')).toBe(true);
        expect(oracle.edited.document(main).diagnostics?.filter(d => d.severity === 1)).toEqual([]);
    });
});
