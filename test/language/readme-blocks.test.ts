/**
 * Every ```blueprint block of the README parses and is what `blueprint fmt` writes: a newcomer who
 * copies one into a file gets no syntax error and no `fmt --check` failure. The formatter writes one
 * style (a step's body on its own lines, `{ duration 30 s end }` expanded), so the README does too.
 */
import { readFileSync } from 'node:fs';
import { createBlueprintServices } from '@blueprint/language';
import { EmptyFileSystem, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const BLOCKS = [...README.matchAll(/^```blueprint\n([\s\S]*?)^```$/gmu)].map(match => ({
    line: README.slice(0, match.index).split('\n').length,
    text: match[1]
}));

const { Blueprint } = createBlueprintServices({ ...EmptyFileSystem });

describe('README blueprint blocks', () => {
    it('are there to check', () => {
        expect(BLOCKS.length).toBeGreaterThanOrEqual(10);
    });

    it.each(BLOCKS.map(block => [block.line, block.text] as const))('the block at line %i parses and is fmt-clean', async (line, text) => {
        const uri = URI.parse(`memory:///readme-${line}.blueprint`);
        const document = Blueprint.shared.workspace.LangiumDocumentFactory.fromString(text, uri);
        const { lexerErrors, parserErrors } = document.parseResult;
        expect([...lexerErrors, ...parserErrors].map(error => error.message)).toEqual([]);
        const edits = await Blueprint.lsp.Formatter!.formatDocument(document, { textDocument: { uri: uri.toString() }, options: { tabSize: 4, insertSpaces: true } });
        expect(TextDocument.applyEdits(document.textDocument, edits)).toBe(text);
    });
});
