/**
 * Gives every diagnostic a rule id (syntax and linking errors included) and applies the
 * workspace's rule settings in one place, after all checks ran.
 * A syntax error stands alone: the parser's recovery from it produces follow-on syntax errors and
 * a partial AST whose linking and rule diagnostics would only mislead, so a file with a syntax
 * error reports that first error and nothing else.
 */
import {
    Cancellation, DefaultDocumentValidator, DocumentValidator, interruptAndCheck, type AstNode, type LangiumDocument, type ParseResult,
    type ValidationAcceptor, type ValidationCheck, type ValidationOptions
} from 'langium';
import type { CancellationToken, Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { BlueprintCoreServices } from '../blueprint-module.js';
import type { BlueprintParserErrorMessageProvider } from '../parser/blueprint-parser-errors.js';
import type { RuleConfiguration } from './rule-configuration.js';
import { Rules, type RuleSetting } from './rules.js';
import { NODES_PER_INTERRUPT_CHECK } from '../util/ast-walk.js';
import { astNodeList, releaseAstNodeList } from '../util/ast-node-list.js';
import type { FileProblems } from '../workspace/file-problems.js';
import { BlueprintValidationRegistry } from './internal-errors.js';
import { isUnavailableImport } from './import-checks.js';
import { SUGGESTION_LEAD } from '../references/blueprint-linker.js';

/** The `code` of the diagnostic on a file that could not be read as a blueprint. */
export const FILE_PROBLEM_CODE = 'file';

/**
 * Rules about the flow graph as a whole: a flow whose step does not resolve cuts the graph, and
 * these rules would then report the cut (unreachable steps, dead ends) on top of the one real mistake.
 */
const FLOW_GRAPH_RULES: ReadonlySet<string> = new Set([
    Rules.unreachableStep.id, Rules.deadEnd.id, Rules.escalationReturns.id, Rules.processTolerance.id
]);

/** LSP's severities, as numbers: a value import of vscode-languageserver would load it for the core entry too. */
const SEVERITY: Record<Exclude<RuleSetting, 'off'>, DiagnosticSeverity> = { error: 1, warning: 2, info: 3, hint: 4 };

export class BlueprintDocumentValidator extends DefaultDocumentValidator {
    private readonly ruleConfiguration: RuleConfiguration;
    private readonly parserErrors: BlueprintParserErrorMessageProvider;
    private readonly fileProblems: FileProblems;

    constructor(services: BlueprintCoreServices) {
        super(services);
        this.ruleConfiguration = services.validation.RuleConfiguration;
        this.parserErrors = services.parser.ParserErrorMessageProvider as BlueprintParserErrorMessageProvider;
        this.fileProblems = services.workspace.FileProblems;
    }

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document,
            { ...options, stopAfterLexingErrors: true, stopAfterParsingErrors: true }, cancelToken);
        // Validation is the last pass of a build over the tree (with syntax errors, it never walks it).
        releaseAstNodeList(document.parseResult.value);
        // The file could not be read as a blueprint: its (empty) text stands for nothing else.
        const fileProblem = this.fileProblems.get(document.uri);
        if (fileProblem && (document.parseResult.value.$cstNode?.root.fullText ?? '') === '') {
            return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: SEVERITY.error,
                source: 'blueprint', code: FILE_PROBLEM_CODE, message: `This file cannot be used as a blueprint: ${fileProblem}.` }];
        }
        const settings = this.ruleConfiguration.settingsFor(document.uri);
        const result: Diagnostic[] = [];
        const flowGraphCut = diagnostics.some(isUnresolvedFlowStep);
        for (const diagnostic of diagnostics) {
            const code = ruleIdOf(diagnostic);
            if (flowGraphCut && FLOW_GRAPH_RULES.has(code)) continue;
            diagnostic.code = code;
            diagnostic.source = 'blueprint';
            const setting = settings.overrides.get(code);
            if (setting === 'off') continue;
            if (setting) diagnostic.severity = SEVERITY[setting];
            result.push(diagnostic);
        }
        foldUnresolvedIntoImport(result);
        for (const problem of settings.problems) {
            result.push({
                range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
                severity: SEVERITY.warning,
                source: 'blueprint',
                code: 'config',
                message: problem
            });
        }
        return result;
    }

    /**
     * Langium's loop over the nodes, without a stream, an `await` per node and a stream of checks per
     * node (see ast-walk.ts): the checks of each node type are looked up once per validation, and
     * only a check that returns a promise is awaited. The order of nodes and checks is Langium's. The
     * nodes are the build's list (ast-node-list.ts), which scope computation and linking listed.
     */
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor,
        cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('validating')) return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        const nodes = astNodeList(rootNode);
        const registry = this.validationRegistry;
        const checksOf = new Map<string, readonly ValidationCheck[]>();
        // A node whose children are not to be validated: the nodes that follow it in the list are skipped while inside it.
        let pruned: AstNode | undefined;
        for (let index = 0; index < nodes.length; index++) {
            if (index % NODES_PER_INTERRUPT_CHECK === 0) await interruptAndCheck(cancelToken);
            const node = nodes[index];
            if (pruned && isInside(node, pruned)) continue;
            const nodeOptions = this.validateSingleNodeOptions(node, options);
            pruned = nodeOptions.validateChildren ? undefined : node;
            if (!nodeOptions.validateNode) continue;
            let checks = checksOf.get(node.$type);
            if (!checks) {
                checks = registry instanceof BlueprintValidationRegistry
                    ? registry.checkList(node.$type, options.categories)
                    : registry.getChecks(node.$type, options.categories).toArray();
                checksOf.set(node.$type, checks);
            }
            for (const check of checks) {
                const result = check(node, acceptor, cancelToken);
                if (result instanceof Promise) await result;
            }
        }
    }

    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const count = diagnostics.length;
        super.processLexingErrors(parseResult, diagnostics, options);
        diagnostics.splice(count + 1);
    }

    /** The first parser error only, with the quick fix its message provider found. */
    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const first = parseResult.parserErrors[0];
        if (!first) return;
        const count = diagnostics.length;
        super.processParsingErrors({ ...parseResult, parserErrors: [first] }, diagnostics, options);
        const diagnostic = diagnostics[count];
        const place = this.parserErrors.placeFor?.(first.token, first.message);
        if (diagnostic && place) {
            diagnostic.range = { start: { line: place.startLine - 1, character: place.startColumn - 1 }, end: { line: place.endLine - 1, character: place.endColumn } };
        }
        const fix = this.parserErrors.fixFor?.(first.token, first.message);
        if (diagnostic && fix) {
            const range = fix.insertBefore ? { start: diagnostic.range.start, end: diagnostic.range.start }
                : fix.from ? { start: fix.from, end: diagnostic.range.end } : diagnostic.range;
            diagnostic.data = { ...(diagnostic.data as object), fix: { title: fix.title, newText: fix.newText, range } };
        }
    }
}

