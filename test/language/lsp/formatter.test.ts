import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CstUtils, isLeafCstNode, type LangiumDocument } from 'langium';
import { expectFormatting, parseHelper } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { applyTextEdits, createServices, freshUri } from './helpers.js';

const services = createServices();
const parse = parseHelper(services);
const formatting = expectFormatting(services);
const OPTIONS = { insertSpaces: true, tabSize: 4 };

async function format(text: string): Promise<{ document: LangiumDocument; output: string }> {
    const document = await parse(text, { documentUri: freshUri('format').toString() });
    const edits = await services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: OPTIONS });
    return { document, output: applyTextEdits(text, edits) };
}

/** Every leaf of the syntax tree, comments included, in order, without trailing blanks. */
function leafTexts(document: LangiumDocument): string[] {
    const root = document.parseResult.value.$cstNode;
    // Trailing blanks of a line comment are whitespace, not part of what the comment says.
    return root ? CstUtils.streamCst(root).filter(isLeafCstNode).map(leaf => leaf.text.trimEnd()).toArray() : [];
}

function blueprintFiles(folder: string): string[] {
    return readdirSync(folder).flatMap(name => {
        const path = join(folder, name);
        if (statSync(path).isDirectory()) return blueprintFiles(path);
        return name.endsWith('.blueprint') ? [path] : [];
    });
}

const examples = blueprintFiles(fileURLToPath(new URL('../../../examples', import.meta.url)));

