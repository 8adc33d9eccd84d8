/**
 * End-to-end test of the packaged extension in real VS Code (code-server 4 / Code 1.139) driven by
 * Debian's Chromium: the .vsix as users install it, a workspace with the bank-deposit example and a
 * file with problems. Run with `npm run test:e2e` (setup.sh installs Node 24 and code-server into
 * `.e2e/` on first run). Screenshots go to test-results/e2e/.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installExtension, prepareProfile, startCodeServer, type CodeServerPaths, type RunningCodeServer } from './code-server.js';
import { editorText, focusWorkbench, goToLine, openFile, openQuickFix, pickExportFormat, previewFrame, runCommand, showProblems } from './workbench.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const e2e = process.env.BLUEPRINT_E2E_DIR ?? join(repo, '.e2e');
const paths: CodeServerPaths = { e2e, run: join(e2e, 'run') };
const workspace = join(paths.run, 'workspace');
const screenshots = join(repo, 'test-results', 'e2e');
const version = (JSON.parse(readFileSync(join(repo, 'packages/extension/package.json'), 'utf8')) as { version: string }).version;
const vsix = join(repo, `blueprint-${version}.vsix`);

const timings: Record<string, number> = {};
async function timed<T>(name: string, work: () => T | Promise<T>): Promise<T> {
    const start = Date.now();
    try {
        return await work();
    } finally {
        timings[name] = (Date.now() - start) / 1000;
    }
}

// The unit suite's glob also matches this file; it only runs under test/e2e/vitest.config.ts.
describe.runIf(process.env.BLUEPRINT_E2E === '1')('Blueprint extension in code-server', () => {
    let server: RunningCodeServer;
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
        await timed('setup (Node 24 + code-server)', () => {
            execFileSync('bash', [join(repo, 'test/e2e/setup.sh')], { stdio: 'inherit', env: { ...process.env, BLUEPRINT_E2E_DIR: e2e } });
        });
        await timed('package .vsix', () => {
            execFileSync('npm', ['run', 'package', '-w', 'packages/extension'], { cwd: repo, stdio: 'inherit' });
        });
        rmSync(paths.run, { recursive: true, force: true });
        mkdirSync(workspace, { recursive: true });
        mkdirSync(screenshots, { recursive: true });
        copyFileSync(join(repo, 'examples/bank-deposit.blueprint'), join(workspace, 'bank-deposit.blueprint'));
        copyFileSync(join(repo, 'test/e2e/fixtures/invalid.blueprint'), join(workspace, 'invalid.blueprint'));
        // Written before the workbench starts, so Quick Open's file index has it.
        writeFileSync(join(workspace, 'settings-demo.blueprint'), SETTINGS_DEMO);
        for (const example of PREVIEW_EXAMPLES) {
            copyFileSync(join(repo, `examples/${example.file}`), join(workspace, example.file));
        }
        prepareProfile(paths);
        await timed('install .vsix', () => installExtension(paths, vsix));
        await timed('install the language-model tools probe', () => installExtension(paths, packageProbe()));
        server = await timed('start code-server', () => startCodeServer(paths, workspace));
        browser = await chromium.launch({
            executablePath: '/usr/bin/chromium',
            headless: true,
            args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
                '--disable-component-update', '--disable-sync'],
            env: { ...process.env, XDG_CONFIG_HOME: join(paths.run, 'xdg/config'), XDG_CACHE_HOME: join(paths.run, 'xdg/cache') }
        });
        page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
        await timed('open workbench', async () => {
            await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
            await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
            await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'bank-deposit.blueprint' }).waitFor({ timeout: 60_000 });
        });
    });

    afterAll(async () => {
        await page?.screenshot({ path: join(screenshots, 'final.png') }).catch(() => undefined);
        await browser?.close();
        await server?.stop();
        console.log('e2e timings (s):', JSON.stringify(timings));
    });

    it('opens a .blueprint file in the Blueprint language mode', async () => {
        await openFile(page, 'bank-deposit.blueprint');
        await expect.poll(() => page.locator('#status\\.editor\\.mode').innerText(), { timeout: 30_000 }).toContain('Blueprint');
        await page.screenshot({ path: join(screenshots, 'editor.png') });
    });

    it('highlights keywords, names and strings with distinct token classes', async () => {
        const tokens = page.locator('.monaco-editor .view-lines .view-line span span');
        await expect.poll(async () => new Set(await tokens.evaluateAll(spans => spans.map(span => span.className))).size, { timeout: 30_000 })
            .toBeGreaterThanOrEqual(4);
        // Each token's class by its text (exact: the comment also contains the word `blueprint`);
        // Monaco splits long tokens such as the comment into several spans, so that one is a prefix.
        const classOf = async (text: string, prefix = false) => tokens.evaluateAll((spans, [wanted, isPrefix]) =>
            spans.find(span => {
                const content = span.textContent?.replace(/\u00a0/g, ' ').trim() ?? '';
                return isPrefix ? content.startsWith(wanted as string) : content === wanted;
            })?.className, [text, prefix] as const);
        const keyword = await classOf('blueprint');
        const title = await classOf('"Deposit at the branch counter"');
        const comment = await classOf('// Deposit at the branch', true);
        expect(keyword).toMatch(/mtk\d+/);
        expect(title).toMatch(/mtk\d+/);
        expect(comment).toMatch(/mtk\d+/);
        expect(new Set([keyword, title, comment]).size).toBe(3);
    });

    it('shows the diagram with the step labels in the preview', async () => {
        await runCommand(page, 'Blueprint: Open Preview to the Side');
        const webview = previewFrame(page);
        const svg = webview.locator('svg').first();
        await svg.waitFor({ timeout: 60_000 });
        // Steps in view are drawn with their labels; a step out of view is a placeholder named for screen readers.
        await expect.poll(() => webview.locator('svg .step-label').count(), { timeout: 30_000 }).toBeGreaterThan(0);
        const drawnOrNamed = () => webview.locator('svg').first().evaluate(svg =>
            `${svg.textContent} ${Array.from(svg.querySelectorAll('g.step[aria-label]'), step => step.getAttribute('aria-label')).join(' ')}`);
        for (const label of ['Take a queue number', 'Enter PIN', 'Post the transaction']) {
            await expect.poll(drawnOrNamed, { timeout: 30_000 }).toContain(label);
        }
        await page.screenshot({ path: join(screenshots, 'preview.png') });
    });

    it('highlights the step under the cursor in the diagram', async () => {
        const selected = previewFrame(page).locator('g.step.selected > title');
        await goToLine(page, lineOf('customer EnterPin'));
        await expect.poll(() => selected.allTextContents(), { timeout: 30_000 }).toEqual(['Enter PIN']);
        await goToLine(page, lineOf('support Post'));
        await expect.poll(() => selected.allTextContents(), { timeout: 30_000 }).toEqual(['Post the transaction']);
        await goToLine(page, lineOf('stage Queue'));
        await expect.poll(() => selected.count(), { timeout: 30_000 }).toBe(0);
        await page.screenshot({ path: join(screenshots, 'cursor-select.png') });
    });

    it('redraws the preview as a label is typed, and again when the typing is undone', async () => {
        const line = lineOf('customer EnterPin');
        // Into the label, before its closing quote: `    customer EnterPin "Enter PIN"` ends the label at column 33.
        const column = example[line - 1].indexOf('"Enter PIN"') + '"Enter PIN'.length + 1;
        await goToLine(page, line, column);
        const titles = () => previewFrame(page).locator('g.step > title').allTextContents();
        await page.keyboard.type(' now, typed', { delay: 60 });
        await expect.poll(titles, { timeout: 30_000 }).toContain('Enter PIN now, typed');
        // Undo until the label is as it was (VS Code may keep the typed words as several undo stops).
        for (let presses = 0; presses < 12 && !(await editorText(page)).includes('"Enter PIN"'); presses++) {
            await page.keyboard.press('Control+Z');
            await page.waitForTimeout(100);
        }
        expect(await editorText(page)).toContain('"Enter PIN"');
        await expect.poll(titles, { timeout: 30_000 }).toContain('Enter PIN');
        expect(await titles()).not.toContain('Enter PIN now, typed');
    });

    it('selects a clicked step in the text', async () => {
        await goToLine(page, 1);
        // The preview opens at 100 %; fit it so the last step is on screen to be clicked.
        await previewFrame(page).locator('.toolbar-fit').click();
        await page.waitForTimeout(800);
        // A real mouse click at the step's box (Sprotty listens to mousedown/mouseup on the SVG).
        const box = await previewFrame(page).locator('g.step:has(> title:text-is("Leave the branch"), > title:text-is("Take the passbook and leave")) > rect.step-box').first().boundingBox();
        expect(box, 'the step box is on screen').not.toBeNull();
        await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
        await expect.poll(() => page.locator('#status\\.editor\\.selection').innerText(), { timeout: 30_000 })
            .toMatch(new RegExp(`^Ln ${lineOf('customer Leave')}, Col 5 \\(\\d+ selected\\)`));
        await page.screenshot({ path: join(screenshots, 'reveal.png') });
    });

    it('exports the diagram as SVG through the save dialog', async () => {
        const target = join(workspace, 'bank-deposit.svg');
        await pickExportFormat(page, 'SVG');
        // code-server's save dialog is a quick input holding the proposed path (next to the source).
        const input = page.locator('.quick-input-widget input');
        await expect.poll(() => input.inputValue(), { timeout: 30_000 }).toContain('bank-deposit.svg');
        await page.keyboard.press('Enter');
        await expect.poll(() => existsSync(target), { timeout: 30_000 }).toBe(true);
        const svg = readFileSync(target, 'utf8');
        expect(svg).toMatch(/^(<\?xml[^>]*>\s*)?<svg[\s>]/);
        for (const label of ['Take a queue number', 'Enter PIN', 'Post the transaction']) {
            expect(svg).toContain(label);
        }
    });

    it('exports the diagram as PNG, drawn in the extension host with the shipped fonts', async () => {
        const target = join(workspace, 'bank-deposit.png');
        await pickExportFormat(page, 'PNG');
        const input = page.locator('.quick-input-widget input');
        await expect.poll(() => input.inputValue(), { timeout: 30_000 }).toContain('bank-deposit.png');
        await page.keyboard.press('Enter');
        await expect.poll(() => existsSync(target) && readFileSync(target).length > 1000, { timeout: 60_000 }).toBe(true);
        expect(readFileSync(target).subarray(1, 4).toString('latin1')).toBe('PNG');
    });

    it('exports the Excel workbook, written by the language server from the model it holds', async () => {
        const target = join(workspace, 'bank-deposit.xlsx');
        await pickExportFormat(page, 'Excel workbook');
        const input = page.locator('.quick-input-widget input');
        await expect.poll(() => input.inputValue(), { timeout: 30_000 }).toContain('bank-deposit.xlsx');
        await page.keyboard.press('Enter');
        await expect.poll(() => existsSync(target) && readFileSync(target).length > 1000, { timeout: 60_000 }).toBe(true);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(readFileSync(target) as unknown as ArrayBuffer);
        expect(workbook.worksheets).toHaveLength(7);
        expect(workbook.worksheets[0].getRow(2).getCell(2).value).toBe('Take a queue number');
    });

    it('shows the hotline and telecom-store previews readable at 100 % (screenshots)', async () => {
        for (const example of PREVIEW_EXAMPLES) {
            await openFile(page, example.file);
            const webview = previewFrame(page);
            await expect.poll(() => webview.locator('svg').first().textContent(), { timeout: 60_000 }).toContain(example.label);
            await expect.poll(() => webview.locator('.blueprint-headers .sticky-lane').count(), { timeout: 30_000 }).toBeGreaterThan(0);
            await page.waitForTimeout(500);
            await page.screenshot({ path: join(screenshots, `preview-${example.name}.png`) });
            // Panned far to the right with the keyboard, lane and line names are still on screen.
            await webview.locator('#blueprint-diagram svg.sprotty-graph').focus();
            for (let i = 0; i < example.presses; i++) await page.keyboard.press('ArrowRight');
            await page.waitForTimeout(500);
            expect(await webview.locator('.blueprint-headers .sticky-lane').count()).toBeGreaterThan(0);
            expect(await webview.locator('.blueprint-headers .sticky-line').count()).toBeGreaterThan(0);
            await page.screenshot({ path: join(screenshots, `preview-${example.name}-far-right.png`) });
        }
        await focusWorkbench(page); // keys go to the workbench again, not to the preview
    });

    it('reports the problems of an invalid file in the Problems panel', async () => {
        await showProblems(page, 'invalid.blueprint', ['BP009', 'BP002']);
        await page.screenshot({ path: join(screenshots, 'problems.png') });
    });

    it('applies a quick fix that adds a recovery to the fail point', async () => {
        const fix = await openQuickFix(page, 'BP009', 'Add a recovery to the fail point');
        await page.screenshot({ path: join(screenshots, 'quick-fix.png') });
        await fix.click();
        await expect.poll(() => editorText(page), { timeout: 30_000 }).toContain('fail "Nobody at the desk" recovery "Describe how the service recovers"');
        await expect.poll(() => page.locator('.markers-panel .monaco-list-row', { hasText: 'BP009' }).count(), { timeout: 30_000 }).toBe(0);
        expect(await page.locator('.markers-panel .monaco-list-row', { hasText: 'BP002' }).count()).toBeGreaterThan(0);
    });

    it('registers the language-model tools: another extension lists them (vscode.lm.tools) and invokes check and analyse', async () => {
        const reportFile = join(workspace, 'lm-probe.json');
        rmSync(reportFile, { force: true });
        await runCommand(page, 'Blueprint Probe: Language Model Tools');
        await expect.poll(() => existsSync(reportFile), { timeout: 60_000 }).toBe(true);
        const probe = JSON.parse(readFileSync(reportFile, 'utf8')) as {
            version: string; api: boolean; error?: string; tools: Array<{ name: string; tags: string[]; properties: string[] }>; check: string; analyse: string;
        };
        expect(probe.error).toBeUndefined();
        expect(probe.api, `vscode.lm.tools and invokeTool in VS Code ${probe.version}`).toBe(true);
        const manifest = JSON.parse(readFileSync(join(repo, 'packages/extension/package.json'), 'utf8')) as { contributes: { languageModelTools: DeclaredTool[] } };
        const declared = manifest.contributes.languageModelTools;
        expect(probe.tools.map(tool => tool.name).sort()).toEqual(declared.map(tool => tool.name).sort());
        for (const tool of declared) {
            const listed = probe.tools.find(candidate => candidate.name === tool.name)!;
            expect(listed.properties.sort(), tool.name).toEqual(Object.keys(tool.inputSchema.properties).sort());
            expect(listed.tags, tool.name).toEqual(tool.tags);
        }
        // Run by the language server (blueprint/tool): the diagnostics of the text, and the analysis of a workspace file.
        const checked = JSON.parse(probe.check) as { diagnostics: Array<{ rule: string }> };
        expect(checked.diagnostics.map(d => d.rule)).toContain('BP002');
        const analysed = JSON.parse(probe.analyse) as { file: string; blueprint: string; counts: { steps: number } };
        expect([analysed.file, analysed.blueprint]).toEqual(['bank-deposit.blueprint', 'BankDeposit']);
        expect(analysed.counts.steps).toBeGreaterThan(5);
    });

    it('applies blueprint.rules and blueprint.layout.spacing as soon as the settings change', async () => {
        await openFile(page, 'settings-demo.blueprint');
        await runCommand(page, 'View: Focus Problems', 'Problems');
        const deadEnds = page.locator('.markers-panel .monaco-list-row', { hasText: 'BP016' });
        await deadEnds.first().waitFor({ timeout: 60_000 });
        await openFile(page, 'settings-demo.blueprint');
        await runCommand(page, 'Blueprint: Open Preview to the Side');
        const gap = () => stepGap(page, 'Arrive at the desk', 'Hand over the form');
        await expect.poll(gap, { timeout: 60_000 }).toBeGreaterThan(0);
        const normalGap = await gap();

        writeWorkspaceSettings({ 'blueprint.rules': { BP016: 'off' }, 'blueprint.layout.spacing': 'roomy' });
        await expect.poll(() => deadEnds.count(), { timeout: 60_000 }).toBe(0);
        await expect.poll(gap, { timeout: 60_000 }).toBeGreaterThan(normalGap);
        await page.screenshot({ path: join(screenshots, 'settings-roomy.png') });

        writeWorkspaceSettings({ 'blueprint.layout.spacing': 'compact' });
        await expect.poll(() => deadEnds.count(), { timeout: 60_000 }).toBeGreaterThan(0);
        await expect.poll(gap, { timeout: 60_000 }).toBeLessThan(normalGap);
    });
});

/**
 * The probe extension (test/e2e/fixtures/lm-probe): another extension's view of `vscode.lm`, the way
 * an agent in the editor sees Blueprint's tools. Packaged into the run folder.
 */
