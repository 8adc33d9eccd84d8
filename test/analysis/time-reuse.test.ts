/**
 * A label typed into a step leaves the time analysis as it was: the analysis provider answers for
 * the new version with the analysis of the one before (no second run), and that is the analysis of
 * the new model. A change the analysis reads (a duration, a flow, a fail point's rate) runs it again.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createBlueprintServices } from '@blueprint/language';
import { analyseTime, type BlueprintModel } from '@blueprint/model';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { validateText } from '../helpers/validate-text.js';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const examples = readdirSync(EXAMPLES).filter(name => name.endsWith('.blueprint'));

function services() {
    return createBlueprintServices(EmptyFileSystem).Blueprint;
}

async function timeOf(Blueprint: ReturnType<typeof services>, text: string, uri: URI) {
    const document = await validateText(Blueprint, text, uri);
    expect((document.diagnostics ?? []).filter(d => d.severity === 1).map(d => d.message)).toEqual([]);
    const model = Blueprint.model.BlueprintModelProvider.getDocumentModel(document)!;
    return { model, time: Blueprint.model.BlueprintAnalysisProvider.timeForModel(uri, model) };
}

describe('the time analysis of a version typed into', () => {
    test.each(examples)('%s: every step label typed into, one after another, keeps the analysis, which is the new model\'s', async name => {
        const Blueprint = services();
        const uri = URI.parse(`memory:///${name}`);
        let text = readFileSync(EXAMPLES + name, 'utf8');
        const first = await timeOf(Blueprint, text, uri);
        expect(first.model.steps.length).toBeGreaterThan(3);
        let typed = 0;
        for (const step of first.model.steps.slice(0, 6)) {
            const written = `"${step.label}"`;
            if (!text.includes(written)) continue;
            // Wider, then wrapping, then CJK: the label is all that changes.
            text = text.replace(written, `"${step.label} and then some more words 続き"`);
            const next = await timeOf(Blueprint, text, uri);
            expect(next.model.steps.find(s => s.id === step.id)?.label).toContain('続き');
            expect(next.time).toBe(first.time);
            expect(next.time).toEqual(analyseTime(next.model));
            typed++;
        }
        expect(typed).toBeGreaterThan(0);
    });

    test.each(examples)('%s: the texts the analysis does not read, each changed on every step, keep it, and it is the changed model\'s', async name => {
        const Blueprint = services();
        const uri = URI.parse(`memory:///${name}`);
        const { model, time } = await timeOf(Blueprint, readFileSync(EXAMPLES + name, 'utf8'), uri);
        const stepChanges: Record<string, (step: BlueprintModel['steps'][number]) => unknown> = {
            label: step => `${step.label} typed`, range: () => undefined, evidence: step => [...step.evidence, 'More evidence'],
            notes: () => ['A note'], policies: () => ['A policy'], moment: () => ({ reason: 'why' }),
            emotion: () => ({ feeling: 'negative', note: 'upset' }), actor: () => 'SomeoneElse', channel: () => 'elsewhere'
        };
        const modelChanges: Record<string, (model: BlueprintModel) => unknown> = {
            id: () => 'Other', title: () => 'Another title', description: () => 'Described', language: () => 'ja',
            policies: () => [], stages: m => m.stages.map(stage => ({ ...stage, label: `${stage.label}!` })), actors: () => [],
            channels: () => [], personas: () => [], evidence: () => [], metrics: () => [], imports: () => []
        };
        const changed: BlueprintModel[] = [
            ...Object.entries(stepChanges).map(([field, change]) => ({ ...model, steps: model.steps.map(step => ({ ...step, [field]: change(step) })) })),
            ...Object.entries(modelChanges).map(([field, change]) => ({ ...model, [field]: change(model) }))
        ];
        for (const other of changed) {
            expect(Blueprint.model.BlueprintAnalysisProvider.timeForModel(uri, other)).toBe(time);
            expect(analyseTime(other)).toEqual(time);
        }
        // A field it reads, changed the same way, is not taken for the same.
        const independent = { ...model, steps: model.steps.map(step => ({ ...step, independent: !step.independent })) };
        expect(Blueprint.model.BlueprintAnalysisProvider.timeForModel(uri, independent)).not.toBe(time);
    });

    test('a duration, a flow or a fail point\'s rate changed runs the analysis again', async () => {
        const Blueprint = services();
        const uri = URI.parse('memory:///timed.blueprint');
        const text = `blueprint Timed "Timed" {
    customer Ask "Ask" {
        start
        duration 1 min
    }
    frontstage Answer "Answer" {
        duration 2 min
        fail "Wrong answer" rate 10 %
            recovery "Fix the answer" by Fix
    }
    frontstage Fix "Fix it" {
        duration 5 min
    }
    customer Leave "Leave" { end }
    flow Ask -> Answer -> Leave
    flow Answer -> Fix -> Leave
}
`;
        const before = await timeOf(Blueprint, text, uri);
        let last = before.time;
        for (const changed of [
            text.replace('duration 1 min', 'duration 3 min'),
            text.replace('rate 10 %', 'rate 20 %'),
            text.replace('    flow Answer -> Fix -> Leave\n', '')
        ]) {
            // Back to the original first, so each change is measured against it.
            expect((await timeOf(Blueprint, text, uri)).time).toEqual(before.time);
            const after = await timeOf(Blueprint, changed, uri);
            expect(after.time).toEqual(analyseTime(after.model));
            expect(after.time).not.toEqual(before.time);
            expect(after.time).not.toBe(last);
            last = after.time;
        }
    });
});

describe('the time analysis kept for the next version', () => {
    test('goes with its document when that is deleted, alone or with its folder; the other documents keep theirs', async () => {
        setFlagsFromString('--expose-gc');
        const gc = runInNewContext('gc') as () => void;
        const Blueprint = services();
        const builder = Blueprint.shared.workspace.DocumentBuilder;
        const text = readFileSync(EXAMPLES + examples[0], 'utf8');
        const label = /"([^"]+)"/;
        const alone = URI.parse('memory:///alone.blueprint');
        const inFolder = URI.parse('memory:///folder/nested.blueprint');
        const kept = URI.parse('memory:///kept.blueprint');
        const released: WeakRef<object>[] = [];
        for (const uri of [alone, inFolder]) released.push(new WeakRef((await timeOf(Blueprint, text, uri)).time));
        const keptTime = (await timeOf(Blueprint, text, kept)).time;

        await builder.update([], [alone]);
        await builder.update([], [URI.parse('memory:///folder')]);
        expect(Blueprint.shared.workspace.LangiumDocuments.hasDocument(inFolder)).toBe(false);
        // The document that stays keeps its last analysis for its next version.
        expect((await timeOf(Blueprint, text.replace(label, '"$1 typed"'), kept)).time).toBe(keptTime);
        // WeakRefs hold their targets until the task that made them ends.
        await new Promise(resolve => setTimeout(resolve, 0));
        gc();
        expect(released.map(ref => ref.deref() === undefined)).toEqual([true, true]);
    });
});
