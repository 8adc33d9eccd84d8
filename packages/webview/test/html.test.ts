import { describe, expect, it } from 'vitest';
import { webviewHtml } from '../src/html.js';
import { isExtensionToWebviewMessage } from '@blueprint/protocol';
import { statusText } from '../src/status-text.js';

const options = {
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js?a=1&b=2',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.css',
    cspSource: 'https://*.vscode-cdn.net',
    nonce: 'abcdefghijklmnopqrstuv0123456789'
};

describe('webviewHtml', () => {
    it('allows only the nonce\'d script and the extension\'s style sheet', () => {
        const html = webviewHtml(options);
        expect(html).toContain(`content="default-src &#39;none&#39;; script-src &#39;nonce-${options.nonce}&#39;; style-src https://*.vscode-cdn.net &#39;nonce-${options.nonce}&#39;"`);
        expect(html).toContain(`<script nonce="${options.nonce}" src="https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js?a=1&amp;b=2"></script>`);
        expect(html).toContain(`<link rel="stylesheet" href="${options.styleUri}" nonce="${options.nonce}">`);
        expect(html).not.toMatch(/style="/);
        expect(html).not.toMatch(/<style/);
        expect(html.match(/<script/g)).toHaveLength(1);
    });

    it('escapes the title and rejects a nonce or source that could break the policy', () => {
        expect(webviewHtml({ ...options, title: '<b>&</b>' })).toContain('<title>&lt;b&gt;&amp;&lt;/b&gt;</title>');
        expect(() => webviewHtml({ ...options, nonce: 'short' })).toThrow(/nonce/);
        expect(() => webviewHtml({ ...options, nonce: `${options.nonce}'; script-src *` })).toThrow(/nonce/);
        expect(() => webviewHtml({ ...options, cspSource: "https://x; script-src 'unsafe-inline'" })).toThrow(/cspSource/);
    });
});

describe('isExtensionToWebviewMessage', () => {
    it('accepts the four messages of the protocol', () => {
        expect(isExtensionToWebviewMessage({ kind: 'diagram', params: { uri: 'file:///a', version: 1, stale: false, errors: 0 } })).toBe(true);
        expect(isExtensionToWebviewMessage({ kind: 'select', ids: ['A', 'B'] })).toBe(true);
        expect(isExtensionToWebviewMessage({ kind: 'fit' })).toBe(true);
        expect(isExtensionToWebviewMessage({ kind: 'exportSvg' })).toBe(true);
    });

    it('rejects anything else', () => {
        for (const bad of [null, 'fit', 42, {}, { kind: 'reveal', id: 'A' }, { kind: 'select', ids: 'A' }, { kind: 'select', ids: [1] },
            { kind: 'diagram' }, { kind: 'diagram', params: { uri: 1, stale: false } }, { kind: 'diagram', params: { uri: 'u', stale: false, layout: 'x' } }]) {
            expect(isExtensionToWebviewMessage(bad)).toBe(false);
        }
    });
});

describe('statusText', () => {
    it('words the banner and the empty message', () => {
        expect(statusText({ kind: 'stale', errors: 1 })).toBe('1 error — showing the last valid diagram');
        expect(statusText({ kind: 'stale', errors: 4 })).toBe('4 errors — showing the last valid diagram');
        expect(statusText({ kind: 'empty', errors: 0 })).toMatch(/^No diagram yet/);
        expect(statusText({ kind: 'empty', errors: 1 })).toContain('fix the error');
        expect(statusText({ kind: 'fresh' })).toBeUndefined();
    });
});
