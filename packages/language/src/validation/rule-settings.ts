/** Rule settings as written by people: `{ ruleIdOrName: setting }`, checked against the catalog. */
import type { LanguageCode } from '@blueprint/model';
import type { URI } from 'langium';
import { findRule, type RuleInfo, type RuleSetting } from './rules.js';

export type { RuleSetting } from './rules.js';

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

/** Parses `{ ruleIdOrName: setting }`; used for config files, editor settings and the CLI's `--rule`. */
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
