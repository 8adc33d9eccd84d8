/**
 * Quick fixes, keyed by the rule id of the diagnostic (see validation/rules.ts). Each fix is a
 * plain text edit that makes the rule pass for the node the diagnostic is about.
 */
import { AstUtils, CstUtils, GrammarAST, isLeafCstNode, type AstNode, type CstNode, type LangiumDocument, type MaybePromise, type Reference } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import {
    CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type TextEdit
} from 'vscode-languageserver';
import type { BlueprintServices } from '../blueprint-module.js';
import * as ast from '../generated/ast.js';
import { laneIdOf } from '../model/model-builder.js';
import { similarReferenceNames } from '../references/blueprint-linker.js';
import { Rules } from '../validation/rules.js';

type QuickFix = (diagnostic: Diagnostic, document: LangiumDocument) => CodeAction[];

const INDENT = '    ';

/** What a reference property declares when its target is missing. */
const DECLARATION_FOR_PROPERTY: Readonly<Record<string, string[]>> = {
    stages: ['stage'],
    stage: ['stage'],
    performers: ['actor', 'system'],
    channels: ['channel'],
    segments: ['segment'],
    segment: ['segment'],
    customLane: ['lane'],
    custom: ['lane']
};

export class BlueprintCodeActionProvider implements CodeActionProvider {
    private readonly fixes: ReadonlyMap<string, QuickFix>;
    private readonly scopeProvider: BlueprintServices['references']['ScopeProvider'];

    constructor(services: BlueprintServices) {
        this.scopeProvider = services.references.ScopeProvider;
        this.fixes = new Map<string, QuickFix>([
            [Rules.syntax.id, (d, doc) => this.applySuggestedFix(d, doc)],
            [Rules.missingImport.id, (d, doc) => this.applySuggestedFix(d, doc)],
            [Rules.failPointRemedy.id, (d, doc) => this.addFailPointRemedy(d, doc)],
            [Rules.touchpointEvidence.id, (d, doc) => this.addEvidence(d, doc)],
            [Rules.waitTime.id, (d, doc) => this.addExpectedWait(d, doc)],
            [Rules.waitTolerance.id, (d, doc) => this.raiseTolerance(d, doc)],
            [Rules.unresolvedReference.id, (d, doc) => this.fixReference(d, doc)],
            [Rules.deadEnd.id, (d, doc) => this.markEnd(d, doc)],
            [Rules.skipsLineOfInteraction.id, (d, doc) => this.moveToFrontstage(d, doc)],
            [Rules.timeUnit.id, (d, doc) => this.addTimeUnit(d, doc)],
            [Rules.decisionShares.id, (d, doc) => this.fixShares(d, doc)]
        ]);
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        const actions: CodeAction[] = [];
        const only = params.context.only;
        if (only?.some(kind => FIX_ALL_KIND.startsWith(kind) && kind.startsWith(CodeActionKind.Source))) {
            const edits = this.safeFixes(document);
            return edits.length > 0
                ? [{ title: 'Fix all safely fixable Blueprint problems', kind: FIX_ALL_KIND, edit: { changes: { [document.textDocument.uri]: edits } } }]
                : [];
        }
        if (only && !only.some(kind => CodeActionKind.QuickFix.startsWith(kind))) return actions;
        for (const diagnostic of params.context.diagnostics) {
            const fix = typeof diagnostic.code === 'string' ? this.fixes.get(diagnostic.code) : undefined;
            if (fix) actions.push(...fix(diagnostic, document));
        }
        return actions;
    }

    /**
     * The edits of every safe fix for the document's diagnostics (`source.fixAll`, `blueprint check
     * --fix`): fixes that only restate what the file already says and so cannot change its meaning.
     * Overlapping edits are left for a second run.
     */
    safeFixes(document: LangiumDocument): TextEdit[] {
        const edits: TextEdit[] = [];
        for (const diagnostic of document.diagnostics ?? []) {
            if (diagnostic.code !== Rules.waitTime.id) continue;
            for (const action of this.addExpectedWait(diagnostic, document, true)) {
                for (const edit of action.edit?.changes?.[document.textDocument.uri] ?? []) {
                    if (!edits.some(other => overlaps(other, edit))) edits.push(edit);
                }
            }
        }
        return edits;
    }

