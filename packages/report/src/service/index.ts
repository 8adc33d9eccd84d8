export { renderMarkdownReport } from './markdown-report.js';
export { renderHtmlReport, type HtmlReportOptions } from './html-report.js';
export { renderTimelineChart } from './timeline-chart.js';
