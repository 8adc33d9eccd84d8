/** A one-step edit keeps unrelated steps in place relative to each other. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { layoutBlueprint, type BlueprintLayout } from '@blueprint/diagram';
import { describe, expect, test } from 'vitest';
import { EXAMPLES_ROOT, layoutViolations, listExamples, modelFromText } from './diagram-helpers.js';

function center(layout: BlueprintLayout, id: string): number {
    const step = layout.steps.find(s => s.id === id)!;
    return step.x + step.width / 2;
}

/** Pairs of unrelated steps whose left-to-right order (or shared column) changed. */
function orderChanges(before: BlueprintLayout, after: BlueprintLayout, ignore: ReadonlySet<string>): string[] {
    const ids = before.steps.map(step => step.id).filter(id => !ignore.has(id) && after.steps.some(s => s.id === id));
    const changes: string[] = [];
    for (const a of ids) {
        for (const b of ids) {
            if (a >= b) continue;
            const was = Math.sign(center(before, a) - center(before, b));
            const is = Math.sign(center(after, a) - center(after, b));
            if (was !== is) changes.push(`${a} vs ${b}: ${was} → ${is}`);
        }
    }
    return changes;
}

function withinBlueprint(text: string, addition: string): string {
    const end = text.lastIndexOf('}');
    return `${text.slice(0, end)}${addition}\n${text.slice(end)}`;
}

const bank = readFileSync(path.join(EXAMPLES_ROOT, 'bank-deposit.blueprint'), 'utf8');

describe('layout stability', () => {
    test.each([
        ['a step with no flows', '    backstage Audit "Audit the day\'s deposits" in After by Teller', new Set(['Audit'])],
        ['a step on a branch from a flow', '    backstage Notify "Send a deposit notification" in After by Core\n    flow Post -> Notify',
            new Set(['Notify', 'Post'])],
        ['a support step inside a stage', '    support Log "Log the PIN attempt" in Counter by Core\n    flow Verify ~> Log',
            new Set(['Log', 'Verify'])]
    ])('adding %s', async (_name, addition, touched) => {
        const before = await layoutBlueprint(await modelFromText(bank));
        const editedModel = await modelFromText(withinBlueprint(bank, addition));
        const after = await layoutBlueprint(editedModel);
        expect(after.steps.length).toBeGreaterThan(before.steps.length);
        expect(layoutViolations(after, editedModel)).toEqual([]);
        const ignore = new Set([...touched, ...before.steps.filter(s => s.evidenceFor && touched.has(s.evidenceFor)).map(s => s.id)]);
        expect(orderChanges(before, after, ignore)).toEqual([]);
        // Steps of the stages before the edit do not move at all.
        const firstStage = before.stages[0].id;
        for (const step of before.steps.filter(s => s.stage === firstStage && !ignore.has(s.id))) {
            const moved = after.steps.find(s => s.id === step.id)!;
            expect({ id: step.id, x: moved.x }).toEqual({ id: step.id, x: step.x });
        }
    });

    // Every example (with a blueprint, and no imports, which the in-memory loader cannot follow).
    const standalone = listExamples().map(file => [path.relative(EXAMPLES_ROOT, file), readFileSync(file, 'utf8')] as const)
        .filter(([, text]) => /^\s*blueprint\s/m.test(text) && !/^\s*import\s/m.test(text));
    test.each(standalone)('adding a step to %s keeps the others in order', async (_name, text) => {
        const model = await modelFromText(text);
        const lastStage = model.stages[model.stages.length - 1]?.id;
        const addition = `    support ZzAdded "An added support step"${lastStage ? ` in ${lastStage}` : ''}`;
        const before = await layoutBlueprint(model);
        const editedModel = await modelFromText(withinBlueprint(text, addition));
        const after = await layoutBlueprint(editedModel);
        expect(layoutViolations(after, editedModel)).toEqual([]);
        expect(orderChanges(before, after, new Set(['ZzAdded']))).toEqual([]);
    });

    test('a previous layout keeps cell order for steps it knows', async () => {
        const model = await modelFromText(bank);
        const first = await layoutBlueprint(model);
        const again = await layoutBlueprint(model, { previous: first });
        // Same places; the order of the list may differ (it follows the previous x).
        const places = (layout: BlueprintLayout) => layout.steps.map(s => [s.id, s.x, s.y]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
        expect(places(again)).toEqual(places(first));
    });
});
