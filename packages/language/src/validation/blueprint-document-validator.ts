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
import { DiagnosticSeverity, type CancellationToken, type Diagnostic } from 'vscode-languageserver';
import type { BlueprintCoreServices } from '../blueprint-module.js';
import type { BlueprintParserErrorMessageProvider } from '../parser/blueprint-parser-errors.js';
import type { RuleConfiguration } from './rule-configuration.js';
import { Rules, type RuleSetting } from './rules.js';
import { forEachAstNode, NODES_PER_INTERRUPT_CHECK } from '../util/ast-walk.js';
import type { FileProblems } from '../workspace/file-problems.js';
import { BlueprintValidationRegistry } from './internal-errors.js';

/** The `code` of the diagnostic on a file that could not be read as a blueprint. */
export const FILE_PROBLEM_CODE = 'file';

/**
 * Rules about the flow graph as a whole: a flow whose step does not resolve cuts the graph, and
 * these rules would then report the cut (unreachable steps, dead ends) on top of the one real mistake.
 */
const FLOW_GRAPH_RULES: ReadonlySet<string> = new Set([
    Rules.unreachableStep.id, Rules.deadEnd.id, Rules.escalationReturns.id, Rules.processTolerance.id
]);

const SEVERITY: Record<Exclude<RuleSetting, 'off'>, DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    info: DiagnosticSeverity.Information,
    hint: DiagnosticSeverity.Hint
};

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
        // The file could not be read as a blueprint: its (empty) text stands for nothing else.
        const fileProblem = this.fileProblems.get(document.uri);
        if (fileProblem && (document.parseResult.value.$cstNode?.root.fullText ?? '') === '') {
            return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Error,
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
        for (const problem of settings.problems) {
            result.push({
                range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
                severity: DiagnosticSeverity.Warning,
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
     * only a check that returns a promise is awaited. The order of nodes and checks is Langium's.
     */
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor,
        cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('validating')) return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        const nodes: AstNode[] = [];
        forEachAstNode(rootNode, node => {
            const nodeOptions = this.validateSingleNodeOptions(node, options);
            if (nodeOptions.validateNode) nodes.push(node);
            return nodeOptions.validateChildren;
        });
        const registry = this.validationRegistry;
        const checksOf = new Map<string, readonly ValidationCheck[]>();
        for (let index = 0; index < nodes.length; index++) {
            if (index % NODES_PER_INTERRUPT_CHECK === 0) await interruptAndCheck(cancelToken);
            const node = nodes[index];
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
        const fix = this.parserErrors.fixFor?.(first.token);
        if (diagnostic && fix) {
            const range = fix.insertBefore ? { start: diagnostic.range.start, end: diagnostic.range.start } : diagnostic.range;
            diagnostic.data = { ...(diagnostic.data as object), fix: { title: fix.title, newText: fix.newText, range } };
        }
    }
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