function packageProbe(): string {
    const folder = join(paths.run, 'lm-probe');
    cpSync(join(repo, 'test/e2e/fixtures/lm-probe'), folder, { recursive: true });
    copyFileSync(join(repo, 'LICENSE'), join(folder, 'LICENSE'));
    const target = join(paths.run, 'lm-probe.vsix');
    execFileSync(join(repo, 'node_modules/.bin/vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--out', target], { cwd: folder, stdio: 'inherit' });
    return target;
}

interface DeclaredTool { readonly name: string; readonly tags: string[]; readonly inputSchema: { readonly properties: Record<string, unknown> } }

/** A blueprint with one dead end (BP016, a warning) and two steps side by side. */
const SETTINGS_DEMO = `blueprint Desk "Help desk" {
    customer Arrive "Arrive at the desk" via branch {
        evidence "Desk sign"
        start
    }
    customer Hand "Hand over the form" via branch {
        evidence "Form"
    }
    flow Arrive -> Hand
}
`;

/** Writes the workspace's settings (.vscode/settings.json); VS Code picks the change up by itself. */
function writeWorkspaceSettings(values: Record<string, unknown>): void {
    mkdirSync(join(workspace, '.vscode'), { recursive: true });
    writeFileSync(join(workspace, '.vscode/settings.json'), JSON.stringify(values, undefined, 2));
}

