/**
 * Diagram streams (diagram-stream.ts): the server → editor → page hops each send patches of what
 * the receiver holds. Typed edits of a real blueprint, relayed across both hops (the second skipping
 * versions, as the preview's debounce does, and crossing JSON as VS Code's messages do), arrive as
 * the whole layouts; a diagram without geometry keeps what is held; a patch of something else, or
 * one that does not apply, is refused so the receiver can ask for the whole diagram. A relay sends a
 * patch it got on unchanged when its receiver holds that patch's base (patched-layouts.ts, shared
 * with the server's layout worker), and layouts resolved one from another do not hold each other.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { layoutBlueprint, type BlueprintLayout } from '@blueprint/diagram';
import { patchForReceiver, rememberLayoutPatch, resolveFromSender, type DiagramHighlights, type DiagramParams, type HeldDiagram } from '@blueprint/protocol';
import { describe, expect, test } from 'vitest';
import { EXAMPLES_ROOT, modelFromText } from '../diagram/diagram-helpers.js';

const URI = 'file:///work/examples/credit-card-hotline.blueprint';
const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const bytes = (value: unknown) => JSON.stringify(value).length;

/** One hop: what the sender keeps, and what the receiver keeps. */
class Hop {
    sender?: HeldDiagram;
    receiver?: HeldDiagram;
    sent = 0;

    relay(params: DiagramParams): DiagramParams | undefined {
        const out = patchForReceiver(this.sender, params);
        this.sender = out.held;
        const message = json(out.params);
        this.sent += bytes(message);
        const received = resolveFromSender(this.receiver, message);
        if (received) this.receiver = received.held;
        return received?.params;
    }
}

