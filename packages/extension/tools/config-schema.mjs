// Writes schemas/blueprint.config.schema.json (the JSON schema VS Code validates blueprint.config.json
// against) from the rule catalog of the built language package: `node tools/config-schema.mjs`.
// test/extension/config-schema.test.ts fails when the committed file is out of date.
import { writeFileSync } from 'node:fs';
import { ALL_RULES } from '@blueprint/language';
import { SUPPORTED_LANGUAGES } from '@blueprint/model';

const configurable = ALL_RULES.filter(rule => rule.configurable);
const setting = {
    enum: ['error', 'warning', 'info', 'hint', 'off'],
    enumDescriptions: ['Report as an error.', 'Report as a warning.', 'Report as information.', 'Show as a hint only.', 'Do not check this rule.']
};
const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Blueprint configuration (blueprint.config.json)',
    description: 'Rule settings, ignored paths and the default language for the .blueprint files in this folder and below it.',
    type: 'object',
    additionalProperties: false,
    properties: {
        $schema: { type: 'string' },
        rules: {
            type: 'object',
            description: 'Severity per rule, by id (BP008) or name (touchpoint-evidence). Run `blueprint rules` for the catalog.',
            additionalProperties: false,
            properties: Object.fromEntries(configurable.flatMap(rule => [rule.id, rule.name].map(key => [key, {
                ...setting, markdownDescription: `**${rule.id} ${rule.name}** (default ${rule.severity}): ${rule.description}`
            }])))
        },
        ignore: {
            type: 'array',
            description: 'Folders, files or glob patterns (relative to this file) that `blueprint check` and `fmt` skip when they walk a folder.',
            items: { type: 'string' },
            uniqueItems: true
        },
        language: {
            enum: [...SUPPORTED_LANGUAGES],
            description: 'The default language of the blueprints in this folder and below it (a blueprint\'s own `language` wins): lane and line names, report headings.'
        }
    }
};
const target = new URL('../schemas/blueprint.config.schema.json', import.meta.url);
writeFileSync(target, JSON.stringify(schema, null, 2) + '\n');
console.log(`wrote ${target.pathname}`);
