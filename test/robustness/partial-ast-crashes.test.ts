/**
 * The five crashes found while typing (issue 12), each on the text that caused it, and the rule
 * that a check which still crashes becomes one diagnostic for the user, not a stack trace.
 */
import { ast, createBlueprintServices, INTERNAL_ERROR_CODE, type BlueprintServices } from '@blueprint/language';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { describe, expect, it } from 'vitest';
import { ensureBuilt, runCli, Workspace } from '../cli/cli-harness.js';
import { diagnosticText } from '../helpers/diagnostic-text.js';

const logged: string[] = [];
const { Blueprint } = createBlueprintServices({ ...EmptyFileSystem }, { logInternalError: (context, error) => logged.push(`${context}: ${String(error)}`) });

let counter = 0;
async function documentOf(text: string, services: BlueprintServices = Blueprint): Promise<LangiumDocument> {
    const uri = URI.parse(`memory:///crash-${counter++}.blueprint`);
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, uri);
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([services.workspace.BuiltinLibrary.document, document], { validation: true });
    return document;
}

const id = (document: LangiumDocument) => ({ uri: document.uri.toString() });

describe('partial ASTs that crashed', () => {
    it('hover on a step that has no label yet', async () => {
        const document = await documentOf('blueprint{customer b');
        const hover = await Blueprint.lsp.HoverProvider!.getHoverContent(document, { textDocument: id(document), position: { line: 0, character: 19 } });
        expect((hover?.contents as { value: string } | undefined)?.value).toContain('`b`');
    });

    it('a tolerance without a duration: a syntax error, no crash in TimeChecks.checkTolerance', async () => {
        const document = await documentOf('blueprint X "X" {\n    customer A "a" { duration tolerance 3 min }\n}');
        const messages = (document.diagnostics ?? []).map(diagnosticText);
        expect(messages).toEqual(["Expected a number here, but found 'tolerance'."]);
        expect(messages.filter(m => /error occurred|Internal error|Cannot read/.test(m))).toEqual([]);
    });

    it('a code action on `blueprint e customer "" via a` (no braces yet)', async () => {
        const document = await documentOf('blueprint e customer "" via a');
        const end = { line: 0, character: 29 };
        const actions = await Blueprint.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: id(document), range: { start: { line: 0, character: 0 }, end }, context: { diagnostics: document.diagnostics ?? [] }
        });
        expect(Array.isArray(actions)).toBe(true);
    });

    it('completion after `flow ->` offers the steps and never asks the scope for a non-reference', async () => {
        const errors: unknown[] = [];
        const original = console.error;
        console.error = (...args: unknown[]) => { errors.push(args); };
        try {
            const document = await documentOf('blueprint X "X" {\n    customer A "a"\n    flow -> ');
            const completion = await Blueprint.lsp.CompletionProvider!.getCompletion(document, { textDocument: id(document), position: { line: 2, character: 12 } });
            expect(completion?.items.map(item => item.label)).toContain('A');
        } finally {
            console.error = original;
        }
        expect(errors.map(String).filter(e => /is not a reference/.test(String(e)))).toEqual([]);
        expect(errors).toEqual([]);
    });

    it('a lone surrogate in an import path: one BP003, no URIError in validation, linking or document links', async () => {
        const document = await documentOf('import "\ud800x"\nblueprint X "X" { customer A "a" { start end } }');
        const messages = (document.diagnostics ?? []).map(d => `${d.code} ${d.message}`);
        expect(messages).toContain('BP003 The import path cannot name a file: it holds an unpaired surrogate character, which no file name can.');
        expect(messages.filter(m => /URI|malformed/i.test(m))).toEqual([]);
        expect(await Blueprint.lsp.DocumentLinkProvider!.getDocumentLinks(document, { textDocument: id(document) })).toEqual([]);
    });
});

describe('a check that crashes', () => {
    it('becomes one internal diagnostic without a stack, and its stack goes to the log', async () => {
        const services = createBlueprintServices({ ...EmptyFileSystem }, { logInternalError: (context, error) => logged.push(`${context}: ${(error as Error).stack}`) }).Blueprint;
        services.validation.ValidationRegistry.register<ast.BlueprintAstType>({ Step: () => { throw new Error('boom\n    at somewhere.js:1:1'); } });
        const document = await documentOf('blueprint X "X" {\n    customer A "a" { start end }\n}', services);
        const internal = (document.diagnostics ?? []).filter(d => d.code === INTERNAL_ERROR_CODE);
        expect(internal.map(d => d.message)).toEqual(['Internal error in a Blueprint check (this is a bug, please report it): boom']);
        expect(logged.some(line => line.includes('a check failed on Step') && line.includes('Error: boom'))).toBe(true);
    });

    it('prints no stack trace in the CLI unless BLUEPRINT_DEBUG is set', async () => {
        ensureBuilt();
        // Before the fix this input crashed TimeChecks and `check` printed two stack traces on stderr.
        const workspace = new Workspace({ 'tol.blueprint': 'blueprint X "X" {\n    customer A "a" { duration tolerance 3 min }\n}\n' });
        try {
            const result = await runCli(['check', 'tol.blueprint'], { cwd: workspace.root });
            expect(result.code).toBe(1);
            expect(result.stderr).toBe('');
            expect(result.stdout).not.toMatch(/\n\s+at /);
        } finally {
            workspace.dispose();
        }
    });
});
