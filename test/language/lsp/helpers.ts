/** Shared set-up for the LSP feature tests: in-memory services with the built-in library registered. */
import { createBlueprintServices, type BlueprintServices } from '@blueprint/language';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver';

export function createServices(): BlueprintServices {
    const { Blueprint } = createBlueprintServices({ ...EmptyFileSystem });
    void Blueprint.workspace.BuiltinLibrary.document; // registers the built-in channels
    return Blueprint;
}

let counter = 0;

/** A fresh in-memory URI, so tests in one file never see each other's documents. */
export function freshUri(name = 'test'): URI {
    return URI.parse(`memory:///lsp-${counter++}/${name}.blueprint`);
}

/** Text with `<|>` markers: the text without them and the offsets where they were. */
export function withMarkers(input: string): { text: string; offsets: number[] } {
    const offsets: number[] = [];
    let text = '';
    const parts = input.split('<|>');
    parts.forEach((part, index) => {
        text += part;
        if (index < parts.length - 1) offsets.push(text.length);
    });
    return { text, offsets };
}

export function applyTextEdits(text: string, edits: TextEdit[]): string {
    return TextDocument.applyEdits(TextDocument.create('memory:///edit', 'blueprint', 0, text), edits);
}

/** Applies the edits of a workspace edit that target one document. */
export function applyWorkspaceEdit(document: LangiumDocument, edit: WorkspaceEdit): string {
    const edits = edit.changes?.[document.uri.toString()] ?? [];
    return applyTextEdits(document.textDocument.getText(), edits);
}
