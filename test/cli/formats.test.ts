/**
 * The machine formats of `blueprint check`: JSON against our schema, SARIF against the official
 * SARIF 2.1.0 schema, GitHub workflow commands; all consistent with each other and with the text format.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ALL_RULES } from '@blueprint/language';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { escapeWorkflowData as escapeData, escapeWorkflowProperty as escapeProperty } from '@blueprint/escape';
import { BANK_DEPOSIT, BROKEN, CLEAN, REPO_ROOT, UNFINISHED, Workspace, ensureBuilt } from './cli-harness.js';

interface JsonDiagnostic { rule: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number }
interface JsonOutput { files: Array<{ path: string; diagnostics: JsonDiagnostic[] }>; summary: { files: number; errors: number; warnings: number } }

const require = createRequire(import.meta.url);
// CommonJS packages whose default export TypeScript cannot see through under NodeNext.
const AjvDraft04 = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
const CLI_VERSION = (JSON.parse(readFileSync(`${REPO_ROOT}/packages/cli/package.json`, 'utf8')) as { version: string }).version;

const validateJson = (() => {
    const ajv = new Ajv({ allErrors: true, strict: true });
    return ajv.compile(JSON.parse(readFileSync(new URL('./schemas/check-output.schema.json', import.meta.url), 'utf8')));
})();

/**
 * The SARIF 2.1.0 schema as published by the SARIF SDK (`@microsoft/jest-sarif` ships it; it is a
 * JSON Schema draft-04 document). Its `language` pattern is not valid under the `u` flag, hence
 * `unicodeRegExp: false`.
 */
const validateSarif = (() => {
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    return ajv.compile(schema);
})();

let workspace: Workspace;

beforeAll(() => {
    ensureBuilt();
    workspace = new Workspace({
        'flows/deposit.blueprint': BANK_DEPOSIT,
        'flows/broken.blueprint': BROKEN,
        'flows/unfinished.blueprint': UNFINISHED,
        'flows/clean.blueprint': CLEAN,
        'my flows/with space.blueprint': BANK_DEPOSIT,
        'odd/a,b:c%.blueprint': BANK_DEPOSIT,
        'clean-only/help.blueprint': CLEAN
    });
});
afterAll(() => workspace.dispose());

async function jsonOutput(paths: string[]): Promise<JsonOutput> {
    const result = await workspace.run(['check', '--format', 'json', ...paths]);
    return JSON.parse(result.stdout) as JsonOutput;
}

describe('json', () => {
    test('validates against the schema, with 1-based positions and a matching summary', async () => {
        const result = await workspace.run(['check', '--format', 'json', 'flows']);
        expect(result.code).toBe(1);
        const output = JSON.parse(result.stdout) as JsonOutput;
        expect(validateJson(output), JSON.stringify(validateJson.errors)).toBe(true);
        const all = output.files.flatMap(file => file.diagnostics);
        expect(output.summary).toEqual({
            files: 4,
            errors: all.filter(d => d.severity === 'error').length,
            warnings: all.filter(d => d.severity === 'warning').length
        });
        expect(output.summary.errors).toBeGreaterThan(0);
        expect(new Set(all.map(d => d.rule))).toEqual(new Set(['BP000', 'BP001', 'BP002', 'BP008', 'BP013', 'BP016']));
        for (const d of all) expect(d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column)).toBe(true);
    });

    test('a clean run validates too', async () => {
        const result = await workspace.run(['check', '--format', 'json', 'clean-only']);
        expect(result.code).toBe(0);
        const output = JSON.parse(result.stdout);
        expect(validateJson(output), JSON.stringify(validateJson.errors)).toBe(true);
        expect(output).toEqual({ files: [{ path: 'clean-only/help.blueprint', diagnostics: [] }], summary: { files: 1, errors: 0, warnings: 0 } });
    });

    test('the schema rejects what it should (it is not a rubber stamp)', () => {
        const good = { files: [{ path: 'a.blueprint', diagnostics: [{ rule: 'BP001', severity: 'error', message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2 }] }], summary: { files: 1, errors: 1, warnings: 0 } };
        expect(validateJson(good)).toBe(true);
        const zeroBased = structuredClone(good);
        zeroBased.files[0].diagnostics[0].line = 0;
        expect(validateJson(zeroBased)).toBe(false);
        const absolute = structuredClone(good);
        absolute.files[0].path = '/tmp/a.blueprint';
        expect(validateJson(absolute)).toBe(false);
    });

    test('says the same as the text format', async () => {
        const output = await jsonOutput(['flows']);
        const text = await workspace.run(['check', 'flows']);
        const fromJson = output.files.flatMap(file => file.diagnostics.map(d => `${file.path}:${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}`));
        const fromText = text.stdout.split('\n').filter(line => /^\S+:\d+:\d+ /.test(line));
        expect(fromText).toEqual(fromJson);
    });
});

