// What the extension may import from the webview package: the page HTML (the messages are in @blueprint/protocol).
export * from './html.js';
