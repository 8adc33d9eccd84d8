/**
 * `blueprint.config.json`: the one place that finds and reads it, for the language server's
 * validation, the CLI's checks and the CLI's folder walks alike.
 *   { "rules": { "BP008": "off", "no-dead-ends": "info" }, "ignore": ["drafts", "old/**"] }
 * The nearest file in or above a document's folder applies (or the one given with `--config`).
 */
import { UriUtils, type URI } from 'langium';
import { parseRuleSettings, type RuleSetting } from '../validation/rule-settings.js';

export const CONFIG_FILE_NAME = 'blueprint.config.json';
const FIELDS = ['$schema', 'rules', 'ignore'];

export interface BlueprintConfig {
    /** Setting per rule id. */
    readonly rules: ReadonlyMap<string, RuleSetting>;
    /** Paths or patterns, relative to the config file's folder, that folder walks leave out. */
    readonly ignore: readonly string[];
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
    const fields = json as { rules?: unknown; ignore?: unknown };
    const settings = parseRuleSettings(fields.rules ?? {}, CONFIG_FILE_NAME);
    const problems = [...settings.problems];
    for (const key of Object.keys(json)) {
        if (!FIELDS.includes(key)) problems.push(`${CONFIG_FILE_NAME}: unknown field "${key}" (expected "rules" and "ignore")`);
    }
    let ignore: string[] = [];
    if (Array.isArray(fields.ignore) && fields.ignore.every(entry => typeof entry === 'string')) {
        ignore = fields.ignore as string[];
    } else if (fields.ignore !== undefined) {
        problems.push(`${CONFIG_FILE_NAME}: "ignore" must be a list of paths or patterns, e.g. ["drafts", "old/**"]`);
    }
    return { rules: settings.overrides, ignore, problems };
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
