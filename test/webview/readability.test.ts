/**
 * The preview as a reader meets it, in headless Chromium with the real bundle: the hotline and
 * telecom-store blueprints open at 100 % with the start step in view and text at a readable
 * size; lane, line and stage names stay on screen while panning; wheel zoom is proportional;
 * the keyboard zooms, pans and moves between steps; steps carry ARIA names; high-contrast themes
 * keep text legible. Screenshots go to test-results/webview/.
 */
import type { BlueprintLayout } from '@blueprint/diagram';
import type { DiagramParams } from '@blueprint/protocol';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLayoutSource } from './layout-source.js';
import { buildBundle, chromiumInstalled, CHROMIUM_PATH, exportedSvg, posted, postToWebview, startHarness, waitForPosted, type WebviewHarness } from './webview-page.js';

const resultsDir = fileURLToPath(new URL('../../test-results/webview/', import.meta.url));
const EXAMPLES = ['credit-card-hotline', 'telecom-store'] as const;

const title = chromiumInstalled
    ? 'the preview is readable at a glance'
    : `the preview is readable at a glance (skipped: ${CHROMIUM_PATH} is not installed; apt-get install -y chromium)`;

interface Viewport { zoom: number; x: number; y: number }

describe.skipIf(!chromiumInstalled)(title, () => {
    let harness: WebviewHarness;
    const layouts = new Map<string, BlueprintLayout>();

    beforeAll(async () => {
        for (const example of EXAMPLES) {
            layouts.set(example, (await loadLayoutSource(example)).layout);
        }
        await buildBundle();
        harness = await startHarness();
        mkdirSync(resultsDir, { recursive: true });
    }, 120_000);

    afterAll(async () => {
        await harness?.close();
    });

    async function open(example: string, extra: { focus?: string[] } = {}): Promise<Page> {
        const layout = layouts.get(example)!;
        const page = await harness.open();
        await waitForPosted(page, 'ready');
        const params: DiagramParams = { uri: `file:///work/examples/${example}.blueprint`, version: 1, layout, stale: false, errors: 0 };
        await postToWebview(page, { kind: 'diagram', params, ...extra });
        await page.waitForSelector('#blueprint-diagram .step:not(.off-screen)');
        await page.waitForSelector('#blueprint-headers .sticky-lane');
        return page;
    }

    async function viewport(page: Page): Promise<Viewport> {
        const transform = await page.getAttribute('#blueprint-diagram svg.sprotty-graph > g', 'transform') ?? '';
        const match = /scale\(([-\d.e]+)\) translate\(([-\d.e]+),([-\d.e]+)\)/.exec(transform);
        if (!match) throw new Error(`unexpected transform '${transform}'`);
        return { zoom: Number(match[1]), x: -Number(match[2]), y: -Number(match[3]) };
    }

    async function settled(page: Page): Promise<Viewport> {
        let previous = await viewport(page);
        for (let i = 0; i < 50; i++) {
            await page.waitForTimeout(150);
            const current = await viewport(page);
            if (current.zoom === previous.zoom && current.x === previous.x && current.y === previous.y) return current;
            previous = current;
        }
        throw new Error('the viewport did not stop moving');
    }

    async function canvasBox(page: Page) {
        return (await page.locator('#blueprint-diagram').boundingBox())!;
    }

    /** Drags the canvas leftwards until the diagram's right edge is on screen. */
    async function panToFarRight(page: Page, layout: BlueprintLayout): Promise<void> {
        const canvas = await canvasBox(page);
        const y = canvas.y + canvas.height - 20;
        for (let i = 0; i < 20; i++) {
            const { zoom, x } = await viewport(page);
            const beyond = (layout.width - x) * zoom - canvas.width;
            if (beyond <= 0) return;
            const distance = Math.min(canvas.width - 60, beyond + 10);
            await page.mouse.move(canvas.x + canvas.width - 20, y);
            await page.mouse.down();
            await page.mouse.move(canvas.x + canvas.width - 20 - distance, y, { steps: 5 });
            await page.mouse.up();
        }
        throw new Error('could not pan to the right edge');
    }

    for (const example of EXAMPLES) {
        it(`${example}: opens at 100 % with the start step in view and step text at 11 px or more`, async () => {
            const layout = layouts.get(example)!;
            const page = await open(example);
            const { zoom } = await settled(page);
            expect(zoom).toBe(1);
            const canvas = await canvasBox(page);
            const start = layout.steps.filter(step => !step.evidenceFor && layout.lanes.find(lane => lane.id === step.lane)?.kind === 'customer')
                .sort((a, b) => a.x - b.x)[0];
            const box = (await page.locator(`[id="blueprint-diagram_${start.id}"]`).boundingBox())!;
            expect(box.x).toBeGreaterThanOrEqual(canvas.x);
            expect(box.y).toBeGreaterThanOrEqual(canvas.y);
            expect(box.x + box.width).toBeLessThanOrEqual(canvas.x + canvas.width);
            expect(box.y + box.height).toBeLessThanOrEqual(canvas.y + canvas.height);

            // Every step label on screen is drawn at 11 CSS px or more (font size times the screen scale, and its box).
            const sizes = await page.$$eval('#blueprint-diagram .step-label', (texts, bounds) => texts.flatMap(text => {
                const rect = text.getBoundingClientRect();
                if (rect.right < bounds.x || rect.left > bounds.x + bounds.width || rect.bottom < bounds.y || rect.top > bounds.y + bounds.height) return [];
                const scale = (text as SVGTextElement).getScreenCTM()!.a;
                const lines = Math.max(1, text.querySelectorAll('tspan').length);
                return [{ font: parseFloat(getComputedStyle(text).fontSize) * scale, lineHeight: rect.height / lines }];
            }), canvas);
            expect(sizes.length).toBeGreaterThan(3);
            for (const size of sizes) {
                expect(size.font).toBeGreaterThanOrEqual(11);
                expect(size.lineHeight).toBeGreaterThanOrEqual(11);
            }
            await page.screenshot({ path: `${resultsDir}${example}-default.png` });
            await page.close();
        });

        it(`${example}: lane, line and stage names stay on screen after panning to the far right`, async () => {
            const layout = layouts.get(example)!;
            const page = await open(example);
            await settled(page);
            await panToFarRight(page, layout);
            await settled(page);
            const canvas = await canvasBox(page);
            const inside = async (selector: string) => page.$$eval(selector, (nodes, bounds) => nodes.filter(node => {
                const rect = node.getBoundingClientRect();
                return rect.width > 20 && rect.left >= bounds.x && rect.right <= bounds.x + bounds.width
                    && rect.top >= bounds.y && rect.bottom <= bounds.y + bounds.height && getComputedStyle(node).visibility === 'visible';
            }).map(node => node.textContent), canvas);
            const lanes = await inside('#blueprint-headers .sticky-lane');
            const lines = await inside('#blueprint-headers .sticky-line');
            const stages = await inside('#blueprint-headers .sticky-stage');
            expect(lanes.length).toBeGreaterThan(0);
            expect(lanes.every(label => layout.lanes.some(lane => lane.label === label))).toBe(true);
            expect(lines.length).toBeGreaterThan(0);
            expect(lines.every(label => layout.lines.some(line => line.label === label))).toBe(true);
            expect(stages).toContain(layout.stages[layout.stages.length - 1].label);
            await page.screenshot({ path: `${resultsDir}${example}-far-right.png` });

            // Scrolled down too, the stage names stick to the top.
            const { zoom, x } = await viewport(page);
            await page.focus('#blueprint-diagram svg');
            for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowDown');
            const after = await settled(page);
            expect(after.zoom).toBe(zoom);
            expect(after.x).toBe(x);
            expect(after.y).toBeGreaterThan(0);
            const bar = (await page.locator('#blueprint-headers .sticky-stage-bar').boundingBox())!;
            expect(Math.round(bar.y)).toBe(Math.round(canvas.y));
            await page.close();
        });
    }

    it('opens on the step at the editor\'s cursor when the extension names one', async () => {
        const layout = layouts.get('telecom-store')!;
        const far = [...layout.steps].filter(step => !step.evidenceFor).sort((a, b) => b.x - a.x)[0];
        const page = await open('telecom-store', { focus: [far.id] });
        await settled(page);
        const canvas = await canvasBox(page);
        const box = (await page.locator(`[id="blueprint-diagram_${far.id}"]`).boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(canvas.x);
        expect(box.x + box.width).toBeLessThanOrEqual(canvas.x + canvas.width);
        expect((await viewport(page)).zoom).toBe(1);
        await page.close();
    });

    it('zooms with the wheel in proportion to the wheel movement, never by more than 1.25 per event', async () => {
        const page = await open('credit-card-hotline');
        const canvas = await canvasBox(page);
        await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
        const zoomAfter = async (deltaY: number) => {
            const before = (await settled(page)).zoom;
            await page.mouse.wheel(0, deltaY);
            await page.waitForFunction(previous => !document.querySelector('#blueprint-diagram svg > g')?.getAttribute('transform')?.startsWith(`scale(${previous})`), before);
            return (await settled(page)).zoom / before;
        };
        const oneNotchOut = await zoomAfter(100);
        expect(oneNotchOut).toBeCloseTo(1 / 1.2, 3);
        const halfNotchIn = await zoomAfter(-50);
        expect(halfNotchIn).toBeCloseTo(Math.sqrt(1.2), 3);
        const hugeDelta = await zoomAfter(-2000);
        expect(hugeDelta).toBeCloseTo(1.25, 3);

        // Shift+wheel and a sideways trackpad swipe pan instead.
        const before = await settled(page);
        await page.keyboard.down('Shift');
        await page.mouse.wheel(0, 100);
        await page.keyboard.up('Shift');
        const shifted = await settled(page);
        expect(shifted.zoom).toBe(before.zoom);
        expect(shifted.x).toBeCloseTo(before.x + 100 / before.zoom, 3);
        await page.mouse.wheel(60, 5);
        const swiped = await settled(page);
        expect(swiped.zoom).toBe(before.zoom);
        expect(swiped.x).toBeCloseTo(shifted.x + 60 / before.zoom, 3);
        expect(swiped.y).toBeCloseTo(shifted.y + 5 / before.zoom, 3);
        await page.close();
    });

    it('zooms, pans and moves between steps with the keyboard; Enter reveals the step', async () => {
        const layout = layouts.get('credit-card-hotline')!;
        const page = await open('credit-card-hotline');
        await page.focus('#blueprint-diagram svg');
        const start = await settled(page);
        await page.keyboard.press('+');
        expect((await settled(page)).zoom).toBeCloseTo(1.25, 5);
        await page.keyboard.press('0');
        expect((await settled(page)).zoom).toBe(1);
        await page.keyboard.press('-');
        expect((await settled(page)).zoom).toBeCloseTo(0.8, 5);
        await page.keyboard.press('0');
        await settled(page);
        await page.keyboard.press('ArrowRight');
        const panned = await settled(page);
        expect(panned.x).toBeGreaterThan(start.x);
        expect(panned.zoom).toBe(1);

        // Tab enters the steps in reading order; the focused step is selected and announced.
        const ordered = layout.steps.filter(step => !step.evidenceFor).sort((a, b) => (a.x - b.x) || (a.y - b.y));
        await page.keyboard.press('Tab');
        await page.waitForFunction(id => document.activeElement?.getAttribute('data-step') === id, ordered[0].id);
        expect(await page.locator(`[id="blueprint-diagram_${ordered[0].id}"].selected`).count()).toBe(1);
        await expect.poll(() => page.textContent('#blueprint-announcer')).toContain(ordered[0].label);
        await page.keyboard.press('Tab');
        await page.waitForFunction(id => document.activeElement?.getAttribute('data-step') === id, ordered[1].id);

        // Right follows a flow out of the focused step.
        const from = ordered[1].id;
        const targets = layout.flows.filter(flow => flow.from === from && flow.kind !== 'evidence' && flow.to !== from).map(flow => flow.to);
        expect(targets.length).toBeGreaterThan(0);
        await page.keyboard.press('ArrowRight');
        await page.waitForFunction(ids => ids.includes(document.activeElement?.getAttribute('data-step') ?? ''), targets);
        const reached = await page.evaluate(() => document.activeElement?.getAttribute('data-step'));
        await page.keyboard.press('ArrowLeft');
        const back = layout.flows.filter(flow => flow.to === reached && flow.kind !== 'evidence' && flow.from !== reached).map(flow => flow.from);
        await page.waitForFunction(ids => ids.includes(document.activeElement?.getAttribute('data-step') ?? ''), back);

        await page.keyboard.press('Enter');
        await waitForPosted(page, 'reveal');
        const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-step'));
        expect((await posted(page)).filter(message => message.kind === 'reveal')).toEqual([{ kind: 'reveal', id: focused }]);
        await page.keyboard.press('Escape');
        expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('svg');

        // From the canvas, Tab enters at the step the editor's cursor selected.
        await postToWebview(page, { kind: 'select', ids: [ordered[5].id] });
        await page.waitForSelector(`[id="blueprint-diagram_${ordered[5].id}"].selected`);
        await page.keyboard.press('Tab');
        await page.waitForFunction(id => document.activeElement?.getAttribute('data-step') === id, ordered[5].id);
        await page.close();
    });

    it('draws only the steps, flows and notes on screen, names the others, and draws a step once it comes into view', async () => {
        const layout = layouts.get('telecom-store')!;
        const page = await open('telecom-store');
        const view = await settled(page);
        const canvas = await canvasBox(page);
        const boxes = layout.steps.filter(step => !step.evidenceFor);
        // In diagram coordinates, with the 40 px the view draws beyond each edge.
        const margin = 40 / view.zoom;
        const inView = (x: number, y: number, width: number, height: number) => x <= view.x + canvas.width / view.zoom + margin
            && x + width >= view.x - margin && y <= view.y + canvas.height / view.zoom + margin && y + height >= view.y - margin;
        const expectedDrawn = boxes.filter(step => inView(step.x, step.y, step.width, step.height)).map(step => step.id).sort();
        const drawn = await page.$$eval('#blueprint-diagram .step:not(.off-screen)', nodes => nodes.map(node => node.getAttribute('data-step')));
        const placeholders = await page.$$eval('#blueprint-diagram .step.off-screen', nodes => nodes.map(node => ({
            step: node.getAttribute('data-step'), children: node.childElementCount, label: node.getAttribute('aria-label') ?? ''
        })));
        expect(drawn.sort()).toEqual(expectedDrawn);
        expect(drawn.length).toBeGreaterThan(3);
        expect(placeholders.length).toBe(boxes.length - drawn.length);
        expect(placeholders.length).toBeGreaterThan(drawn.length);
        for (const placeholder of placeholders) {
            expect(placeholder.children).toBe(0);
            expect(placeholder.label).toContain(boxes.find(step => step.id === placeholder.step)!.label);
        }
        const flowsDrawn = await page.locator('#blueprint-diagram .flow').count();
        expect(flowsDrawn).toBeGreaterThan(0);
        expect(flowsDrawn).toBeLessThan(layout.flows.length);
        // The numbered notes below the lanes are off screen at the start.
        expect(layout.footnotes?.length).toBeGreaterThan(0);
        expect(await page.locator('#blueprint-diagram .footnote').count()).toBe(0);
        // The far end comes into view when selected: drawn there, and the start is a placeholder now.
        const far = [...boxes].sort((a, b) => b.x - a.x)[0];
        await postToWebview(page, { kind: 'select', ids: [far.id] });
        await page.waitForSelector(`[id="blueprint-diagram_${far.id}"]:not(.off-screen) .step-label`);
        await settled(page);
        expect(await page.locator(`[id="blueprint-diagram_${expectedDrawn[0]}"].off-screen`).count()).toBe(1);
        // The SVG export draws everything, on screen or not.
        await postToWebview(page, { kind: 'exportSvg' });
        const exported = await exportedSvg(page);
        const counts = await page.evaluate(svg => {
            const document = new DOMParser().parseFromString(svg, 'image/svg+xml');
            return {
                steps: document.querySelectorAll('.step > .step-box').length, flows: document.querySelectorAll('.flow').length,
                notes: document.querySelectorAll('.footnote').length, empty: document.querySelectorAll('.off-screen').length
            };
        }, exported);
        const notes = (layout.footnotes ?? []).reduce((sum, section) => sum + section.entries.length, 0);
        expect(counts).toEqual({ steps: boxes.length, flows: layout.flows.length, notes, empty: 0 });
        await page.close();
    });

    it('names every step for screen readers with its label, lane and stage', async () => {
        const layout = layouts.get('telecom-store')!;
        const page = await open('telecom-store');
        const labels = await page.$$eval('#blueprint-diagram [role="button"]', nodes => nodes.map(node => ({ id: node.id, label: node.getAttribute('aria-label') ?? '' })));
        expect(labels).toHaveLength(layout.steps.length);
        for (const step of layout.steps) {
            const aria = labels.find(entry => entry.id === `blueprint-diagram_${step.id}`)?.label ?? '';
            expect(aria).toContain(step.label);
            expect(aria).toContain(`lane ${layout.lanes.find(lane => lane.id === step.lane)!.label}`);
            const stage = layout.stages.find(candidate => candidate.id === step.stage);
            if (stage) expect(aria).toContain(`stage ${stage.label}`);
        }
        expect(await page.getAttribute('#blueprint-diagram svg', 'aria-label')).toContain(layout.title);
        expect(await page.getAttribute('#blueprint-announcer', 'aria-live')).toBe('polite');
        await postToWebview(page, { kind: 'select', ids: [layout.steps[1].id] });
        await expect.poll(() => page.textContent('#blueprint-announcer')).toContain(`Selected: ${layout.steps[1].label}`);
        await page.close();
    });

    // The body classes and (a subset of) the variables VS Code's high-contrast themes put on the page.
    const HIGH_CONTRAST = {
        dark: {
            classes: ['vscode-high-contrast'],
            vars: {
                '--vscode-editor-background': '#000000', '--vscode-editor-foreground': '#ffffff', '--vscode-foreground': '#ffffff',
                '--vscode-contrastBorder': '#6fc3df', '--vscode-contrastActiveBorder': '#f38518', '--vscode-focusBorder': '#f38518',
                '--vscode-editorWidget-background': '#0c141f', '--vscode-descriptionForeground': '#ffffff',
                '--vscode-charts-blue': '#3794ff', '--vscode-charts-green': '#89d185', '--vscode-charts-orange': '#d18616',
                '--vscode-charts-red': '#f48771', '--vscode-charts-yellow': '#ffd370', '--vscode-charts-purple': '#b180d7',
                '--vscode-button-background': '#000000', '--vscode-button-foreground': '#ffffff', '--vscode-button-border': '#6fc3df'
            }
        },
        light: {
            classes: ['vscode-high-contrast', 'vscode-high-contrast-light'],
            vars: {
                '--vscode-editor-background': '#ffffff', '--vscode-editor-foreground': '#292929', '--vscode-foreground': '#292929',
                '--vscode-contrastBorder': '#0f4a85', '--vscode-contrastActiveBorder': '#006bbd', '--vscode-focusBorder': '#006bbd',
                '--vscode-editorWidget-background': '#ffffff', '--vscode-descriptionForeground': '#292929',
                '--vscode-charts-blue': '#0f4a85', '--vscode-charts-green': '#374e06', '--vscode-charts-orange': '#8f4a00',
                '--vscode-charts-red': '#b5200d', '--vscode-charts-yellow': '#895503', '--vscode-charts-purple': '#652d90',
                '--vscode-button-background': '#0f4a85', '--vscode-button-foreground': '#ffffff', '--vscode-button-border': '#0f4a85'
            }
        }
    } as const;

    for (const [theme, { classes, vars }] of Object.entries(HIGH_CONTRAST)) it(`keeps text legible in the ${theme} high-contrast theme`, async () => {
        const page = await open('credit-card-hotline');
        await page.evaluate(({ classes, vars }) => {
            document.body.classList.add(...classes);
            for (const [name, value] of Object.entries(vars)) document.documentElement.style.setProperty(name, value);
        }, { classes: [...classes], vars: vars as Record<string, string> });
        await page.click('.toolbar-fail-points');
        await page.waitForSelector('.toolbar-fail-points[aria-pressed="true"]');
        await page.screenshot({ path: `${resultsDir}credit-card-hotline-high-contrast-${theme}.png` });
        const pairs = await page.evaluate(() => {
            const parse = (color: string) => (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
            const luminance = (color: string) => {
                const [r, g, b] = parse(color).map(value => {
                    const c = value / 255;
                    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
                });
                return 0.2126 * r + 0.7152 * g + 0.0722 * b;
            };
            const contrast = (a: string, b: string) => {
                const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
                return (high + 0.05) / (low + 0.05);
            };
            const style = (selector: string) => document.querySelector(selector) ? getComputedStyle(document.querySelector(selector)!) : undefined;
            const result: Array<{ what: string; ratio: number }> = [];
            const pair = (what: string, text: string, back: string, textProp: 'fill' | 'color', backProp: 'fill' | 'backgroundColor') => {
                const t = style(text);
                const b = style(back);
                if (t && b) result.push({ what, ratio: contrast(t[textProp], b[backProp]) });
            };
            pair('step label on its box', '#blueprint-diagram .step-label', '#blueprint-diagram .step-box', 'fill', 'fill');
            pair('badge text on its badge', '#blueprint-diagram .badge-fail .badge-text', '#blueprint-diagram .badge-fail .badge-box', 'fill', 'fill');
            pair('chip text on its chip', '#blueprint-diagram .badge-actor .badge-text', '#blueprint-diagram .badge-actor .badge-box', 'fill', 'fill');
            pair('flow label on the canvas', '#blueprint-diagram .flow-label', '#blueprint-diagram .blueprint-background', 'fill', 'fill');
            pair('lane header', '.sticky-lane', 'body', 'color', 'backgroundColor');
            pair('line label', '.sticky-line', 'body', 'color', 'backgroundColor');
            pair('pressed toggle', '.toolbar-fail-points', '.toolbar-fail-points', 'color', 'backgroundColor');
            return result;
        });
        expect(pairs.map(pair => pair.what)).toEqual(expect.arrayContaining(['step label on its box', 'badge text on its badge', 'lane header', 'pressed toggle']));
        for (const pair of pairs) {
            expect(pair.ratio, pair.what).toBeGreaterThanOrEqual(4.5);
        }
        await page.close();
    });

    it('keeps the banner clear of the toolbar', async () => {
        const layout = layouts.get('credit-card-hotline')!;
        const page = await open('credit-card-hotline');
        await postToWebview(page, { kind: 'diagram', params: { uri: 'file:///work/examples/credit-card-hotline.blueprint', version: 2, layout, stale: true, errors: 2 } });
        await page.waitForSelector('#blueprint-status.status-stale');
        const toolbar = (await page.locator('#blueprint-toolbar').boundingBox())!;
        const banner = (await page.locator('#blueprint-status').boundingBox())!;
        const canvas = await canvasBox(page);
        expect(banner.y).toBeGreaterThanOrEqual(toolbar.y + toolbar.height);
        expect(canvas.y).toBeGreaterThanOrEqual(banner.y + banner.height);
        await page.close();
    });
});
