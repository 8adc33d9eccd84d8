/**
 * Find references, rename and relinking across files with the reference index that describes
 * references on request (memory per step, issue 13): the answers are those of Langium's own index,
 * which keeps one description per reference (the oracle here: the same descriptions made from each
 * document when it was indexed), for a step used by flows, a stage and an actor imported from another file.
 */
import { describe, expect, it } from 'vitest';
import { createBlueprintServices } from '@blueprint/language';
import { AstUtils, EmptyFileSystem, URI, type AstNode, type LangiumDocument, type ReferenceDescription } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { diagnosticText } from '../../helpers/diagnostic-text.js';
import { generateBlueprint, generateSharedFile } from '../../bench/generate.mjs';

type Services = ReturnType<typeof createBlueprintServices>;

async function workspace(files: Record<string, string>): Promise<{ services: Services; documents: Record<string, LangiumDocument> }> {
    const services = createBlueprintServices({ ...EmptyFileSystem });
    const { shared, Blueprint } = services;
    const documents: Record<string, LangiumDocument> = {};
    for (const [name, text] of Object.entries(files)) {
        documents[name] = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///refs/${name}`));
        shared.workspace.LangiumDocuments.addDocument(documents[name]);
    }
    await shared.workspace.DocumentBuilder.build([Blueprint.workspace.BuiltinLibrary.document, ...Object.values(documents)], { validation: true });
    return { services, documents };
}

/** What an editor sees of a reference: where it is and what it points to. */
function located(references: Iterable<ReferenceDescription>): string[] {
    return [...references].map(r => `${r.sourceUri.path} ${r.segment.range.start.line}:${r.segment.range.start.character}-${r.segment.range.end.character} -> ${r.targetUri.path}${r.targetPath}${r.local ? ' local' : ''}`);
}

/** Langium's answer: every reference of every document described, then filtered by target. */
async function oracle(services: Services, documents: LangiumDocument[], target: AstNode): Promise<string[]> {
    const uri = AstUtils.getDocument(target).uri.toString();
    const path = services.Blueprint.workspace.AstNodeLocator.getAstNodePath(target);
    const all: ReferenceDescription[] = [];
    for (const document of documents) all.push(...await services.Blueprint.workspace.ReferenceDescriptionProvider.createDescriptions(document));
    return located(all.filter(r => r.targetUri.toString() === uri && r.targetPath === path));
}

function named(document: LangiumDocument, name: string): AstNode {
    const node = AstUtils.streamAst(document.parseResult.value).find(n => (n as { name?: unknown }).name === name);
    if (!node) throw new Error(`no ${name}`);
    return node;
}

describe('the reference index', () => {
    it('finds the references to steps, stages and imported actors as Langium\'s index does', async () => {
        const { services, documents } = await workspace({ 'shared.blueprint': generateSharedFile(), 'main.blueprint': generateBlueprint(100, 'Main', { shared: true }) });
        const index = services.shared.workspace.IndexManager;
        const all = Object.values(documents);
        const locator = services.Blueprint.workspace.AstNodeLocator;
        for (const [file, name, count] of [['main.blueprint', 'e3f4', 2], ['main.blueprint', 'e0c0', 1], ['shared.blueprint', 'Clerk', 40], ['shared.blueprint', 'S2', 20]] as const) {
            const target = named(documents[file], name);
            const found = located(index.findAllReferences(target, locator.getAstNodePath(target)));
            expect(found, name).toHaveLength(count);
            expect(found, name).toEqual(await oracle(services, all, target));
        }
        // A stage, and a node that nothing refers to.
        const unused = named(documents['shared.blueprint'], 'S0');
        expect(located(index.findAllReferences(unused, locator.getAstNodePath(unused)))).toHaveLength(20);
        const declaredOnly = named(documents['main.blueprint'], 'Main');
        expect(located(index.findAllReferences(declaredOnly, locator.getAstNodePath(declaredOnly)))).toEqual([]);
    });

    it('answers find references and rename through the LSP services', async () => {
        const { services, documents } = await workspace({ 'shared.blueprint': generateSharedFile(), 'main.blueprint': generateBlueprint(20, 'Main', { shared: true }) });
        const main = documents['main.blueprint'];
        const text = main.textDocument.getText();
        const at = (needle: string, shift = 0) => main.textDocument.positionAt(text.indexOf(needle) + shift);
        const locations = await services.Blueprint.lsp.ReferencesProvider!.findReferences(main, {
            textDocument: { uri: main.uri.toString() }, position: at('-> e0b2', 3), context: { includeDeclaration: true }
        });
        expect(locations.map(l => `${l.uri.split('/').pop()} ${l.range.start.line}`).sort()).toEqual(
            [text.indexOf(' e0b2 "'), text.indexOf('-> e0b2')].map(offset => `main.blueprint ${main.textDocument.positionAt(offset).line}`).sort());

        const edit = await services.Blueprint.lsp.RenameProvider!.rename(main, { textDocument: { uri: main.uri.toString() }, position: at('by Clerk', 4), newName: 'Teller' });
        const changes = edit?.changes ?? {};
        expect(Object.keys(changes).map(uri => uri.split('/').pop()).sort()).toEqual(['main.blueprint', 'shared.blueprint']);
        // Two episodes, four of whose steps the clerk performs.
        expect(changes[main.uri.toString()]).toHaveLength(8);
        expect(changes[documents['shared.blueprint'].uri.toString()]).toHaveLength(1);
    });

    it('relinks a file when a file it imports changes, and forgets a removed file', async () => {
        const { services, documents } = await workspace({ 'shared.blueprint': generateSharedFile(), 'main.blueprint': generateBlueprint(20, 'Main', { shared: true }) });
        const { shared, Blueprint } = services;
        const main = documents['main.blueprint'];
        const sharedUri = documents['shared.blueprint'].uri;
        const unresolved = () => (main.diagnostics ?? []).filter(d => diagnosticText(d).includes("'Clerk'")).length;
        expect(unresolved()).toBe(0);

        // The shared file renames its clerk: main's references to it no longer resolve (main was relinked).
        shared.workspace.TextDocuments!.set(TextDocument.create(sharedUri.toString(), 'blueprint', 2, generateSharedFile().replace('actor Clerk', 'actor Teller')));
        await shared.workspace.DocumentBuilder.update([sharedUri], []);
        const renamed = documents['shared.blueprint'];
        expect(unresolved()).toBeGreaterThan(0);
        const teller = named(renamed, 'Teller');
        expect(located(shared.workspace.IndexManager.findAllReferences(teller, Blueprint.workspace.AstNodeLocator.getAstNodePath(teller)))).toEqual([]);

        // Removed, the main file is not one that refers to anything of it any more.
        await shared.workspace.DocumentBuilder.update([], [main.uri]);
        const specialist = named(renamed, 'Specialist');
        expect(located(shared.workspace.IndexManager.findAllReferences(specialist, Blueprint.workspace.AstNodeLocator.getAstNodePath(specialist)))).toEqual([]);
        expect(shared.workspace.IndexManager.isAffected(main, new Set([sharedUri.toString()]))).toBe(false);
    });
});