    /** BP009: a fail point gets a recovery (preferred) or a prevention. */
    private addFailPointRemedy(diagnostic: Diagnostic, document: LangiumDocument): CodeAction[] {
        const fail = this.nodeAt(document, diagnostic, ast.isFailPoint);
        if (!fail?.$cstNode) return [];
        const end = fail.$cstNode.range.end;
        return [
            this.action('Add a recovery to the fail point', diagnostic, document, [insert(end, ' recovery "Describe how the service recovers"')], true),
            this.action('Add a prevention to the fail point', diagnostic, document, [insert(end, ' prevention "Describe how the failure is prevented"')])
        ];
    }

    /** BP008: the touchpoint gets physical evidence, in its body (created if missing). */
    private addEvidence(diagnostic: Diagnostic, document: LangiumDocument): CodeAction[] {
        const step = this.nodeAt(document, diagnostic, ast.isStep);
        if (!step) return [];
        const edit = this.insertIntoBody(document, step, 'evidence "What the customer sees or receives"', 'first');
        return edit ? [this.action('Add physical evidence to the touchpoint', diagnostic, document, [edit], true)] : [];
    }

    /** BP016: a dead end is declared an end step. */
    private markEnd(diagnostic: Diagnostic, document: LangiumDocument): CodeAction[] {
        const step = this.nodeAt(document, diagnostic, ast.isStep);
        if (!step) return [];
        const edit = this.insertIntoBody(document, step, 'end', 'last');
        return edit ? [this.action(`Mark '${step.name}' as an end step`, diagnostic, document, [edit], true)] : [];
    }

    /** BP010: a wait gets an expected time (its tolerance, when it has one, so that it stays within it). */
    private addExpectedWait(diagnostic: Diagnostic, document: LangiumDocument, onlySafe = false): CodeAction[] {
        const wait = this.nodeAt(document, diagnostic, ast.isWaitProperty);
        const keyword = wait?.$cstNode ? CstUtils.findLeafNodeAtOffset(wait.$cstNode, wait.$cstNode.offset) : undefined;
        if (!wait || !keyword) return [];
        // Safe only when the file states the tolerance: the expected wait then invents nothing.
        if (onlySafe && !wait.tolerance?.$cstNode) return [];
        const expected = wait.tolerance?.$cstNode?.text ?? '5 min';
        return [this.action(`Add an expected wait of ${expected}`, diagnostic, document, [insert(keyword.range.end, ` ${expected}`)], true)];
    }

    /** BP011: the tolerance is raised to the expected time (the other fix, shortening the wait, is a design decision). */
    private raiseTolerance(diagnostic: Diagnostic, document: LangiumDocument): CodeAction[] {
        const owner = this.nodeAt(document, diagnostic, (n): n is ast.WaitProperty | ast.DurationProperty => ast.isWaitProperty(n) || ast.isDurationProperty(n));
        if (!owner) return [];
        const expected = ast.isWaitProperty(owner) ? owner.expected : owner.time;
        const tolerance = owner.tolerance?.$cstNode;
        if (!expected?.$cstNode || !tolerance) return [];
        return [this.action(`Raise the tolerance to ${expected.$cstNode.text}`, diagnostic, document,
            [{ range: tolerance.range, newText: expected.$cstNode.text }], true)];
    }

    /**
     * BP000: the edit the parser's error message suggests (`phone` → `hotline`, `duraton` → `duration`, `30s` → `30 s`);
     * BP003: the file beside the missing one with the closest name (`"hotel-shred"` → `"hotel-shared"`).
     */
    private applySuggestedFix(diagnostic: Diagnostic, document: LangiumDocument): CodeAction[] {
        const fix = (diagnostic.data as { fix?: { title?: string; newText?: string; range?: TextEdit['range'] } } | undefined)?.fix;
        if (!fix?.title || typeof fix.newText !== 'string') return [];
        return [this.action(fix.title, diagnostic, document, [{ range: fix.range ?? diagnostic.range, newText: fix.newText }], true)];
    }

