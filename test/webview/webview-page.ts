/**
 * Test harness for the diagram webview: builds the real bundle, serves the real page HTML (with its
 * CSP) from 127.0.0.1, and opens it in headless Debian Chromium with a recording stub of
 * `acquireVsCodeApi()`.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { webviewHtml } from '@blueprint/webview';
import type { WebviewToExtensionMessage } from '@blueprint/protocol';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const chromiumInstalled = existsSync(CHROMIUM_PATH);

const webviewRoot = fileURLToPath(new URL('../../packages/webview/', import.meta.url));
const distDir = join(webviewRoot, 'dist');

const CONTENT_TYPES: Record<string, string> = {
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.map': 'application/json; charset=utf-8'
};

export async function buildBundle(): Promise<void> {
    const { buildWebview } = await import(join(webviewRoot, 'build.mjs')) as { buildWebview: () => Promise<void> };
    await buildWebview();
}

export interface WebviewHarness {
    readonly origin: string;
    readonly context: BrowserContext;
    /** Every URL the browser requested. */
    readonly requests: string[];
    /** Uncaught page errors and console errors. */
    readonly errors: string[];
    open(state?: unknown): Promise<Page>;
    close(): Promise<void>;
}

export async function startHarness(): Promise<WebviewHarness> {
    const server = await listen();
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const userDataDir = mkdtempSync(join(tmpdir(), 'blueprint-webview-chromium-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
            '--disable-component-update', '--disable-sync', '--no-first-run'],
        viewport: { width: 1200, height: 700 }
    });
    const requests: string[] = [];
    const errors: string[] = [];
    context.on('request', request => requests.push(request.url()));
    server.on('request', (request, response) => {
        const path = new URL(request.url ?? '/', origin).pathname;
        if (path === '/') {
            const nonce = randomBytes(18).toString('base64');
            response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
            response.end(webviewHtml({ scriptUri: `${origin}/webview.js`, styleUri: `${origin}/webview.css`, cspSource: origin, nonce }));
            return;
        }
        const file = join(distDir, path.replace(/^\/+/, ''));
        if (!/^\/webview\.(js|css)(\.map)?$/.test(path) || !existsSync(file)) {
            response.writeHead(404).end();
            return;
        }
        response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
        response.end(readFileSync(file));
    });
    return {
        origin,
        context,
        requests,
        errors,
        async open(state?: unknown): Promise<Page> {
            const page = await context.newPage();
            page.on('pageerror', error => errors.push(`page error: ${error.message}`));
            page.on('console', message => {
                if (message.type() === 'error') {
                    errors.push(`console error: ${message.text()}`);
                }
            });
            await page.addInitScript(initialState => {
                const win = window as unknown as Record<string, unknown>;
                win.__posted = [];
                win.__state = initialState;
                win.__cspViolations = [];
                document.addEventListener('securitypolicyviolation', event => {
                    (win.__cspViolations as string[]).push(`${event.violatedDirective} ${event.blockedURI}`);
                });
                win.acquireVsCodeApi = () => ({
                    postMessage: (message: unknown) => (win.__posted as unknown[]).push(message),
                    getState: () => win.__state,
                    setState: (next: unknown) => { win.__state = next; }
                });
            }, state ?? null);
            await page.goto(`${origin}/`);
            return page;
        },
        async close(): Promise<void> {
            await context.close();
            await new Promise<void>(resolve => server.close(() => resolve()));
            rmSync(userDataDir, { recursive: true, force: true });
        }
    };
}

function listen(): Promise<Server> {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve(server));
    });
}

/** Sends a message to the page the way VS Code does (a `message` event on the window). */
export async function postToWebview(page: Page, message: unknown): Promise<void> {
    await page.evaluate(data => window.postMessage(data, '*'), message);
}

export async function posted(page: Page): Promise<WebviewToExtensionMessage[]> {
    return page.evaluate(() => (window as unknown as { __posted: WebviewToExtensionMessage[] }).__posted);
}

/** Waits for the page to post a message of this kind. */
export async function waitForPosted(page: Page, kind: WebviewToExtensionMessage['kind']): Promise<void> {
    await page.waitForFunction(wanted => (window as unknown as { __posted: Array<{ kind: string }> }).__posted.some(m => m.kind === wanted), kind);
}

/** The SVG of the first `exportedSvg` message, once it arrives. */
export async function exportedSvg(page: Page): Promise<string> {
    await waitForPosted(page, 'exportedSvg');
    const message = (await posted(page)).find(m => m.kind === 'exportedSvg');
    return message?.kind === 'exportedSvg' ? message.svg : '';
}

export async function savedState(page: Page): Promise<unknown> {
    return page.evaluate(() => (window as unknown as { __state: unknown }).__state);
}

export async function cspViolations(page: Page): Promise<string[]> {
    return page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

/**
 * Makes the page larger than the diagram and fits it, so every element is on screen at 100 % and
 * drawn: the live view draws only what is in view (off-screen boxes are empty, named placeholders).
 * The webview learns the new canvas size on its own time and the fit is animated, so this waits
 * until the view has stood still for a while with everything drawn, asking for fit again if not.
 */
export async function showWholeDiagram(page: Page, layout: { readonly width: number; readonly height: number }): Promise<void> {
    // Fit centres the lanes, stages and steps, with room left of them for the sticky lane names
    // (up to 234 px); the legend and notes below them need the extra height.
    await page.setViewportSize({ width: Math.ceil(layout.width) + 400, height: 2 * Math.ceil(layout.height) + 160 });
    const state = () => page.evaluate(() => ({
        offScreen: document.querySelectorAll('#blueprint-diagram .off-screen').length,
        transform: document.querySelector('#blueprint-diagram svg > g')?.getAttribute('transform') ?? ''
    }));
    for (let attempt = 0; attempt < 5; attempt++) {
        await postToWebview(page, { kind: 'fit' });
        let previous = '';
        let still = 0;
        for (let poll = 0; poll < 40; poll++) {
            await page.waitForTimeout(150);
            const { offScreen, transform } = await state();
            still = transform === previous ? still + 1 : 0;
            previous = transform;
            if (still >= 3) {
                // Fit computes the zoom, so 100 % may come out as 0.9999999999999999.
                const zoom = Number(/^scale\(([-\d.e]+)\)/.exec(transform)?.[1]);
                if (offScreen === 0 && Math.abs(zoom - 1) < 1e-6) return;
                break; // at rest but not whole: the fit used the old canvas; ask again
            }
        }
    }
    const { offScreen, transform } = await state();
    throw new Error(`the whole diagram is not on screen: ${offScreen} boxes off screen, transform ${transform}`);
}
