/**
 * `webview.cspSource` is not always a single source: code-server (and VS Code for the web) give
 * `'self' https://*.vscode-cdn.net`, which `webviewHtml` rejects. The page is built with a
 * placeholder that passes its check and the real source list is put into the CSP afterwards.
 * Pure, for unit tests.
 */
export const CSP_SOURCE_PLACEHOLDER = 'blueprint-csp-source';

/** A CSP source list as VS Code gives it: space-separated sources, quoted keywords allowed. */
const CSP_SOURCE_LIST = /^(?:'[a-z-]+'|[a-z][a-z0-9+.-]*:(?:\/\/[^\s;,'"<>]*)?|[^\s;,'"<>:]+(?::[0-9*]+)?)(?: (?:'[a-z-]+'|[a-z][a-z0-9+.-]*:(?:\/\/[^\s;,'"<>]*)?|[^\s;,'"<>:]+(?::[0-9*]+)?))*$/i;

export function withCspSource(html: string, cspSource: string): string {
    if (!CSP_SOURCE_LIST.test(cspSource)) {
        throw new Error(`Blueprint preview: unexpected webview.cspSource '${cspSource}'.`);
    }
    const cspStart = html.indexOf('Content-Security-Policy');
    const cspEnd = cspStart < 0 ? -1 : html.indexOf('>', cspStart);
    const csp = cspEnd < 0 ? '' : html.slice(cspStart, cspEnd);
    if (!csp.includes(CSP_SOURCE_PLACEHOLDER)) {
        throw new Error('Blueprint preview: the page has no Content-Security-Policy with the style source.');
    }
    // Only inside the CSP meta element; nowhere else in the page.
    return html.slice(0, cspStart) + csp.split(CSP_SOURCE_PLACEHOLDER).join(cspSource) + html.slice(cspEnd);
}
