/**
 * The structure that validation reads (lanes, lines, flows, decisions, each step's place in the
 * process) is a part of the blueprint model, built by the same code: on every example it agrees
 * with the model field for field, and it is rebuilt, with the model, when its document changes.
 */
import { createBlueprintCoreServices, loadAndValidate, ast, type BlueprintCoreServices } from '@blueprint/language';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { validateText } from '../helpers/validate-text.js';
import { createServices, freshUri } from './lsp/helpers.js';

const EXAMPLES = fileURLToPath(new URL('../../examples', import.meta.url));
const exampleFiles = ['', 'invalid', 'shared-services'].flatMap(folder =>
    readdirSync(join(EXAMPLES, folder)).filter(name => name.endsWith('.blueprint')).map(name => join(EXAMPLES, folder, name)));

function blueprintOf(services: BlueprintCoreServices, uri: URI): ast.Blueprint | undefined {
    const document = services.shared.workspace.LangiumDocuments.getDocument(uri)!;
    return (document.parseResult.value as ast.BlueprintFile).elements.find(ast.isBlueprint);
}

describe('the structure validation reads', () => {
    test.each(exampleFiles.map(file => [file.slice(EXAMPLES.length + 1), file]))('%s: agrees with the model', async (_name, file) => {
        const services = createBlueprintCoreServices(NodeFileSystem, { batch: true }).Blueprint;
        const uri = URI.file(file);
        await loadAndValidate(services, [uri]);
        const blueprint = blueprintOf(services, uri);
        if (!blueprint) return; // a file with no blueprint (a shared declarations file)
        const provider = services.model.BlueprintModelProvider;
        const structure = provider.getStructure(blueprint);
        const model = provider.getModel(blueprint);
        expect(structure.lanes).toEqual(model.lanes);
        expect(structure.lines).toEqual(model.lines);
        expect(structure.flows).toEqual(model.flows);
        expect(structure.decisions).toEqual(model.decisions);
        expect(structure.steps.map(step => ({ ...step }))).toEqual(model.steps.map(step => ({
            id: step.id, lane: step.lane, laneKind: step.laneKind, independent: step.independent, start: step.start, end: step.end,
            touchpoint: step.touchpoint, hasEvidence: step.evidence.length > 0,
            recoverySteps: step.failPoints.flatMap(fail => (fail.recoveryDetails ?? []).flatMap(remedy => remedy.steps))
        })));
        for (const node of blueprint.members.filter(ast.isStep)) {
            expect(provider.getStructureStep(node)?.id).toBe(provider.getStep(node)?.id);
        }
    });

    test('a step whose name is taken already has no structure step, as it has no model step', async () => {
        const services = createServices();
        const document = await validateText(services, `blueprint Twice "Twice" {
    customer Ask "Ask" { evidence "Form" start }
    frontstage Ask "Ask again"
    frontstage Answer "Answer" { end }
    flow Ask -> Answer
}
`, freshUri('twice'));
        const steps = blueprintOf(services, document.uri)!.members.filter(ast.isStep);
        const provider = services.model.BlueprintModelProvider;
        expect(steps.map(step => provider.getStructureStep(step)?.lane)).toEqual(['customer', undefined, 'frontstage']);
        expect(steps.map(step => provider.getStep(step)?.lane)).toEqual(['customer', undefined, 'frontstage']);
    });

    test('a change of the document gives a new structure, and the model built after it agrees with the new text', async () => {
        const services = createServices();
        const uri = freshUri('changing');
        const text = (flows: string) => `blueprint Changing "Changing" {
    customer Ask "Ask" { evidence "Form" start }
    frontstage Answer "Answer"
    backstage File "File it" { end }
${flows}
}
`;
        const provider = services.model.BlueprintModelProvider;
        await validateText(services, text('    flow Ask -> Answer'), uri);
        const before = provider.getStructure(blueprintOf(services, uri)!);
        expect(before.flows.map(flow => flow.id)).toEqual(['Ask->Answer']);
        // Validation asked for the structure only; the model of the new version must not be built from the old parts.
        const document = await validateText(services, text('    flow Ask -> Answer ~> File'), uri);
        const after = blueprintOf(services, uri)!;
        expect(provider.getStructure(after)).not.toBe(before);
        expect(provider.getStructure(after).flows.map(flow => flow.id)).toEqual(['Ask->Answer', 'Answer->File']);
        expect(provider.getModel(after).flows.map(flow => flow.id)).toEqual(['Ask->Answer', 'Answer->File']);
        expect(provider.getDocumentModel(document)!.steps.find(step => step.id === 'Answer')!.lane).toBe('frontstage');
        // Asked again at the same version: the same objects, computed once.
        expect(provider.getStructure(after)).toBe(provider.getStructure(after));
        expect(provider.getModel(after)).toBe(provider.getModel(after));
    });

    test('a validated document keeps its model but not the parts validation read', async () => {
        const services = createServices();
        const uri = freshUri('validated');
        await validateText(services, 'blueprint V "V" {\n    customer Ask "Ask" { start }\n    frontstage Answer "Answer" { end }\n    flow Ask -> Answer\n}\n', uri);
        const provider = services.model.BlueprintModelProvider;
        const blueprint = blueprintOf(services, uri)!;
        // Built after validation (as a lens or hover would): from new parts, which are let go again.
        const model = provider.getModel(blueprint);
        const structure = provider.getStructure(blueprint);
        expect(structure.flows).not.toBe(model.flows);
        expect(structure.flows).toEqual(model.flows);
        expect(provider.getModel(blueprint)).toBe(model);
    });
});