    /** BP002: the nearest names in scope first (preferred), then declaring the missing one. */
    private fixReference(diagnostic: Diagnostic, document: LangiumDocument): CodeAction[] {
        const similar = this.replaceWithSimilarName(diagnostic, document);
        const declarations = this.createDeclaration(diagnostic, document);
        return [...similar, ...declarations.map(action => similar.length > 0 ? { ...action, isPreferred: false } : action)];
    }

    /** BP002: a misspelt reference is replaced by the nearest name in scope (`brnch` → `branch`). */
    private replaceWithSimilarName(diagnostic: Diagnostic, document: LangiumDocument): CodeAction[] {
        const leaf = this.leafAt(document, diagnostic);
        const property = (diagnostic.data as { property?: string } | undefined)?.property;
        const container = leaf?.astNode;
        if (!leaf || !property || !container) return [];
        const value = (container as unknown as Record<string, unknown>)[property];
        const references = (Array.isArray(value) ? value : [value]) as Array<Reference | undefined>;
        const reference = references.find(ref => ref?.$refNode && ref.$refNode.offset <= leaf.offset && leaf.end <= ref.$refNode.end);
        if (!reference) return [];
        const index = Array.isArray(value) ? value.indexOf(reference) : undefined;
        return similarReferenceNames(this.scopeProvider, { reference, container, property, index }).map((name, position) =>
            this.action(`Change to '${name}'`, diagnostic, document, [{ range: reference.$refNode!.range, newText: name }], position === 0));
    }

    /** BP002: declares the missing actor, system, stage, channel, segment or lane in the blueprint. */
    private createDeclaration(diagnostic: Diagnostic, document: LangiumDocument): CodeAction[] {
        const data = diagnostic.data as { property?: string; refText?: string } | undefined;
        const leaf = this.leafAt(document, diagnostic);
        const property = data?.property ?? (leaf && AstUtils.getContainerOfType(leaf.grammarSource, GrammarAST.isAssignment)?.feature);
        const name = data?.refText ?? leaf?.text;
        const keywords = property ? DECLARATION_FOR_PROPERTY[property] : undefined;
        if (!leaf || !name || !keywords || !/^[\p{L}_][\p{L}\p{N}_]*$/u.test(name)) return [];
        const blueprint = AstUtils.getContainerOfType(leaf.astNode, ast.isBlueprint);
        const declarationText = (keyword: string) => `${keyword} ${name} "${name}"${keyword === 'channel' ? ' face-to-face' : ''}`;
        return keywords.flatMap((keyword, index) => {
            const edit = blueprint
                ? this.insertDeclaration(document, blueprint, declarationText(keyword))
                : this.insertBefore(document, AstUtils.getContainerOfType(leaf.astNode, (n): n is AstNode => ast.isBlueprintFile(n.$container)), declarationText(keyword));
            return edit ? [this.action(`Declare ${keyword} '${name}'`, diagnostic, document, [edit], index === 0)] : [];
        });
    }

    /** BP007: the step below the line of visibility moves up to the frontstage lane. */
    private moveToFrontstage(diagnostic: Diagnostic, document: LangiumDocument): CodeAction[] {
        const link = this.nodeAt(document, diagnostic, ast.isFlowLink);
        if (!link) return [];
        const index = link.$container.links.indexOf(link);
        const source = index === 0 ? link.$container.source?.ref : link.$container.links[index - 1].target?.ref;
        const hidden = [source, link.target?.ref].find(step => step && (laneIdOf(step) === 'backstage' || laneIdOf(step) === 'support'));
        const laneNode = hidden?.$cstNode ? CstUtils.findLeafNodeAtOffset(hidden.$cstNode, hidden.$cstNode.offset) : undefined;
        if (!hidden || !laneNode) return [];
        return [this.action(`Move '${hidden.name}' to the frontstage lane`, diagnostic, document,
            [{ range: laneNode.range, newText: 'frontstage' }], true)];
    }

