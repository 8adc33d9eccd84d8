/**
 * Quick fixes, keyed by the rule id of the diagnostic (see validation/rules.ts). Each fix is a
 * plain text edit that makes the rule pass for the node the diagnostic is about.
 */
import { AstUtils, CstUtils, GrammarAST, isLeafCstNode, type AstNode, type CstNode, type LangiumDocument, type MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import {
    CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type TextEdit
} from 'vscode-languageserver';
import type { BlueprintServices } from '../blueprint-module.js';
import * as ast from '../generated/ast.js';
import { laneIdOf } from '../model/model-builder.js';
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

    constructor(_services: BlueprintServices) {
        this.fixes = new Map<string, QuickFix>([
            [Rules.failPointRemedy.id, (d, doc) => this.addFailPointRemedy(d, doc)],
            [Rules.touchpointEvidence.id, (d, doc) => this.addEvidence(d, doc)],
            [Rules.waitTime.id, (d, doc) => this.addExpectedWait(d, doc)],
            [Rules.waitTolerance.id, (d, doc) => this.raiseTolerance(d, doc)],
            [Rules.unresolvedReference.id, (d, doc) => this.createDeclaration(d, doc)],
            [Rules.deadEnd.id, (d, doc) => this.markEnd(d, doc)],
            [Rules.skipsLineOfInteraction.id, (d, doc) => this.moveToFrontstage(d, doc)],
            [Rules.timeUnit.id, (d, doc) => this.addTimeUnit(d, doc)]
        ]);
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const fix = typeof diagnostic.code === 'string' ? this.fixes.get(diagnostic.code) : undefined;
            if (fix) actions.push(...fix(diagnostic, document));
        }
        return actions;
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
    private addExpectedWait(diagnostic: Diagnostic, document: LangiumDocument): CodeAction[] {
        const wait = this.nodeAt(document, diagnostic, ast.isWaitProperty);
        const keyword = wait?.$cstNode ? CstUtils.findLeafNodeAtOffset(wait.$cstNode, wait.$cstNode.offset) : undefined;
        if (!wait || !keyword) return [];
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

function insert(position: TextEdit['range']['start'], newText: string): TextEdit {
    return { range: { start: position, end: position }, newText };
}

/** The leading whitespace of the line a node starts on. */
function lineIndent(document: LangiumDocument, node: CstNode): string {
    const line = node.range.start.line;
    const text = document.textDocument.getText({ start: { line, character: 0 }, end: node.range.start });
    return /^[ \t]*/.exec(text)?.[0] ?? '';
}
