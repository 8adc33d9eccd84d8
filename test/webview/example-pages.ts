/**
 * Examples drawn in the real webview page (headless Chromium, the real bundle), for a `describe`
 * block: before its tests the examples are laid out, the bundle built and the page harness started;
 * after them the harness closes.
 */
import { layoutBlueprint, type BlueprintLayout } from '@blueprint/diagram';
import type { LanguageCode } from '@blueprint/model';
import type { DiagramParams } from '@blueprint/protocol';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { modelFromText } from '../diagram/diagram-helpers.js';
import { buildBundle, postToWebview, startHarness, waitForPosted, type WebviewHarness } from './webview-page.js';

const RESULTS = fileURLToPath(new URL('../../test-results/webview/', import.meta.url));

export interface ExamplePages {
    /** The layout the page was given for `examples/<name>.blueprint`. */
    layout(name: string): BlueprintLayout;
    /** A fresh page showing the example's diagram; with `select`, that step selected and scrolled to. */
    open(name: string, select?: string): Promise<Page>;
}

export function useExamplePages(examples: readonly string[]): ExamplePages {
    let harness: WebviewHarness | undefined;
    const layouts = new Map<string, BlueprintLayout>();
    const languages = new Map<string, LanguageCode>();

    beforeAll(async () => {
        for (const name of examples) {
            const text = readFileSync(new URL(`../../examples/${name}.blueprint`, import.meta.url), 'utf8');
            const model = await modelFromText(text);
            layouts.set(name, await layoutBlueprint(model));
            languages.set(name, model.language);
        }
        await buildBundle();
        harness = await startHarness();
    }, 120_000);

    afterAll(async () => {
        await harness?.close();
    });

    const layout = (name: string): BlueprintLayout => {
        const found = layouts.get(name);
        if (!found) throw new Error(`${name} is not among the examples laid out: ${examples.join(', ')}`);
        return found;
    };

    return {
        layout,
        async open(name, select) {
            const page = await harness!.open();
            await waitForPosted(page, 'ready');
            // As the server sends it: with the blueprint's language.
            const params: DiagramParams = { uri: `file:///work/examples/${name}.blueprint`, version: 1, layout: layout(name), language: languages.get(name), stale: false, errors: 0 };
            await postToWebview(page, { kind: 'diagram', params });
            await page.waitForSelector('#blueprint-diagram .step:not(.off-screen)');
            if (select) {
                await postToWebview(page, { kind: 'select', ids: [select] });
                await page.waitForSelector(`[id="blueprint-diagram_${select}"].selected`);
                await page.waitForTimeout(800); // the scroll is animated
            }
            return page;
        }
    };
}

/** Keeps a screenshot in test-results/webview/ to look at. */
export async function saveScreenshot(page: Page, fileName: string): Promise<void> {
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: `${RESULTS}${fileName}` });
}
