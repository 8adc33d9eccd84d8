/** `blueprint/diagramDiff`: the open document against an older text, isolated from the workspace. */
import { createBlueprintServices } from '@blueprint/language';
import { EmptyFileSystem, EmptyFileSystemProvider, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { computeDiagramDiff } from '@blueprint/server';
import { validateText } from '../helpers/validate-text.js';

const OLD = `blueprint Help "Help" {
    customer Ask "Ask for help" via branch { evidence "Sign" start }
    frontstage Answer "Answer" { end }
    flow Ask -> Answer
}
`;
const NEW = OLD.replace('evidence "Sign" start', 'evidence "Sign" wait 5 min tolerance 10 min start')
    .replace('frontstage Answer "Answer" { end }', 'frontstage Answer "Answer" { end }\n    support Log "Log the question" { end }\n    flow Answer ~> Log');

async function setup(current: string) {
    const { Blueprint } = createBlueprintServices({ ...EmptyFileSystem });
    const uri = URI.parse('memory:///help.blueprint');
    await validateText(Blueprint, current, uri);
    return {
        Blueprint, uri,
        services: { documents: Blueprint.shared.workspace.LangiumDocuments, modelProvider: Blueprint.model.BlueprintModelProvider, fileSystem: () => new EmptyFileSystemProvider() }
    };
}

describe('diagram diff request', () => {
    it('returns the diff layout with classes, the changes and the Markdown', async () => {
        const { uri, services } = await setup(NEW);
        const result = await computeDiagramDiff({ uri: uri.toString(), oldText: OLD, oldLabel: 'HEAD' }, services);
        expect(result.error).toBeUndefined();
        expect(result.classes.Log).toEqual(['bp-added']);
        expect(result.classes.Ask).toEqual(['bp-changed']);
        expect(result.changes.map(c => `${c.kind} ${c.id}`).sort()).toEqual(['added Answer->Log', 'added Log', 'wait-added Ask']);
        expect(result.summary).toMatchObject({ changes: 3, risks: 1 });
        expect(result.markdown).toContain('Comparing `HEAD` → `working copy`');
        expect(result.layout!.steps.map(s => s.id).sort()).toEqual(['Answer', 'Ask', 'Ask.evidence', 'Log']);
    });

    it('keeps the old text out of the workspace: no document, no exported names, no diagnostics', async () => {
        const { Blueprint, uri, services } = await setup(NEW);
        const before = Blueprint.shared.workspace.LangiumDocuments.all.map(d => d.uri.toString()).toArray();
        await computeDiagramDiff({ uri: uri.toString(), oldText: OLD.replace('blueprint Help', 'actor Ghost "Ghost"\nblueprint Help'), oldLabel: 'HEAD' }, services);
        expect(Blueprint.shared.workspace.LangiumDocuments.all.map(d => d.uri.toString()).toArray()).toEqual(before);
        expect(Blueprint.shared.workspace.IndexManager.allElements('Actor').map(d => d.name).toArray()).not.toContain('Ghost');
    });

    it('explains why there is no diff: errors on either side', async () => {
        const { uri, services } = await setup(NEW);
        const oldBroken = await computeDiagramDiff({ uri: uri.toString(), oldText: OLD.replace('-> Answer', '-> Nowhere'), oldLabel: 'HEAD~1' }, services);
        expect(oldBroken.error).toMatch(/^HEAD~1: the old version has 1 error \(line 4: Could not resolve reference/);
        expect(oldBroken.changes).toEqual([]);
        const broken = await setup(NEW.replace('flow Ask -> Answer', 'flow Ask -> Nowhere'));
        const newBroken = await computeDiagramDiff({ uri: broken.uri.toString(), oldText: OLD, oldLabel: 'HEAD' }, broken.services);
        expect(newBroken.error).toBe('The file has errors; fix them to compare.');
    });
});
