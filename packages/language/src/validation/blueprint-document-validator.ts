/**
 * Gives every diagnostic a rule id (syntax and linking errors included) and applies the
 * workspace's rule settings in one place, after all checks ran.
 */
import { DefaultDocumentValidator, DocumentValidator, type LangiumDocument, type ValidationOptions } from 'langium';
import { DiagnosticSeverity, type CancellationToken, type Diagnostic } from 'vscode-languageserver';
import type { BlueprintServices } from '../blueprint-module.js';
import type { RuleConfiguration } from './rule-configuration.js';
import { Rules, type RuleSetting } from './rules.js';
import type { FileProblems } from '../workspace/file-problems.js';

/** The `code` of the diagnostic on a file that could not be read as a blueprint. */
export const FILE_PROBLEM_CODE = 'file';

const SEVERITY: Record<Exclude<RuleSetting, 'off'>, DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    info: DiagnosticSeverity.Information,
    hint: DiagnosticSeverity.Hint
};

export class BlueprintDocumentValidator extends DefaultDocumentValidator {
    private readonly ruleConfiguration: RuleConfiguration;
    private readonly fileProblems: FileProblems;

    constructor(services: BlueprintServices) {
        super(services);
        this.ruleConfiguration = services.validation.RuleConfiguration;
        this.fileProblems = services.workspace.FileProblems;
    }

    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        // The file could not be read as a blueprint: its (empty) text stands for nothing else.
        const fileProblem = this.fileProblems.get(document.uri);
        if (fileProblem && (document.parseResult.value.$cstNode?.root.fullText ?? '') === '') {
            return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Error,
                source: 'blueprint', code: FILE_PROBLEM_CODE, message: `This file cannot be used as a blueprint: ${fileProblem}.` }];
        }
        const settings = this.ruleConfiguration.settingsFor(document.uri);
        const result: Diagnostic[] = [];
        for (const diagnostic of diagnostics) {
            const code = ruleIdOf(diagnostic);
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
}

function ruleIdOf(diagnostic: Diagnostic): string {
    const dataCode = (diagnostic.data as { code?: string } | undefined)?.code;
    if (dataCode === DocumentValidator.LexingError || dataCode === DocumentValidator.ParsingError) return Rules.syntax.id;
    if (dataCode === DocumentValidator.LinkingError) return Rules.unresolvedReference.id;
    return typeof diagnostic.code === 'string' ? diagnostic.code : Rules.syntax.id;
}
