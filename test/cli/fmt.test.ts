/** `blueprint fmt`: formats in place, `--check` lists and fails, files with syntax errors stay untouched. */
import { readFileSync, statSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { CLEAN, UNFINISHED, Workspace, ensureBuilt } from './cli-harness.js';

beforeAll(ensureBuilt);

let workspace: Workspace;
afterEach(() => workspace?.dispose());

/** Indentation all over the place, a comment and a blank line that must survive. */
const MESSY = `// Help at the counter, typed in a hurry.
blueprint Help "Help at the counter" {
actor Teller "Teller"

      customer Ask "Ask for help" via branch {
  evidence "Counter sign"
            start
 }
        frontstage Answer "Answer the question" by Teller via branch {
end
      }
  flow Ask -> Answer
  }
`;

/**
 * What 4-space indentation by brace depth makes of `text`, computed independently of the formatter
 * (every line of MESSY opens or closes at most one brace, at its end or start).
 */
function indentedByDepth(text: string): string {
    let depth = 0;
    return text.split('\n').map(line => {
        const trimmed = line.trim();
        if (trimmed.startsWith('}')) depth--;
        const result = trimmed === '' ? '' : ' '.repeat(4 * depth) + trimmed;
        if (trimmed.endsWith('{')) depth++;
        return result;
    }).join('\n');
}

const withoutWhitespace = (text: string) => text.replace(/\s+/g, '');

describe('fmt --check', () => {
    test('lists the files that would change, fails, and writes nothing', async () => {
        workspace = new Workspace({ 'messy.blueprint': MESSY, 'tidy.blueprint': indentedByDepth(MESSY) });
        const result = await workspace.run(['fmt', '--check']);
        expect(result.stdout).toBe('messy.blueprint\n');
        expect(result.stderr).toContain(`Checked 2 files: 1 needs formatting (run 'blueprint fmt').`);
        expect(result.code).toBe(1);
        expect(workspace.read('messy.blueprint')).toBe(MESSY);
    });

    test('passes when everything is formatted', async () => {
        workspace = new Workspace({ 'tidy.blueprint': indentedByDepth(MESSY) });
        const result = await workspace.run(['fmt', '--check', 'tidy.blueprint']);
        expect(result.stdout).toBe('');
        expect(result.code).toBe(0);
    });
});

describe('fmt', () => {
    test('fixes messy indentation in place, keeping every token and comment', async () => {
        workspace = new Workspace({ 'messy.blueprint': MESSY });
        const result = await workspace.run(['fmt', 'messy.blueprint']);
        expect(result.code).toBe(0);
        expect(result.stdout).toBe('messy.blueprint\n');
        const formatted = workspace.read('messy.blueprint');
        expect(formatted).toBe(indentedByDepth(MESSY));
        expect(withoutWhitespace(formatted)).toBe(withoutWhitespace(MESSY));
        expect(formatted).toContain('// Help at the counter, typed in a hurry.');
    });

    // Newcomer trial 4, finding 13: the byte order mark went, the CRLF line endings stayed.
    test('keeps a UTF-8 byte order mark and CRLF line endings', async () => {
        const messyCrlf = '\ufeff' + MESSY.replace(/\n/g, '\r\n');
        workspace = new Workspace({ 'bom.blueprint': messyCrlf });
        const result = await workspace.run(['fmt', 'bom.blueprint']);
        expect(result.code, result.stderr).toBe(0);
        const bytes = readFileSync(workspace.path('bom.blueprint'));
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const formatted = bytes.toString('utf8');
        expect(formatted).toBe('\ufeff' + indentedByDepth(MESSY).replace(/\n/g, '\r\n'));
        expect((await workspace.run(['fmt', '--check', 'bom.blueprint'])).code).toBe(0);
    });

    test('is idempotent: a second run changes nothing and --check then passes', async () => {
        workspace = new Workspace({ 'messy.blueprint': MESSY });
        await workspace.run(['fmt']);
        const once = workspace.read('messy.blueprint');
        const modified = statSync(workspace.path('messy.blueprint')).mtimeMs;
        const again = await workspace.run(['fmt']);
        expect(again.stdout).toBe('');
        expect(workspace.read('messy.blueprint')).toBe(once);
        expect(statSync(workspace.path('messy.blueprint')).mtimeMs).toBe(modified);
        expect((await workspace.run(['fmt', '--check'])).code).toBe(0);
    });

    test('formatting does not change what check reports', async () => {
        workspace = new Workspace({ 'messy.blueprint': MESSY.replace('  evidence "Counter sign"\n', '').replace('\nend\n', '\n') });
        const before = JSON.parse((await workspace.run(['check', '--format', 'json'])).stdout);
        await workspace.run(['fmt']);
        const after = JSON.parse((await workspace.run(['check', '--format', 'json'])).stdout);
        const rules = (output: { files: Array<{ diagnostics: Array<{ rule: string; message: string }> }> }) =>
            output.files.flatMap(file => file.diagnostics.map(d => `${d.rule} ${d.message}`));
        expect(rules(before).length).toBeGreaterThan(0);
        expect(rules(after)).toEqual(rules(before));
    });

    test('never writes a file with syntax errors: reports it, skips it, exits 1', async () => {
        const unfinishedMessy = UNFINISHED.replace(/^ +/gm, '  ');
        workspace = new Workspace({ 'broken.blueprint': unfinishedMessy, 'messy.blueprint': MESSY });
        const result = await workspace.run(['fmt']);
        expect(result.code).toBe(1);
        expect(workspace.read('broken.blueprint')).toBe(unfinishedMessy);
        expect(result.stderr).toMatch(/^broken\.blueprint:\d+:\d+ error BP000 /m);
        expect(result.stderr).toContain('blueprint: broken.blueprint: not formatted because of syntax errors');
        // The other file is still formatted.
        expect(workspace.read('messy.blueprint')).toBe(indentedByDepth(MESSY));
    });

    test('writes only the files named or found', async () => {
        workspace = new Workspace({
            'a/messy.blueprint': MESSY,
            'b/messy.blueprint': MESSY,
            'a/node_modules/dep/messy.blueprint': MESSY,
            'a/.hidden/messy.blueprint': MESSY
        });
        const result = await workspace.run(['fmt', 'a']);
        expect(result.stdout).toBe('a/messy.blueprint\n');
        expect(workspace.read('a/messy.blueprint')).toBe(indentedByDepth(MESSY));
        expect(workspace.read('b/messy.blueprint')).toBe(MESSY);
        expect(workspace.read('a/node_modules/dep/messy.blueprint')).toBe(MESSY);
        expect(workspace.read('a/.hidden/messy.blueprint')).toBe(MESSY);
    });

    test('a file that cannot be blueprint text is named and skipped; the others are formatted, exit 1', async () => {
        const binary = new Uint8Array([0, 0, 0]);
        workspace = new Workspace({ 'a.blueprint': MESSY, 'b.blueprint': binary, 'c.blueprint': MESSY });
        const check = await workspace.run(['fmt', '--check']);
        expect(check.code).toBe(1);
        expect(check.stdout).toBe('a.blueprint\nc.blueprint\n');
        expect(check.stderr).toBe('blueprint: b.blueprint: looks like a binary file (it contains NUL bytes), not blueprint text; not formatted\n'
            + "Checked 3 files: 2 need formatting (run 'blueprint fmt'); 1 file skipped for errors.\n");
        expect(workspace.read('a.blueprint')).toBe(MESSY);

        const result = await workspace.run(['fmt']);
        expect(result.code).toBe(1);
        expect(result.stdout).toBe('a.blueprint\nc.blueprint\n');
        expect(result.stderr).toBe('blueprint: b.blueprint: looks like a binary file (it contains NUL bytes), not blueprint text; not formatted\n'
            + 'Formatted 3 files: 2 changed; 1 file skipped for errors.\n');
        expect(workspace.read('a.blueprint')).toBe(indentedByDepth(MESSY));
        expect(workspace.read('c.blueprint')).toBe(indentedByDepth(MESSY));
        expect(new Uint8Array(readFileSync(workspace.path('b.blueprint')))).toEqual(binary);
    });

    test('usage errors exit 2', async () => {
        workspace = new Workspace({ 'a.blueprint': CLEAN });
        expect((await workspace.run(['fmt', 'missing'])).code).toBe(2);
        expect((await workspace.run(['fmt', '--in-place'])).code).toBe(2);
        expect((await workspace.run(['fmt', '--check', '--stdout'])).code).toBe(2);
    });
});
