/**
 * Placement reuse (layout.ts): a label edit that leaves every box its size reuses the previous
 * layout's geometry with the new content; one that widens a box places again (same columns); a
 * flow edit places and routes again; reuse never keeps content that changed, also when it changed
 * in an imported file. The oracle for "reuse changes nothing but the time": the same layout
 * computed without reuse (a copy of the previous layout carries no placement to reuse).
 */
import { layoutBlueprint, type BlueprintLayout } from '@blueprint/diagram';
import { createBlueprintServices } from '@blueprint/language';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { modelFromText } from './diagram-helpers.js';

const TEXT = `blueprint Visit "Visit" {
    actor Clerk "Clerk"
    stage Arrive "Arrive"
    stage Serve "Serve"
    customer Enter "Enter the branch" in Arrive { start evidence "Door sign" }
    frontstage Greet "Greet the customer" in Arrive by Clerk
    backstage Check "Check the file" in Serve by Clerk { duration 2 min }
    frontstage Answer "Answer the question" in Serve by Clerk
    customer Go "Go home" in Serve { end }
    flow Enter -> Greet -> Check -> Answer -> Go
    flow Answer -> Check "Needs more" loop 10 %
}
`;

/** The geometry of a layout, by id (the step list's order may follow the previous layout's). */
function geometry(layout: BlueprintLayout) {
    return {
        size: [layout.width, layout.height],
        steps: Object.fromEntries(layout.steps.map(step => [step.id, [step.x, step.y, step.width, step.height, step.label]])),
        flows: Object.fromEntries(layout.flows.map(flow => [flow.id, [flow.points, flow.labelBox]])),
        lanes: layout.lanes, stages: layout.stages
    };
}

/** The layout without reuse: a JSON copy of `previous` is not a layout this module made. */
async function withoutReuse(text: string, previous: BlueprintLayout): Promise<BlueprintLayout> {
    return layoutBlueprint(await modelFromText(text), { previous: JSON.parse(JSON.stringify(previous)) as BlueprintLayout });
}

