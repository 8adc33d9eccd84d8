/**
 * The step graph validation reads (model/step-graph.ts) says what the model and its flow graph say,
 * by other means: on every example, and on the cases where numbering by name is delicate (two
 * steps of one name, a flow to a step of another blueprint, two-way flows, independent chains).
 */
import { createBlueprintCoreServices, loadAndValidate, ast, type BlueprintCoreServices } from '@blueprint/language';
import { buildFlowGraph, reachableFrom, stepsReaching, visibleLaneIds } from '@blueprint/model';
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

function blueprintsOf(services: BlueprintCoreServices, uri: URI): ast.Blueprint[] {
    const document = services.shared.workspace.LangiumDocuments.getDocument(uri)!;
    return (document.parseResult.value as ast.BlueprintFile).elements.filter(ast.isBlueprint);
}

/** Compares the step graph of `blueprint` with its model and the model's flow graph; returns how many steps were compared. */
function expectAgreement(services: BlueprintCoreServices, blueprint: ast.Blueprint): number {
    const provider = services.model.BlueprintModelProvider;
    const graph = provider.getStepGraph(blueprint);
    const model = provider.getModel(blueprint);
    const flowGraph = buildFlowGraph(model);
    expect(graph.steps.map((step, index) => ({
        id: step.name, lane: graph.lanes[index], start: graph.start[index] === 1, end: graph.end[index] === 1,
        independent: graph.independent[index] === 1, touchpoint: graph.touchpoint[index] === 1,
        hasEvidence: graph.hasEvidence[index] === 1, recoverySteps: graph.recoverySteps[index]
    }))).toEqual(model.steps.map(step => ({
        id: step.id, lane: step.lane, start: step.start, end: step.end, independent: step.independent,
        touchpoint: step.touchpoint, hasEvidence: step.evidence.length > 0,
        recoverySteps: step.failPoints.flatMap(fail => (fail.recoveryDetails ?? []).flatMap(remedy => remedy.steps))
    })));
    expect([...graph.visibleLanes]).toEqual([...visibleLaneIds(model)]);
    // Every name a step or a flow end has, and one that none has.
    const names = [...new Set([...model.steps.map(step => step.id), ...model.flows.flatMap(flow => [flow.from, flow.to]), 'Nowhere'])];
    const marked = (marks: Uint8Array) => names.filter(name => graph.marks(marks, name));
    for (const name of model.steps.map(step => step.id)) {
        const node = graph.nodeOf(name)!;
        expect(graph.successorCount(node), name).toBe(flowGraph.successors.get(name)?.length ?? 0);
        expect(marked(graph.reachableFrom([node])), name).toEqual(names.filter(other => reachableFrom(flowGraph, [name]).has(other)));
        expect(marked(graph.stepsReaching([node])), name).toEqual(names.filter(other => stepsReaching(flowGraph, [name]).has(other)));
    }
    for (const step of blueprint.members.filter(ast.isStep)) {
        expect(graph.indexOf(step) === undefined ? undefined : graph.steps[graph.indexOf(step)!].name).toBe(provider.getStep(step)?.id);
    }
    return model.steps.length;
}

describe('the step graph validation reads', () => {
    test.each(exampleFiles.map(file => [file.slice(EXAMPLES.length + 1), file]))('%s: agrees with the model', async (_name, file) => {
        const services = createBlueprintCoreServices(NodeFileSystem, { batch: true }).Blueprint;
        const uri = URI.file(file);
        await loadAndValidate(services, [uri]);
        for (const blueprint of blueprintsOf(services, uri)) expectAgreement(services, blueprint);
    });

    test('agrees on steps of one name, flows to another blueprint, two-way flows and independent chains', async () => {
        const services = createServices();
        const document = await validateText(services, `blueprint One "One" {
    customer Ask "Ask" { evidence "Form" start }
    frontstage Ask "Ask again"
    frontstage Answer "Answer" via branch
    backstage Prepare "Prepare" { independent }
    backstage Batch "Batch"
    support Store "Store" { end }
    customer Leave "Leave" { fail "Lost" recovery "Call" -> Answer }
    flow Ask -> Answer <-> Elsewhere -> Leave
    flow Prepare -> Batch ~> Store
    flow Answer => Store
    flow Elsewhere -> Ask
}
blueprint Two "Two" {
    customer Elsewhere "Elsewhere" { end }
}
`, freshUri('step-graph-cases'));
        const [one, two] = blueprintsOf(services, document.uri);
        expect(expectAgreement(services, one)).toBe(7);
        expect(expectAgreement(services, two)).toBe(1);
        const graph = services.model.BlueprintModelProvider.getStepGraph(one);
        // The cases are there: a flow end of the other blueprint, a chain that only the independent step leads to.
        expect(graph.nodeOf('Elsewhere')).toBeGreaterThanOrEqual(graph.steps.length);
        expect(graph.steps.filter((_step, index) => graph.independent[index]).map(step => step.name)).toEqual(['Prepare', 'Batch']);
    });
});
