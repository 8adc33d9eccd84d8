/**
 * Completion: Langium's keywords and cross-references (scoped to the file, its direct imports and
 * the built-ins by the scope provider), plus what the grammar cannot know: time units after a number,
 * `%` and units after a metric target, arrows and comparators, and details that help to choose
 * (a declaration's label, a channel's distance). What would only be flagged (a self-flow, a name
 * already listed, a repeated clause) is left out (completion-exclusions.ts).
 */
import { AstUtils, CstUtils, GrammarAST, UriUtils, type AstNodeDescription, type LangiumDocument, type LangiumDocuments, type MaybePromise, type ReferenceInfo, type Stream } from 'langium';
import {
    DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionValueItem, type NextFeature
} from 'langium/lsp';
import { CompletionItemKind, type CancellationToken, type CompletionList, type CompletionParams } from 'vscode-languageserver';
import type { BlueprintServices } from '../blueprint-module.js';
import * as ast from '../generated/ast.js';
import { localisation, SUPPORTED_LANGUAGES, type LanguageCode } from '@blueprint/model';
import { STANDARD_LANES } from '@blueprint/model';
import { CANONICAL_TIME_UNITS, POKA_YOKE_TYPES, type PokaYokeType } from '@blueprint/model';
import { BLUEPRINT_EXTENSION, importedUris } from '../workspace/imports.js';
import { excludedReferenceNames, isRepeatedKeyword } from './completion-exclusions.js';

const TIME_UNIT_NAMES: Readonly<Record<string, string>> = {
    ms: 'milliseconds', s: 'seconds', min: 'minutes', h: 'hours', d: 'days', week: 'weeks'
};

const POKA_YOKE_DETAILS: Readonly<Record<PokaYokeType, string>> = {
    task: 'Server error: the task done wrongly, not at all, or in the wrong order',
    treatment: 'Server error: how the customer is treated (greeting, listening)',
    tangible: 'Server error: the tangibles (a clean room, a correct invoice)',
    preparation: 'Customer error: before the encounter (a reminder, what to bring)',
    encounter: 'Customer error: during the encounter (signage, the steps to follow)',
    resolution: 'Customer error: after the encounter (feedback, what to do next)'
};

/** Symbol-only keywords worth offering: arrows, comparators and the percent sign. */
const SYMBOL_KEYWORDS = new Set(['->', '<->', '~>', '=>', '>=', '<=', '>', '<', '=', '%']);

export class BlueprintCompletionProvider extends DefaultCompletionProvider {
    private readonly documents: LangiumDocuments;

    constructor(services: BlueprintServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        // In a comment the user writes prose: keywords and names would only get in the way.
        if (inComment(document, document.textDocument.offsetAt(params.position))) return { isIncomplete: false, items: [] };
        return super.getCompletion(document, params, cancelToken);
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
        if (assignment?.feature === 'path' && rule?.name === ast.Import.$type) {
            this.completeImportPaths(context, acceptor);
            return;
        }
        if (assignment?.feature === 'pokaYoke' && rule?.name === ast.Remedy.$type) {
            this.completePokaYokeTypes(context, acceptor);
            return;
        }
        if (assignment?.feature === 'code' && rule?.name === ast.LanguageDeclaration.$type) {
            this.completeLanguages(context, acceptor);
            return;
        }
        if ((assignment?.feature === 'lane' && rule?.name === ast.LaneLabel.$type)
            || (assignment?.feature === 'name' && rule?.name === ast.CustomLane.$type)) {
            // After `lane` the completion parser follows one of three alternatives that start alike: a new
            // custom lane (a fresh name), a relabelled standard lane, a step in a custom lane. Offer the last two.
            this.completeAfterLane(context, acceptor);
            return;
        }
        return super.completionFor(context, next, acceptor);
    }

    /**
     * The workspace's other blueprint files, as paths relative to this one (in quotes: the item
     * replaces the whole string), except those it imports already.
     */
    private completeImportPaths(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const importer = context.document.uri;
        const imported = new Set(importedUris(context.document).map(uri => uri.toString()));
        const folder = UriUtils.dirname(importer);
        const paths = this.documents.all
            .map(document => document.uri)
            .filter(uri => uri.scheme === importer.scheme && uri.path.endsWith(BLUEPRINT_EXTENSION) && !UriUtils.equals(uri, importer) && !imported.has(uri.toString()))
            .map(uri => UriUtils.relative(folder, uri))
            .toArray()
            .sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
        // The whole string is replaced, closing quote included, also for clients without insert/replace edits.
        const range = { start: context.textDocument.positionAt(context.tokenOffset), end: context.textDocument.positionAt(context.tokenEndOffset) };
        paths.forEach((path, index) => acceptor(context, {
            label: JSON.stringify(path), kind: CompletionItemKind.File, detail: 'Blueprint file', sortText: String(index).padStart(4, '0'),
            textEdit: { range, newText: JSON.stringify(path) }
        }));
    }

    /** Chase & Stewart's poka-yoke types (BP029 checks them): three for server errors, three for customer errors. */
    private completePokaYokeTypes(context: CompletionContext, acceptor: CompletionAcceptor): void {
        POKA_YOKE_TYPES.forEach((type, index) => acceptor(context, {
            label: type, kind: CompletionItemKind.EnumMember, sortText: `0${index}`, detail: POKA_YOKE_DETAILS[type]
        }));
    }

    private completeLanguages(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const names: Readonly<Record<LanguageCode, string>> = { en: 'English', zh: 'Chinese (中文)', ja: 'Japanese (日本語)', ko: 'Korean (한국어)' };
        SUPPORTED_LANGUAGES.forEach((code, index) => acceptor(context, {
            label: code, kind: CompletionItemKind.EnumMember, sortText: `0${index}`,
            detail: `${names[code]}: lanes "${localisation(code).lanes.customer}", report headings`
        }));
    }

    private completeAfterLane(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const names = localisation('en').lanes;
        STANDARD_LANES.forEach((lane, index) => acceptor(context, {
            label: lane, kind: CompletionItemKind.Keyword, sortText: `0${index}`,
            detail: `Relabel the standard lane "${names[lane]}": lane ${lane} "…"`
        }));
        const root = context.document.parseResult.value as ast.BlueprintFile;
        const custom = [...root.elements.filter(ast.isCustomLane), ...root.elements.filter(ast.isBlueprint).flatMap(b => b.members.filter(ast.isCustomLane))];
        for (const lane of custom) {
            if (!lane.name) continue;
            acceptor(context, { label: lane.name, kind: CompletionItemKind.Reference, sortText: `1${lane.name}`, detail: `A step in the lane ${lane.label ?? lane.name}` });
        }
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
        return (SYMBOL_KEYWORDS.has(keyword.value) || super.filterKeyword(context, keyword)) && !isRepeatedKeyword(context, keyword);
    }

    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const candidates = super.getReferenceCandidates(refInfo, context);
        const excluded = excludedReferenceNames(refInfo, context);
        return excluded.size === 0 ? candidates : candidates.filter(candidate => !excluded.has(candidate.name));
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

/** Whether `offset` lies inside a line or block comment (at the end of a line comment too, not after a block comment's end). */
function inComment(document: LangiumDocument, offset: number): boolean {
    const root = document.parseResult.value.$cstNode;
    if (!root || offset === 0) return false;
    const leaf = CstUtils.findLeafNodeAtOffset(root, offset - 1);
    if (!leaf?.hidden || leaf.offset >= offset) return false;
    const name = leaf.tokenType.name;
    return name === 'SL_COMMENT' ? offset <= leaf.end : name === 'ML_COMMENT' && offset < leaf.end;
}
