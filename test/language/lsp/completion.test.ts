import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver';
import { expectCompletion } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { applyTextEdits, createServices, freshUri, withMarkers } from './helpers.js';
import { validateText } from '../../helpers/validate-text.js';

const services = createServices();
const completion = expectCompletion(services);

const BODY = `blueprint Shop "Shop" {
    stage Order "Order"
    stage Pay "Pay"
    actor Clerk "Clerk"
    system Till "Till"
    segment Gold "Gold members"
    customer Ask "Ask" in <|> by <|> via <|> for <|> {
        duration 3 <|>
        wait 2 min tolerance 5 <|>
    }
    frontstage Answer "Answer"
    flow <|>Ask -> <|>
    metric Quick "Quick" on <|> target >= 90 <|>
}`;

/** Completion labels at the n-th marker. */
async function labelsAt(index: number, text = BODY): Promise<string[]> {
    let labels: string[] = [];
    await completion({
        text, index, disposeAfterCheck: true,
        assert: (list: CompletionList) => { labels = list.items.map(item => item.label); }
    });
    return labels;
}

async function itemsAt(index: number, text = BODY): Promise<CompletionItem[]> {
    let items: CompletionItem[] = [];
    await completion({ text, index, disposeAfterCheck: true, assert: list => { items = list.items; } });
    return items;
}

describe('completion of references', () => {
    it('offers stages after `in`', async () => {
        const labels = await labelsAt(0);
        expect(labels).toEqual(expect.arrayContaining(['Order', 'Pay']));
        expect(labels).not.toContain('Clerk');
    });

    it('offers actors and systems after `by`', async () => {
        const labels = await labelsAt(1);
        expect(labels).toEqual(expect.arrayContaining(['Clerk', 'Till']));
        expect(labels).not.toContain('Order');
    });

    it('offers built-in channels with their distance after `via`', async () => {
        const items = await itemsAt(2);
        const atm = items.find(item => item.label === 'atm');
        expect(atm?.detail).toBe('ATM — remote, self-service');
        expect(items.find(item => item.label === 'branch')?.detail).toBe('Branch — face-to-face');
        expect(items.map(item => item.label)).not.toContain('Clerk');
    });

    it('offers segments after `for`', async () => {
        const items = await itemsAt(3);
        expect(items.find(item => item.label === 'Gold')?.detail).toBe('Segment: Gold members');
    });

    it('offers steps after `flow` and after `on`', async () => {
        for (const index of [6, 8]) {
            const labels = await labelsAt(index);
            expect(labels).toEqual(expect.arrayContaining(['Ask', 'Answer']));
            expect(labels).not.toContain('Order');
        }
    });
});

describe('completion leaves out what makes no sense there', () => {
    const STEPS = `blueprint Shop "Shop" {
    stage Order "Order"
    actor Clerk "Clerk"
    segment Gold "Gold"
    segment Silver "Silver"
    lane extra "Extra" below support
    customer Ask "Ask" in Order by Clerk <|> for Gold, <|> {
        duration 2 min
        moment
        <|>
        fail "x" recovery "r" by Answer, <|>
    }
    frontstage Answer "Answer"
    backstage Back "Back"
    flow Ask -> <|>
    flow Ask -> A<|>
    flow Ask -> Answer 95 % -> <|>
    decision Ask { -> Answer 95 %, -> <|> } join <|>
    metric M "m" on Ask, <|> target >= 90 % <|>
    lanes customer, extra, <|>
}`;

    it('offers no flow from a step to itself (BP022), also while the name is being typed', async () => {
        expect(await labelsAt(4, STEPS)).toEqual(['Answer', 'Back']);
        expect(await labelsAt(5, STEPS)).toEqual(['Answer']);
        // After a second arrow the source is the previous link's target.
        expect(await labelsAt(6, STEPS)).toEqual(['Ask', 'Back']);
    });

    it('offers neither the decision step nor a listed branch as a branch target, nor the decision step as its join', async () => {
        expect(await labelsAt(7, STEPS)).toEqual(['Back']);
        expect(await labelsAt(8, STEPS)).toEqual(['Answer', 'Back']);
    });

    it('offers no name already in the list being written', async () => {
        expect(await labelsAt(1, STEPS)).toEqual(['Silver']);
        expect(await labelsAt(9, STEPS)).toEqual(['Answer', 'Back']);
        const lanes = await labelsAt(11, STEPS);
        expect(lanes).toEqual(['evidence', 'frontstage', 'backstage', 'support']);
    });

    it('offers neither the failing step nor a listed step as a remedy step', async () => {
        expect(await labelsAt(3, STEPS)).toEqual(['Back']);
    });

    it('offers no second `in` or `by` to a step, nor a second duration or moment, nor a second metric target', async () => {
        const clauses = await labelsAt(0, STEPS);
        expect(clauses).toEqual(expect.arrayContaining(['via', 'for']));
        expect(clauses).not.toContain('in');
        expect(clauses).not.toContain('by');
        const properties = await labelsAt(2, STEPS);
        expect(properties).toEqual(expect.arrayContaining(['wait', 'emotion', 'fail', 'start']));
        expect(properties).not.toContain('duration');
        expect(properties).not.toContain('moment');
        const metric = await labelsAt(10, STEPS);
        expect(metric).toContain('on');
        expect(metric).not.toContain('target');
    });

    it('still offers a clause keyword while it is being typed', async () => {
        const text = 'blueprint B {\n    stage S "s"\n    customer A "a" in<|>\n}';
        expect(await labelsAt(0, text)).toContain('in');
        const body = 'blueprint B {\n    customer A "a" {\n        duration<|>\n    }\n}';
        expect(await labelsAt(0, body)).toContain('duration');
    });
});