describe('diagram streams', () => {
    const text = readFileSync(join(EXAMPLES_ROOT, 'credit-card-hotline.blueprint'), 'utf8');
    const highlights = (layout: BlueprintLayout): DiagramHighlights =>
        ({ criticalPath: layout.steps.slice(0, 3).map(step => step.id), criticalFlows: [], failPoints: [] });

    test('typed edits relayed over two hops arrive whole, as patches much smaller than the layouts', async () => {
        const server = new Hop();
        const page = new Hop();
        let previous: BlueprintLayout | undefined;
        let whole = 0;
        const typed = ' and a few more words';
        for (let version = 1; version <= typed.length; version++) {
            const edited = text.replace(/"([^"]+)"/, (_, label: string) => `"${label}${typed.slice(0, version - 1)}"`);
            previous = await layoutBlueprint(await modelFromText(edited), { previous });
            const params: DiagramParams = { uri: URI, version, layout: previous, stale: false, errors: 0, highlights: highlights(previous) };
            whole += bytes(params);
            const inEditor = server.relay(params);
            expect(inEditor).toEqual(json(params));
            // The preview forwards every third diagram (its debounce); each patches the one it posted before.
            if (version % 3 === 1) expect(page.relay(inEditor!)).toEqual(json(params));
        }
        expect(server.sent).toBeLessThan(whole / 3);
    });

    test('a diagram without geometry keeps what is held, and the next patch applies to it', async () => {
        const first = await layoutBlueprint(await modelFromText(text));
        const second = await layoutBlueprint(await modelFromText(text.replace(/"([^"]+)"/, '"$1 again"')), { previous: first });
        const hop = new Hop();
        hop.relay({ uri: URI, version: 1, layout: first, stale: false, errors: 0, highlights: highlights(first) });
        const noLayout: DiagramParams = { uri: URI, version: 2, stale: true, errors: 1, message: 'The file has 1 error' };
        expect(hop.relay(noLayout)).toEqual(noLayout);
        expect(hop.receiver?.version).toBe(1);
        const third = hop.relay({ uri: URI, version: 3, layout: second, stale: false, errors: 0, highlights: highlights(first) });
        expect(third).toEqual(json({ uri: URI, version: 3, layout: second, stale: false, errors: 0, highlights: highlights(first) }));
        // Unchanged highlights were left out of the message and taken from what was held.
        const message = patchForReceiver(hop.sender, { uri: URI, version: 4, layout: second, stale: false, errors: 0, highlights: highlights(first) }).params;
        expect(message.highlights).toBeUndefined();
        expect(message.patch).toBeDefined();
    });

    test('a relay whose receiver holds the base of the patch it got sends that patch on instead of diffing again', async () => {
        const first = await layoutBlueprint(await modelFromText(text));
        const second = await layoutBlueprint(await modelFromText(text.replace(/"([^"]+)"/, '"$1 again"')), { previous: first });
        const editor = new Hop();
        const page = new Hop();
        page.relay(editor.relay({ uri: URI, version: 1, layout: first, stale: false, errors: 0 })!);
        // A patch no diff would make (the steps replaced whole, though most are unchanged): sent on as it came.
        const patch = { base: 1, set: { steps: json(second.steps) }, unset: [], lists: {} };
        const fromServer = resolveFromSender(editor.receiver, { uri: URI, version: 2, patch, stale: false, errors: 0 });
        editor.receiver = fromServer!.held;
        const toPage = patchForReceiver(page.sender, fromServer!.params);
        expect(toPage.params.patch).toEqual({ ...patch, base: page.sender!.version });
        expect(resolveFromSender(page.receiver, json(toPage.params))?.params.layout).toEqual(json({ ...first, steps: second.steps }));

        // A page that holds an older layout than the patch's base (the debounce skipped one) gets a diff of the two.
        const third = resolveFromSender(editor.receiver, { uri: URI, version: 3, patch: { base: 2, set: { steps: json(first.steps) }, unset: [], lists: {} }, stale: false, errors: 0 });
        const skipped = patchForReceiver(page.sender, third!.params);
        expect(skipped.params.patch?.set).not.toHaveProperty('steps');
        expect(resolveFromSender(page.receiver, json(skipped.params))?.params.layout).toEqual(json(first));
    });

    test('a layout remembered as made by a patch goes as that patch to a receiver holding exactly its base', async () => {
        const first = await layoutBlueprint(await modelFromText(text));
        const next = { ...first, steps: json(first.steps) };
        // A patch no diff would make (the steps replaced whole, though none changed).
        const patch = { base: 7, set: { steps: json(first.steps) }, unset: [], lists: {} };
        rememberLayoutPatch(next, first, patch);
        const params: DiagramParams = { uri: URI, version: 2, layout: next, stale: false, errors: 0 };
        expect(patchForReceiver({ uri: URI, version: 1, layout: first }, params).params.patch).toEqual({ ...patch, base: 1 });
        // A receiver holding an equal copy of the base, not the base itself: diffed (nothing changed).
        expect(patchForReceiver({ uri: URI, version: 1, layout: json(first) }, params).params.patch?.set).toEqual({});
    });

    test('a receiver\'s layouts resolved one from another do not hold each other: only the last one stays', async () => {
        setFlagsFromString('--expose-gc');
        const gc = runInNewContext('gc') as () => void;
        const hop = new Hop();
        const received: WeakRef<object>[] = [];
        let previous: BlueprintLayout | undefined;
        for (const typed of ['', 'w', 'wa', 'war', 'warm']) {
            previous = await layoutBlueprint(await modelFromText(text.replace(/"([^"]+)"/, `"$1${typed}"`)), { previous });
            hop.relay({ uri: URI, version: received.length + 1, layout: previous, stale: false, errors: 0 });
            received.push(new WeakRef(hop.receiver!.layout));
        }
        expect(hop.sent).toBeLessThan(bytes(previous) * 2);
        // WeakRefs hold their targets until the task that made them ends.
        await new Promise(resolve => setTimeout(resolve, 0));
        gc();
        expect(received.map(ref => ref.deref() === undefined)).toEqual([true, true, true, true, false]);
    });

    test('another document is sent whole; a patch of something else, or one that does not apply, is refused', async () => {
        const layout = await layoutBlueprint(await modelFromText(text));
        const held: HeldDiagram = { uri: URI, version: 1, layout };
        const other: DiagramParams = { uri: 'file:///other.blueprint', version: 5, layout, stale: false, errors: 0 };
        expect(patchForReceiver(held, other).params).toBe(other);

        const patch = patchForReceiver(held, { uri: URI, version: 2, layout, stale: false, errors: 0 }).params;
        expect(resolveFromSender(held, patch)?.params.layout).toEqual(layout);
        expect(resolveFromSender(undefined, patch)).toBeUndefined();
        expect(resolveFromSender({ ...held, version: 0 }, patch)).toBeUndefined();
        expect(resolveFromSender({ ...held, uri: other.uri }, patch)).toBeUndefined();
        const naming = { ...patch, patch: { base: 1, set: {}, unset: [], lists: { steps: { upsert: [], order: ['nowhere'] } } } };
        expect(resolveFromSender(held, naming)).toBeUndefined();
    });
});
