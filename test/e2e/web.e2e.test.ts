/**
 * The extension as VS Code for the web runs it (vscode.dev, github.dev): code-server's web worker
 * extension host, moved there with `remote.extensionKind`, so the browser entry
 * (`dist/browser-extension.cjs`) runs and starts the language server in a worker of its own
 * (`dist/server-web.js`), reading the workspace through `vscode.workspace.fs`. Diagnostics,
 * completion, hover, a quick fix and the preview must all work there. Screenshots go to
 * test-results/e2e-web/.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installExtension, prepareProfile, startCodeServer, type CodeServerPaths, type RunningCodeServer } from './code-server.js';
import { editorText, goToLine, openFile, openQuickFix, previewFrame, runCommand, showProblems } from './workbench.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const e2e = process.env.BLUEPRINT_E2E_DIR ?? join(repo, '.e2e');
const paths: CodeServerPaths = { e2e, run: join(e2e, 'run-web') };
const workspace = join(paths.run, 'workspace');
const screenshots = join(repo, 'test-results', 'e2e-web');
const manifest = JSON.parse(readFileSync(join(repo, 'packages/extension/package.json'), 'utf8')) as { version: string; publisher: string; name: string };
const vsix = join(repo, `blueprint-${manifest.version}.vsix`);
const extensionId = `${manifest.publisher}.${manifest.name}`.toLowerCase();

const example = readFileSync(join(repo, 'examples/bank-deposit.blueprint'), 'utf8').split('\n');
function lineOf(text: string): number {
    const index = example.findIndex(line => line.includes(text));
    if (index < 0) throw new Error(`'${text}' is not in the bank-deposit example`);
    return index + 1;
}

describe.runIf(process.env.BLUEPRINT_E2E === '1')('Blueprint extension in the web worker extension host', () => {
    let server: RunningCodeServer;
    let browser: Browser;
    let page: Page;
    const workerLog: string[] = [];

    beforeAll(async () => {
        execFileSync('bash', [join(repo, 'test/e2e/setup.sh')], { stdio: 'inherit', env: { ...process.env, BLUEPRINT_E2E_DIR: e2e } });
        execFileSync('npm', ['run', 'package', '-w', 'packages/extension'], { cwd: repo, stdio: 'inherit' });
        rmSync(paths.run, { recursive: true, force: true });
        mkdirSync(workspace, { recursive: true });
        mkdirSync(screenshots, { recursive: true });
        copyFileSync(join(repo, 'examples/bank-deposit.blueprint'), join(workspace, 'bank-deposit.blueprint'));
        copyFileSync(join(repo, 'test/e2e/fixtures/invalid.blueprint'), join(workspace, 'invalid.blueprint'));
        prepareProfile(paths);
        // An extension with both `main` and `browser` runs in the Node host unless told otherwise.
        const settingsFile = join(paths.run, 'ud/User/settings.json');
        const settings = JSON.parse(readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
        writeFileSync(settingsFile, JSON.stringify({ ...settings, 'remote.extensionKind': { [extensionId]: ['web'] } }, undefined, 2));
        installExtension(paths, vsix);
        server = await startCodeServer(paths, workspace);
        browser = await chromium.launch({
            executablePath: '/usr/bin/chromium',
            headless: true,
            args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
                '--disable-component-update', '--disable-sync'],
            env: { ...process.env, XDG_CONFIG_HOME: join(paths.run, 'xdg/config'), XDG_CACHE_HOME: join(paths.run, 'xdg/cache') }
        });
        // Tall, so the virtualised list of running extensions shows ours.
        page = await browser.newPage({ viewport: { width: 1600, height: 1400 } });
        page.on('console', message => { if (message.text().includes('[Extension Host]')) workerLog.push(message.text()); });
        await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'bank-deposit.blueprint' }).waitFor({ timeout: 60_000 });
    });

    afterAll(async () => {
        mkdirSync(screenshots, { recursive: true });
        await page?.screenshot({ path: join(screenshots, 'final.png') }).catch(() => undefined);
        await browser?.close();
        await server?.stop();
        // code-server's log holds what the server side did (nothing of ours should run there).
        if (server) writeFileSync(join(screenshots, 'code-server.log'), server.log());
        writeFileSync(join(screenshots, 'extension-host.log'), workerLog.join('\n'));
    });

    it('runs in the web worker extension host', async () => {
        await openFile(page, 'bank-deposit.blueprint');
        await expect.poll(() => page.locator('#status\\.editor\\.mode').innerText(), { timeout: 30_000 }).toContain('Blueprint');
        await runCommand(page, 'Developer: Show Running Extensions');
        const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Blueprint' }).first();
        await row.waitFor({ timeout: 60_000 });
        await expect.poll(() => row.innerText(), { timeout: 30_000 }).toMatch(/web worker/i);
        await page.screenshot({ path: join(screenshots, 'running-extensions.png') });
        await page.keyboard.press('Control+W');
    });

    it('reports diagnostics of an invalid file', async () => {
        await showProblems(page, 'invalid.blueprint', ['BP009', 'BP002']);
        await page.screenshot({ path: join(screenshots, 'problems.png') });
    });

    it('applies a quick fix', async () => {
        const fix = await openQuickFix(page, 'BP009', 'Add a recovery to the fail point');
        await fix.click();
        await expect.poll(() => editorText(page), { timeout: 30_000 }).toContain('recovery "Describe how the service recovers"');
        await expect.poll(() => page.locator('.markers-panel .monaco-list-row', { hasText: 'BP009' }).count(), { timeout: 30_000 }).toBe(0);
    });

    it('completes step names in a flow', async () => {
        await openFile(page, 'bank-deposit.blueprint');
        const flowLine = lineOf('flow TakeNumber');
        await goToLine(page, flowLine);
        await page.keyboard.press('End');
        await page.keyboard.type(' -> ');
        await page.keyboard.press('Control+Space');
        const suggestions = page.locator('.suggest-widget .monaco-list-row');
        await suggestions.first().waitFor({ timeout: 30_000 });
        await expect.poll(() => suggestions.allInnerTexts(), { timeout: 30_000 }).toEqual(expect.arrayContaining([expect.stringContaining('EnterPin')]));
        await page.screenshot({ path: join(screenshots, 'completion.png') });
        await page.keyboard.press('Escape');
        for (let i = 0; i < ' -> '.length; i++) await page.keyboard.press('Backspace');
        await expect.poll(() => editorText(page), { timeout: 10_000 }).not.toContain('Leave -> ');
    });

    it('shows a hover on a step', async () => {
        await goToLine(page, lineOf('customer EnterPin'));
        // The mouse over the step's name, as a user hovers.
        const name = page.locator('.monaco-editor .view-lines .view-line span span', { hasText: /^EnterPin$/ }).first();
        await name.waitFor({ timeout: 30_000 });
        const hover = page.locator('.monaco-hover:not(.hidden) .hover-contents').first();
        // Hover again, a few pixels along, until the hover shows (one that opened as the editor scrolled may close).
        let nudge = 0;
        await expect.poll(async () => {
            await name.hover({ position: { x: 2 + (nudge++ % 3) * 3, y: 4 } });
            return hover.isVisible();
        }, { timeout: 30_000, interval: 1_000 }).toBe(true);
        await expect.poll(() => hover.innerText(), { timeout: 30_000 }).toContain('Enter PIN');
        await page.screenshot({ path: join(screenshots, 'hover.png') });
        await page.mouse.move(0, 0);
    });

    it('draws the preview', async () => {
        await runCommand(page, 'Blueprint: Open Preview to the Side');
        const webview = previewFrame(page);
        await webview.locator('svg').first().waitFor({ timeout: 60_000 });
        // Steps in view are drawn with their labels; a step out of view is a placeholder named for screen readers.
        await expect.poll(() => webview.locator('svg .step-label').count(), { timeout: 30_000 }).toBeGreaterThan(0);
        const drawnOrNamed = () => webview.locator('svg').first().evaluate(svg =>
            `${svg.textContent} ${Array.from(svg.querySelectorAll('g.step[aria-label]'), step => step.getAttribute('aria-label')).join(' ')}`);
        for (const label of ['Take a queue number', 'Enter PIN', 'Post the transaction']) {
            await expect.poll(drawnOrNamed, { timeout: 30_000 }).toContain(label);
        }
        await page.screenshot({ path: join(screenshots, 'preview.png') });
    });
});
