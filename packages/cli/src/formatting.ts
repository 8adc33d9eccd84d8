/**
 * Formatting one blueprint text with the language's formatter, with the guarantees a tool that
 * rewrites files owes its users: text with syntax errors is never touched, and a result that differs
 * from the input in anything but whitespace, or that no longer parses, is refused.
 */
import type { BlueprintServices } from '@blueprint/language';
import type { LangiumDocument, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const FORMATTING_OPTIONS = { tabSize: 4, insertSpaces: true } as const;

export interface SyntaxProblem {
    readonly line: number;
    readonly column: number;
    readonly message: string;
}

export type FormatOutcome =
    | { readonly kind: 'unchanged' }
    | { readonly kind: 'changed'; readonly text: string }
    | { readonly kind: 'syntax-errors'; readonly problems: readonly SyntaxProblem[] }
    | { readonly kind: 'unsafe'; readonly reason: string };

export async function formatBlueprintText(services: BlueprintServices, text: string, uri: URI): Promise<FormatOutcome> {
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const document = factory.fromString(text, uri);
    const problems = syntaxProblems(document);
    if (problems.length > 0) return { kind: 'syntax-errors', problems };

    const formatter = services.lsp.Formatter;
    if (!formatter) return { kind: 'unchanged' };
    const edits = await formatter.formatDocument(document, { textDocument: { uri: uri.toString() }, options: FORMATTING_OPTIONS });
    const formatted = withLineEndingsOf(text, TextDocument.applyEdits(document.textDocument, edits));
    if (formatted === text) return { kind: 'unchanged' };

    if (withoutWhitespace(formatted) !== withoutWhitespace(text)) {
        return { kind: 'unsafe', reason: 'the formatter changed more than whitespace' };
    }
    if (syntaxProblems(factory.fromString(formatted, uri)).length > 0) {
        return { kind: 'unsafe', reason: 'the formatted text no longer parses' };
    }
    return { kind: 'changed', text: formatted };
}

function syntaxProblems(document: LangiumDocument): SyntaxProblem[] {
    const { lexerErrors, parserErrors } = document.parseResult;
    // Errors at the end of input carry no position (the EOF token has none): place them at the end.
    const end = document.textDocument.positionAt(document.textDocument.getText().length);
    const at = (line: number | undefined, column: number | undefined) => valid(line) && valid(column)
        ? { line: line!, column: column! }
        : { line: end.line + 1, column: end.character + 1 };
    const problems = [
        ...lexerErrors.map(error => ({ ...at(error.line, error.column), message: error.message })),
        ...parserErrors.map(error => ({ ...at(error.token.startLine, error.token.startColumn), message: error.message }))
    ];
    return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

function valid(position: number | undefined): boolean {
    return position !== undefined && Number.isFinite(position) && position >= 1;
}

/** A file written with CRLF stays CRLF: the formatter's edits use LF. */
function withLineEndingsOf(original: string, formatted: string): string {
    const firstBreak = original.indexOf('\n');
    return firstBreak > 0 && original[firstBreak - 1] === '\r' ? formatted.replace(/\r?\n/g, '\r\n') : formatted;
}

function withoutWhitespace(text: string): string {
    // A byte order mark matches \s but is text to keep.
    return text.replace(/[^\S\ufeff]+/g, '');
}
