/**
 * Files that import the same files share the scope of what those declare (built once per reference
 * type, not once per importer): a change to an imported file must reach every importer, never a
 * scope built before the change.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBlueprintCoreServices, loadAndValidate } from '@blueprint/language';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const importer = (name: string, performer: string) => `import "shared.blueprint"
blueprint ${name} "${name}" {
    customer Arrive "Arrive" { evidence "Door" start }
    frontstage Greet "Greet" by ${performer} { end }
    flow Arrive -> Greet
}
`;

const unresolved = (document: LangiumDocument) =>
    (document.diagnostics ?? []).filter(diagnostic => diagnostic.code === 'BP002').map(diagnostic => diagnostic.message);

describe('scopes shared by the files that import the same files', () => {
    let dir: string;
    beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'blueprint-scopes-')); });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('see a declaration added to the imported file, in every importer, and lose one removed from it', async () => {
        writeFileSync(join(dir, 'shared.blueprint'), 'actor Clerk "Clerk"\n');
        writeFileSync(join(dir, 'a.blueprint'), importer('A', 'Clerk'));
        writeFileSync(join(dir, 'b.blueprint'), importer('B', 'Newbie'));
        const { Blueprint } = createBlueprintCoreServices({ ...NodeFileSystem });
        const { documents: [a, b] } = await loadAndValidate(Blueprint, ['a', 'b'].map(name => URI.file(join(dir, `${name}.blueprint`))));
        expect(unresolved(a)).toEqual([]);
        expect(unresolved(b)).toHaveLength(1);
        expect(unresolved(b)[0]).toContain('Newbie');

        // Newbie declared, Clerk gone: both importers are relinked against the new declarations.
        writeFileSync(join(dir, 'shared.blueprint'), 'actor Newbie "Newbie"\n');
        await Blueprint.shared.workspace.DocumentBuilder.update([URI.file(join(dir, 'shared.blueprint'))], []);
        const documents = Blueprint.shared.workspace.LangiumDocuments;
        const [a2, b2] = ['a', 'b'].map(name => documents.getDocument(URI.file(join(dir, `${name}.blueprint`)))!);
        expect(unresolved(b2)).toEqual([]);
        expect(unresolved(a2)).toHaveLength(1);
        expect(unresolved(a2)[0]).toContain('Clerk');
    });

    it('do not mix files that import different files', async () => {
        writeFileSync(join(dir, 'shared.blueprint'), 'actor Clerk "Clerk"\n');
        writeFileSync(join(dir, 'other.blueprint'), 'actor Porter "Porter"\n');
        writeFileSync(join(dir, 'a.blueprint'), importer('A', 'Clerk'));
        writeFileSync(join(dir, 'b.blueprint'), importer('B', 'Clerk').replace('shared.blueprint', 'other.blueprint'));
        const { Blueprint } = createBlueprintCoreServices({ ...NodeFileSystem });
        const { documents: [a, b] } = await loadAndValidate(Blueprint, ['a', 'b'].map(name => URI.file(join(dir, `${name}.blueprint`))));
        expect(unresolved(a)).toEqual([]);
        expect(unresolved(b)).toHaveLength(1);
        expect(unresolved(b)[0]).toContain('Clerk');
    });
});