    /** BP014: a missing unit becomes `min`; an unknown one is replaced by `min`. */
    private addTimeUnit(diagnostic: Diagnostic, document: LangiumDocument): CodeAction[] {
        const time = this.nodeAt(document, diagnostic, ast.isTimeValue);
        const cst = time?.$cstNode;
        if (!time || !cst) return [];
        if (time.unit === undefined) {
            return [this.action('Add the unit min', diagnostic, document, [insert(cst.range.end, ' min')], true)];
        }
        const unitNode = CstUtils.findLeafNodeAtOffset(cst, cst.end - 1);
        return unitNode ? [this.action(`Replace '${time.unit}' with min`, diagnostic, document, [{ range: unitNode.range, newText: 'min' }], true)] : [];
    }

    /**
     * BP027, percentages of a decision that do not add up to 100 %: scale them all to 100 % (keeping
     * their proportions), or, when the others leave room, give the last one the remainder.
     */
    private fixShares(diagnostic: Diagnostic, document: LangiumDocument): CodeAction[] {
        const shares = this.decisionSharesAt(document, diagnostic);
        if (!shares || shares.length === 0 || shares.some(share => !share.percent || typeof share.value !== 'number' || !share.$cstNode)) return [];
        const values = shares.map(share => share.value);
        const sum = values.reduce((total, value) => total + value, 0);
        if (sum <= 0 || Math.abs(sum - 100) <= 1e-6) return [];
        const edit = (share: ast.Share, value: number): TextEdit => ({ range: share.$cstNode!.range, newText: `${formatShare(value)} %` });
        const actions: CodeAction[] = [];
        if (shares.length > 1) {
            // Rounded to a tenth; the last share takes what rounding leaves, so the sum is exactly 100.
            const scaled = values.slice(0, -1).map(value => Math.round(value * 1000 / sum) / 10);
            const last = Math.round((100 - scaled.reduce((total, value) => total + value, 0)) * 10) / 10;
            const target = [...scaled, last];
            if (last > 0) {
                const edits = target.flatMap((value, index) => value === values[index] ? [] : [edit(shares[index], value)]);
                actions.push(this.action(`Scale the shares to 100 % (${target.map(value => `${formatShare(value)} %`).join(' / ')})`, diagnostic, document, edits, true));
            }
            const rest = Math.round((100 - values.slice(0, -1).reduce((total, value) => total + value, 0)) * 10) / 10;
            if (rest > 0 && rest < 100) {
                actions.push(this.action(`Set the last share to the remainder, ${formatShare(rest)} %`, diagnostic, document, [edit(shares[shares.length - 1], rest)]));
            }
        }
        return actions;
    }

    /** The shares of the decision a BP027 diagnostic is about: a `decision` block's, or those written on the flows out of one step. */
    private decisionSharesAt(document: LangiumDocument, diagnostic: Diagnostic): ast.Share[] | undefined {
        const leaf = this.leafAt(document, diagnostic);
        if (!leaf) return undefined;
        const branching = AstUtils.getContainerOfType(leaf.astNode, ast.isBranching);
        if (branching) {
            if (branching.kind !== 'decision' || branching.branches.some(branch => !branch.share)) return undefined;
            return branching.branches.map(branch => branch.share!);
        }
        const link = AstUtils.getContainerOfType(leaf.astNode, ast.isFlowLink);
        const blueprint = link && AstUtils.getContainerOfType(link, ast.isBlueprint);
        if (!link?.share || !blueprint) return undefined;
        // The same grouping as the check: every link with a share, by the step it leaves.
        const bySource = new Map<ast.Step, ast.Share[]>();
        let sourceOfLink: ast.Step | undefined;
        for (const flow of blueprint.members.filter(ast.isFlow)) {
            let source = flow.source?.ref;
            for (const each of flow.links) {
                if (source && each.share) bySource.set(source, [...(bySource.get(source) ?? []), each.share]);
                if (each === link) sourceOfLink = source;
                source = each.target?.ref;
            }
        }
        return sourceOfLink ? bySource.get(sourceOfLink) : undefined;
    }

