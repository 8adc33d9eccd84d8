/**
 * The real webview bundle in headless Chromium: rendering, click-to-reveal, selection, stale
 * banner, SVG export, viewport persistence, diagrams sent as patches, CSP and no network access
 * beyond the local server.
 */
import type { BlueprintLayout } from '@blueprint/diagram';
import { patchForReceiver, type DiagramParams, type HeldDiagram } from '@blueprint/protocol';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLayoutSource } from './layout-source.js';
import {
    buildBundle, chromiumInstalled, CHROMIUM_PATH, cspViolations, exportedSvg, posted, postToWebview, savedState, showWholeDiagram,
    startHarness, waitForPosted, type WebviewHarness
} from './webview-page.js';

const resultsDir = fileURLToPath(new URL('../../test-results/webview/', import.meta.url));
const URI = 'file:///work/examples/bank-deposit.blueprint';

const title = chromiumInstalled
    ? 'diagram webview in Chromium'
    : `diagram webview in Chromium (skipped: ${CHROMIUM_PATH} is not installed; apt-get install -y chromium)`;

describe.skipIf(!chromiumInstalled)(title, () => {
    let harness: WebviewHarness;
    let layout: BlueprintLayout;

    beforeAll(async () => {
        const source = await loadLayoutSource();
        layout = source.layout;
        console.info(`webview tests draw the bank-deposit layout from ${source.origin}`);
        await buildBundle();
        harness = await startHarness();
    }, 120_000);

    afterAll(async () => {
        await harness?.close();
    });

    const params = (overrides: Partial<DiagramParams> = {}): DiagramParams =>
        ({ uri: URI, version: 1, layout, stale: false, errors: 0, ...overrides });

    async function openWithDiagram(state?: unknown): Promise<Page> {
        const page = await harness.open(state);
        await waitForPosted(page, 'ready');
        await postToWebview(page, { kind: 'diagram', params: params() });
        await page.waitForSelector('#blueprint-diagram .step:not(.off-screen)');
        return page;
    }

    function domId(stepId: string): string {
        return `[id="blueprint-diagram_${stepId}"]`;
    }

    async function stepLabels(page: Page): Promise<string[]> {
        return page.$$eval('#blueprint-diagram .step-label', texts =>
            texts.map(text => Array.from(text.querySelectorAll('tspan'), span => span.textContent ?? '').join(' ')));
    }

    async function graphTransform(page: Page): Promise<string | null> {
        return page.getAttribute('#blueprint-diagram svg.sprotty-graph > g', 'transform');
    }

    /** Waits until a viewport animation has ended: the transform stays the same for 200 ms. */
    async function settled(page: Page): Promise<void> {
        let previous = await graphTransform(page);
        for (let i = 0; i < 50; i++) {
            await page.waitForTimeout(200);
            const current = await graphTransform(page);
            if (current === previous) {
                return;
            }
            previous = current;
        }
        throw new Error('the viewport did not stop moving');
    }

    it('serves the page with its CSP, announces itself and waits for a diagram', async () => {
        const page = await harness.open();
        const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
        expect(csp).toMatch(/^default-src 'none'; script-src 'nonce-[^']+'; style-src http:\/\/127\.0\.0\.1:\d+ 'nonce-[^']+'$/);
        await page.waitForFunction(() => (window as unknown as { __posted: unknown[] }).__posted.length > 0);
        expect(await posted(page)).toEqual([{ kind: 'ready' }]);
        expect(await page.textContent('#blueprint-status')).toContain('Waiting for the diagram');
        await page.close();
    });

    it('draws every step, lane, stage and line label of the layout', async () => {
        const page = await openWithDiagram();
        await showWholeDiagram(page, layout);
        const expected = layout.steps.map(step => (step.lines.length > 0 ? step.lines : [step.label]).join(' ')).sort();
        expect((await stepLabels(page)).sort()).toEqual(expected);
        const svgText = await page.textContent('#blueprint-diagram svg');
        for (const text of [...layout.lanes, ...layout.stages, ...layout.lines].map(element => element.label)) {
            expect(svgText).toContain(text);
        }
        expect(await page.locator('#blueprint-diagram .flow').count()).toBe(layout.flows.length);
        expect(await page.locator('#blueprint-diagram .step .badge-fail').count()).toBe(layout.steps.filter(step => step.failPoint).length);
        const waitTimes = layout.steps.flatMap(step => step.marks.filter(mark => mark.kind === 'wait').map(mark => mark.lines.join('')));
        expect(waitTimes.length).toBe(layout.steps.filter(step => step.waitPoint).length);
        expect(await page.$$eval('#blueprint-diagram .step .badge-wait text', texts => texts.map(text => text.textContent))).toEqual(waitTimes);
        expect(await page.locator('#blueprint-diagram .step .badge-moment').count()).toBe(layout.steps.filter(step => step.moment).length);
        expect(await page.textContent('#blueprint-status')).toBe('');

        mkdirSync(resultsDir, { recursive: true });
        await page.screenshot({ path: `${resultsDir}bank-deposit.png` });
        await page.evaluate(() => document.body.classList.add('vscode-dark'));
        expect(await page.$eval('.blueprint-background', rect => getComputedStyle(rect).fill)).toBe('rgb(30, 30, 30)');
        await page.screenshot({ path: `${resultsDir}bank-deposit-dark.png` });
        await page.close();
    });

    it('posts reveal when a step is clicked, not when the canvas is dragged', async () => {
        const page = await openWithDiagram();
        const target = layout.steps.find(step => !step.evidenceFor)!;
        const box = (await page.locator(`${domId(target.id)} .step-box`).boundingBox())!;
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        await waitForPosted(page, 'reveal');
        expect((await posted(page)).filter(message => message.kind === 'reveal')).toEqual([{ kind: 'reveal', id: target.id }]);

        await page.mouse.move(box.x + 5, box.y + 5);
        await page.mouse.down();
        await page.mouse.move(box.x + 60, box.y + 40, { steps: 4 });
        await page.mouse.up();
        expect((await posted(page)).filter(message => message.kind === 'reveal')).toHaveLength(1);
        await page.close();
    });

    it('highlights selected steps and scrolls an off-screen one into view', async () => {
        const page = await openWithDiagram();
        const [first, second] = layout.steps.filter(step => !step.evidenceFor);
        await postToWebview(page, { kind: 'select', ids: [first.id, 'NoSuchStep'] });
        await page.waitForSelector(`${domId(first.id)}.selected`);
        expect(await page.$$eval('#blueprint-diagram .selected', elements => elements.length)).toBe(1);

        // Zoom in on the first step so the last one is far outside the panel, then select the last one.
        for (let i = 0; i < 2; i++) {
            await page.click('.toolbar-zoom-in');
        }
        const last = [...layout.steps].filter(step => !step.evidenceFor).sort((a, b) => b.x - a.x)[0];
        await settled(page);
        const viewport = page.viewportSize()!;
        // Off screen: drawn as an empty, named placeholder (the live view draws only what is in view).
        expect(await page.locator(`${domId(last.id)}.off-screen`).count()).toBe(1);
        expect(await page.locator(`${domId(last.id)} .step-label`).count()).toBe(0);
        expect(await page.getAttribute(domId(last.id), 'aria-label')).toContain(last.label);

        await postToWebview(page, { kind: 'select', ids: [last.id] });
        await page.waitForSelector(`${domId(last.id)}.selected`);
        await settled(page);
        const after = (await page.locator(domId(last.id)).boundingBox())!;
        expect(after.x).toBeGreaterThanOrEqual(0);
        expect(after.y).toBeGreaterThanOrEqual(0);
        expect(after.x + after.width).toBeLessThanOrEqual(viewport.width);
        expect(after.y + after.height).toBeLessThanOrEqual(viewport.height);
        expect(await page.locator(`${domId(second.id)}.selected`).count()).toBe(0);
        expect(await page.locator(`${domId(first.id)}.selected`).count()).toBe(0);
        await page.close();
    });

    it('keeps the last diagram under a banner while the text has errors', async () => {
        const page = await openWithDiagram();
        const labelsBefore = await stepLabels(page);
        await postToWebview(page, { kind: 'diagram', params: params({ version: 2, layout: undefined, stale: true, errors: 3 }) });
        await page.waitForSelector('#blueprint-status.status-stale');
        expect(await page.textContent('#blueprint-status')).toContain('3 errors — showing the last valid diagram');
        expect(await stepLabels(page)).toEqual(labelsBefore);

        await postToWebview(page, { kind: 'diagram', params: params({ version: 3, stale: true, errors: 1 }) });
        await page.waitForFunction(() => document.getElementById('blueprint-status')?.textContent?.includes('1 error —'));
        expect(await stepLabels(page)).toEqual(labelsBefore);

        await postToWebview(page, { kind: 'diagram', params: params({ version: 4 }) });
        await page.waitForSelector('#blueprint-status.status-fresh', { state: 'attached' });
        expect(await stepLabels(page)).toEqual(labelsBefore);
        await page.close();
    });

    it('shows a friendly message when there is no layout yet', async () => {
        const page = await harness.open();
        await postToWebview(page, { kind: 'diagram', params: { uri: URI, version: 1, stale: true, errors: 2, message: 'Unexpected character' } });
        await page.waitForSelector('#blueprint-status.status-empty');
        const text = await page.textContent('#blueprint-status');
        expect(text).toContain('No diagram yet: fix the 2 errors');
        expect(text).toContain('Unexpected character');
        expect(await page.locator('#blueprint-diagram .step').count()).toBe(0);
        await page.close();
    });

    it('answers exportSvg with a standalone SVG that contains the labels and its styles', async () => {
        const page = await openWithDiagram();
        await postToWebview(page, { kind: 'select', ids: [layout.steps[0].id] });
        await postToWebview(page, { kind: 'exportSvg' });
        const svg = await exportedSvg(page);
        expect(svg.startsWith('<?xml')).toBe(true);
        const parsed = await page.evaluate(svg => {
            const document = new DOMParser().parseFromString(svg, 'image/svg+xml');
            const root = document.documentElement;
            return {
                error: document.querySelector('parsererror')?.textContent ?? null,
                name: root.localName,
                namespace: root.namespaceURI,
                text: root.textContent ?? '',
                width: Number(root.getAttribute('width')),
                styledFills: document.querySelectorAll('[fill]').length,
                selected: document.querySelectorAll('.selected').length
            };
        }, svg);
        expect(parsed.error).toBeNull();
        expect(parsed.name).toBe('svg');
        expect(parsed.namespace).toBe('http://www.w3.org/2000/svg');
        for (const step of layout.steps) {
            for (const line of step.lines) {
                expect(parsed.text).toContain(line);
            }
        }
        expect(parsed.width).toBeGreaterThan(layout.width * 0.9);
        expect(parsed.styledFills).toBeGreaterThan(layout.steps.length);
        expect(parsed.selected).toBe(0);
        await page.close();
    });

    it('keeps zoom and scroll across updates and in the saved state', async () => {
        const page = await openWithDiagram();
        await settled(page);
        const opened = await graphTransform(page);
        expect(opened).toMatch(/^scale\(1\) /);
        await page.click('.toolbar-zoom-in');
        await settled(page);
        const zoomed = await graphTransform(page);
        expect(zoomed).not.toBe(opened);
        const renamed = 'Renamed <b>step</b> & co';
        const edited = { ...layout, steps: layout.steps.map((step, index) => index === 0 ? { ...step, label: renamed, lines: [renamed] } : step) };
        await postToWebview(page, { kind: 'diagram', params: params({ version: 2, layout: edited }) });
        await page.waitForFunction(text => document.querySelector('#blueprint-diagram')?.textContent?.includes(text), renamed);
        expect(await page.locator('#blueprint-diagram b').count()).toBe(0);
        expect(await graphTransform(page)).toBe(zoomed);

        await settled(page);
        const state = await savedState(page) as { uri: string; viewport: { zoom: number; scroll: { x: number; y: number } } };
        expect(state.uri).toBe(URI);
        expect(zoomed).toContain(`scale(${state.viewport.zoom})`);
        await page.close();

        // A new page (the panel was hidden and shown again) starts from the saved viewport.
        const restored = await openWithDiagram(state);
        expect(await graphTransform(restored)).toBe(zoomed);
        await postToWebview(restored, { kind: 'fit' });
        await settled(restored);
        const fitted = await graphTransform(restored);
        expect(fitted).not.toBe(zoomed);
        await restored.click('.toolbar-zoom-out');
        await settled(restored);
        expect(await graphTransform(restored)).not.toBe(fitted);
        await restored.click('.toolbar-fit');
        await settled(restored);
        expect(await graphTransform(restored)).toBe(fitted);
        await restored.click('.toolbar-actual-size');
        await settled(restored);
        expect(await graphTransform(restored)).toMatch(/^scale\(1\) /);
        await restored.close();
    });

    it('exports from the toolbar too', async () => {
        const page = await openWithDiagram();
        await page.click('.toolbar-export');
        expect(await exportedSvg(page)).toContain(layout.steps[0].lines[0]);
        await page.close();
    });

    it('highlights the critical path or the fail points on demand, from a message or the toolbar', async () => {
        const page = await harness.open();
        await waitForPosted(page, 'ready');
        const steps = layout.steps.filter(step => !step.evidenceFor);
        const critical = steps.slice(0, 2).map(step => step.id);
        const failing = steps.filter(step => step.failPoint).map(step => step.id);
        const firstFlow = layout.flows.find(flow => flow.from === critical[0] && flow.to === critical[1]);
        await postToWebview(page, { kind: 'diagram', params: params({
            highlights: { criticalPath: critical, criticalFlows: firstFlow ? [firstFlow.id] : [], failPoints: failing }
        }) });
        await page.waitForSelector('#blueprint-diagram .step:not(.off-screen)');
        expect(await page.locator('#blueprint-diagram .bp-highlighted').count()).toBe(0);

        await postToWebview(page, { kind: 'highlight', mode: 'criticalPath' });
        await page.waitForSelector('#blueprint-diagram .bp-highlighted');
        const highlighted = await page.$$eval('#blueprint-diagram .step.bp-highlighted', nodes => nodes.map(node => node.id));
        expect(highlighted.map(id => id.replace('blueprint-diagram_', '')).sort()).toEqual([...critical].sort());
        expect(await page.locator('#blueprint-diagram .step.bp-dimmed').count()).toBe(steps.length - critical.length);
        if (firstFlow) expect(await page.locator('#blueprint-diagram .flow.bp-highlighted').count()).toBe(1);

        await page.click('.toolbar-fail-points');
        await page.waitForFunction(ids => {
            const shown = Array.from(document.querySelectorAll('#blueprint-diagram .step.bp-highlighted'), node => node.id.replace('blueprint-diagram_', ''));
            return shown.length === ids.length && ids.every(id => shown.includes(id));
        }, failing);
        const failed = await page.$$eval('#blueprint-diagram .step.bp-highlighted', nodes => nodes.map(node => node.id.replace('blueprint-diagram_', '')));
        expect(failed.sort()).toEqual([...failing].sort());

        expect(await page.getAttribute('.toolbar-fail-points', 'aria-pressed')).toBe('true');
        expect(await page.getAttribute('.toolbar-critical-path', 'aria-pressed')).toBe('false');

        // The export never carries the temporary highlight.
        await page.click('.toolbar-export');
        const svg = await exportedSvg(page);
        expect(svg).toContain(layout.steps[0].lines[0]);
        expect(svg).not.toMatch(/bp-highlighted|bp-dimmed/);
        expect(svg).not.toContain('opacity="0.25"');

        await page.click('.toolbar-fail-points');
        await page.waitForFunction(() => document.body.dataset.highlight === 'none');
        expect(await page.locator('#blueprint-diagram .bp-dimmed').count()).toBe(0);
        expect(await page.getAttribute('.toolbar-fail-points', 'aria-pressed')).toBe('false');
        await page.close();
    });

    it('shows a comparison with classes and a banner, holds live updates, and returns to the live diagram', async () => {
        const page = await openWithDiagram();
        const steps = layout.steps.filter(step => !step.evidenceFor);
        const [added, changed, removed] = steps.map(step => step.id);
        const result = {
            layout, classes: { [added]: ['bp-added'], [changed]: ['bp-changed'], [removed]: ['bp-removed'] },
            changes: [], summary: { changes: 3, added: 1, removed: 1, changed: 1, customerVisible: 3, risks: 1 }, markdown: ''
        };
        await postToWebview(page, { kind: 'diff', title: 'Compared with HEAD', result });
        await page.waitForSelector('#blueprint-diagram .step.bp-added');
        expect(await page.locator(`${domId(changed)}.bp-changed`).count()).toBe(1);
        expect(await page.locator(`${domId(removed)}.bp-removed`).count()).toBe(1);
        expect(await page.textContent('#blueprint-status')).toContain('Compared with HEAD: 3 changes, 1 risk');
        expect(await page.isVisible('.toolbar-live')).toBe(true);

        // A live update while comparing waits; "Live" shows it.
        await postToWebview(page, { kind: 'diagram', params: params({ version: 2 }) });
        await page.waitForTimeout(200);
        expect(await page.locator(`${domId(added)}.bp-added`).count()).toBe(1);
        await page.click('.toolbar-live');
        await page.waitForFunction(() => document.querySelectorAll('#blueprint-diagram .bp-added').length === 0);
        expect(await page.isVisible('.toolbar-live')).toBe(false);
        expect(await page.textContent('#blueprint-status')).toBe('');
        await page.close();
    });

    it('applies diagrams sent as patches, also while comparing, and asks again for one it cannot apply', async () => {
        const page = await openWithDiagram();
        const step = layout.steps.find(candidate => !candidate.evidenceFor)!;
        const relabelled = (label: string): BlueprintLayout => ({
            ...layout, steps: layout.steps.map(s => (s.id === step.id ? { ...s, label, lines: [label] } : s))
        });
        const label = (page: Page) => page.textContent(`${domId(step.id)} .step-label`);
        // What the extension posts: each diagram a patch of the one the page holds.
        let held: HeldDiagram | undefined = patchForReceiver(undefined, params()).held;
        const patched = (version: number, next: BlueprintLayout): DiagramParams => {
            const step = patchForReceiver(held, params({ version, layout: next }));
            held = step.held;
            return step.params;
        };
        const second = patched(2, relabelled('Patched once'));
        expect(second.layout).toBeUndefined();
        expect(JSON.stringify(second).length).toBeLessThan(JSON.stringify(layout).length / 4);
        await postToWebview(page, { kind: 'diagram', params: second });
        await page.waitForFunction(([selector, wanted]) => document.querySelector(selector)?.textContent === wanted, [`${domId(step.id)} .step-label`, 'Patched once']);

        // A patch of a version the page never had, and one naming a step it does not hold: asked for again, the diagram stays.
        await postToWebview(page, { kind: 'diagram', params: { ...second, version: 9, patch: { ...second.patch!, base: 7 } } });
        await postToWebview(page, { kind: 'diagram', params: { ...second, version: 9, patch: { base: 2, set: {}, unset: [], lists: { steps: { upsert: [], order: ['nowhere'] } } } } });
        await page.waitForFunction(() => (window as unknown as { __posted: Array<{ kind: string }> }).__posted.filter(m => m.kind === 'needDiagram').length === 2);
        expect(await label(page)).toBe('Patched once');

        // While a comparison is shown, patches still apply in turn; leaving it shows the newest.
        const result = { layout, classes: {}, changes: [], summary: { changes: 0, added: 0, removed: 0, changed: 0, customerVisible: 0, risks: 0 }, markdown: '' };
        await postToWebview(page, { kind: 'diff', title: 'Compared with HEAD', result });
        await page.waitForSelector('.toolbar-live', { state: 'visible' });
        await postToWebview(page, { kind: 'diagram', params: patched(3, relabelled('Patched twice')) });
        await postToWebview(page, { kind: 'diagram', params: patched(4, relabelled('Patched three times')) });
        await page.click('.toolbar-live');
        await page.waitForFunction(([selector, wanted]) => document.querySelector(selector)?.textContent === wanted, [`${domId(step.id)} .step-label`, 'Patched three times']);
        expect((await posted(page)).filter(m => m.kind === 'needDiagram')).toHaveLength(2);
        await page.close();
    });

    it('ignores malformed messages without breaking', async () => {
        const page = await openWithDiagram();
        await postToWebview(page, { kind: 'diagram' });
        await postToWebview(page, { kind: 'select', ids: [42] });
        await postToWebview(page, 'not a message');
        await postToWebview(page, { kind: 'diagram', params: params({ layout: { broken: true } as unknown as BlueprintLayout }) });
        await page.waitForSelector('#blueprint-status.status-failed');
        expect(await page.textContent('#blueprint-status')).toContain('could not be drawn');
        await postToWebview(page, { kind: 'diagram', params: params({ version: 5 }) });
        await page.waitForSelector('#blueprint-status.status-fresh', { state: 'attached' });
        await showWholeDiagram(page, layout);
        expect(await stepLabels(page)).toHaveLength(layout.steps.length);
        await page.close();
    });

    it('made no request outside 127.0.0.1, no CSP violation and no script error', async () => {
        const page = await openWithDiagram();
        await postToWebview(page, { kind: 'exportSvg' });
        expect(await exportedSvg(page)).toContain('<svg');
        expect(await cspViolations(page)).toEqual([]);
        await page.close();
        expect(harness.requests.length).toBeGreaterThan(0);
        expect(harness.requests.filter(url => !url.startsWith(`${harness.origin}/`))).toEqual([]);
        expect(harness.errors.filter(error => !error.includes('could not be drawn') && !error.includes('Blueprint diagram:'))).toEqual([]);
    });
});
