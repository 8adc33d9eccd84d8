/**
 * Documents over the size limit are never parsed, wherever their text comes from (a file, or an
 * editor that opened it): they parse as empty text and the problem is recorded for validation to
 * report. Parsing a file far over the limit would stall every other document of the workspace.
 *
 * An open document changed only inside one label or one line comment is not parsed again: the
 * edit is applied to its CST and AST in place (see in-place-token-edit.ts), and Langium's update
 * then finds the text unchanged and keeps the tree. The builder still unlinks, indexes, links and
 * validates the document as after any change.
 */
import { DefaultLangiumDocumentFactory, type AstNode, type LangiumDocument, type ParseResult, type URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { BlueprintCoreServices } from '../blueprint-module.js';
import { maxFileBytes, tooLargeReason } from './file-limits.js';
import { InPlaceTokenEdit } from './in-place-token-edit.js';

export class BlueprintDocumentFactory extends DefaultLangiumDocumentFactory {
    private readonly inPlaceEdits = new WeakMap<object, InPlaceTokenEdit>();
    private inPlaceCount = 0;

    /** How many updates this factory applied in place instead of parsing (for tests and benchmarks). */
    get inPlaceUpdates(): number {
        return this.inPlaceCount;
    }

    override async update<T extends AstNode = AstNode>(document: LangiumDocument<T>, cancellationToken: CancellationToken): Promise<LangiumDocument<T>> {
        // Only the editor's text is at hand without reading a file (Langium's update reads it again).
        const text = this.textDocuments?.get(document.uri.toString())?.getText();
        if (text !== undefined && this.editInPlace(document, text)) this.inPlaceCount++;
        return super.update(document, cancellationToken);
    }

    protected override parse<T extends AstNode>(uri: URI, text: string, options?: Parameters<DefaultLangiumDocumentFactory['parse']>[2]): ParseResult<T> {
        return super.parse<T>(uri, this.withinLimit(uri, text), options);
    }

    protected override parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: CancellationToken): Promise<ParseResult<T>> {
        return super.parseAsync<T>(uri, this.withinLimit(uri, text), cancellationToken);
    }

    private editInPlace(document: LangiumDocument, text: string): boolean {
        const oldText = document.parseResult.value.$cstNode?.root.fullText;
        if (oldText === undefined || oldText === text || text === '') return false;
        // The limit applies as it would to a parse (a text over it is parsed as empty).
        if (this.withinLimit(document.uri, text) !== text) return false;
        const services = this.serviceRegistry.getServices(document.uri);
        let edit = this.inPlaceEdits.get(services);
        if (!edit) {
            edit = new InPlaceTokenEdit(services.parser.ValueConverter);
            this.inPlaceEdits.set(services, edit);
        }
        return edit.apply(document.parseResult, text);
    }

    private withinLimit(uri: URI, text: string): string {
        const problems = (this.serviceRegistry.getServices(uri) as Partial<BlueprintCoreServices>).workspace?.FileProblems;
        // A UTF-8 byte per UTF-16 unit at least, three at most: count bytes only near the limit.
        const limit = maxFileBytes();
        const bytes = text.length > limit || text.length * 3 <= limit ? text.length : new TextEncoder().encode(text).byteLength;
        const tooLarge = tooLargeReason(bytes);
        if (!problems) return text;
        if (tooLarge) {
            problems.record(uri, tooLarge);
            return '';
        }
        if (text !== '') problems.clear(uri);
        return text;
    }
}