describe('formatter on the examples', () => {
    it('finds example files', () => {
        expect(examples.length).toBeGreaterThan(0);
    });

    for (const file of examples) {
        it(`is idempotent and keeps every token and comment: ${file.split('examples/')[1]}`, async () => {
            const text = readFileSync(file, 'utf8');
            const { document, output } = await format(text);
            const errors = document.parseResult.lexerErrors.length + document.parseResult.parserErrors.length;
            if (errors > 0) {
                // The formatter leaves files that do not parse alone.
                expect(output).toBe(text);
                return;
            }
            const again = await format(output);
            expect(again.output).toBe(output);
            expect(leafTexts(again.document)).toEqual(leafTexts(document));
            expect(output.replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
        });
    }
});

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function randomGenerator(seed: number): () => number {
    return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/**
 * The same tokens with other whitespace: random spaces and tabs, an extra line break inside a line,
 * and the original number of line breaks wherever a comment is involved or lines were already broken.
 */
function shuffleWhitespace(document: LangiumDocument, random: () => number): string {
    const root = document.parseResult.value.$cstNode!;
    const leaves = CstUtils.streamCst(root).filter(isLeafCstNode).toArray();
    const text = document.textDocument.getText();
    const spaces = () => [' ', '  ', '\t', ' \t '][Math.floor(random() * 4)];
    let result = spaces();
    leaves.forEach((leaf, index) => {
        result += leaf.text;
        const next = leaves[index + 1];
        if (!next) return;
        const gap = text.substring(leaf.end, next.offset);
        const breaks = (gap.match(/\n/g) ?? []).length;
        const nearComment = leaf.hidden || next.hidden;
        if (breaks > 0) result += Array.from({ length: breaks }, () => spaces() + '\n').join('') + spaces();
        else if (!nearComment && random() < 0.3) result += spaces() + '\n' + spaces();
        else result += spaces();
    });
    return result + (random() < 0.5 ? '\n\n' : '');
}

describe('formatter under shuffled whitespace', () => {
    const messy = `// head
blueprint B "T" { // open
  stage S "S"  stage T
  /* block */ actor A "A" { note "n" }

  customer X "x" in S by A via app { evidence "e" wait 3 min tolerance 5 min
  fail "f" recovery "r" // why
  start }
  customer Y "y" { end }
  flow X -> Y
  metric M "m" on X, Y target >= 90 %
}`;
    const inputs: Array<[string, string]> = [['messy sample', messy], ...examples.map(file => [file.split('examples/')[1], readFileSync(file, 'utf8')] as [string, string])];
    for (const [name, text] of inputs) {
        it(`formats every whitespace variant of ${name} to the same text`, async () => {
            const { document, output: expected } = await format(text);
            if (document.parseResult.parserErrors.length + document.parseResult.lexerErrors.length > 0) return;
            const random = randomGenerator(7);
            for (let trial = 0; trial < 15; trial++) {
                const variant = shuffleWhitespace(document, random);
                const { output } = await format(variant);
                expect(output, `variant:\n${variant}`).toBe(expected);
            }
        });
    }

    it('keeps Windows line endings', async () => {
        const { output } = await format('blueprint B {\r\n  stage A\r\n\r\n\r\n  stage C }');
        expect(output).toBe('blueprint B {\r\n    stage A\r\n\r\n    stage C\r\n}\r\n');
    });
});

describe('formatter on messy input', () => {
    it('indents blocks, puts members and properties on their own lines and spaces header tokens', async () => {
        await formatting({
            before: `blueprint   B "T" {  stage S "S"  stage T
  actor A "A"   { note "n" }
  customer X   "x" in S   by A via app for G1,G2 {evidence "e" wait 3 min tolerance 5 min
  fail "f"  recovery "r"  start }
  customer Y "y" { end }
  flow X->Y
}`,
            after: `blueprint B "T" {
    stage S "S"
    stage T
    actor A "A" {
        note "n"
    }
    customer X "x" in S by A via app for G1, G2 {
        evidence "e"
        wait 3 min tolerance 5 min
        fail "f" recovery "r"
        start
    }
    customer Y "y" {
        end
    }
    flow X -> Y
}
`
        });
    });

    it('spaces arrows and commas in flows and metrics', async () => {
        await formatting({
            before: 'blueprint B {\n  flow A->B<->C~>D=>E "l" loop\n  metric M on A ,B,C target>=85%\n}\n',
            after: 'blueprint B {\n    flow A -> B <-> C ~> D => E "l" loop\n    metric M on A, B, C target >= 85 %\n}\n'
        });
    });

    it('keeps at most one blank line between members and none after an opening brace', async () => {
        await formatting({
            before: 'blueprint B {\n\n\n  stage A\n\n\n\n  stage B2\n  stage C\n\n}\n\n\n',
            after: 'blueprint B {\n    stage A\n\n    stage B2\n    stage C\n}\n'
        });
    });

    it('joins a header broken over lines', async () => {
        await formatting({
            before: 'blueprint B {\n  customer X "x"\n      in S\n      via app\n}\n',
            after: 'blueprint B {\n    customer X "x" in S via app\n}\n'
        });
    });

    it('keeps comments where they are and never joins code into a line comment', async () => {
        const before = `// head
import "a.blueprint"   /* x */
blueprint B "T" {   // open
  /* block
     comment */
  customer Y "y" // trailing
    in S
  flow X->Y ~> Z /* c */ => W
    // before end
}`;
        const { document, output } = await format(before);
        expect(output).toBe(`// head
import "a.blueprint" /* x */
blueprint B "T" { // open
    /* block
     comment */
    customer Y "y" // trailing
        in S
    flow X -> Y ~> Z /* c */ => W
    // before end
}
`);
        const again = await format(output);
        expect(again.output).toBe(output);
        expect(leafTexts(again.document)).toEqual(leafTexts(document));
    });

    it('drops trailing blanks after a line comment but keeps its words', async () => {
        await formatting({
            before: 'blueprint B { // open   \t\n  stage A //  two  spaces  \n}',
            after: 'blueprint B { // open\n    stage A //  two  spaces\n}\n'
        });
    });

    it('uses tabs when the editor asks for them', async () => {
        await formatting({
            before: 'blueprint B {\n  customer X "x" { start }\n}',
            after: 'blueprint B {\n\tcustomer X "x" {\n\t\tstart\n\t}\n}\n',
            options: { insertSpaces: false, tabSize: 4 }
        });
    });

    it('does not touch a document with syntax errors', async () => {
        const before = 'blueprint B {\n  customer X "x" in\n   stage   S\n';
        const { output } = await format(before);
        expect(output).toBe(before);
    });

    it('keeps a byte order mark at the start of the text (a client that sends it gets no edit removing it)', async () => {
        const { output } = await format('\ufeff  blueprint B {\n  stage   A\n}\n');
        expect(output).toBe('\ufeffblueprint B {\n    stage A\n}\n');
    });

    // Newcomer trial 4, finding 14b: lines 4–5 of a file got edits on lines 3 and 5.
    it('range formatting edits only inside the range, however the gaps around it look', async () => {
        const text = '// header comment\nblueprint   Messy "Messy"{\ncustomer A "A" via store {   evidence "x" // trailing comment on evidence\n   start }\n\tfrontstage  B "B" via store{ duration 2 min  /* inline block */ }\n  /* a block\n     comment */\ncustomer C "C" via store { evidence "y"\nend\n}\nflow A->B   ->C // flow comment\n}';
        const document = await parse(text, { documentUri: freshUri('range').toString() });
        const range = { start: { line: 4, character: 0 }, end: { line: 5, character: 0 } };
        const edits = await services.lsp.Formatter!.formatDocumentRange(document, { textDocument: { uri: document.uri.toString() }, range, options: OPTIONS });
        expect(edits.length).toBeGreaterThan(0);
        const offset = (position: { line: number; character: number }) => document.textDocument.offsetAt(position);
        for (const edit of edits) {
            expect(offset(edit.range.start)).toBeGreaterThanOrEqual(offset(range.start));
            expect(offset(edit.range.end)).toBeLessThanOrEqual(offset(range.end));
        }
        const lines = applyTextEdits(text, edits).split('\n');
        expect(lines.slice(0, 4)).toEqual(text.split('\n').slice(0, 4));
        expect(lines[4]).toBe('    frontstage B "B" via store {');
        expect(lines.at(-1)).toBe('}');
        expect(lines.slice(-7)).toEqual(text.split('\n').slice(5));
    });

    it('formats only the lines of a range', async () => {
        await formatting({
            before: 'blueprint B {\n  stage   A\n  stage   C\n}\n',
            after: 'blueprint B {\n  stage   A\n    stage C\n}\n',
            range: { start: { line: 2, character: 0 }, end: { line: 2, character: 12 } }
        });
    });
});
