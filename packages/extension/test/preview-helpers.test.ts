import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { webviewHtml } from '@blueprint/webview';
import { debounce } from '../src/preview/debounce.js';
import { parsePreviewTheme, themeOverrideCss, withThemeOverride } from '../src/preview/theme-override.js';

const nonce = 'abcdefghijklmnopqrstuvwxyz012345';
const page = () => webviewHtml({ scriptUri: 'https://x.test/webview.js', styleUri: 'https://x.test/webview.css', cspSource: 'https://x.test', nonce });
// The attribute as a browser reads it (the page writes quotes as character references).
const cspOf = (html: string) => /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1]?.replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('webview CSP source', () => {
    const pageWith = (cspSource: string) => webviewHtml({ scriptUri: 'https://x.test/webview.js', styleUri: 'https://x.test/webview.css', cspSource, nonce });

    it("puts code-server's multi-source cspSource into the page's CSP", () => {
        expect(cspOf(pageWith("'self' https://*.vscode-cdn.net"))).toContain("style-src 'self' https://*.vscode-cdn.net 'nonce-");
    });

    it("puts desktop VS Code's single source in", () => {
        expect(cspOf(pageWith('https://file+.vscode-resource.vscode-cdn.net'))).toContain('style-src https://file+.vscode-resource.vscode-cdn.net ');
    });

    it('rejects sources that would break out of the CSP', () => {
        expect(() => pageWith("'self'; script-src *")).toThrow(/invalid cspSource/);
        expect(() => pageWith('https://a" onload="x')).toThrow(/invalid cspSource/);
        expect(() => pageWith("'unsafe-inline'")).toThrow(/invalid cspSource/);
        expect(() => pageWith('')).toThrow(/invalid cspSource/);
    });
});

describe('preview theme', () => {
    it('reads the setting, falling back to auto', () => {
        expect(parsePreviewTheme('dark')).toBe('dark');
        expect(parsePreviewTheme('light')).toBe('light');
        expect(parsePreviewTheme('neon')).toBe('auto');
        expect(parsePreviewTheme(undefined)).toBe('auto');
    });

    it('leaves the page alone for auto and pins the colours for light and dark', () => {
        const html = page();
        expect(withThemeOverride(html, 'auto', nonce)).toBe(html);
        const dark = withThemeOverride(html, 'dark', nonce);
        expect(dark).toContain(`<style nonce="${nonce}">`);
        expect(dark.indexOf('<style nonce')).toBeLessThan(dark.indexOf('</head>'));
        expect(themeOverrideCss('dark')).toContain('--bp-background: #1e1e1e !important');
        expect(themeOverrideCss('light')).toContain('--bp-background: #ffffff !important');
        expect(themeOverrideCss('dark')).toContain('body.vscode-light');
    });

    it('overrides every colour variable the webview style sheet defines', async () => {
        const { readFileSync } = await import('node:fs');
        const css = readFileSync(new URL('../../webview/css/webview.css', import.meta.url), 'utf8');
        const root = /:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
        const variables = [...root.matchAll(/(--bp-[\w-]+)\s*:/g)].map(match => match[1]).filter(name => name !== '--bp-font' && name !== '--bp-focus');
        expect(variables.length).toBeGreaterThan(5);
        for (const variable of variables) {
            expect(themeOverrideCss('light'), variable).toContain(`${variable}:`);
            expect(themeOverrideCss('dark'), variable).toContain(`${variable}:`);
        }
    });
});

describe('debounce', () => {
    beforeEach(() => { vi.useFakeTimers(); });
    afterEach(() => { vi.useRealTimers(); });

    it('runs once with the last value after the quiet period', () => {
        const calls: number[] = [];
        const run = debounce<number>(value => calls.push(value), () => 100);
        run(1); run(2);
        vi.advanceTimersByTime(99);
        expect(calls).toEqual([]);
        run(3);
        vi.advanceTimersByTime(100);
        expect(calls).toEqual([3]);
    });

    it('reads the delay at each call, runs at once for 0, and supports flush and cancel', () => {
        const calls: string[] = [];
        let delay = 0;
        const run = debounce<string>(value => calls.push(value), () => delay);
        run('now');
        expect(calls).toEqual(['now']);
        delay = 50;
        run('flushed');
        run.flush();
        expect(calls).toEqual(['now', 'flushed']);
        run('cancelled');
        run.cancel();
        vi.advanceTimersByTime(100);
        expect(calls).toEqual(['now', 'flushed']);
    });
});
