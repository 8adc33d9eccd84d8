/**
 * `blueprint.config.json`: the one place that finds and reads it, for the language server's
 * validation, the CLI's checks and the CLI's folder walks alike.
 *   { "rules": { "BP008": "off", "no-dead-ends": "info" }, "ignore": ["drafts", "old/**"], "language": "ko" }
 * (`language`: the default language of the blueprints below it: lane and line names, report headings.)
 * The nearest file in or above a document's folder applies (or the one given with `--config`).
 */
import { UriUtils, type URI } from 'langium';
import { SUPPORTED_LANGUAGES, toLanguageCode, type LanguageCode } from '@blueprint/model';
import { parseRuleSettings, type RuleSetting } from '../validation/rule-settings.js';

export const CONFIG_FILE_NAME = 'blueprint.config.json';
const FIELDS = ['$schema', 'rules', 'ignore', 'language'];

export interface BlueprintConfig {
    /** Setting per rule id. */
    readonly rules: ReadonlyMap<string, RuleSetting>;
    /** Paths or patterns, relative to the config file's folder, that folder walks leave out. */
    readonly ignore: readonly string[];
    /** The workspace language, when the file sets a supported one. */
    readonly language?: LanguageCode;
    /** Problems found, one line each, prefixed with the file name. */
    readonly problems: readonly string[];
}

/** Parses the text of a config file; never throws (a broken file yields problems). */
export function parseConfigText(text: string): BlueprintConfig {
    let json: unknown;
    try {
        json = JSON.parse(text);
    } catch (error) {
        return { rules: new Map(), ignore: [], problems: [`${CONFIG_FILE_NAME}: ${(error as Error).message}`] };
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        return { rules: new Map(), ignore: [], problems: [`${CONFIG_FILE_NAME}: expected an object with a "rules" field`] };
    }
    const fields = json as { rules?: unknown; ignore?: unknown; language?: unknown };
    const settings = parseRuleSettings(fields.rules ?? {}, CONFIG_FILE_NAME);
    const problems = [...settings.problems];
    for (const key of Object.keys(json)) {
        if (!FIELDS.includes(key)) problems.push(`${CONFIG_FILE_NAME}: unknown field "${key}" (expected "rules", "ignore" and "language")`);
    }
    let ignore: string[] = [];
    if (Array.isArray(fields.ignore) && fields.ignore.every(entry => typeof entry === 'string')) {
        ignore = fields.ignore as string[];
    } else if (fields.ignore !== undefined) {
        problems.push(`${CONFIG_FILE_NAME}: "ignore" must be a list of paths or patterns, e.g. ["drafts", "old/**"]`);
    }
    const language = typeof fields.language === 'string' ? toLanguageCode(fields.language) : undefined;
    if (fields.language !== undefined && !language) {
        problems.push(`${CONFIG_FILE_NAME}: "language" must be one of ${SUPPORTED_LANGUAGES.map(code => `"${code}"`).join(', ')}, not ${JSON.stringify(fields.language)}`);
    }
    return { rules: settings.overrides, ignore, language, problems };
}

/** The config file in `directory` or the nearest folder above it. */
export function findConfigFile(directory: URI, exists: (uri: URI) => boolean): URI | undefined {
    for (let current = directory; ;) {
        const candidate = UriUtils.joinPath(current, CONFIG_FILE_NAME);
        if (exists(candidate)) return candidate;
        const parent = UriUtils.dirname(current);
        if (parent.toString() === current.toString()) return undefined;
        current = parent;
    }
}
