/**
 * Issue 10 in the preview (headless Chromium, the real bundle): the branch points are drawn on
 * their steps' borders where the layout put them, flow labels (with their shares) where the layout
 * placed them, the line of order penetration with its own style, independent steps grey, and the
 * hover card lists a fail point's failure rate, poka-yoke type and corrective steps.
 */
import { describe, expect, it } from 'vitest';
import { saveScreenshot, useExamplePages } from './example-pages.js';
import { chromiumInstalled, CHROMIUM_PATH, showWholeDiagram } from './webview-page.js';

const EXAMPLES = ['credit-card-hotline', 'bitner-hotel', 'shostack-shoeshine'] as const;

const title = chromiumInstalled
    ? 'branch points, order penetration and remedies in the webview'
    : `branch points in the webview (skipped: ${CHROMIUM_PATH} is not installed; apt-get install -y chromium)`;

describe.skipIf(!chromiumInstalled)(title, () => {
    const examples = useExamplePages(EXAMPLES);
    const open = examples.open;

    it('the hotline: a diamond on the border of each branching step, shares on the flows where the layout put them', async () => {
        const layout = examples.layout('credit-card-hotline');
        const page = await open('credit-card-hotline', 'LookUp');
        await showWholeDiagram(page, layout);
        const drawn = await page.$$eval('#blueprint-diagram [id^="blueprint-diagram_gateway:"]', nodes => nodes.map(node => ({
            classes: node.getAttribute('class'), title: node.querySelector('title')?.textContent
        })));
        expect(drawn).toHaveLength(layout.gateways!.length);
        for (const gateway of layout.gateways!) {
            expect(drawn.some(item => item.title === gateway.description && item.classes!.includes(`gateway-${gateway.kind}`) && item.classes!.includes(`gateway-${gateway.role}`)), gateway.id).toBe(true);
        }
        // On screen: the decision's diamond straddles the right border of "Look the case up".
        const step = (await page.locator('[id="blueprint-diagram_LookUp"] .step-box').boundingBox())!;
        const diamond = (await page.locator('#blueprint-diagram [id^="blueprint-diagram_gateway:"].gateway-exclusive').filter({ has: page.locator('title', { hasText: 'delegated authority' }) }).locator('.gateway-shape').boundingBox())!;
        expect(diamond.x).toBeLessThan(step.x + step.width);
        expect(diamond.x + diamond.width).toBeGreaterThan(step.x + step.width);
        expect(diamond.y).toBeGreaterThan(step.y);
        expect(diamond.y + diamond.height).toBeLessThan(step.y + step.height);
        // The shares are on the flows, at the layout's label boxes (clear of every box).
        const labels = await page.$$eval('#blueprint-diagram .flow-label', texts => texts.map(text => Array.from(text.querySelectorAll('tspan'), span => span.textContent).join(' ') || text.textContent));
        const resolved = layout.flows.find(flow => flow.id === 'LookUp->Resolve')!;
        expect(labels).toContain(resolved.labelBox!.lines.join(' '));
        expect(resolved.labelBox!.lines.join(' ')).toMatch(/^95 %/);
        await saveScreenshot(page, `hotline-branch-points.png`);
        await page.close();
    });

    it('Bitner\'s hotel: the line of order penetration in its own style, the independent step grey', async () => {
        const page = await open('bitner-hotel', 'PrepareRoom');
        const line = page.locator('#blueprint-diagram [id="blueprint-diagram_line:order-penetration"] .line-stroke');
        expect(await line.count()).toBe(1);
        const style = await line.evaluate(element => getComputedStyle(element).strokeDasharray);
        expect(style.replace(/px/g, '').replace(/,\s*/g, ' ')).toBe('12 4 2 4');
        const prepare = page.locator('[id="blueprint-diagram_PrepareRoom"]');
        expect(await prepare.getAttribute('class')).toContain('independent');
        // The line lies between the support lane and the preparation lane on screen, above the independent step.
        const stroke = (await line.boundingBox())!;
        const box = (await prepare.locator('.step-box').boundingBox())!;
        expect(stroke.y).toBeLessThan(box.y);
        const sticky = page.locator('.sticky-line-order-penetration');
        if (await sticky.count() > 0) expect(await sticky.first().textContent()).toBe('Line of order penetration');
        await saveScreenshot(page, `bitner-order-penetration.png`);
        await page.close();
    });

    it('Shostack\'s shoeshine: the hover card names the failure rate, the poka-yoke type and the corrective steps', async () => {
        const page = await open('shostack-shoeshine', 'Polish');
        const box = (await page.locator('[id="blueprint-diagram_Polish"] .step-box').boundingBox())!;
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
        const card = page.locator('#blueprint-diagram-popup .bp-hover-card');
        await card.waitFor({ state: 'visible', timeout: 5000 });
        const text = await card.textContent();
        expect(text).toContain('Failure rate: 10 %');
        expect(text).toContain('Prevention: Ask the colour and show the tin before opening it (poka-yoke: task)');
        expect(text).toContain('Recovery: Remove the wrong polish and polish again → steps: Remove the wrong polish, Polish again with the right colour');
        await saveScreenshot(page, `shoeshine-hover-remedies.png`);
        await page.close();
    });

    it('Shostack\'s shoeshine: the corrective sub-process in the recovery colour (the theme\'s cyan), F1 on the way in, in the legend', async () => {
        const layout = examples.layout('shostack-shoeshine');
        const page = await open('shostack-shoeshine');
        await showWholeDiagram(page, layout);
        const recovery = layout.flows.filter(flow => flow.recovery !== undefined);
        expect(recovery.map(flow => flow.id)).toEqual(['Polish->Strip', 'Strip->Repolish', 'Repolish->Buff']);
        const drawn = await page.$$eval('#blueprint-diagram .flow.flow-recovery', nodes => nodes.map(node => ({
            id: node.id, recovery: node.getAttribute('data-recovery'), stroke: getComputedStyle(node.querySelector('.flow-line')!).stroke,
            arrow: getComputedStyle(node.querySelector('.flow-arrow')!).fill
        })));
        expect(drawn.map(item => [item.id.replace('blueprint-diagram_', ''), item.recovery])).toEqual(recovery.map(flow => [`flow:${flow.id}`, 'F1']));
        // Outside VS Code the fallback teal; the main flow keeps the foreground colour.
        for (const item of drawn) expect([item.stroke, item.arrow]).toEqual(['rgb(15, 118, 110)', 'rgb(15, 118, 110)']);
        const main = page.locator('[id="blueprint-diagram_flow:Polish->Buff"] .flow-line');
        expect(await main.evaluate(element => getComputedStyle(element).stroke)).not.toBe('rgb(15, 118, 110)');
        const labels = await page.$$eval('#blueprint-diagram .flow.flow-recovery .flow-label', texts => texts.map(text => text.textContent));
        expect(labels).toEqual(['F1']);
        // The legend's sample is drawn as the flows are.
        const sample = page.locator('#blueprint-diagram .legend-entry[data-key="flow:recovery"] .flow-recovery .flow-line');
        expect(await sample.evaluate(element => getComputedStyle(element).stroke)).toBe('rgb(15, 118, 110)');
        await saveScreenshot(page, 'shoeshine-recovery.png');
        // In VS Code: the theme's terminal cyan, whatever the theme; its dark fallback without one.
        const line = page.locator('[id="blueprint-diagram_flow:Polish->Strip"] .flow-line');
        await page.evaluate(() => document.body.classList.add('vscode-dark'));
        expect(await line.evaluate(element => getComputedStyle(element).stroke)).toBe('rgb(45, 212, 191)');
        await page.evaluate(() => document.documentElement.style.setProperty('--vscode-terminal-ansiCyan', '#11a8cd'));
        expect(await line.evaluate(element => getComputedStyle(element).stroke)).toBe('rgb(17, 168, 205)');
        await saveScreenshot(page, 'shoeshine-recovery-dark.png');
        await page.close();
    });
});