describe('completion of poka-yoke types', () => {
    it('offers the six types of Chase and Stewart after `poka-yoke`, each saying whose error it prevents', async () => {
        const text = 'blueprint B {\n    customer A "a" {\n        fail "x" prevention "Reminder card" poka-yoke <|>\n    }\n}';
        const items = await itemsAt(0, text);
        expect(items.map(item => item.label)).toEqual(['task', 'treatment', 'tangible', 'preparation', 'encounter', 'resolution']);
        expect(items.find(item => item.label === 'preparation')?.detail).toMatch(/^Customer error: before the encounter/);
    });
});

describe('completion in comments', () => {
    it('offers nothing in a line or block comment, and the usual items right after a block comment', async () => {
        const text = 'blueprint B {\n    // a comment <|>\n    customer A "a" /* note <|> */ <|>\n    //<|>\n}';
        expect(await labelsAt(0, text)).toEqual([]);
        expect(await labelsAt(1, text)).toEqual([]);
        expect(await labelsAt(2, text)).toContain('in');
        expect(await labelsAt(3, text)).toEqual([]);
    });
});

describe('completion of units', () => {
    it('offers time units after a duration or tolerance number', async () => {
        for (const index of [4, 5]) {
            const labels = await labelsAt(index);
            expect(labels).toEqual(expect.arrayContaining(['ms', 's', 'min', 'h', 'd', 'week']));
        }
    });

    it('offers time units after a wait number and while the unit is being typed', async () => {
        const text = 'blueprint B {\n    customer A "a" {\n        wait 5 <|>\n    }\n    customer C "c" {\n        duration 2 mi<|>\n    }\n}';
        expect(await labelsAt(0, text)).toEqual(expect.arrayContaining(['min', 'h']));
        expect(await labelsAt(1, text)).toContain('min');
    });

    it('offers % and units after a metric target', async () => {
        const labels = await labelsAt(9);
        expect(labels).toEqual(expect.arrayContaining(['%', 's', 'min']));
    });

    it('offers arrows after a flow source', async () => {
        const labels = await labelsAt(0, 'blueprint B {\n customer A "a"\n flow A <|>\n}');
        expect(labels).toEqual(expect.arrayContaining(['->', '<->', '~>', '=>']));
    });
});

describe('completion across files', () => {
    it('offers the other blueprint files as import paths relative to the file, not those imported already', async () => {
        // Services of its own: the other tests' files are not part of this workspace.
        const workspace = createServices();
        const complete = async (input: string) => {
            const { text, offsets } = withMarkers(input);
            const uri = freshUri('main');
            const document = await validateText(workspace, text, uri, {
                'shared.blueprint': 'actor A "A"\n', 'people.blueprint': 'actor P "P"\n', 'lib/channels.blueprint': 'channel C "C" remote\n'
            });
            const list = await workspace.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: uri.toString() }, position: document.textDocument.positionAt(offsets[0]) });
            return { items: list?.items ?? [], text };
        };
        const { items } = await complete('import "people"\nimport <|>\nblueprint B {\n}\n');
        expect(items.map(item => item.label)).toEqual(['"shared.blueprint"', '"lib/channels.blueprint"']);
        // Typed in part, in quotes: the item replaces the whole string, closing quote included.
        const typed = await complete('import "li<|>"\nblueprint B {\n}\n');
        const channels = typed.items.find(item => item.label === '"lib/channels.blueprint"')!;
        expect(applyTextEdits(typed.text, [channels.textEdit as TextEdit]).split('\n')[0]).toBe('import "lib/channels.blueprint"');
    });

    it('offers declarations of imported files but not of files that are not imported', async () => {
        const { text, offsets } = withMarkers('import "shared.blueprint"\nblueprint B {\n    customer A "a" by <|>\n}\n');
        const uri = freshUri('main');
        const document = await validateText(services, text, uri, {
            'shared.blueprint': 'actor Imported "Imported actor"\n',
            'other.blueprint': 'actor Stranger "Not imported"\n'
        });
        const list = await services.lsp.CompletionProvider!.getCompletion(document, {
            textDocument: { uri: uri.toString() },
            position: document.textDocument.positionAt(offsets[0])
        });
        const labels = list?.items.map(item => item.label) ?? [];
        expect(labels).toContain('Imported');
        expect(labels).not.toContain('Stranger');
    });
});
