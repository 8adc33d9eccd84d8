/**
 * `blueprint/diagramDiff`: compares the open document with an older text of it (from git), for the
 * "Compare with Git" commands. The old text is loaded into language services of its own, so it never
 * enters the workspace's index, scopes or diagnostics; its imports are read from disk next to the file.
 */
import type { DiagramDiffParams, DiagramDiffResult } from '@blueprint/protocol';
import { diffBlueprints, layoutDiff } from '@blueprint/diff';
import { renderMarkdown } from '@blueprint/report';
import { createBlueprintCoreServices, loadAndValidate, type BlueprintModelProvider } from '@blueprint/language';
import { type BlueprintModel } from '@blueprint/model';
import { URI, type FileSystemProvider, type LangiumDocuments } from 'langium';
import { DiagnosticSeverity } from 'vscode-languageserver';

export interface DiagramDiffServices {
    readonly documents: LangiumDocuments;
    readonly modelProvider: BlueprintModelProvider;
    readonly fileSystem: () => FileSystemProvider;
}

const EMPTY_SUMMARY = { changes: 0, added: 0, removed: 0, changed: 0, customerVisible: 0, risks: 0 };

export async function computeDiagramDiff(params: DiagramDiffParams, services: DiagramDiffServices): Promise<DiagramDiffResult> {
    const failed = (error: string): DiagramDiffResult => ({ error, classes: {}, changes: [], summary: EMPTY_SUMMARY, markdown: '' });
    const uri = URI.parse(params.uri);
    const current = services.documents.getDocument(uri);
    if (!current) return failed('The file is not open in the language server.');
    if ((current.diagnostics ?? []).some(d => d.severity === DiagnosticSeverity.Error)) return failed('The file has errors; fix them to compare.');
    const after = services.modelProvider.getDocumentModel(current);
    if (!after) return failed('The file declares no blueprint.');

    const before = await oldModel(params.oldText, uri, services.fileSystem);
    if (typeof before === 'string') return failed(`${params.oldLabel}: ${before}`);
    const changeSet = diffBlueprints(before, after);
    const { layout, classes } = await layoutDiff(before, after, changeSet);
    const path = uri.path.split('/').pop() ?? uri.path;
    // Removed steps come from the old text: their source ranges point nowhere in the current file.
    const removed = new Set([...classes].filter(([, names]) => names.includes('bp-removed')).map(([id]) => id));
    return {
        layout: { ...layout, steps: layout.steps.map(step => (removed.has(step.id) ? { ...step, range: undefined } : step)) },
        language: after.language,
        classes: Object.fromEntries(classes),
        changes: changeSet.changes.map(c => ({ subject: c.subject, id: c.id, kind: c.kind, message: c.message, customerVisible: c.customerVisible, risk: c.risk })),
        summary: changeSet.summary,
        markdown: renderMarkdown(changeSet, { path, beforeLabel: params.oldLabel, afterLabel: 'working copy' })
    };
}

/** The model of the old text, or why there is none. */
async function oldModel(text: string, uri: URI, fileSystem: () => FileSystemProvider): Promise<BlueprintModel | string> {
    const { Blueprint } = createBlueprintCoreServices({ fileSystemProvider: fileSystem }, { batch: true });
    const documents = Blueprint.shared.workspace.LangiumDocuments;
    documents.addDocument(Blueprint.shared.workspace.LangiumDocumentFactory.fromString(text, uri));
    const { documents: [document] } = await loadAndValidate(Blueprint, [uri]);
    const errors = (document.diagnostics ?? []).filter(d => d.severity === DiagnosticSeverity.Error);
    if (errors.length > 0) return `the old version has ${errors.length} error${errors.length === 1 ? '' : 's'} (line ${errors[0].range.start.line + 1}: ${errors[0].message})`;
    return Blueprint.model.BlueprintModelProvider.getDocumentModel(document) ?? 'the old version declares no blueprint';
}