/**
 * While an import gives the file nothing (missing, unnamable, not a blueprint), the names it would
 * declare cannot resolve: a missing shared file made 17 "could not resolve" errors, one per use of
 * its actors and stages, around the one real mistake. Those errors are said once, on the import,
 * as the names they were. An unresolved name close to one in scope (its message offers it) is
 * more likely a typo and stays.
 */
function foldUnresolvedIntoImport(diagnostics: Diagnostic[]): void {
    const unavailable = diagnostics.find(diagnostic => diagnostic.code === Rules.missingImport.id && isUnavailableImport(diagnostic.data));
    if (!unavailable || typeof unavailable.message !== 'string') return;
    const names: string[] = [];
    let folded = 0;
    let kept = 0;
    for (const diagnostic of diagnostics) {
        const name = (diagnostic.data as { refText?: unknown } | undefined)?.refText;
        const fold = diagnostic.code === Rules.unresolvedReference.id && typeof name === 'string'
            && typeof diagnostic.message === 'string' && !diagnostic.message.includes(SUGGESTION_LEAD);
        if (!fold) {
            diagnostics[kept++] = diagnostic;
            continue;
        }
        folded++;
        if (!names.includes(name)) names.push(name);
    }
    diagnostics.length = kept;
    if (folded === 0) return;
    const quoted = names.slice(0, 8).map(name => `'${name}'`);
    if (names.length > 8) quoted.push(`${names.length - 8} more`);
    const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
    unavailable.message += ` Until this import is fixed, ${folded === 1 ? 'one reference' : `${folded} references`} to names it may declare cannot resolve (${list}) and ${folded === 1 ? 'is' : 'are'} not reported one by one.`;
}

function isInside(node: AstNode, ancestor: AstNode): boolean {
    for (let current = node.$container; current; current = current.$container) if (current === ancestor) return true;
    return false;
}

function isUnresolvedFlowStep(diagnostic: Diagnostic): boolean {
    const data = diagnostic.data as { code?: string; containerType?: string } | undefined;
    return data?.code === DocumentValidator.LinkingError && (data.containerType === 'Flow' || data.containerType === 'FlowLink');
}

function ruleIdOf(diagnostic: Diagnostic): string {
    const dataCode = (diagnostic.data as { code?: string } | undefined)?.code;
    if (dataCode === DocumentValidator.LexingError || dataCode === DocumentValidator.ParsingError) return Rules.syntax.id;
    if (dataCode === DocumentValidator.LinkingError) return Rules.unresolvedReference.id;
    return typeof diagnostic.code === 'string' ? diagnostic.code : Rules.syntax.id;
}
