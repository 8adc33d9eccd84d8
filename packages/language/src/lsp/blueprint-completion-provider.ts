/**
 * Completion: Langium's keywords and cross-references (scoped to the file, its direct imports and
 * the built-ins by the scope provider), plus what the grammar cannot know: time units after a number,
 * `%` and units after a metric target, arrows and comparators, and details that help to choose
 * (a declaration's label, a channel's distance).
 */
import { AstUtils, GrammarAST, type AstNodeDescription, type MaybePromise, type ReferenceInfo } from 'langium';
import {
    DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionValueItem, type NextFeature
} from 'langium/lsp';
import { CompletionItemKind } from 'vscode-languageserver';
import type { BlueprintServices } from '../blueprint-module.js';
import * as ast from '../generated/ast.js';
import { CANONICAL_TIME_UNITS } from '../model/time.js';

const TIME_UNIT_NAMES: Readonly<Record<string, string>> = {
    ms: 'milliseconds', s: 'seconds', min: 'minutes', h: 'hours', d: 'days', week: 'weeks'
};

/** Symbol-only keywords worth offering: arrows, comparators and the percent sign. */
const SYMBOL_KEYWORDS = new Set(['->', '<->', '~>', '=>', '>=', '<=', '>', '<', '=', '%']);

export class BlueprintCompletionProvider extends DefaultCompletionProvider {
    constructor(services: BlueprintServices) {
        super(services);
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        const assignment = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment);
        const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule);
        if (assignment?.feature === 'unit' && rule?.name === ast.TimeValue.$type) {
            this.completeTimeUnits(context, acceptor, 'Time unit');
            return;
        }
        if (assignment?.feature === 'name' && rule?.name === ast.MetricUnit.$type) {
            this.completeTimeUnits(context, acceptor, 'Time unit of the target');
            return;
        }
        return super.completionFor(context, next, acceptor);
    }

    private completeTimeUnits(context: CompletionContext, acceptor: CompletionAcceptor, detail: string): void {
        CANONICAL_TIME_UNITS.forEach((unit, index) => acceptor(context, {
            label: unit,
            kind: CompletionItemKind.Unit,
            detail: `${detail}: ${TIME_UNIT_NAMES[unit] ?? unit}`,
            sortText: `0${index}`
        }));
    }

    protected override filterKeyword(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        return SYMBOL_KEYWORDS.has(keyword.value) || super.filterKeyword(context, keyword);
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (keyword.value === '%') {
            acceptor(context, { label: '%', kind: CompletionItemKind.Unit, detail: 'Percentage (0..100)', sortText: '00' });
            return;
        }
        return super.completionForKeyword(context, keyword, acceptor);
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const node = description.node;
        if (ast.isChannel(node)) {
            const traits = [node.distance, node.selfService ? 'self-service' : undefined].filter(Boolean).join(', ');
            return { ...item, detail: traits ? `${node.label ?? node.name} — ${traits}` : node.label ?? node.name };
        }
        const label = node && 'label' in node && typeof node.label === 'string' ? node.label : undefined;
        return { ...item, detail: label ? `${description.type}: ${label}` : description.type };
    }
}
