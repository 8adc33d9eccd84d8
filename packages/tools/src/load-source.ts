/**
 * Loads what a tool was given (a path, a text, or both) into fresh language services: validated,
 * with its imports, and its diagnostics in 1-based positions with their rule ids.
 */
import { BLUEPRINT_EXTENSION, findRule, loadAndValidate, type BlueprintCoreServices } from '@blueprint/language';
import type { BlueprintModel } from '@blueprint/model';
import type { LangiumDocument, URI } from 'langium';
import type { ToolHost } from './tool-host.js';
import { ToolInputError } from './tool-result.js';

export interface SourceInput {
    readonly path?: string;
    readonly text?: string;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface ToolDiagnostic {
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
    readonly severity: Severity;
    readonly rule: string;
    readonly ruleName?: string;
    readonly message: string;
}

export interface LoadedSource {
    /** How the source is named in results. */
    readonly name: string;
    readonly uri: URI;
    readonly document: LangiumDocument;
    readonly services: BlueprintCoreServices;
    readonly model?: BlueprintModel;
    readonly diagnostics: readonly ToolDiagnostic[];
    /** Problems in the blueprint.config.json that applies (rules then run with their defaults). */
    readonly settingsProblems: readonly string[];
}

/** The name inline text gets in the working folder, so its relative imports resolve there. */
const INLINE_FILE = 'inline-text.blueprint';
const SEVERITIES: Readonly<Record<number, Severity>> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

export async function loadSource(host: ToolHost, input: SourceInput, what = 'the blueprint'): Promise<LoadedSource> {
    if (input.path === undefined && input.text === undefined) throw new ToolInputError(`Give ${what} as \`path\` (a .blueprint file) or as \`text\`.`);
    const services = host.createServices();
    const uri = host.resolvePath(input.path ?? INLINE_FILE);
    const name = input.path === undefined ? '(inline text)' : host.displayPath(uri);
    // As the CLI says it: the language services know no other kind of file (Langium would answer with its service registry).
    if (input.path !== undefined && !uri.path.endsWith(BLUEPRINT_EXTENSION)) throw new ToolInputError(`${name}: not a ${BLUEPRINT_EXTENSION} file`);
    let text = input.text ?? host.openText?.(uri);
    if (text === undefined) {
        try {
            text = await services.shared.workspace.FileSystemProvider.readFile(uri);
        } catch (error) {
            // The CLI's file system already names the file in its message.
            const why = reason(error);
            throw new ToolInputError(why.startsWith(name) ? why : `Cannot read ${name}: ${why}`);
        }
    }
    const workspace = services.shared.workspace;
    // Registered first, so the loader takes this text instead of reading the file again.
    workspace.LangiumDocuments.addDocument(workspace.LangiumDocumentFactory.fromString(text, uri));
    const { documents: [document] } = await loadAndValidate(services, [uri]);
    const diagnostics = (document.diagnostics ?? []).map(toToolDiagnostic)
        .sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
    return {
        name, uri, document, services, diagnostics,
        model: services.model.BlueprintModelProvider.getDocumentModel(document),
        settingsProblems: services.validation.RuleConfiguration.settingsFor(uri).problems
    };
}

/** For the tools that need a sound model: the errors, or why there is no blueprint. */
export function requireModel(loaded: LoadedSource): BlueprintModel {
    const errors = loaded.diagnostics.filter(d => d.severity === 'error');
    if (errors.length > 0) {
        const listed = errors.slice(0, 10).map(d => `${loaded.name}:${d.line}:${d.column} ${d.rule} ${d.message}`);
        if (errors.length > 10) listed.push(`… and ${errors.length - 10} more (the check tool lists them all)`);
        throw new ToolInputError(`${loaded.name} has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} first:\n${listed.join('\n')}`);
    }
    if (!loaded.model) throw new ToolInputError(`${loaded.name} declares no blueprint (only shared declarations).`);
    return loaded.model;
}

type LspDiagnostic = NonNullable<LangiumDocument['diagnostics']>[number];

function toToolDiagnostic(d: LspDiagnostic): ToolDiagnostic {
    const rule = typeof d.code === 'string' || typeof d.code === 'number' ? String(d.code) : 'BP000';
    const { start, end } = d.range;
    const line = oneBased(start.line), column = oneBased(start.character);
    // Some parser errors at the end of input come without a usable end: collapse them onto the start.
    const hasEnd = Number.isFinite(end.line) && Number.isFinite(end.character) && end.line >= start.line;
    return {
        line, column,
        endLine: hasEnd ? oneBased(end.line) : line,
        endColumn: hasEnd ? oneBased(end.character) : column,
        severity: SEVERITIES[d.severity ?? 1] ?? 'error',
        rule,
        ruleName: findRule(rule)?.name,
        message: typeof d.message === 'string' ? d.message : String(d.message)
    };
}

function oneBased(zeroBased: number): number {
    return Number.isFinite(zeroBased) && zeroBased >= 0 ? zeroBased + 1 : 1;
}

function reason(error: unknown): string {
    const code = (error as { code?: unknown })?.code;
    if (code === 'ENOENT' || code === 'FileNotFound') return 'no such file';
    return error instanceof Error ? error.message : String(error);
}
