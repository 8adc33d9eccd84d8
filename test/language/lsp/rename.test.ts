/**
 * Rename across an import, and what it refuses: names that are not names, names already taken by
 * a declaration of the same kind, and the built-in channels (they live in no editable file).
 */
import { describe, expect, it } from 'vitest';
import { ResponseError, type Position, type WorkspaceEdit } from 'vscode-languageserver';
import { createServices, freshUri } from './helpers.js';
import { validateText } from '../../helpers/validate-text.js';
import type { LangiumDocument } from 'langium';

const services = createServices();
const rename = services.lsp.RenameProvider!;

const SHARED = 'stage Verify "Verify"\nactor Agent "Agent"\nsystem App "App"\n';
const MAIN = `import "shared"
blueprint B {
    stage Local "Local"
    customer Ask "Ask" in Verify via app { start }
    frontstage Answer "Answer" in Verify by Agent { end }
    evidence Sign "Sign" on Ask
    flow Ask -> Answer
}
`;

async function open(): Promise<{ document: LangiumDocument; uri: string; shared: string }> {
    const uri = freshUri('main');
    const document = await validateText(services, MAIN, uri, { 'shared.blueprint': SHARED });
    return { document, uri: uri.toString(), shared: new URL('shared.blueprint', uri.toString()).toString() };
}

/** Where `word` is written the `nth` time in the main text (its first character). */
function at(word: string, nth = 0): Position {
    let index = -1;
    for (let i = 0; i <= nth; i++) index = MAIN.indexOf(word, index + 1);
    const before = MAIN.slice(0, index).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

function edits(edit: WorkspaceEdit | undefined): Record<string, string[]> {
    return Object.fromEntries(Object.entries(edit?.changes ?? {}).map(([uri, list]) =>
        [uri, list.map(e => `${e.range.start.line}:${e.range.start.character}=${e.newText}`)]));
}

async function refusal(position: Position, newName: string): Promise<string> {
    const { document, uri } = await open();
    const error = await Promise.resolve(rename.rename(document, { textDocument: { uri }, position, newName })).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseError);
    return (error as ResponseError<void>).message;
}

describe('rename', () => {
    it('renames a step, and a stage declared in an imported file in both files', async () => {
        const { document, uri, shared } = await open();
        expect(edits(await rename.rename(document, { textDocument: { uri }, position: at('Ask'), newName: 'Request' })))
            .toEqual({ [uri]: ['3:13=Request', '5:28=Request', '6:9=Request'] });
        expect(edits(await rename.rename(document, { textDocument: { uri }, position: at('Verify'), newName: '확인' })))
            .toEqual({ [shared]: ['0:6=확인'], [uri]: ['3:26=확인', '4:34=확인'] });
    });

    it('refuses a new name that is not a name', async () => {
        expect(await refusal(at('Ask'), 'two words')).toMatch(/^'two words' is not a name/);
        expect(await refusal(at('Ask'), '123')).toMatch(/^'123' is not a name/);
        expect(await refusal(at('Agent'), 'flow')).toMatch(/^'flow' is a keyword of the language/);
    });

    it('refuses a name already taken by a declaration of the same kind, here or in an imported file', async () => {
        // Steps and evidence share their names (BP001).
        expect(await refusal(at('Ask'), 'Sign')).toMatch(/^'Sign' already names the evidence item \(line 6 of main\.blueprint\)/);
        // Actors and systems share theirs; `App` is declared in the imported file.
        expect(await refusal(at('Agent'), 'App')).toMatch(/^'App' already names the system \(line 3 of shared\.blueprint\)/);
        expect(await refusal(at('Verify'), 'Local')).toMatch(/^'Local' already names the stage/);
        // Another kind may have the name.
        const { document, uri } = await open();
        expect(edits(await rename.rename(document, { textDocument: { uri }, position: at('Ask'), newName: 'Local' }))[uri]).toHaveLength(3);
    });

    it('refuses to rename a built-in channel, already when asked whether it can', async () => {
        const { document, uri } = await open();
        const position = at('app');
        expect(() => rename.prepareRename(document, { textDocument: { uri }, position })).toThrow(/'app' is a built-in channel and cannot be renamed; declare a channel of your own \(channel MyApp "…" remote self-service\)/);
        expect(await refusal(position, 'Application')).toMatch(/built-in channel/);
        // Other names can be renamed.
        expect(await rename.prepareRename(document, { textDocument: { uri }, position: at('Agent') })).toEqual({ start: at('Agent'), end: { ...at('Agent'), character: at('Agent').character + 5 } });
    });
});
