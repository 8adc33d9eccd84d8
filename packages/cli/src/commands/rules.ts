/** `blueprint rules`: the rule catalog, for people (a table) or tools (JSON). */
import { ALL_RULES, type RuleInfo } from '@blueprint/language/core';
import { Option, type Command } from 'commander';
import { ExitCode, type CliCommand, type CliContext } from '../cli-context.js';
import { colorsEnabled, createColors } from '../colors.js';

interface RulesCommandOptions {
    format: 'text' | 'json';
}

export const rulesCommand: CliCommand = {
    register(program: Command, context: CliContext): void {
        program.command('rules')
            .summary('list the validation rules')
            .description('Lists every rule with its id, name, default severity and description. Rules can be '
                + 'reconfigured in blueprint.config.json, e.g. { "rules": { "BP008": "off" } }, or with check --rule.')
            .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
            .action((options: RulesCommandOptions) => {
                const output = options.format === 'json'
                    ? rulesAsJson(ALL_RULES)
                    : rulesAsText(ALL_RULES, colorsEnabled(context.stdout, context.env));
                context.stdout.write(output);
                context.exitCode = ExitCode.ok;
            });
    }
};

function rulesAsJson(rules: readonly RuleInfo[]): string {
    const output = rules.map(rule => ({
        id: rule.id,
        name: rule.name,
        defaultSeverity: rule.severity,
        description: rule.description,
        source: rule.source,
        configurable: rule.configurable
    }));
    return JSON.stringify({ rules: output }, undefined, 2) + '\n';
}

function rulesAsText(rules: readonly RuleInfo[], color: boolean): string {
    const colors = createColors(color);
    const nameWidth = Math.max(...rules.map(rule => rule.name.length));
    const severityWidth = Math.max(...rules.map(rule => rule.severity.length));
    return rules.map(rule => {
        const severity = rule.severity.padEnd(severityWidth);
        const fixed = rule.configurable ? '' : colors.dim(' (always on)');
        return `${colors.bold(rule.id)}  ${rule.name.padEnd(nameWidth)}  ${rule.severity === 'error' ? colors.red(severity) : colors.yellow(severity)}  ${rule.description}${fixed}`;
    }).join('\n') + '\n';
}
