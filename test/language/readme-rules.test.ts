/** The README's rules table is the rule catalog, as `npm run readme:rules` writes it. */
import { readFileSync } from 'node:fs';
import { ALL_RULES } from '@blueprint/language';
import { describe, expect, it } from 'vitest';
import { rulesTable, withRulesTable } from '../../scripts/rules-table.mjs';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README rules table', () => {
    it('lists every rule of the catalog, as generated', () => {
        expect(withRulesTable(README, ALL_RULES)).toBe(README);
        for (const rule of ALL_RULES) expect(README).toContain(`| ${rule.id} | \`${rule.name}\` |`);
    });

    it('escapes pipes in descriptions', () => {
        expect(rulesTable([{ id: 'BPX', name: 'x', severity: 'info', configurable: true, description: 'a | b' }])).toContain('a \\| b');
    });
});
