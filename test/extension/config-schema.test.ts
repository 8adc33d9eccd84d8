/**
 * The JSON schema the extension registers for blueprint.config.json (jsonValidation): generated
 * from the rule catalog and kept in sync with it, and it accepts exactly what the language's own
 * config reader accepts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { ALL_RULES, parseConfigText } from '@blueprint/language';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXTENSION = join(ROOT, 'packages/extension');
const manifest = JSON.parse(readFileSync(join(EXTENSION, 'package.json'), 'utf8')) as { contributes: { jsonValidation: Array<{ fileMatch: string; url: string }> } };
const [entry] = manifest.contributes.jsonValidation;
const schema = JSON.parse(readFileSync(join(EXTENSION, entry.url), 'utf8')) as { properties: { rules: { properties: Record<string, unknown> } } };
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

describe('the blueprint.config.json schema', () => {
    it('is registered for blueprint.config.json and lists every configurable rule by id and name', () => {
        expect(entry.fileMatch).toBe('blueprint.config.json');
        const expected = ALL_RULES.filter(rule => rule.configurable).flatMap(rule => [rule.id, rule.name]).sort();
        expect(Object.keys(schema.properties.rules.properties).sort()).toEqual(expected);
    });

    it('agrees with the config reader on valid and invalid files', () => {
        const samples = [
            { rules: { BP008: 'off', 'no-dead-ends': 'info' }, ignore: ['drafts', 'old/**'] },
            { $schema: './node_modules/x.json', rules: {} },
            { rules: { BP999: 'off' } },
            { rules: { BP008: 'loud' } },
            { rules: { BP000: 'off' } },
            { ignore: 'drafts' },
            { rule: {} }
        ];
        for (const sample of samples) {
            const readerAccepts = parseConfigText(JSON.stringify(sample)).problems.length === 0;
            expect(validate(sample), JSON.stringify(sample)).toBe(readerAccepts);
        }
    });

    it('accepts every config file in the repository', () => {
        const configs = readdirSync(join(ROOT, 'examples'), { recursive: true, encoding: 'utf8' }).filter(f => f.endsWith('blueprint.config.json'));
        expect(configs.length).toBeGreaterThan(0);
        for (const file of configs) expect(validate(JSON.parse(readFileSync(join(ROOT, 'examples', file), 'utf8'))), file).toBe(true);
    });
});
