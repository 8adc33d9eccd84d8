/** `explain_rule`: the rule catalog (packages/language/src/validation/rules.ts), one entry or all. */
import { ALL_RULES, findRule, type RuleInfo } from '@blueprint/language';
import { textResult, ToolInputError, type ToolResult } from './tool-result.js';

export function explainRuleTool(input: { readonly rule?: string }): ToolResult {
    const asked = input.rule?.trim();
    if (!asked) return textResult(ALL_RULES.map(rule => `${rule.id} ${rule.name} (${rule.severity}): ${rule.description}`).join('\n'));
    const rule = findRule(asked);
    if (!rule) throw new ToolInputError(`Unknown rule '${asked}'. Rules are ${ALL_RULES[0].id}…${ALL_RULES[ALL_RULES.length - 1].id}; call explain_rule without a rule to list them.`);
    return textResult(describeRule(rule));
}

function describeRule(rule: RuleInfo): string {
    return [
        `${rule.id} ${rule.name}`,
        `Default severity: ${rule.severity}`,
        rule.description,
        `Source: ${rule.source}`,
        rule.configurable
            ? `Configurable in blueprint.config.json, e.g. { "rules": { "${rule.id}": "off" } } (or "error", "warning", "info", "hint").`
            : 'Not configurable: without it the file means nothing.'
    ].join('\n');
}
