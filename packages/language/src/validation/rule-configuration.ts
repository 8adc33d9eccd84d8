/**
 * Per-workspace rule settings: the `blueprint.config.json` that applies to a file (see
 * `workspace/config-file.ts`), then the editor's settings (`blueprint.rules`) or the CLI's `--rule`
 * on top; the file's `language` too. Unknown rules and bad values are reported, never silently ignored.
 */
import { URI, UriUtils, WorkspaceCache } from 'langium';
import type { FileSystemProvider } from 'langium';
import type { LangiumSharedCoreServices } from 'langium';
import { CONFIG_FILE_NAME, findConfigFile, parseConfigText } from '../workspace/config-file.js';
import { parseRuleSettings, type RuleSettings } from './rule-settings.js';

const NO_SETTINGS: RuleSettings = { overrides: new Map(), problems: [] };

export class RuleConfiguration {
    private readonly fileSystem: FileSystemProvider;
    private readonly byDirectory: WorkspaceCache<string, RuleSettings>;
    /** The config file's settings per document: asked for several times per document and build, each a `dirname` and its `toString`. */
    private readonly byDocument: WorkspaceCache<string, RuleSettings>;
    private editorOverrides: RuleSettings = NO_SETTINGS;
    private explicitConfig?: URI;

    constructor(shared: LangiumSharedCoreServices) {
        this.fileSystem = shared.workspace.FileSystemProvider;
        this.byDirectory = new WorkspaceCache(shared);
        this.byDocument = new WorkspaceCache(shared);
    }

    /** The effective settings for a document: its config file, then the editor's overrides. */
    settingsFor(documentUri: URI): RuleSettings {
        const key = documentUri.toString();
        const fromFile = this.byDocument.get(key, () => this.fileSettingsFor(documentUri, key));
        if (this.editorOverrides.overrides.size === 0 && this.editorOverrides.problems.length === 0) return fromFile;
        return {
            overrides: new Map([...fromFile.overrides, ...this.editorOverrides.overrides]),
            configFile: fromFile.configFile,
            language: fromFile.language,
            problems: [...fromFile.problems, ...this.editorOverrides.problems]
        };
    }

    /** Settings from the editor (`blueprint.rules`), e.g. `{ "BP016": "off" }`. */
    setEditorOverrides(rules: unknown): void {
        this.editorOverrides = parseRuleSettings(rules, 'setting blueprint.rules');
    }

    /** One config file for every document instead of the nearest one (the CLI's `--config`). */
    useConfigFile(file: URI | undefined): void {
        this.explicitConfig = file;
        this.byDirectory.clear();
        this.byDocument.clear();
    }

    private fileSettingsFor(documentUri: URI, documentKey: string): RuleSettings {
        if (this.explicitConfig) return this.byDirectory.get(this.explicitConfig.toString(), () => this.load(this.explicitConfig!));
        if (documentUri.scheme !== 'file') return NO_SETTINGS;
        // The folder's key is the document's up to its last slash: a `dirname` and its `toString` for
        // every document cost a 1,000-file check more than all its config lookups.
        const folderKey = documentKey.slice(0, documentKey.lastIndexOf('/'));
        return this.byDirectory.get(folderKey, () => {
            const file = findConfigFile(UriUtils.dirname(documentUri), uri => this.safeExists(uri));
            return file ? this.load(file) : NO_SETTINGS;
        });
    }

    private load(file: URI): RuleSettings {
        let text: string;
        try {
            text = this.fileSystem.readFileSync(file);
        } catch (error) {
            return { overrides: new Map(), configFile: file, problems: [`${CONFIG_FILE_NAME}: ${(error as Error).message}`] };
        }
        const config = parseConfigText(text);
        return { overrides: config.rules, problems: config.problems, configFile: file, language: config.language };
    }

    private safeExists(uri: URI): boolean {
        try {
            return this.fileSystem.existsSync(uri);
        } catch {
            return false;
        }
    }
}
