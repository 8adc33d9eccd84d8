/**
 * A diagnostic's message as text: LSP 3.18 lets a message be Markdown (`MarkupContent`), while our
 * validator always writes plain strings; tests compare text either way.
 */
export function diagnosticText(diagnostic: { readonly message: string | { readonly value: string } }): string {
    return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}
