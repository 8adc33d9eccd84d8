/**
 * The page HTML of the diagram webview. Pure (no `vscode` import) so the extension and the tests
 * share it. The CSP allows only the nonce'd bundle and the style sheet from the extension's
 * resource origin: Sprotty and the webview set styles only through the CSSOM (`element.style`),
 * which `style-src` does not restrict, so no `'unsafe-inline'` is needed.
 */
import { escapeHtml } from '@blueprint/escape';

export interface WebviewHtmlOptions {
    /** URI of `dist/webview.js`, already converted with `webview.asWebviewUri`. */
    readonly scriptUri: string;
    /** URI of `dist/webview.css`, already converted with `webview.asWebviewUri`. */
    readonly styleUri: string;
    /** `webview.cspSource`. */
    readonly cspSource: string;
    /** A fresh random nonce per page (letters, digits, `+/=_-`). */
    readonly nonce: string;
    /** Document title (shown by screen readers). */
    readonly title?: string;
}

/** The root element Sprotty renders into (the viewer's `baseDiv`). */
export const DIAGRAM_ELEMENT_ID = 'blueprint-diagram';
export const TOOLBAR_ELEMENT_ID = 'blueprint-toolbar';
export const STATUS_ELEMENT_ID = 'blueprint-status';

export function webviewHtml(options: WebviewHtmlOptions): string {
    const { scriptUri, styleUri, cspSource, nonce } = options;
    if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(nonce)) {
        throw new Error('webviewHtml: the nonce must be at least 16 characters of [A-Za-z0-9+/=_-].');
    }
    // `webview.cspSource` is one source in desktop VS Code and a list in VS Code for the web
    // (`'self' https://*.vscode-cdn.net`): accept a space-separated list of plain source expressions.
    const sources = cspSource.trim().split(/\s+/).filter(source => source.length > 0);
    if (sources.length === 0 || sources.some(source => !/^('self'|[A-Za-z][A-Za-z0-9+.-]*:(\/\/[^\s;,"'<>]*)?|[^\s;,"'<>:]+(:[0-9*]+)?)$/.test(source))) {
        throw new Error(`webviewHtml: invalid cspSource '${cspSource}' (expected webview.cspSource: CSP source expressions separated by spaces).`);
    }
    const csp = `default-src 'none'; script-src 'nonce-${nonce}'; style-src ${sources.join(' ')} 'nonce-${nonce}'`;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(styleUri)}" nonce="${nonce}">
<title>${escapeHtml(options.title ?? 'Blueprint diagram')}</title>
</head>
<body>
<div id="${TOOLBAR_ELEMENT_ID}" class="blueprint-toolbar" role="toolbar" aria-label="Diagram"></div>
<div id="${STATUS_ELEMENT_ID}" class="blueprint-status" role="status" aria-live="polite"></div>
<div id="${DIAGRAM_ELEMENT_ID}" class="blueprint-diagram"></div>
<script nonce="${nonce}" src="${escapeHtml(scriptUri)}"></script>
</body>
</html>
`;
}