describe('placement reuse', () => {
    test('a label edit that keeps every box its size keeps the geometry and shows the new label', async () => {
        const before = await layoutBlueprint(await modelFromText(TEXT));
        // One letter in a label that stays on one line and narrower than the box.
        const edited = TEXT.replace('"Go home"', '"Go homo"');
        const after = await layoutBlueprint(await modelFromText(edited), { previous: before });
        expect(after.steps.find(step => step.id === 'Go')!.label).toBe('Go homo');
        expect(after.steps.find(step => step.id === 'Go')!.lines).toEqual(['Go homo']);
        expect(geometry(after)).toEqual({ ...geometry(before), steps: { ...geometry(before).steps, Go: [...geometry(before).steps.Go.slice(0, 4), 'Go homo'] } });
        expect(after).toEqual(await withoutReuse(edited, before));
        // Reused, not recomputed: the routed flows are the previous layout's own.
        expect(after.flows).toBe(before.flows);
    });

    test('a label edit that widens a box places again: the boxes keep their columns, the ones right of it move', async () => {
        const before = await layoutBlueprint(await modelFromText(TEXT));
        const edited = TEXT.replace('"Check the file"', '"Check the customer file and the signature card"');
        const after = await layoutBlueprint(await modelFromText(edited), { previous: before });
        const x = (layout: BlueprintLayout, id: string) => layout.steps.find(step => step.id === id)!.x;
        const check = (layout: BlueprintLayout) => layout.steps.find(step => step.id === 'Check')!;
        expect(check(after).width).toBeGreaterThan(check(before).width);
        expect(check(after).lines.join(' ')).toBe('Check the customer file and the signature card');
        // Left to right as before; what lies right of the wider column moved right.
        const order = (layout: BlueprintLayout) => ['Enter', 'Greet', 'Check', 'Answer', 'Go'].sort((a, b) => x(layout, a) - x(layout, b));
        expect(order(after)).toEqual(order(before));
        expect(x(after, 'Enter')).toBe(x(before, 'Enter'));
        expect(x(after, 'Go')).toBeGreaterThan(x(before, 'Go'));
        expect(after.flows).not.toBe(before.flows);
        expect(after).toEqual(await withoutReuse(edited, before));
    });

    test('a label edit after a flow edit gives the diagram of the new flows, with the new label', async () => {
        const first = await layoutBlueprint(await modelFromText(TEXT));
        const flowEdit = TEXT.replace('    flow Answer -> Check', '    backstage Log "Log the visit" in Serve { end }\n    flow Answer ~> Log\n    flow Answer -> Check');
        const second = await layoutBlueprint(await modelFromText(flowEdit), { previous: first });
        expect(second.flows.map(flow => flow.id)).toContain('Answer->Log');
        const labelEdit = flowEdit.replace('"Log the visit"', '"Log the visis"');
        const third = await layoutBlueprint(await modelFromText(labelEdit), { previous: second });
        expect(third.steps.find(step => step.id === 'Log')!.label).toBe('Log the visis');
        expect(third.flows.map(flow => flow.id)).toEqual(second.flows.map(flow => flow.id));
        expect(third).toEqual(await withoutReuse(labelEdit, second));
        expect(second.flows).not.toBe(first.flows);
        expect(third.flows).toBe(second.flows);
        // And nothing of the first layout's flows comes back.
        expect(third.flows.map(flow => flow.id).sort()).not.toEqual(first.flows.map(flow => flow.id).sort());
    });

    test('an evidence card or a flow label that changes what placement reads places again; one that keeps it reuses', async () => {
        const before = await layoutBlueprint(await modelFromText(TEXT));
        const card = (layout: BlueprintLayout) => layout.steps.find(step => step.evidenceFor === 'Enter')!;
        // The card's text one letter longer, its size kept: the evidence list compared item by item reuses.
        const sameSize = TEXT.replace('"Door sign"', '"Door sigm"');
        const kept = await layoutBlueprint(await modelFromText(sameSize), { previous: before });
        expect(card(kept).label).toBe('Door sigm');
        expect(kept.flows).toBe(before.flows);
        expect(kept).toEqual(await withoutReuse(sameSize, before));
        // A card that wraps is taller: placed again.
        const taller = TEXT.replace('"Door sign"', '"Door sign, opening hours and the queue number machine by the entrance"');
        const grown = await layoutBlueprint(await modelFromText(taller), { previous: before });
        expect(card(grown).height).toBeGreaterThan(card(before).height);
        expect(grown.flows).not.toBe(before.flows);
        expect(grown).toEqual(await withoutReuse(taller, before));
        // A flow's label is routed (its size decides where it goes): routed again.
        const relabelled = TEXT.replace('"Needs more"', '"Needs more papers"');
        const routed = await layoutBlueprint(await modelFromText(relabelled), { previous: before });
        expect(routed.flows).not.toBe(before.flows);
        expect(routed.flows.find(flow => flow.id.startsWith('Answer->Check'))!.label).toBe('10 % · Needs more papers');
        expect(routed).toEqual(await withoutReuse(relabelled, before));
    });

    test("an edit in an imported file reaches the importer's diagram: a longer actor name widens its boxes", async () => {
        const { Blueprint, shared } = createBlueprintServices(EmptyFileSystem);
        const documents = shared.workspace.LangiumDocuments;
        const factory = shared.workspace.LangiumDocumentFactory;
        const sharedUri = URI.parse('memory:///project/shared.blueprint');
        const mainUri = URI.parse('memory:///project/main.blueprint');
        const main = TEXT.replace('    actor Clerk "Clerk"\n', '').replace('blueprint Visit', 'import "shared.blueprint"\n\nblueprint Visit');
        const load = async (sharedText: string) => {
            for (const uri of [sharedUri, mainUri]) if (documents.hasDocument(uri)) documents.deleteDocument(uri);
            const docs = [factory.fromString(sharedText, sharedUri), factory.fromString(main, mainUri)];
            for (const document of docs) documents.addDocument(document);
            await shared.workspace.DocumentBuilder.build([Blueprint.workspace.BuiltinLibrary.document, ...docs], { validation: true });
            const errors = (docs[1].diagnostics ?? []).filter(d => d.severity === 1);
            expect(errors.map(d => d.message)).toEqual([]);
            return Blueprint.model.BlueprintModelProvider.getDocumentModel(docs[1])!;
        };
        const before = await layoutBlueprint(await load('actor Clerk "Clerk"\n'));
        const after = await layoutBlueprint(await load('actor Clerk "Clerk of the savings and loans counter"\n'), { previous: before });
        const greet = (layout: BlueprintLayout) => layout.steps.find(step => step.id === 'Greet')!;
        expect(greet(before).details?.actor).toBe('Clerk');
        expect(greet(after).details?.actor).toBe('Clerk of the savings and loans counter');
        expect(greet(after).marks.some(mark => mark.lines.join(' ').includes('savings'))).toBe(true);
        expect(greet(after).width).toBeGreaterThan(greet(before).width);
    });
});
