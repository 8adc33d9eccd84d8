/**
 * `blueprint check` without the command line: loads the files with everything they import, validates
 * them under their rule settings, and collects the diagnostics of the files asked for.
 */
import { CONFIG_FILE_NAME, loadAndValidate, parseRuleSettings, setMaxFileBytes, type BlueprintCoreServices } from '@blueprint/language/core';
import { URI, type LangiumDocument } from 'langium';
import { compareDiagnostics, summarize, toCheckedDiagnostic, type CheckedFile, type CheckReport } from './check-report.js';
import type { CheckQueue } from './check-queue.js';
import { CliError } from './errors.js';
import { displayPath } from './files/paths.js';
import { createCliServices } from './services.js';

export interface CheckOptions {
    /** Paths are shown relative to this directory. */
    readonly cwd: string;
    /** Rule settings that win over every `blueprint.config.json`, e.g. `{ BP008: 'off' }`. */
    readonly ruleOverrides?: Readonly<Record<string, string>>;
    /** Also report the files that the checked files import from elsewhere. */
    readonly reportImports?: boolean;
    /** `--config`: this config file for every file instead of the nearest one. */
    readonly configFile?: string;
    /** Text to check instead of reading `files[0]` (standard input), shown as `label`. */
    readonly text?: { readonly content: string; readonly label: string };
    /** The file size limit in bytes (a worker thread has its own copy of the setting, so it travels with the job). */
    readonly maxFileBytes?: number;
}

/** Checks absolute file paths. Bad settings and unreadable files throw a `CliError`. */
export async function checkFiles(files: readonly string[], options: CheckOptions): Promise<CheckReport> {
    const checker = new FileChecker(options);
    await checker.check(files);
    return checker.report();
}

/** What one thread of a parallel check found: its report, and the first batch it could not check, if any. */
export interface QueuedCheck {
    readonly report: CheckReport;
    readonly failure?: { readonly batch: number; readonly error: unknown };
}

/**
 * Checks the batches of `files` that this thread takes from `queue` (check-queue.ts) with one set
 * of language services, until none is left. A batch that fails (a broken config file) closes the
 * queue for every thread and is given back with its index: the caller reports the failure of the
 * earliest batch, as one thread checking the files in order would.
 */
export async function checkQueued(files: readonly string[], queue: CheckQueue, options: CheckOptions): Promise<QueuedCheck> {
    const checker = new FileChecker(options);
    for (let next = queue.take(); next; next = queue.take()) {
        try {
            await checker.check(files.slice(next.start, next.end));
        } catch (error) {
            queue.close();
            return { report: checker.report(), failure: { batch: next.batch, error } };
        }
    }
    return { report: checker.report() };
}

/** One thread's language services and what they have checked so far, file by file, imports once. */
class FileChecker {
    private readonly services: BlueprintCoreServices;
    private readonly checked = new Map<string, CheckedFile>();

    constructor(private readonly options: CheckOptions) {
        if (options.maxFileBytes !== undefined) setMaxFileBytes(options.maxFileBytes);
        this.services = createCliServices(options.cwd);
        if (options.configFile) this.services.validation.RuleConfiguration.useConfigFile(URI.file(options.configFile));
        applyOverrides(this.services, options.ruleOverrides ?? {});
    }

    /** Loads `files` with what they import (files loaded before stay as they are) and records their diagnostics. */
    async check(files: readonly string[]): Promise<void> {
        const { services, options } = this;
        const uris = files.map(file => URI.file(file));
        if (options.text && uris.length === 1) {
            // Registered first, so the loader takes this text instead of reading the file.
            const documents = services.shared.workspace.LangiumDocuments;
            documents.addDocument(services.shared.workspace.LangiumDocumentFactory.fromString(options.text.content, uris[0]));
        }
        for (const uri of uris) ensureValidSettings(services, uri, options.cwd);

        const { documents, imported } = await loadAndValidate(services, uris);
        for (const document of imported) ensureValidSettings(services, document.uri, options.cwd);
        const reported = options.reportImports ? [...documents, ...imported] : documents;
        for (const document of reported) {
            const key = document.uri.toString();
            if (this.checked.has(key)) continue;
            const file = checkedFile(document, options.cwd);
            this.checked.set(key, options.text && document === documents[0] ? { ...file, path: options.text.label } : file);
        }
    }

    report(): CheckReport {
        const files = [...this.checked.values()].sort((a, b) => a.path.localeCompare(b.path));
        return { files, summary: summarize(files) };
    }
}

function checkedFile(document: LangiumDocument, cwd: string): CheckedFile {
    const diagnostics = (document.diagnostics ?? []).map(toCheckedDiagnostic).sort(compareDiagnostics);
    return { path: displayPath(document.uri.fsPath, cwd), diagnostics };
}

function applyOverrides(services: BlueprintCoreServices, overrides: Readonly<Record<string, string>>): void {
    if (Object.keys(overrides).length === 0) return;
    const { problems } = parseRuleSettings(overrides, '--rule');
    if (problems.length > 0) throw new CliError(problems.join('; '));
    services.validation.RuleConfiguration.setEditorOverrides(overrides);
}

/** A broken `blueprint.config.json` stops the check: silently checking with other rules would mislead. */
function ensureValidSettings(services: BlueprintCoreServices, uri: URI, cwd: string): void {
    const settings = services.validation.RuleConfiguration.settingsFor(uri);
    if (settings.problems.length === 0) return;
    const where = settings.configFile ? displayPath(settings.configFile.fsPath, cwd) : CONFIG_FILE_NAME;
    const prefix = `${CONFIG_FILE_NAME}: `;
    const problems = settings.problems.map(problem => problem.startsWith(prefix) ? problem.slice(prefix.length) : problem);
    throw new CliError(`${where}: ${problems.join('; ')}`);
}
