import { describe, expect, it } from 'vitest';
import { createBlueprintServices } from '@blueprint/language';
import { EmptyFileSystem, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';

const { Blueprint } = createBlueprintServices({ ...EmptyFileSystem });
let counter = 0;

async function format(text: string): Promise<string> {
    const document = Blueprint.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///wrap-${counter++}.blueprint`));
    Blueprint.shared.workspace.LangiumDocuments.addDocument(document);
    await Blueprint.shared.workspace.DocumentBuilder.build([document]);
    const edits = await Blueprint.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true } });
    return TextDocument.applyEdits(document.textDocument, edits);
}

describe('formatter: long fail points', () => {
    it('puts each prevention and recovery of a fail point longer than 100 columns on a continuation line', async () => {
        const input = `blueprint B "B" {
customer A "A" {
fail "The queue at lunch time is longer than customers accept" prevention "Open a second counter when ten wait" recovery "Offer a call-back"
start end
}
}
`;
        const expected = `blueprint B "B" {
    customer A "A" {
        fail "The queue at lunch time is longer than customers accept"
            prevention "Open a second counter when ten wait"
            recovery "Offer a call-back"
        start
        end
    }
}
`;
        const once = await format(input);
        expect(once).toBe(expected);
        expect(await format(once)).toBe(once);
        // the author's own line breaks do not change the result
        expect(await format(expected.replace(/\n\s+prevention/, ' prevention'))).toBe(expected);
    });

    it('keeps a short fail point on one line', async () => {
        const out = await format('blueprint B "B" {\n    customer A "A" {\n        fail "PIN mistyped"\n   recovery "Re-enter"\n        start\n        end\n    }\n}\n');
        expect(out).toContain('        fail "PIN mistyped" recovery "Re-enter"\n');
    });
});