/**
 * Distance between the left edges of two steps of the preview, in widths of the first step's box:
 * independent of the preview's zoom (box sizes depend on the labels, not on the spacing).
 */
async function stepGap(page: Page, first: string, second: string): Promise<number> {
    const box = (label: string) => previewFrame(page).locator(`g.step:has(> title:text-is("${label}")) > rect.step-box`).first().boundingBox({ timeout: 5_000 });
    try {
        const [a, b] = [await box(first), await box(second)];
        return a && b && a.width > 0 ? (b.x - a.x) / a.width : 0;
    } catch {
        return 0;
    }
}

const PREVIEW_EXAMPLES = [
    // `presses`: arrow-key presses (80 px each at 100 %) that bring the right edge into the ~540 px wide preview beside the editor.
    { name: 'hotline', file: 'credit-card-hotline.blueprint', label: 'Call the number on the back of the card', presses: 43 },
    { name: 'telecom', file: 'telecom-store.blueprint', label: 'Compare plans and find the nearest store', presses: 59 }
] as const;

const example = readFileSync(join(repo, 'examples/bank-deposit.blueprint'), 'utf8').split('\n');
/** 1-based line of the example that contains `text`. */
function lineOf(text: string): number {
    const index = example.findIndex(line => line.includes(text));
    if (index < 0) throw new Error(`'${text}' is not in the bank-deposit example`);
    return index + 1;
}
