// What the extension may import from the webview package: the message types and the page HTML.
export * from './protocol.js';
export * from './html.js';