    /** Adds a property to a step's body, creating `{ }` when the step has none. */
    private insertIntoBody(document: LangiumDocument, step: ast.Step, property: string, where: 'first' | 'last'): TextEdit | undefined {
        const cst = step.$cstNode;
        if (!cst) return undefined;
        const indent = lineIndent(document, cst);
        const braces = CstUtils.streamCst(cst).filter(node => !node.hidden && (node.text === '{' || node.text === '}') && isLeafCstNode(node)).toArray();
        const open = braces.find(node => node.text === '{');
        const close = braces.reverse().find(node => node.text === '}');
        if (!open || !close) return insert(cst.range.end, ` {\n${indent}${INDENT}${property}\n${indent}}`);
        if (where === 'first') return insert(open.range.end, `\n${indent}${INDENT}${property}`);
        const lastBeforeClose = step.properties.at(-1)?.$cstNode ?? open;
        return insert(lastBeforeClose.range.end, `\n${indent}${INDENT}${property}`);
    }

    /** A new declaration in the blueprint: after its last declaration, or first in its body. */
    /** Undefined while the blueprint has no `{` yet (`blueprint e customer ...`): nowhere to put it. */
    private insertDeclaration(document: LangiumDocument, blueprint: ast.Blueprint, text: string): TextEdit | undefined {
        const lastDeclaration = blueprint.members.filter(ast.isDeclaration).at(-1)?.$cstNode;
        if (lastDeclaration) return insert(lastDeclaration.range.end, `\n${lineIndent(document, lastDeclaration)}${text}`);
        const cst = blueprint.$cstNode;
        const open = cst ? CstUtils.streamCst(cst).find(node => isLeafCstNode(node) && node.text === '{') : undefined;
        return cst && open ? insert(open.range.end, `\n${lineIndent(document, cst)}${INDENT}${text}`) : undefined;
    }

    private insertBefore(document: LangiumDocument, element: AstNode | undefined, text: string): TextEdit | undefined {
        const cst = element?.$cstNode;
        return cst ? insert(cst.range.start, `${text}\n${lineIndent(document, cst)}`) : undefined;
    }

    private leafAt(document: LangiumDocument, diagnostic: Diagnostic): CstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        return root ? CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start)) : undefined;
    }

    /** The innermost node of the given type at the start of the diagnostic. */
    private nodeAt<T extends AstNode>(document: LangiumDocument, diagnostic: Diagnostic, is: (node: AstNode) => node is T): T | undefined {
        const leaf = this.leafAt(document, diagnostic);
        return leaf ? AstUtils.getContainerOfType(leaf.astNode, is) : undefined;
    }

    private action(title: string, diagnostic: Diagnostic, document: LangiumDocument, edits: TextEdit[], isPreferred = false): CodeAction {
        return {
            title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred,
            edit: { changes: { [document.textDocument.uri]: edits } }
        };
    }
}

/** Blueprint's part of `source.fixAll`, as ESLint's is `source.fixAll.eslint`. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.blueprint`;

/** A share as people write it: whole numbers without decimals, else one decimal. */
function formatShare(value: number): string {
    return String(Math.round(value * 10) / 10);
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
    const before = (x: TextEdit['range']['start'], y: TextEdit['range']['start']) => x.line < y.line || (x.line === y.line && x.character <= y.character);
    return !(before(a.range.end, b.range.start) || before(b.range.end, a.range.start));
}

function insert(position: TextEdit['range']['start'], newText: string): TextEdit {
    return { range: { start: position, end: position }, newText };
}

/** The leading whitespace of the line a node starts on. */
function lineIndent(document: LangiumDocument, node: CstNode): string {
    const line = node.range.start.line;
    const text = document.textDocument.getText({ start: { line, character: 0 }, end: node.range.start });
    return /^[ \t]*/.exec(text)?.[0] ?? '';
}

/** The safe fixes of a validated document (see `BlueprintCodeActionProvider.safeFixes`). */
export function safeFixesOf(services: BlueprintServices, document: LangiumDocument): TextEdit[] {
    const provider = services.lsp.CodeActionProvider;
    return provider instanceof BlueprintCodeActionProvider ? provider.safeFixes(document) : [];
}
