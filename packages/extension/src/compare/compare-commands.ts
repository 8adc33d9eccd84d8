/**
 * "Blueprint: Compare with Git HEAD" and "Compare with Revision…": the server diffs the open blueprint
 * against its text at that revision; the preview shows the comparison diagram and the change list
 * opens as a Markdown preview in the group beside the diagram (never over it). The change list is a
 * read-only virtual document, so no "Untitled" editor is left behind.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DiagramDiffRequest, type DiagramDiffParams, type DiagramDiffResult } from '@blueprint/protocol';
import { LANGUAGE_ID } from '../language-client.js';
import type { BlueprintPreview } from '../preview/preview-panel.js';
import { textAtRevision } from './git-revision.js';

/** Scheme of the change lists: `blueprint-changes:/<file>.changes.md`, served from memory. */
const CHANGES_SCHEME = 'blueprint-changes';

class ChangeLists implements vscode.TextDocumentContentProvider {
    private readonly texts = new Map<string, string>();
    private readonly changed = new vscode.EventEmitter<vscode.Uri>();
    readonly onDidChange = this.changed.event;

    provideTextDocumentContent(uri: vscode.Uri): string {
        return this.texts.get(uri.toString()) ?? '';
    }

    /** The change list of `file`: one virtual document per file, updated by the next comparison. */
    set(file: vscode.Uri, markdown: string): vscode.Uri {
        const uri = vscode.Uri.from({ scheme: CHANGES_SCHEME, path: `${file.path}.changes.md` });
        this.texts.set(uri.toString(), markdown);
        this.changed.fire(uri);
        return uri;
    }
}

/** The column right of the diagram preview (a new group when it is the last). */
function columnBesidePreview(): vscode.ViewColumn {
    for (const group of vscode.window.tabGroups.all) {
        const hasPreview = group.tabs.some(tab => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('blueprint.preview'));
        if (hasPreview) return group.viewColumn + 1;
    }
    return vscode.ViewColumn.Beside;
}

export function registerCompareCommands(client: LanguageClient, clientStarted: Promise<void>, preview: BlueprintPreview): vscode.Disposable[] {
    const changeLists = new ChangeLists();
    const compare = async (revision: string | undefined) => {
        const editor = vscode.window.activeTextEditor;
        if (!editor || editor.document.languageId !== LANGUAGE_ID || editor.document.uri.scheme !== 'file') {
            void vscode.window.showWarningMessage('Blueprint: open a .blueprint file from disk to compare it.');
            return;
        }
        if (revision === undefined) return;
        const old = await textAtRevision(editor.document.uri, revision);
        if ('error' in old) {
            void vscode.window.showErrorMessage(`Blueprint: ${old.error}`);
            return;
        }
        await clientStarted;
        const result = await client.sendRequest<DiagramDiffResult>(DiagramDiffRequest.method,
            { uri: editor.document.uri.toString(), oldText: old.text, oldLabel: revision } satisfies DiagramDiffParams);
        if (result.error) {
            void vscode.window.showWarningMessage(`Blueprint: cannot compare with ${revision}: ${result.error}`);
            return;
        }
        await preview.showComparison(editor.document.uri, `Compared with ${revision}`, result);
        const changes = changeLists.set(editor.document.uri, result.markdown);
        const viewColumn = columnBesidePreview();
        await vscode.commands.executeCommand('vscode.openWith', changes, 'vscode.markdown.preview.editor', { viewColumn, preserveFocus: true })
            .then(undefined, async () => vscode.window.showTextDocument(
                await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(changes), 'markdown'),
                { viewColumn, preview: true, preserveFocus: true }));
    };
    return [
        vscode.workspace.registerTextDocumentContentProvider(CHANGES_SCHEME, changeLists),
        vscode.commands.registerCommand('blueprint.compareWithHead', () => compare('HEAD')),
        vscode.commands.registerCommand('blueprint.compareWithRevision', async () => compare(await vscode.window.showInputBox({
            title: 'Blueprint: Compare with Revision', prompt: 'A git revision: a branch, a tag, a commit or HEAD~n', value: 'HEAD~1'
        })))
    ];
}
