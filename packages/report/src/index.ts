/** Public surface of the report package: the service report and the diff review. */
export * from './service/index.js';
export { renderMarkdown, type MarkdownOptions } from './diff/markdown-report.js';
