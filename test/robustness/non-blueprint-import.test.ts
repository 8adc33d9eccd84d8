/** BP003: an import must name a blueprint file, whatever its name says (here a `.blueprint` link to /etc/passwd). */
import { symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli, Workspace } from '../cli/cli-harness.js';

const workspace = new Workspace({
    'main.blueprint': 'import "passwd"\nblueprint Main "Main" {\n    customer A "A" { start end }\n}\n',
    'notes.blueprint': 'These are meeting notes, not a blueprint.\n',
    'other.blueprint': 'import "notes.blueprint"\nblueprint Other "Other" {\n    customer A "A" { start end }\n}\n'
});

beforeAll(() => {
    ensureBuilt();
    symlinkSync('/etc/passwd', path.join(workspace.root, 'passwd.blueprint'));
});
afterAll(() => workspace.dispose());

describe('importing something that is not a blueprint', () => {
    it('a .blueprint symbolic link to /etc/passwd fails check with BP003 on the import', async () => {
        const result = await runCli(['check', 'main.blueprint'], { cwd: workspace.root });
        expect(result.code).toBe(1);
        expect(result.stdout).toMatch(/^main\.blueprint:1:8 error BP003 The imported file 'passwd' is not a blueprint file: it does not parse \(\d+ syntax errors?\)\.$/m);
        // Nothing of the imported file's content is echoed.
        expect(result.stdout).not.toContain('root:');
    });

    it('a text file named .blueprint is reported the same way', async () => {
        const result = await runCli(['check', 'other.blueprint'], { cwd: workspace.root });
        expect(result.stdout).toContain("other.blueprint:1:8 error BP003 The imported file 'notes.blueprint' is not a blueprint file");
    });
});
