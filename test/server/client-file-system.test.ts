/**
 * The file system the browser server reads through the editor (`blueprint/workspace/*` requests):
 * a workspace served by a fake client, scanned as the language server scans it, with imports
 * resolved across files; synchronous reads served from what was listed; errors passed on.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { URI } from 'langium';
import { expect, test } from 'vitest';
import { ReadDirectoryRequest, ReadFileRequest, StatRequest, type WorkspaceFileEntry } from '@blueprint/protocol';
import { createBlueprintServices } from '@blueprint/language';
import { ClientFileSystemProvider, type RequestSender } from '@blueprint/server';

const SHARED = fileURLToPath(new URL('../../examples/shared-services/', import.meta.url));
const ROOT = 'vscode-vfs://github/acme/services';

/** An editor holding a virtual workspace: the shared-services example plus a config file. */
function fakeEditor(files: Record<string, string>): RequestSender & { calls: string[] } {
    const calls: string[] = [];
    const entries = (folder: string): WorkspaceFileEntry[] => {
        const names = new Set(Object.keys(files).filter(path => path.startsWith(`${folder}/`))
            .map(path => path.slice(folder.length + 1).split('/')[0]));
        return [...names].map(name => {
            const uri = `${folder}/${name}`;
            return { uri, isFile: uri in files, isDirectory: !(uri in files) };
        });
    };
    return {
        calls,
        async sendRequest(method: string, params: unknown) {
            const { uri } = params as { uri: string };
            calls.push(`${method.split('/').pop()} ${uri.slice(ROOT.length) || '/'}`);
            if (method === ReadFileRequest.method) {
                if (!(uri in files)) throw new Error(`EntryNotFound: ${uri}`);
                return files[uri];
            }
            if (method === ReadDirectoryRequest.method) return entries(uri);
            if (method === StatRequest.method) {
                if (uri in files) return { uri, isFile: true, isDirectory: false };
                return entries(uri).length > 0 ? { uri, isFile: false, isDirectory: true } : null;
            }
            throw new Error(`unexpected ${method}`);
        }
    };
}

function workspaceFiles(): Record<string, string> {
    const files: Record<string, string> = {};
    for (const name of readdirSync(SHARED)) files[`${ROOT}/cards/${name}`] = readFileSync(join(SHARED, name), 'utf8');
    files[`${ROOT}/blueprint.config.json`] = '{ "rules": { "BP016": "off" } }';
    return files;
}

test('a virtual workspace is scanned and its imports resolve through the editor', async () => {
    const editor = fakeEditor(workspaceFiles());
    const fileSystem = new ClientFileSystemProvider(editor);
    const { shared, Blueprint } = createBlueprintServices({ fileSystemProvider: () => fileSystem });
    await shared.workspace.WorkspaceManager.initializeWorkspace([{ name: 'services', uri: ROOT }]);
    const documents = shared.workspace.LangiumDocuments.all.toArray().filter(d => d.uri.scheme === 'vscode-vfs');
    expect(documents.map(d => d.uri.path.split('/').pop()).sort()).toEqual(['card-activation.blueprint', 'card-replacement.blueprint', 'shared.blueprint']);
    const activation = documents.find(d => d.uri.path.endsWith('card-activation.blueprint'))!;
    // Everything the activation file refers to in shared.blueprint is linked: no unresolved references.
    expect(activation.diagnostics?.filter(d => d.code === 'BP002' || d.code === 'BP003') ?? []).toEqual([]);
    expect(Blueprint.model.BlueprintModelProvider.getDocumentModel(activation)?.stages.length).toBeGreaterThan(0);
    expect(editor.calls).toContain('readDirectory /cards');
    expect(editor.calls).toContain('readFile /cards/shared.blueprint');

    // The scan listed the config file and fetched its text, so synchronous readers have it.
    const config = URI.parse(`${ROOT}/blueprint.config.json`);
    expect(fileSystem.existsSync(config)).toBe(true);
    expect(JSON.parse(fileSystem.readFileSync(config))).toEqual({ rules: { BP016: 'off' } });
    expect(fileSystem.readDirectorySync(URI.parse(ROOT)).map(n => n.uri.path.split('/').pop()).sort()).toEqual(['blueprint.config.json', 'cards']);
});

test('what the editor cannot read is an error, and what was never listed is not known synchronously', async () => {
    const fileSystem = new ClientFileSystemProvider(fakeEditor(workspaceFiles()));
    await expect(fileSystem.readFile(URI.parse(`${ROOT}/missing.blueprint`))).rejects.toThrow(/EntryNotFound/);
    await expect(fileSystem.exists(URI.parse(`${ROOT}/missing.blueprint`))).resolves.toBe(false);
    await expect(fileSystem.stat(URI.parse(`${ROOT}/missing.blueprint`))).rejects.toThrow(/No file or folder/);
    expect(fileSystem.existsSync(URI.parse(`${ROOT}/cards/shared.blueprint`))).toBe(false);
    expect(() => fileSystem.readFileSync(URI.parse(`${ROOT}/cards/shared.blueprint`))).toThrow(/without a request/);
    await expect(fileSystem.exists(URI.parse(`${ROOT}/cards/shared.blueprint`))).resolves.toBe(true);
    expect(fileSystem.existsSync(URI.parse(`${ROOT}/cards/shared.blueprint`))).toBe(true);
});
