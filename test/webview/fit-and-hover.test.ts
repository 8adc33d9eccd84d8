/**
 * Fit and the hover card in headless Chromium with the real bundle: after Fit no sticky lane, line
 * or stage name covers a step (a side-by-side panel and a wide one), and a hover card at the
 * panel's right edge stays inside the panel at a readable width. Screenshots go to
 * test-results/webview/ (fit-*, hover-*).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreenshot, useExamplePages } from './example-pages.js';
import { chromiumInstalled, CHROMIUM_PATH, postToWebview } from './webview-page.js';

const EXAMPLES = ['ko-card-loss-hotline', 'credit-card-hotline'] as const;
/** The narrowest a hover card may get: its lines read as lines, not a column of words. */
const READABLE_CARD_WIDTH = 180;

const title = chromiumInstalled
    ? 'Fit and the hover card keep clear of what the reader needs'
    : `Fit and the hover card keep clear of what the reader needs (skipped: ${CHROMIUM_PATH} is not installed)`;

interface Box { x: number; y: number; width: number; height: number }

const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function transform(page: Page): Promise<string> {
    return await page.getAttribute('#blueprint-diagram svg.sprotty-graph > g', 'transform') ?? '';
}

/** Waits until a viewport animation has ended: the transform stays the same for 300 ms. */
async function settled(page: Page): Promise<string> {
    let previous = await transform(page);
    for (let i = 0; i < 40; i++) {
        await page.waitForTimeout(300);
        const current = await transform(page);
        if (current === previous) return current;
        previous = current;
    }
    throw new Error('the viewport did not stop moving');
}

async function boxes(page: Page, selector: string): Promise<(Box & { label: string })[]> {
    return await page.$$eval(selector, elements => elements.map(element => {
        const { x, y, width, height } = element.getBoundingClientRect();
        return { x, y, width, height, label: element.getAttribute('aria-label') ?? element.textContent ?? '' };
    }));
}

describe.skipIf(!chromiumInstalled)(title, () => {
    const examples = useExamplePages(EXAMPLES);

    for (const example of EXAMPLES) {
        for (const size of [{ width: 540, height: 700 }, { width: 1200, height: 700 }]) {
            it(`after Fit no header covers a step of ${example} (${size.width} px panel)`, async () => {
                const page = await examples.open(example);
                await page.setViewportSize(size);
                await saveScreenshot(page, `fit-${example}-${size.width}-100.png`);
                await postToWebview(page, { kind: 'fit' });
                await settled(page);
                await page.waitForTimeout(200);
                await saveScreenshot(page, `fit-${example}-${size.width}.png`);
                const steps = await boxes(page, '#blueprint-diagram .step:not(.off-screen), #blueprint-diagram .evidence:not(.off-screen)');
                // The whole diagram is on screen: every step drawn.
                expect(steps.length).toBe(examples.layout(example).steps.length);
                const headers = await boxes(page, '#blueprint-headers .sticky-lane, #blueprint-headers .sticky-line, #blueprint-headers .sticky-stage');
                expect(headers.filter(header => header.label.length > 0).length).toBeGreaterThan(0);
                const covered = headers.flatMap(header => steps.filter(step => intersects(header, step)).map(step => `${header.label} covers ${step.label}`));
                expect(covered).toEqual([]);
                for (const step of steps) {
                    expect(step.x).toBeGreaterThanOrEqual(0);
                    expect(step.x + step.width).toBeLessThanOrEqual(size.width);
                }
                await page.close();
            });
        }
    }

    /** Hovers `point` (moving in from beside it) and returns the hover card's box once it is shown. */
    async function hover(page: Page, point: { x: number; y: number }, screenshot: string): Promise<Box> {
        await page.mouse.move(point.x - 8, point.y - 2);
        await page.mouse.move(point.x, point.y, { steps: 3 });
        const card = page.locator('.bp-hover-card');
        await card.waitFor({ state: 'visible', timeout: 5000 });
        await page.waitForTimeout(150);
        await saveScreenshot(page, screenshot);
        return (await card.boundingBox())!;
    }

    const inside = (point: { x: number; y: number }, box: Box) => point.x >= box.x && point.x <= box.x + box.width && point.y >= box.y && point.y <= box.y + box.height;

    it('keeps a hover card at the right edge inside the panel, at a readable width, off the pointer', async () => {
        const example = 'credit-card-hotline';
        const page = await examples.open(example);
        await settled(page);
        // A panel that ends in the middle of a step (at 100 %, from the diagram's origin).
        const step = examples.layout(example).steps.find(candidate => candidate.evidenceFor === undefined && candidate.x > 500 && candidate.y + candidate.height < 600)!;
        const before = (await page.locator(`[id="blueprint-diagram_${step.id}"]`).boundingBox())!;
        const size = { width: Math.round(before.x + before.width / 2 + 16), height: 700 };
        await page.setViewportSize(size);
        await page.waitForTimeout(200);
        const stepBox = (await page.locator(`[id="blueprint-diagram_${step.id}"]`).boundingBox())!;
        const pointer = { x: size.width - 10, y: stepBox.y + stepBox.height / 2 };
        const box = await hover(page, pointer, 'hover-right-edge.png');
        expect(box.width).toBeGreaterThanOrEqual(READABLE_CARD_WIDTH);
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(size.width);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height).toBeLessThanOrEqual(size.height);
        expect(inside(pointer, box)).toBe(false);
        await page.close();
    });

    it('keeps a hover card at the bottom right corner inside the panel, off the pointer', async () => {
        const example = 'credit-card-hotline';
        const page = await examples.open(example);
        await settled(page);
        // The lowest step drawn in the 1200 × 700 panel it opens in.
        const step = examples.layout(example).steps
            .filter(candidate => candidate.evidenceFor === undefined && candidate.x > 400 && candidate.x + candidate.width < 1150 && candidate.y + candidate.height < 620)
            .sort((a, b) => b.y - a.y || a.x - b.x)[0];
        const before = (await page.locator(`[id="blueprint-diagram_${step.id}"]`).boundingBox())!;
        const size = { width: Math.round(before.x + before.width - 12), height: Math.round(before.y + before.height - 12) };
        await page.setViewportSize(size);
        await page.waitForTimeout(200);
        const pointer = { x: size.width - 20, y: size.height - 20 };
        const box = await hover(page, pointer, 'hover-bottom-edge.png');
        expect(box.width).toBeGreaterThanOrEqual(READABLE_CARD_WIDTH);
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(size.width);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height).toBeLessThanOrEqual(size.height);
        expect(inside(pointer, box)).toBe(false);
        await page.close();
    });
});
