/**
 * "Blueprint: Compare with Git HEAD" and "Compare with Revision…": the server diffs the open blueprint
 * against its text at that revision; the preview shows the comparison diagram and the change list
 * opens beside it as Markdown.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DiagramDiffRequest, type DiagramDiffParams, type DiagramDiffResult } from '@blueprint/diagram';
import { LANGUAGE_ID } from '../language-client.js';
import type { BlueprintPreview } from '../preview/preview-panel.js';
import { gitShow } from './git-show.js';

export function registerCompareCommands(client: LanguageClient, clientStarted: Promise<void>, preview: BlueprintPreview): vscode.Disposable[] {
    const compare = async (revision: string | undefined) => {
        const editor = vscode.window.activeTextEditor;
        if (!editor || editor.document.languageId !== LANGUAGE_ID || editor.document.uri.scheme !== 'file') {
            void vscode.window.showWarningMessage('Blueprint: open a .blueprint file from disk to compare it.');
            return;
        }
        if (revision === undefined) return;
        const old = await gitShow(editor.document.uri.fsPath, revision);
        if ('error' in old) {
            void vscode.window.showErrorMessage(`Blueprint: ${old.error}`);
            return;
        }
        await clientStarted;
        const result = await client.sendRequest<DiagramDiffResult>(DiagramDiffRequest,
            { uri: editor.document.uri.toString(), oldText: old.text, oldLabel: revision } satisfies DiagramDiffParams);
        if (result.error) {
            void vscode.window.showWarningMessage(`Blueprint: cannot compare with ${revision}: ${result.error}`);
            return;
        }
        await preview.showComparison(editor.document.uri, `Compared with ${revision}`, result);
        const changes = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.markdown });
        await vscode.commands.executeCommand('markdown.showPreviewToSide', changes.uri).then(undefined,
            () => vscode.window.showTextDocument(changes, { viewColumn: vscode.ViewColumn.Beside, preview: true }));
    };
    return [
        vscode.commands.registerCommand('blueprint.compareWithHead', () => compare('HEAD')),
        vscode.commands.registerCommand('blueprint.compareWithRevision', async () => compare(await vscode.window.showInputBox({
            title: 'Blueprint: Compare with Revision', prompt: 'A git revision: a branch, a tag, a commit or HEAD~n', value: 'HEAD~1'
        })))
    ];
}
