/**
 * Documents over the size limit are never parsed, wherever their text comes from (a file, or an
 * editor that opened it): they parse as empty text and the problem is recorded for validation to
 * report. Parsing a file far over the limit would stall every other document of the workspace.
 */
import { DefaultLangiumDocumentFactory, type AstNode, type ParseResult, type URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { BlueprintCoreServices } from '../blueprint-module.js';
import { maxFileBytes, tooLargeReason } from './file-limits.js';

export class BlueprintDocumentFactory extends DefaultLangiumDocumentFactory {
    protected override parse<T extends AstNode>(uri: URI, text: string, options?: Parameters<DefaultLangiumDocumentFactory['parse']>[2]): ParseResult<T> {
        return super.parse<T>(uri, this.withinLimit(uri, text), options);
    }

    protected override parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: CancellationToken): Promise<ParseResult<T>> {
        return super.parseAsync<T>(uri, this.withinLimit(uri, text), cancellationToken);
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
