/**
 * Driving the VS Code workbench in code-server with Playwright: quick open, commands, the cursor,
 * the active editor's text, the preview's frame. Shared by the desktop-host and the web-host tests.
 */
import { expect } from 'vitest';
import type { FrameLocator, Locator, Page } from 'playwright-core';

/** Moves the cursor of the active editor to a line (Ctrl+G), at its start or at a 1-based column. */
export async function goToLine(page: Page, line: number, column?: number): Promise<void> {
    await focusWorkbench(page);
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(column === undefined ? `:${line}` : `:${line}:${column}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#status\\.editor\\.selection').innerText(), { timeout: 10_000 })
        .toContain(column === undefined ? `Ln ${line},` : `Ln ${line}, Col ${column}`);
}

/** Quick Open (F1, then remove the `>` to search files). */
export async function openFile(page: Page, name: string): Promise<void> {
    await focusWorkbench(page);
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(name);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator(`.tab.active[data-resource-name="${name}"]`).waitFor({ timeout: 30_000 });
}

export async function runCommand(page: Page, title: string, rowText = title): Promise<void> {
    await focusWorkbench(page);
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: rowText }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
}

/** The visible text of the active editor (Monaco renders spaces as no-break spaces). */
export async function editorText(page: Page): Promise<string> {
    const text = await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText();
    return text.replace(/\u00a0/g, ' ');
}

/** Keys go to the workbench, not into a webview that may have focus. */
export async function focusWorkbench(page: Page): Promise<void> {
    const editor = page.locator('.editor-group-container .monaco-editor textarea');
    if (await editor.count() > 0) {
        await editor.first().focus();
    } else {
        await page.locator('.monaco-workbench').focus();
    }
}

export function previewFrame(page: Page): FrameLocator {
    return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}


/** Opens `file` and the Problems panel, and waits until a problem of each rule in `codes` is listed. */
export async function showProblems(page: Page, file: string, codes: readonly string[]): Promise<void> {
    await openFile(page, file);
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 60_000 });
    await runCommand(page, 'View: Focus Problems', 'Problems');
    const rows = page.locator('.markers-panel .monaco-list-row');
    for (const code of codes) await rows.filter({ hasText: code }).first().waitFor({ timeout: 30_000 });
}

/** Goes from the Problems panel to the first problem of `code` and opens the quick fix titled `title`. */
export async function openQuickFix(page: Page, code: string, title: string): Promise<Locator> {
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: code }).first();
    await row.click();
    await row.press('Enter'); // moves the cursor to the problem in the editor
    await page.locator('.editor-group-container.active .monaco-editor.focused').first().waitFor({ timeout: 10_000 });
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: title });
    // Ctrl+. pressed before the code actions at the cursor are known shows nothing: ask again then.
    for (let attempt = 0; attempt < 3 && !(await fix.isVisible()); attempt++) {
        await page.keyboard.press('Control+.');
        await fix.waitFor({ timeout: 10_000 }).catch(() => undefined);
    }
    await fix.waitFor({ timeout: 5_000 });
    return fix;
}

/** The preview's export command, then the format from its quick pick. */
export async function pickExportFormat(page: Page, format: string): Promise<void> {
    await runCommand(page, 'Blueprint: Export Diagram...');
    // The format's own row (its label exactly), not the command palette's row that names all formats.
    const row = page.locator('.quick-input-list .monaco-list-row .label-name', { hasText: new RegExp(`^${format}$`) }).first();
    await row.waitFor({ timeout: 30_000 });
    await row.click();
}
