/**
 * The extension manifest (packages/extension/package.json) is consistent with itself, with the
 * sources that implement it and with what the .vsix ships.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIX_ALL_KIND } from '@blueprint/language';
import { describe, expect, it } from 'vitest';

const extensionDir = fileURLToPath(new URL('../../packages/extension/', import.meta.url));
const repo = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(join(extensionDir, path), 'utf8');

interface Command { command: string; title: string; category?: string; icon?: string }
interface Manifest {
    name: string; displayName: string; publisher: string; version: string; license: string; main: string; icon: string;
    engines: { vscode: string }; categories: string[]; keywords: string[]; activationEvents: string[];
    dependencies: Record<string, string>; devDependencies: Record<string, string>; scripts: Record<string, string>;
    capabilities: { untrustedWorkspaces: { supported: boolean | string; description?: string }; virtualWorkspaces: { supported: boolean | string; description?: string } };
    contributes: {
        languages: { id: string; extensions: string[]; aliases: string[]; configuration: string; icon: { light: string; dark: string } }[];
        grammars: { language: string; scopeName: string; path: string }[];
        snippets: { language: string; path: string }[];
        commands: Command[];
        menus: Record<string, { command: string; when?: string }[]>;
        keybindings: { command: string; key: string; mac?: string; when?: string }[];
        configuration: { properties: Record<string, { type: string; default: unknown; enum?: unknown[]; description?: string; markdownDescription?: string; enumDescriptions?: string[] }> };
        walkthroughs: { id: string; steps: { id: string; description: string; media: { markdown?: string }; completionEvents?: string[] }[] }[];
        jsonValidation: { fileMatch: string; url: string }[];
    };
}

const manifest = JSON.parse(read('package.json')) as Manifest;
const contributes = manifest.contributes;
const commandIds = new Set(contributes.commands.map(command => command.command));
const sources = readdirSync(join(extensionDir, 'src'), { recursive: true, encoding: 'utf8' })
    .filter(file => file.endsWith('.ts'))
    .map(file => read(join('src', file)))
    .join('\n');
/** Commands the extension registers (`registerCommand('id'`). */
const registered = new Set([...sources.matchAll(/registerCommand\(\s*'([^']+)'/g)].map(match => match[1]));
/** Files the .vsix ships: the `!` lines of .vscodeignore (it ignores everything else). */
const shipped = read('.vscodeignore').split('\n').filter(line => line.startsWith('!')).map(line => line.slice(1).trim());
const ships = (path: string) => shipped.some(pattern => {
    const normalized = path.replace(/^\.\//, '');
    if (pattern.endsWith('/*.md')) return normalized.startsWith(pattern.slice(0, -4)) && normalized.endsWith('.md') && !normalized.slice(pattern.length - 4).includes('/');
    return pattern === normalized;
});

describe('extension manifest', () => {
    it('identifies the extension as users see it', () => {
        expect(manifest.name).toBe('blueprint');
        expect(manifest.publisher).toMatch(/^[a-z0-9][a-z0-9-]*$/);
        expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
        expect(manifest.license).toBe('MIT');
        expect(manifest.displayName.length).toBeGreaterThan(0);
        expect(manifest.categories).toContain('Programming Languages');
        expect(manifest.keywords.length).toBeGreaterThanOrEqual(3);
        expect(manifest.main).toBe('./dist/extension.cjs');
        expect(existsSync(join(extensionDir, manifest.icon))).toBe(true);
        // A PNG of 128x128: width and height are the first fields of the IHDR chunk.
        const icon = readFileSync(join(extensionDir, manifest.icon));
        expect(icon.subarray(1, 4).toString('ascii')).toBe('PNG');
        expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([128, 128]);
    });

    it('uses a language client that matches the server and an engine that matches @types/vscode', () => {
        const serverManifest = JSON.parse(readFileSync(join(repo, 'packages/server/package.json'), 'utf8')) as { dependencies: Record<string, string> };
        expect(manifest.dependencies['vscode-languageclient']).toBe(serverManifest.dependencies['vscode-languageserver']);
        expect(manifest.engines.vscode).toBe(`^${manifest.devDependencies['@types/vscode']}`);
    });

    it('gives every command a title and a category, and registers it in the sources', () => {
        for (const command of contributes.commands) {
            expect(command.title, command.command).toMatch(/\S/);
            expect(command.category, command.command).toBe('Blueprint');
            expect(registered, `${command.command} is registered`).toContain(command.command);
        }
        for (const id of registered) {
            expect(commandIds, `${id} is contributed`).toContain(id);
        }
    });

    it('refers only to contributed commands in menus, keybindings and the walkthrough', () => {
        const referenced = [
            ...Object.values(contributes.menus).flat().map(item => item.command),
            ...contributes.keybindings.map(binding => binding.command)
        ];
        for (const id of referenced) {
            expect(commandIds, id).toContain(id);
        }
        const walkthroughLinks = contributes.walkthroughs.flatMap(walkthrough => walkthrough.steps.flatMap(step =>
            [...step.description.matchAll(/\(command:([\w.]+)\)/g)].map(match => match[1])));
        expect(walkthroughLinks.length).toBeGreaterThan(0);
        for (const id of walkthroughLinks.filter(id => id.startsWith('blueprint.'))) {
            expect(commandIds, id).toContain(id);
        }
    });

    it('activates implicitly on its language and commands, and explicitly only for a restored preview', () => {
        // VS Code 1.74+ activates an extension for the languages and commands it contributes.
        expect(Number(/\^1\.(\d+)/.exec(manifest.engines.vscode)?.[1])).toBeGreaterThanOrEqual(74);
        expect(manifest.activationEvents.filter(event => event.startsWith('onCommand:') || event.startsWith('onLanguage:'))).toEqual([]);
        const viewType = /PREVIEW_VIEW_TYPE = '([^']+)'/.exec(sources)?.[1];
        expect(viewType).toBeDefined();
        expect(manifest.activationEvents).toEqual([`onWebviewPanel:${viewType}`]);
    });

    it('runs the safe fixes (source.fixAll.blueprint) on an explicit save', () => {
        const defaults = (contributes as unknown as { configurationDefaults: Record<string, Record<string, unknown>> }).configurationDefaults['[blueprint]'];
        expect(defaults['editor.codeActionsOnSave']).toEqual({ 'source.fixAll.blueprint': 'explicit' });
        // ... the kind the language server gives its safe fixes.
        expect(FIX_ALL_KIND).toBe('source.fixAll.blueprint');
    });

    it('has commands to restart the language server and show its output', () => {
        for (const id of ['blueprint.restartServer', 'blueprint.showOutput']) {
            expect(commandIds, id).toContain(id);
            expect(sources, id).toContain(`registerCommand('${id}'`);
        }
    });

    it('binds Ctrl+K V / Cmd+K V and the editor title button to the side preview in blueprint editors', () => {
        const binding = contributes.keybindings.find(candidate => candidate.command === 'blueprint.openPreviewToSide');
        expect(binding).toMatchObject({ key: 'ctrl+k v', mac: 'cmd+k v', when: 'editorLangId == blueprint' });
        const titleButton = contributes.menus['editor/title'].find(item => item.command === 'blueprint.openPreviewToSide');
        expect(titleButton?.when).toBe('editorLangId == blueprint');
        expect(contributes.commands.find(command => command.command === 'blueprint.openPreviewToSide')?.icon).toBeTruthy();
    });

    it('describes every setting, with defaults inside its enum', () => {
        const properties = contributes.configuration.properties;
        expect(Object.keys(properties).sort()).toEqual(['blueprint.layout.spacing', 'blueprint.preview.debounceMs', 'blueprint.preview.theme', 'blueprint.rules', 'blueprint.trace.server']);
        for (const [key, property] of Object.entries(properties)) {
            expect(property.description ?? property.markdownDescription, key).toMatch(/\S{3}/);
            expect(property.default, key).toBeDefined();
            if (property.enum) {
                expect(property.enum, key).toContain(property.default);
                if (property.enumDescriptions) expect(property.enumDescriptions.length, key).toBe(property.enum.length);
            }
        }
        const rules = properties['blueprint.rules'] as unknown as { additionalProperties: { enum: string[] } };
        expect(rules.additionalProperties.enum).toEqual(['error', 'warning', 'info', 'hint', 'off']);
    });

    it('declares honest workspace capabilities', () => {
        expect(manifest.capabilities.untrustedWorkspaces.supported).toBe('limited');
        expect(manifest.capabilities.untrustedWorkspaces.description).toMatch(/\S/);
        // Files are read through VS Code where they are not on disk; only the git comparison is missing.
        expect(manifest.capabilities.virtualWorkspaces.supported).toBe('limited');
        expect(manifest.capabilities.virtualWorkspaces.description).toMatch(/git/);
    });

    it('contributes the language with the grammar of the repository', () => {
        const [language] = contributes.languages;
        expect(language).toMatchObject({ id: 'blueprint', extensions: ['.blueprint'] });
        const [grammarContribution] = contributes.grammars;
        const grammar = JSON.parse(readFileSync(join(repo, 'syntaxes/blueprint.tmLanguage.json'), 'utf8')) as { scopeName: string };
        expect(grammarContribution.language).toBe('blueprint');
        expect(grammarContribution.scopeName).toBe(grammar.scopeName);
        // build.mjs copies the repository's grammar to the path the manifest names.
        expect(read('build.mjs')).toContain(`'${grammarContribution.path.replace(/^\.\//, '')}'`);
    });

    it('ships every file the manifest refers to, and the bundles', () => {
        const [language] = contributes.languages;
        const referenced = [
            manifest.main, manifest.icon, language.configuration, language.icon.light, language.icon.dark,
            contributes.grammars[0].path, contributes.snippets[0].path,
            ...contributes.walkthroughs.flatMap(walkthrough => walkthrough.steps.map(step => step.media.markdown ?? '')),
            'dist/server.cjs', 'dist/webview.js', 'dist/webview.css', 'media/examples/bank-deposit.blueprint', 'README.md', 'CHANGELOG.md', 'LICENSE',
            ...contributes.jsonValidation.map(entry => entry.url)
        ];
        for (const path of referenced) {
            expect(ships(path), `${path} is shipped (.vscodeignore)`).toBe(true);
        }
        for (const path of [manifest.icon, language.configuration, language.icon.light, contributes.snippets[0].path,
            ...contributes.walkthroughs.flatMap(walkthrough => walkthrough.steps.map(step => step.media.markdown ?? ''))]) {
            expect(existsSync(join(extensionDir, path)), `${path} exists`).toBe(true);
        }
        expect(shipped.some(pattern => pattern.includes('node_modules') || pattern.endsWith('.ts'))).toBe(false);
    });

    it('packages to blueprint-<version>.vsix at the repository root', () => {
        expect(manifest.scripts.package).toContain('vsce package --no-dependencies');
        expect(manifest.scripts.package).toMatch(/--out \.\.\/\.\.\/(\s|$)/);
    });
});
