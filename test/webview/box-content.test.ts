/**
 * Boxes that hold their content, in the real webview (headless Chromium, real fonts): every chip
 * and badge inside its box and its text inside the chip; the legend drawn with the layout's
 * entries; the hover card with a fail point's cause and remedies; notes below the drawing.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreenshot, useExamplePages } from './example-pages.js';
import { chromiumInstalled, CHROMIUM_PATH, postToWebview, showWholeDiagram } from './webview-page.js';

const EXAMPLES = ['credit-card-hotline', 'telecom-store', 'zh-bank-deposit'] as const;

const title = chromiumInstalled
    ? 'box content in the webview'
    : `box content in the webview (skipped: ${CHROMIUM_PATH} is not installed; apt-get install -y chromium)`;

interface DrawnProblem {
    readonly step: string;
    readonly problem: string;
}

describe.skipIf(!chromiumInstalled)(title, () => {
    const examples = useExamplePages(EXAMPLES);
    const open = examples.open;

    /** Measured in the page: marks inside their box, rendered text inside its mark, label inside the box. */
    async function drawnProblems(page: Page): Promise<DrawnProblem[]> {
        return page.$$eval('#blueprint-diagram .step, #blueprint-diagram .evidence', nodes => {
            const problems: Array<{ step: string; problem: string }> = [];
            const slack = 0.5;
            for (const node of nodes) {
                const step = node.id.replace('blueprint-diagram_', '');
                const box = node.querySelector('.step-box, .evidence-box') as SVGGraphicsElement;
                const outer = box.getBoundingClientRect();
                const inside = (rect: DOMRect) => rect.left >= outer.left - slack && rect.top >= outer.top - slack
                    && rect.right <= outer.right + slack && rect.bottom <= outer.bottom + slack;
                for (const mark of Array.from(node.querySelectorAll('.badge, .chip'))) {
                    const rect = (mark.querySelector('.badge-box') as SVGGraphicsElement).getBoundingClientRect();
                    const text = (mark.querySelector('.badge-text') as SVGGraphicsElement).getBoundingClientRect();
                    const name = mark.textContent ?? '';
                    if (!inside(rect)) problems.push({ step, problem: `mark "${name}" outside its box` });
                    if (text.left < rect.left - slack || text.right > rect.right + slack) problems.push({ step, problem: `text of "${name}" wider than its mark` });
                }
                const label = node.querySelector('.step-label') as SVGGraphicsElement | null;
                if (label && label.textContent && !inside(label.getBoundingClientRect())) problems.push({ step, problem: 'label outside its box' });
            }
            return problems;
        });
    }

    it.each(EXAMPLES)('%s: no chip or badge outside its box, no text outside its chip, with the real fonts', async name => {
        const page = await open(name);
        const layout = examples.layout(name);
        await showWholeDiagram(page, layout);
        const markCount = layout.steps.reduce((sum, step) => sum + step.marks.length, 0);
        expect(await page.locator('#blueprint-diagram .step .badge, #blueprint-diagram .step .chip').count()).toBe(markCount);
        expect(await drawnProblems(page)).toEqual([]);
        // The same badge texts as the SVG's geometry, in the same order.
        const drawn = await page.$$eval('#blueprint-diagram .step .marks', groups => groups.map(group =>
            Array.from(group.querySelectorAll('.badge-text'), text => Array.from(text.querySelectorAll('tspan'), span => span.textContent).join(' '))));
        const expected = layout.steps.filter(step => step.evidenceFor === undefined && step.marks.length > 0).map(step => step.marks.map(mark => mark.lines.join(' ')));
        expect(drawn.sort()).toEqual(expected.sort());
        await saveScreenshot(page, `${name}-fit.png`);
        await page.close();
    });

    it('draws the legend with exactly the layout\'s entries, and the numbered notes below the drawing', async () => {
        const page = await open('credit-card-hotline');
        const layout = examples.layout('credit-card-hotline');
        await showWholeDiagram(page, layout);
        const keys = await page.$$eval('#blueprint-diagram .legend .legend-entry', entries => entries.map(entry => entry.getAttribute('data-key')));
        expect(keys).toEqual(layout.legend!.entries.map(entry => entry.key));
        const labels = await page.$$eval('#blueprint-diagram .legend .legend-label', texts => texts.map(text => text.textContent));
        expect(labels).toEqual(layout.legend!.entries.map(entry => entry.label));
        const refs = await page.$$eval('#blueprint-diagram .footnote', notes => notes.map(note => note.getAttribute('data-ref')));
        expect(refs).toEqual(layout.footnotes!.flatMap(section => section.entries.map(note => note.ref)));
        const failText = await page.textContent('#blueprint-diagram .footnote-fail');
        expect(failText).toContain('Cause: ');
        // The hotline declares a time standard (15 min): its process time stands next to the title.
        expect(layout.processTime).toBeDefined();
        expect(await page.textContent('#blueprint-diagram .process-time')).toBe(layout.processTime!.text);
        // On screen the sticky stage names cover the title row: the toolbar shows the process time instead.
        expect(await page.$eval('#blueprint-diagram .process-time', text => getComputedStyle(text).visibility)).toBe('hidden');
        expect(await page.textContent('.blueprint-toolbar .toolbar-process-time')).toBe(layout.processTime!.text);
        expect(await page.getAttribute('.blueprint-toolbar .toolbar-process-time', 'class')).toBe(`toolbar-process-time${layout.processTime!.over ? ' over' : ''}`);
        await page.close();
        const zh = await open('zh-bank-deposit');
        expect(await zh.textContent('#blueprint-diagram .process-time')).toBe(examples.layout('zh-bank-deposit').processTime!.text);
        // the Chinese example speaks Chinese (`language zh`), its process time too
        expect(examples.layout('zh-bank-deposit').processTime!.text).toMatch(/^最长路径：.*，在 20 min 的时间标准之内$/);
        await zh.close();
    });

    it('shows a hover card with the fail point\'s cause, prevention and recovery', async () => {
        const page = await open('credit-card-hotline');
        const layout = examples.layout('credit-card-hotline');
        const hold = layout.steps.find(step => step.id === 'Hold')!;
        const fail = hold.details.failPoints[0];
        // The preview opens at 100 % on the start step: bring the step into view first (as the editor's cursor does).
        await postToWebview(page, { kind: 'select', ids: ['Hold'] });
        await page.waitForSelector('[id="blueprint-diagram_Hold"].selected');
        await page.waitForTimeout(800); // the scroll is animated
        const box = (await page.locator('[id="blueprint-diagram_Hold"] .step-box').boundingBox())!;
        // Move there as a hand does: Sprotty opens the card after the pointer rests on the step.
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
        const card = page.locator('#blueprint-diagram-popup .bp-hover-card');
        await card.waitFor({ state: 'visible', timeout: 5000 });
        const text = await card.textContent();
        expect(text).toContain(hold.label);
        expect(text).toContain(`Fail point ${fail.ref}`);
        expect(text).toContain(`Cause: ${fail.cause}`);
        expect(text).toContain(`Prevention: ${fail.preventions[0]}`);
        expect(text).toContain(`Recovery: ${fail.recoveries[0]}`);
        expect(text).toContain('Calls answered within 15 seconds — target ≥ 85 %');
        expect(text).toContain('Wait: 10 s, tolerance 15 s');
        await saveScreenshot(page, `hover-card.png`);
        // Moving away closes it.
        await page.mouse.move(2, 2, { steps: 5 });
        await page.waitForSelector('#blueprint-diagram-popup .bp-hover-card', { state: 'detached', timeout: 5000 });
        await page.close();
    });

    it('shows the hover card in the blueprint\'s language, as the rest of the diagram', async () => {
        const layout = examples.layout('zh-bank-deposit');
        const queue = layout.steps.find(step => step.details.failPoints.length > 0 && step.details.wait !== undefined)!;
        const page = await open('zh-bank-deposit', queue.id);
        const box = (await page.locator(`[id="blueprint-diagram_${queue.id}"] .step-box`).boundingBox())!;
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
        const card = page.locator('#blueprint-diagram-popup .bp-hover-card');
        await card.waitFor({ state: 'visible', timeout: 5000 });
        const headings = await card.locator('.bp-hover-heading').allTextContents();
        const lines = await card.locator('.bp-hover-line').allTextContents();
        const fail = queue.details.failPoints[0];
        expect(headings).toEqual(expect.arrayContaining(['时间', `失败点 ${fail.ref}`]));
        expect(lines).toEqual(expect.arrayContaining([
            `等待：${queue.details.wait!.expected}，容忍时间 ${queue.details.wait!.tolerance}`,
            `原因：${fail.cause}`, `预防：${fail.preventions[0]}`, `补救：${fail.recoveries[0]}`
        ]));
        // None of the card's own words is left in English.
        expect([...headings, ...lines, await card.locator('.bp-hover-subtitle').textContent()].join('\n'))
            .not.toMatch(/Fail point|Cause|Prevention|Recovery|Time|Wait|tolerance|standard|Notes|\bby |\bvia |\bfor /);
        await saveScreenshot(page, `hover-card-zh.png`);
        await page.close();
    });
});
