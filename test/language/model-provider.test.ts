/**
 * The model provider: one model per blueprint and document version, built again when its document
 * changes, with the model step of each AST step (none for a step whose name is taken already).
 * What validation reads instead of the model, the step graph, is held to the model in step-graph.test.ts.
 */
import { ast, type BlueprintCoreServices } from '@blueprint/language';
import type { URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { validateText } from '../helpers/validate-text.js';
import { createServices, freshUri } from './lsp/helpers.js';

function blueprintOf(services: BlueprintCoreServices, uri: URI): ast.Blueprint | undefined {
    const document = services.shared.workspace.LangiumDocuments.getDocument(uri)!;
    return (document.parseResult.value as ast.BlueprintFile).elements.find(ast.isBlueprint);
}

describe('the model provider', () => {
    test('a step whose name is taken already has no model step', async () => {
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
        expect(steps.map(step => provider.getStep(step)?.lane)).toEqual(['customer', undefined, 'frontstage']);
    });

    test('a change of the document gives a new model that agrees with the new text; at one version, one model', async () => {
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
        const before = provider.getModel(blueprintOf(services, uri)!);
        expect(before.flows.map(flow => flow.id)).toEqual(['Ask->Answer']);
        const document = await validateText(services, text('    flow Ask -> Answer ~> File'), uri);
        const after = blueprintOf(services, uri)!;
        expect(provider.getModel(after)).not.toBe(before);
        expect(provider.getModel(after).flows.map(flow => flow.id)).toEqual(['Ask->Answer', 'Answer->File']);
        expect(provider.getDocumentModel(document)!.steps.find(step => step.id === 'Answer')!.lane).toBe('frontstage');
        // Asked again at the same version (after validation, as a lens or hover asks): the same object, built once.
        expect(provider.getModel(after)).toBe(provider.getModel(after));
        expect(provider.getDocumentModel(document)).toBe(provider.getModel(after));
    });
});
