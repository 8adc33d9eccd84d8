import { createBlueprintServices } from '/work/wt/robust/packages/language/dist/index.js';
import { EmptyFileSystem, URI } from 'langium';
const { Blueprint } = createBlueprintServices({ ...EmptyFileSystem });
const lsp = Blueprint.lsp;
async function doc(text: string, name: string) {
    const uri = URI.parse(`memory:///${name}.blueprint`);
    const d = Blueprint.shared.workspace.LangiumDocumentFactory.fromString(text, uri);
    Blueprint.shared.workspace.LangiumDocuments.addDocument(d);
    await Blueprint.shared.workspace.DocumentBuilder.build([Blueprint.workspace.BuiltinLibrary.document, d], { validation: true });
    return d;
}
const id = (d: any) => ({ uri: d.uri.toString() });
let d = await doc('blueprint{customer b', 'h');
for (let c = 0; c < 21; c++) { try { await lsp.HoverProvider!.getHoverContent(d, { textDocument: id(d), position: { line: 0, character: c } }); } catch (e) { console.log('hover', c, (e as Error).message); break; } }
d = await doc('blueprint e customer "" via a', 'ca');
try { await lsp.CodeActionProvider!.getCodeActions(d, { textDocument: id(d), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 29 } }, context: { diagnostics: d.diagnostics ?? [] } }); } catch (e) { console.log('codeaction', (e as Error).message); }
d = await doc('blueprint X "X" {\n customer A "a"\n flow -> ', 'co');
try { const r = await lsp.CompletionProvider!.getCompletion(d, { textDocument: id(d), position: { line: 2, character: 9 } }); console.log('completion items', r?.items.map(i => i.label)); } catch (e) { console.log('completion', (e as Error).message); }
d = await doc('import "\uD800x"\nblueprint X "X" { customer A "a" { start end } }', 'sur');
console.log('surrogate diags', d.diagnostics?.map(x => x.message));
try { await lsp.DocumentLinkProvider!.getDocumentLinks(d, { textDocument: id(d) }); } catch (e) { console.log('links', (e as Error).message); }
d = await doc('blueprint X "X" {\n customer A "a" { duration tolerance 3 min }\n}', 'tol');
console.log('tol diags', d.diagnostics?.map(x => x.message));
