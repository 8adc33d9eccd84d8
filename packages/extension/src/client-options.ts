/**
 * The language client's options, the same for the Node and the browser client. The server reads
 * the `blueprint` settings section (rule severities, layout spacing) through
 * `workspace/configuration`; `synchronize` also tells it when they change.
 */
import * as vscode from 'vscode';
import type { LanguageClientOptions } from 'vscode-languageclient';

export const LANGUAGE_ID = 'blueprint';

/** `schemes`: the document schemes served; all schemes when absent (virtual workspaces on the web). */
export function clientOptions(schemes?: readonly string[]): LanguageClientOptions {
    return {
        documentSelector: schemes ? schemes.map(scheme => ({ scheme, language: LANGUAGE_ID })) : [{ language: LANGUAGE_ID }],
        synchronize: {
            configurationSection: 'blueprint',
            // Imported files change without being open in an editor.
            fileEvents: vscode.workspace.createFileSystemWatcher('**/*.blueprint')
        },
        outputChannelName: 'Blueprint Language Server'
    };
}
