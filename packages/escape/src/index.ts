/**
 * One escaper per output kind, for every label that reaches a file, a terminal or GitHub. Use the
 * one for the consumer that reads the output; never a local copy.
 */
export { escapeXml, sanitizeXmlText } from './xml.js';
export { escapeHtml } from './html.js';
export { escapeMarkdown, markdownCode } from './markdown.js';
export { escapeTerminal } from './terminal.js';
export { escapeWorkflowData, escapeWorkflowProperty } from './github-workflow.js';
export { csvCell, spreadsheetText } from './spreadsheet.js';
export { escapeMermaid, mermaidId } from './mermaid.js';
