/**
 * Per-workspace rule settings. The nearest `blueprint.config.json` above a file applies to it:
 *   { "rules": { "BP008": "off", "no-dead-ends": "info" }, "ignore": ["drafts"], "language": "ko" }
 * (`ignore` is for folder walks of the CLI: see its file discovery; `language` is the default
 * language of the blueprints below it: lane and line names, report headings.)
 * Editor settings (`blueprint.rules`) override the file. Unknown rules and bad values are reported,
 * never silently ignored.
 */
import { URI, UriUtils, WorkspaceCache } from 'langium';
import type { FileSystemProvider } from 'langium';
import type { LangiumSharedCoreServices } from 'langium';
import { SUPPORTED_LANGUAGES, toLanguageCode, type LanguageCode } from '../i18n/localisation.js';
import { findRule, type RuleInfo, type RuleSetting } from './rules.js';

export const CONFIG_FILE_NAME = 'blueprint.config.json';
const SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'hint', 'off'];

export interface RuleSettings {
    /** Setting per rule id. */
    readonly overrides: ReadonlyMap<string, RuleSetting>;
    /** The workspace language (`"language"`), if the config file sets a supported one. */
    readonly language?: LanguageCode;
    /** The config file that applied, if any. */
    readonly configFile?: URI;
    /** Problems found reading the settings, one line each. */
    readonly problems: readonly string[];
}

export class RuleConfiguration {
    private readonly fileSystem: FileSystemProvider;
    private readonly byDirectory: WorkspaceCache<string, RuleSettings>;
    private editorOverrides: RuleSettings = { overrides: new Map(), problems: [] };

    constructor(shared: LangiumSharedCoreServices) {
        this.fileSystem = shared.workspace.FileSystemProvider;
        this.byDirectory = new WorkspaceCache(shared);
    }

    /** The effective settings for a document: its config file, then the editor's overrides. */
    settingsFor(documentUri: URI): RuleSettings {
        const fromFile: RuleSettings = documentUri.scheme === 'file'
            ? this.byDirectory.get(UriUtils.dirname(documentUri).toString(), () => this.loadNearest(UriUtils.dirname(documentUri)))
            : { overrides: new Map(), problems: [] };
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

    private loadNearest(directory: URI): RuleSettings {
        let current = directory;
        for (;;) {
            const candidate = UriUtils.joinPath(current, CONFIG_FILE_NAME);
            if (this.safeExists(candidate)) return this.load(candidate);
            const parent = UriUtils.dirname(current);
            if (parent.toString() === current.toString()) return { overrides: new Map(), problems: [] };
            current = parent;
        }
    }

    private load(file: URI): RuleSettings {
        let json: unknown;
        try {
            json = JSON.parse(this.fileSystem.readFileSync(file));
        } catch (error) {
            return { overrides: new Map(), configFile: file, problems: [`${CONFIG_FILE_NAME}: ${(error as Error).message}`] };
        }
        if (typeof json !== 'object' || json === null || Array.isArray(json)) {
            return { overrides: new Map(), configFile: file, problems: [`${CONFIG_FILE_NAME}: expected an object with a "rules" field`] };
        }
        const settings = parseRuleSettings((json as { rules?: unknown }).rules ?? {}, CONFIG_FILE_NAME);
        const problems = [...settings.problems];
        for (const key of Object.keys(json)) {
            if (key !== 'rules' && key !== 'ignore' && key !== 'language') problems.push(`${CONFIG_FILE_NAME}: unknown field "${key}" (expected "rules", "ignore" and "language")`);
        }
        const ignore = (json as { ignore?: unknown }).ignore;
        if (ignore !== undefined && !(Array.isArray(ignore) && ignore.every(entry => typeof entry === 'string'))) {
            problems.push(`${CONFIG_FILE_NAME}: "ignore" must be a list of paths or patterns, e.g. ["drafts", "old/**"]`);
        }
        const languageSetting = (json as { language?: unknown }).language;
        const language = typeof languageSetting === 'string' ? toLanguageCode(languageSetting) : undefined;
        if (languageSetting !== undefined && !language) {
            problems.push(`${CONFIG_FILE_NAME}: "language" must be one of ${SUPPORTED_LANGUAGES.map(code => `"${code}"`).join(', ')}, not ${JSON.stringify(languageSetting)}`);
        }
        return { overrides: settings.overrides, problems, configFile: file, language };
    }

    private safeExists(uri: URI): boolean {
        try {
            return this.fileSystem.existsSync(uri);
        } catch {
            return false;
        }
    }
}

/** Parses `{ ruleIdOrName: setting }`; exported for the CLI's `--rule` options and tests. */
export function parseRuleSettings(rules: unknown, origin: string): RuleSettings {
    const overrides = new Map<string, RuleSetting>();
    const problems: string[] = [];
    if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) {
        return { overrides, problems: [`${origin}: "rules" must be an object such as { "BP008": "off" }`] };
    }
    for (const [key, value] of Object.entries(rules)) {
        const rule: RuleInfo | undefined = findRule(key);
        if (!rule) {
            problems.push(`${origin}: unknown rule '${key}' (see 'blueprint rules')`);
        } else if (typeof value !== 'string' || !SETTINGS.includes(value as RuleSetting)) {
            problems.push(`${origin}: rule '${key}' must be one of ${SETTINGS.join(', ')}, not ${JSON.stringify(value)}`);
        } else if (!rule.configurable) {
            problems.push(`${origin}: rule '${key}' (${rule.name}) cannot be reconfigured`);
        } else {
            overrides.set(rule.id, value as RuleSetting);
        }
    }
    return { overrides, problems };
}