describe('sarif', () => {
    const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

    test('is valid SARIF 2.1.0 and carries every diagnostic with its rule and region', async () => {
        const result = await workspace.run(['check', '--format', 'sarif', 'flows', 'my flows']);
        expect(result.code).toBe(1);
        const log = JSON.parse(result.stdout);
        expect(validateSarif(log), JSON.stringify(validateSarif.errors, undefined, 1)).toBe(true);
        expect(log.version).toBe('2.1.0');
        expect(log.runs).toHaveLength(1);

        const run = log.runs[0];
        const driver = run.tool.driver;
        expect(driver.name).toBe('blueprint');
        expect(driver.version).toBe(CLI_VERSION);
        expect(driver.rules.map((rule: { id: string }) => rule.id)).toEqual(ALL_RULES.map(rule => rule.id));
        for (const [index, rule] of ALL_RULES.entries()) {
            expect(driver.rules[index]).toMatchObject({
                id: rule.id, name: rule.name, shortDescription: { text: rule.description },
                defaultConfiguration: { level: LEVEL[rule.severity] }
            });
        }

        const json = await jsonOutput(['flows', 'my flows']);
        const expected = json.files.flatMap(file => file.diagnostics.map(d => ({
            ruleId: d.rule,
            level: LEVEL[d.severity],
            message: { text: d.message },
            uri: file.path.split('/').map(encodeURIComponent).join('/'),
            region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn }
        })));
        const actual = run.results.map((r: any) => ({
            ruleId: r.ruleId,
            level: r.level,
            message: r.message,
            uri: r.locations[0].physicalLocation.artifactLocation.uri,
            region: r.locations[0].physicalLocation.region
        }));
        expect(actual).toEqual(expected);
        expect(actual.some((r: { uri: string }) => r.uri === 'my%20flows/with%20space.blueprint')).toBe(true);
        for (const r of run.results) {
            expect(driver.rules[r.ruleIndex].id).toBe(r.ruleId);
            const location = r.locations[0].physicalLocation.artifactLocation;
            expect(location.uri).not.toMatch(/^[a-z]+:|^\//);
            expect(run.originalUriBaseIds[location.uriBaseId].uri).toMatch(/^file:\/\/.*\/$/);
        }
    });

    test('a run without results is valid too', async () => {
        const result = await workspace.run(['check', '--format', 'sarif', 'clean-only']);
        expect(result.code).toBe(0);
        const log = JSON.parse(result.stdout);
        expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
        expect(log.runs[0].results).toEqual([]);
    });

    test('the official schema rejects a broken log (the validator is real)', () => {
        expect(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
        expect(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] })).toBe(false);
    });
});

describe('github', () => {
    const COMMAND = /^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=(BP\d{3})::(.*)$/;

    test('one workflow command per diagnostic, matching the JSON output', async () => {
        const result = await workspace.run(['check', '--format', 'github', 'flows']);
        expect(result.code).toBe(1);
        const commands = result.stdout.split('\n').filter(line => line.startsWith('::'));
        const json = await jsonOutput(['flows']);
        const expected = json.files.flatMap(file => file.diagnostics.map(d =>
            `::${d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice'} file=${file.path},line=${d.line},col=${d.column},endLine=${d.endLine},endColumn=${d.endColumn},title=${d.rule}::${d.message}`));
        expect(commands).toEqual(expected);
        for (const command of commands) expect(command).toMatch(COMMAND);
    });

    test('escapes commas, colons and percent signs in the file property', async () => {
        const result = await workspace.run(['check', '--format', 'github', 'odd']);
        const commands = result.stdout.split('\n').filter(line => line.startsWith('::'));
        expect(commands.length).toBeGreaterThan(0);
        for (const command of commands) {
            expect(command).toMatch(COMMAND);
            expect(command).toContain('file=odd/a%2Cb%3Ac%25.blueprint,');
        }
    });

    test('escaping follows the runner: %, CR and LF everywhere; also : and , in properties', () => {
        expect(escapeData('100% sure\r\nnext: a, b')).toBe('100%25 sure%0D%0Anext: a, b');
        expect(escapeProperty('dir,x/a:b%\n.blueprint')).toBe('dir%2Cx/a%3Ab%25%0A.blueprint');
    });
});
