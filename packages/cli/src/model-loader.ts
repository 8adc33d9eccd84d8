/**
 * Loads one blueprint for the commands that work on its model (report, diff): from a file, or as
 * `REV:path` from git. Errors in the file are returned, not thrown: each command decides.
 */
import { escapeTerminal } from '@blueprint/escape';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { createBlueprintCoreServices, loadAndValidate, type BlueprintCoreServices } from '@blueprint/language/core';
import { type BlueprintModel } from '@blueprint/model';
import { URI, type LangiumDocument } from 'langium';
import { toCheckedDiagnostic, type CheckedDiagnostic } from './check-report.js';
import { CliError } from './errors.js';
import { displayPath } from './files/paths.js';
import { readTextFile } from './files/read-file.js';
import { GitRevisionFileSystem } from './git/git-file-system.js';
import { repositoryRoot, verifyRevision } from './git/git.js';
import { createCliServices, logInternalError } from './services.js';

export interface LoadedBlueprint {
    /** How the source is shown: `examples/bank.blueprint` or `origin/main:examples/bank.blueprint`. */
    readonly label: string;
    readonly model?: BlueprintModel;
    readonly errors: readonly CheckedDiagnostic[];
    /** Every finding of the validator on this file (errors, warnings, notes), for `diff`. */
    readonly diagnostics: readonly CheckedDiagnostic[];
    readonly document: LangiumDocument;
    readonly services: BlueprintCoreServices;
}

export interface BlueprintSource {
    readonly file: string;
    readonly revision?: string;
}

/** `REV:path` is a git revision unless a file of that exact name exists (or it is a drive letter). */
export function parseSource(spec: string, cwd: string): BlueprintSource {
    const colon = spec.indexOf(':');
    if (colon > 1 && !existsSync(path.resolve(cwd, spec))) {
        return { revision: spec.slice(0, colon), file: path.resolve(cwd, spec.slice(colon + 1)) };
    }
    return { file: path.resolve(cwd, spec) };
}

export async function loadBlueprint(source: BlueprintSource, cwd: string): Promise<LoadedBlueprint> {
    if (source.revision === undefined) {
        await readTextFile(source.file, displayPath(source.file, cwd)); // clear message for missing or binary files
        // One file asked for: an unreadable import fails the command with its own message.
        return build(createCliServices(cwd, { unreadableFiles: 'throw' }), URI.file(source.file), displayPath(source.file, cwd), cwd);
    }
    const root = await repositoryRoot(path.dirname(source.file)).catch(() => repositoryRoot(cwd));
    await verifyRevision(root, source.revision);
    const fileSystem = new GitRevisionFileSystem(root, source.revision);
    const uri = URI.file(source.file);
    const relative = path.relative(root, source.file).split(path.sep).join('/');
    const label = `${source.revision}:${relative}`;
    if (!(await fileSystem.preload(uri))) throw new CliError(`${label}: no such file at that revision`);
    const services = createBlueprintCoreServices({ fileSystemProvider: () => fileSystem }, { batch: true, logInternalError }).Blueprint;
    return build(services, uri, label, cwd);
}

async function build(services: BlueprintCoreServices, uri: URI, label: string, _cwd: string): Promise<LoadedBlueprint> {
    const { documents } = await loadAndValidate(services, [uri]);
    const document = documents[0];
    const diagnostics = (document.diagnostics ?? []).map(toCheckedDiagnostic);
    const errors = diagnostics.filter(d => d.severity === 'error');
    const model = services.model.BlueprintModelProvider.getDocumentModel(document);
    return { label, model, errors, diagnostics, document, services };
}

/** Prints a file's errors like `check` does and says why the command stops. */
export function describeErrors(loaded: LoadedBlueprint): string {
    const lines = loaded.errors.slice(0, 20).map(d => `${escapeTerminal(loaded.label)}:${d.line}:${d.column} error ${d.rule} ${escapeTerminal(d.message)}`);
    if (loaded.errors.length > 20) lines.push(`… and ${loaded.errors.length - 20} more errors`);
    return lines.join('\n') + '\n';
}
