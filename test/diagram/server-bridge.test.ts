/**
 * The language server's diagram bridge with real Langium services and a fake connection: diagrams
 * only for opened documents, ranges on steps, the last good layout marked stale while the text has
 * errors, and at most one layout waiting per document.
 */
import type { BlueprintLayout } from '@blueprint/diagram';
import { DiagramCloseNotification, DiagramNotification, DiagramOpenNotification, type DiagramParams } from '@blueprint/protocol';
import { createBlueprintServices } from '@blueprint/language';
import { type BlueprintModel } from '@blueprint/model';
import { DocumentState, EmptyFileSystem, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, test } from 'vitest';
import { DiagramBridge, InProcessLayoutRunner, type DiagramConnection, type LayoutRunner } from '@blueprint/server';
import { applyRecordPatch, isEmptyPatch } from '@blueprint/protocol';
import { layoutBlueprint } from '@blueprint/diagram';
import { modelFromText } from './diagram-helpers.js';

const TEXT = `blueprint Deposit "Deposit" {
    stage Counter "At the counter"
    customer Ask "Ask for a deposit" in Counter { start }
    frontstage Count "Count the cash" in Counter
    customer Leave "Leave" in Counter { end }
    flow Ask -> Count -> Leave
}
`;

class FakeConnection implements DiagramConnection {
    readonly handlers = new Map<string, (params: { uri: string; patches?: boolean }) => void>();
    readonly sent: DiagramParams[] = [];
    private waiters: Array<() => void> = [];

    onNotification(method: string, handler: (params: { uri: string; patches?: boolean }) => void): void {
        this.handlers.set(method, handler);
    }

    sendNotification(method: string, params: DiagramParams): void {
        expect(method).toBe(DiagramNotification.method);
        this.sent.push(params);
        for (const waiter of this.waiters.splice(0)) waiter();
    }

    client(method: string, uri: string, extra: Record<string, unknown> = {}): void {
        this.handlers.get(method)!({ uri, ...extra });
    }

