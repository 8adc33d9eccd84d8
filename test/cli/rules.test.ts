/** `blueprint rules`: the whole catalog, as a table or JSON. */
import { ALL_RULES } from '@blueprint/language';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Workspace, ensureBuilt } from './cli-harness.js';

let workspace: Workspace;
beforeAll(() => {
    ensureBuilt();
    workspace = new Workspace();
});
afterAll(() => workspace.dispose());

test('the text table lists every rule with its id, name, default severity and description', async () => {
    const result = await workspace.run(['rules']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(ALL_RULES.length);
    for (const [index, rule] of ALL_RULES.entries()) {
        const columns = lines[index].split(/ {2,}/);
        expect(columns.slice(0, 4)).toEqual([rule.id, rule.name, rule.severity, columns[3]]);
        expect(lines[index]).toContain(rule.description);
    }
});

test('the JSON lists every rule with its settings', async () => {
    const result = await workspace.run(['rules', '--format', 'json']);
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as { rules: unknown[] };
    expect(output.rules).toEqual(ALL_RULES.map(rule => ({
        id: rule.id, name: rule.name, defaultSeverity: rule.severity, description: rule.description,
        source: rule.source, configurable: rule.configurable
    })));
});

test('an unknown format is a usage error', async () => {
    const result = await workspace.run(['rules', '--format', 'sarif']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^blueprint: option '-f, --format <format>' argument 'sarif' is invalid/);
});