    /** The first notification from index `from` on that satisfies `accept`. */
    next(accept: (params: DiagramParams) => boolean, from = 0): Promise<DiagramParams> {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no matching diagram; got ${JSON.stringify(this.sent.map(s => [s.version, s.stale, s.errors]))}`)), 10_000);
            const check = () => {
                const found = this.sent.slice(from).find(accept);
                if (found) {
                    clearTimeout(timer);
                    resolve(found);
                } else {
                    this.waiters.push(check);
                }
            };
            check();
        });
    }
}

function setup(runner: LayoutRunner = new InProcessLayoutRunner()) {
    const services = createBlueprintServices(EmptyFileSystem);
    const connection = new FakeConnection();
    const bridge = new DiagramBridge({
        shared: services.shared, modelProvider: services.Blueprint.model.BlueprintModelProvider,
        analysisProvider: services.Blueprint.model.BlueprintAnalysisProvider
    }, connection, runner);
    const uri = URI.parse('memory:///deposit.blueprint');
    const documents = services.shared.workspace.LangiumDocuments;
    const factory = services.shared.workspace.LangiumDocumentFactory;
    /** Replaces the document's text (a new version) and runs a validating build, as the server does on a change. */
    const edit = async (text: string, version: number) => {
        if (documents.hasDocument(uri)) documents.deleteDocument(uri);
        const document = factory.fromTextDocument(TextDocument.create(uri.toString(), 'blueprint', version, text), uri);
        documents.addDocument(document);
        const builtin = services.Blueprint.workspace.BuiltinLibrary.document;
        await services.shared.workspace.DocumentBuilder.build([builtin, document], { validation: true });
    };
    return { bridge, connection, uri: uri.toString(), edit, services };
}

describe('diagram bridge', () => {
    test('sends nothing for documents without an open diagram', async () => {
        const { connection, edit } = setup();
        await edit(TEXT, 1);
        await new Promise(resolve => setTimeout(resolve, 50));
        expect(connection.sent).toEqual([]);
    });

    test('answers diagramOpen with a layout whose steps carry ranges', async () => {
        const { connection, edit, uri } = setup();
        await edit(TEXT, 1);
        connection.client(DiagramOpenNotification.method, uri);
        const params = await connection.next(p => p.layout !== undefined);
        expect(params).toMatchObject({ uri, version: 1, stale: false, errors: 0 });
        expect(params.layout!.steps.map(step => step.id)).toEqual(['Ask', 'Count', 'Leave']);
        expect(params.layout!.steps.find(step => step.id === 'Count')!.range!.start.line).toBe(3);
        expect(params.layout!.flows.map(flow => flow.id)).toEqual(['Ask->Count', 'Count->Leave']);
    });

    test('says the blueprint\'s language with the layout, also with the last good layout while the text has errors', async () => {
        const { connection, edit, uri } = setup();
        const korean = TEXT.replace('blueprint Deposit "Deposit" {', 'blueprint Deposit "Deposit" {\n    language ko');
        await edit(korean, 1);
        connection.client(DiagramOpenNotification.method, uri, { patches: true });
        expect((await connection.next(p => p.version === 1)).language).toBe('ko');
        await edit(korean.replace('Count -> Leave', 'Count -> Nowhere'), 2);
        const stale = await connection.next(p => p.version === 2);
        expect(stale).toMatchObject({ stale: true, language: 'ko' });
        await edit(TEXT, 3);
        expect((await connection.next(p => p.version === 3)).language).toBe('en');
    });

    test('a client that applies patches gets the whole layout first, then what changed', async () => {
        const { connection, edit, uri } = setup();
        await edit(TEXT, 1);
        connection.client(DiagramOpenNotification.method, uri, { patches: true });
        const first = await connection.next(p => p.version === 1);
        expect(first.patch).toBeUndefined();
        await edit(TEXT.replace('"Count the cash"', '"Count the cash twice"'), 2);
        const second = await connection.next(p => p.version === 2);
        expect(second.layout).toBeUndefined();
        expect(second.patch!.base).toBe(1);
        // Only the relabelled box (and what moved with it) crosses the wire, and it rebuilds the real layout.
        const steps = second.patch!.lists.steps?.upsert.map(step => step.id) ?? [];
        expect(steps).toContain('Count');
        expect(steps.length).toBeLessThan(first.layout!.steps.length + 1);
        const expected = await layoutBlueprint(await modelFromText(TEXT.replace('"Count the cash"', '"Count the cash twice"')), { previous: first.layout });
        expect(applyRecordPatch(first.layout!, second.patch!)).toEqual(expected);

        // An error: the stale notice repeats the layout the client has, so its patch is empty.
        await edit(TEXT.replace('Count -> Leave', 'Count -> Nowhere'), 4);
        const stale = await connection.next(p => p.version === 4);
        expect(stale.stale).toBe(true);
        expect(stale.layout).toBeUndefined();
        expect(isEmptyPatch(stale.patch!)).toBe(true);

        // Reopened (a reloaded preview): whole again.
        await edit(TEXT, 5);
        connection.client(DiagramOpenNotification.method, uri, { patches: true });
        const reopened = await connection.next(p => p.version === 5 && p.layout !== undefined);
        expect(reopened.patch).toBeUndefined();
    });

    test('typing widens a box: what lies right of it crosses the wire as moves, and the patch rebuilds the real layout', async () => {
        const { connection, edit, uri } = setup();
        await edit(TEXT, 1);
        connection.client(DiagramOpenNotification.method, uri, { patches: true });
        const first = await connection.next(p => p.version === 1);
        const typed = TEXT.replace('"Count the cash"', '"Count the cash and then some more words"');
        await edit(typed, 2);
        const second = await connection.next(p => p.version === 2);
        const moved = second.patch!.lists.steps?.moved?.flatMap(group => group.ids) ?? [];
        expect(moved).toContain('Leave');
        expect(second.patch!.lists.steps!.upsert.map(step => step.id)).toEqual(['Count']);
        const expected = await layoutBlueprint(await modelFromText(typed), { previous: first.layout });
        expect(expected.steps.find(step => step.id === 'Leave')!.x).not.toBe(first.layout!.steps.find(step => step.id === 'Leave')!.x);
        expect(applyRecordPatch(first.layout!, second.patch!)).toEqual(expected);
        // As the preview gets it: through JSON.
        expect(applyRecordPatch(JSON.parse(JSON.stringify(first.layout)), JSON.parse(JSON.stringify(second.patch)))).toEqual(JSON.parse(JSON.stringify(expected)));
    });

    test('a patch carries the highlights only when they changed', async () => {
        const { connection, edit, uri } = setup();
        await edit(TEXT, 1);
        connection.client(DiagramOpenNotification.method, uri, { patches: true });
        const first = await connection.next(p => p.version === 1);
        expect(first.highlights!.criticalPath).toEqual(['Ask', 'Count', 'Leave']);
        // A label edit leaves the critical path as it was: the client keeps the highlights it has.
        await edit(TEXT.replace('"Count the cash"', '"Count the cash twice"'), 2);
        const relabelled = await connection.next(p => p.version === 2);
        expect(relabelled.patch).toBeDefined();
        expect(relabelled).not.toHaveProperty('highlights');
        // A new step on the path changes them: sent again, whole.
        const longer = TEXT.replace('    customer Leave', '    frontstage Stamp "Stamp the slip" in Counter\n    customer Leave')
            .replace('Count -> Leave', 'Count -> Stamp -> Leave');
        await edit(longer, 3);
        const extended = await connection.next(p => p.version === 3);
        expect(extended.patch).toBeDefined();
        expect(extended.highlights!.criticalPath).toEqual(['Ask', 'Count', 'Stamp', 'Leave']);
        expect(extended.highlights!.criticalFlows).toEqual(['Ask->Count', 'Count->Stamp', 'Stamp->Leave']);
    });

    test('the critical flows follow the critical path when a time moves it and the flows stay as they were', async () => {
        const { connection, edit, uri } = setup();
        const branches = (a: string, b: string) => `blueprint Deposit "Deposit" {
    customer Ask "Ask for a deposit" { start }
    frontstage A "Count the cash" { duration ${a} }
    frontstage B "Check the slip" { duration ${b} }
    customer Leave "Leave" { end }
    flow Ask -> A -> Leave
    flow Ask -> B -> Leave
}
`;
        await edit(branches('1 min', '2 min'), 1);
        connection.client(DiagramOpenNotification.method, uri);
        const first = await connection.next(p => p.version === 1);
        expect(first.highlights!.criticalFlows).toEqual(['Ask->B', 'B->Leave']);
        // The same badge widths: the placement (and its list of routed flows) is reused, the path is not the same.
        await edit(branches('9 min', '2 min'), 2);
        const second = await connection.next(p => p.version === 2);
        expect(second.layout!.flows.map(flow => flow.points)).toEqual(first.layout!.flows.map(flow => flow.points));
        expect(second.highlights!.criticalPath).toEqual(['Ask', 'A', 'Leave']);
        expect(second.highlights!.criticalFlows).toEqual(['Ask->A', 'A->Leave']);
    });

    test('a client that did not ask for patches always gets whole layouts', async () => {
        const { connection, edit, uri } = setup();
        await edit(TEXT, 1);
        connection.client(DiagramOpenNotification.method, uri);
        await connection.next(p => p.version === 1);
        await edit(TEXT.replace('"Count the cash"', '"Count the cash twice"'), 2);
        const second = await connection.next(p => p.version === 2);
        expect(second.patch).toBeUndefined();
        expect(second.layout!.steps.find(step => step.id === 'Count')!.label).toBe('Count the cash twice');
    });

    test('sends what the preview can highlight: the critical path, its flows and the fail points', async () => {
        const { connection, edit, uri } = setup();
        const timed = TEXT
            .replace('customer Ask "Ask for a deposit" in Counter { start }', 'customer Ask "Ask for a deposit" in Counter { duration 1 min start }')
            .replace('frontstage Count "Count the cash" in Counter', 'frontstage Count "Count the cash" in Counter { duration 2 min fail "Miscount" recovery "Count again" }')
            .replace('flow Ask -> Count -> Leave', 'flow Ask -> Count -> Leave\n    backstage Note "Note the deposit" { end }\n    flow Count ~> Note');
        await edit(timed, 1);
        connection.client(DiagramOpenNotification.method, uri);
        const params = await connection.next(p => p.layout !== undefined);
        // Ask 60 + Count 120 = 180 s on both paths; the first end found, Leave, closes the critical path.
        expect(params.highlights).toMatchObject({ criticalSeconds: 180, failPoints: ['Count'] });
        expect(params.highlights!.criticalPath.slice(0, 2)).toEqual(['Ask', 'Count']);
        const last = params.highlights!.criticalPath.at(-1)!;
        expect(params.highlights!.criticalFlows).toEqual(['Ask->Count', `Count->${last}`]);
        await edit(timed.replace('flow Count ~> Note', 'flow Count ~> Nowhere'), 2);
        const stale = await connection.next(p => p.stale, 1);
        expect(stale.highlights).toEqual(params.highlights);
    });

    test('an edit with an error sends the previous layout marked stale, a fix sends a fresh one', async () => {
        const { connection, edit, uri } = setup();
        connection.client(DiagramOpenNotification.method, uri);
        await edit(TEXT, 1);
        const good = await connection.next(p => p.version === 1);
        await edit(TEXT.replace('flow Ask -> Count', 'flow Ask -> Missing'), 2);
        const stale = await connection.next(p => p.version === 2);
        expect(stale.stale).toBe(true);
        expect(stale.errors).toBeGreaterThan(0);
        expect(stale.layout).toEqual(good.layout);
        expect(stale.message).toMatch(/error/);

        await edit(TEXT.replace('"Leave"', '"Leave the branch"'), 3);
        const fresh = await connection.next(p => p.version === 3);
        expect(fresh.stale).toBe(false);
        expect(fresh.layout!.steps.find(step => step.id === 'Leave')!.label).toBe('Leave the branch');
    });

    test('a document that never laid out reports its errors without a layout', async () => {
        const { connection, edit, uri } = setup();
        connection.client(DiagramOpenNotification.method, uri);
        await edit(TEXT.replace('flow Ask -> Count', 'flow Ask -> Missing'), 1);
        const params = await connection.next(p => p.version === 1);
        expect(params).toMatchObject({ stale: true, layout: undefined });
        expect(params.errors).toBeGreaterThan(0);
    });

    test('after diagramClose no more diagrams are sent', async () => {
        const { connection, edit, uri } = setup();
        connection.client(DiagramOpenNotification.method, uri);
        await edit(TEXT, 1);
        await connection.next(p => p.version === 1);
        connection.client(DiagramCloseNotification.method, uri);
        const count = connection.sent.length;
        await edit(TEXT.replace('"Leave"', '"Go"'), 2);
        await new Promise(resolve => setTimeout(resolve, 50));
        expect(connection.sent.length).toBe(count);
    });

    test('coalesces: while a layout runs, only the newest version waits', async () => {
        // A runner that holds every layout until released, to observe the queue.
        const held: Array<() => void> = [];
        const inner = new InProcessLayoutRunner();
        const models: BlueprintModel[] = [];
        const runner: LayoutRunner = {
            layout: (docUri, model, previous) => {
                models.push(model);
                return new Promise<BlueprintLayout>(resolve => held.push(() => void inner.layout(docUri, model, previous).then(resolve)));
            },
            release: () => undefined,
            dispose: () => undefined
        };
        const { bridge, connection, edit, uri } = setup(runner);
        connection.client(DiagramOpenNotification.method, uri);
        await edit(TEXT, 1);
        for (let version = 2; version <= 6; version++) {
            await edit(TEXT.replace('"Leave"', `"Leave ${version}"`), version);
            expect(bridge.pendingLayouts(uri)).toBe(1);
        }
        expect(models.length).toBe(1); // only the first is running; versions 2-5 were replaced
        held.shift()!();
        await new Promise(resolve => setTimeout(resolve, 100));
        expect(models.length).toBe(2);
        expect(models[1].steps.find(step => step.id === 'Leave')!.label).toBe('Leave 6');
        held.shift()!();
        const last = await connection.next(p => p.version === 6);
        expect(last.layout!.steps.find(step => step.id === 'Leave')!.label).toBe('Leave 6');
        // Version 1's layout arrived after version 6 was known: it is not sent as current.
        expect(connection.sent.filter(p => p.version === 1)).toEqual([]);
    });
});

describe('diagram bridge: layouts started during validation', () => {
    test('the layout starts once the version is linked, before validation ends, and is sent after it', async () => {
        const events: string[] = [];
        const inner = new InProcessLayoutRunner();
        const runner: LayoutRunner = {
            layout: (docUri, model, previous) => {
                events.push(`layout ${model.steps.find(step => step.id === 'Leave')!.label}`);
                return inner.layout(docUri, model, previous);
            },
            // As the worker runner: layouts start early only when they run on another thread.
            concurrent: true,
            release: () => undefined,
            dispose: () => undefined
        };
        const { connection, edit, uri, services } = setup(runner);
        services.shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => { events.push('validated'); });
        connection.client(DiagramOpenNotification.method, uri);
        await edit(TEXT, 1);
        await connection.next(p => p.version === 1);
        await edit(TEXT.replace('"Leave"', '"Leave now"'), 2);
        const second = await connection.next(p => p.version === 2);
        expect(second.layout!.steps.find(step => step.id === 'Leave')!.label).toBe('Leave now');
        expect(events).toEqual(['layout Leave', 'validated', 'layout Leave now', 'validated']);
    });

    test('on the calling thread (no worker) the layout waits for validation, so diagnostics are not delayed', async () => {
        const events: string[] = [];
        const inner = new InProcessLayoutRunner();
        const runner: LayoutRunner = {
            layout: (docUri, model, previous) => {
                // The document's build state when the layout starts.
                events.push(`layout at ${DocumentState[services.shared.workspace.LangiumDocuments.getDocument(URI.parse(docUri))!.state]}`);
                return inner.layout(docUri, model, previous);
            },
            release: () => undefined,
            dispose: () => undefined
        };
        const { connection, edit, uri, services } = setup(runner);
        connection.client(DiagramOpenNotification.method, uri);
        await edit(TEXT, 1);
        await connection.next(p => p.version === 1);
        expect(events).toEqual(['layout at Validated']);
    });

    test('a version whose validation finds an error is not drawn, though its layout started', async () => {
        const models: BlueprintModel[] = [];
        const inner = new InProcessLayoutRunner();
        const runner: LayoutRunner = {
            layout: (docUri, model, previous) => {
                models.push(model);
                return inner.layout(docUri, model, previous);
            },
            concurrent: true,
            release: () => undefined,
            dispose: () => undefined
        };
        const { connection, edit, uri } = setup(runner);
        connection.client(DiagramOpenNotification.method, uri);
        await edit(TEXT, 1);
        const good = await connection.next(p => p.version === 1);
        // Parses and links, but validation rejects it: a customer step straight to a backstage one.
        const invalid = TEXT.replace('    flow Ask -> Count -> Leave', '    backstage Vault "Open the vault" in Counter\n    flow Ask -> Count -> Leave\n    flow Ask -> Vault -> Leave');
        await edit(invalid, 2);
        const stale = await connection.next(p => p.version === 2);
        expect(stale).toMatchObject({ stale: true });
        expect(stale.errors).toBeGreaterThan(0);
        expect(stale.layout).toEqual(good.layout);
        expect(models.some(model => model.steps.some(step => step.id === 'Vault'))).toBe(true);
        await new Promise(resolve => setTimeout(resolve, 200));
        // Its layout never reaches the client, nor becomes the last good one.
        expect(connection.sent.some(p => p.layout?.steps.some(step => step.id === 'Vault'))).toBe(false);
        await edit(TEXT.replace('"Leave"', '"Leave happy"'), 3);
        const fixed = await connection.next(p => p.version === 3);
        expect(fixed.stale).toBe(false);
        expect(fixed.layout!.steps.map(step => step.id)).toEqual(good.layout!.steps.map(step => step.id));
        expect(fixed.layout!.steps.find(step => step.id === 'Leave')!.label).toBe('Leave happy');
    });
});
