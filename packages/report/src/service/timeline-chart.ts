/**
 * A small inline SVG timeline of the critical path: one bar per step, its width proportional to
 * the step's time, coloured by what the customer experiences (waiting, visible, backstage).
 */
import type { BlueprintModel, ProcessPath, ServiceReportStrings } from '@blueprint/model';
import { isStepCustomerVisible, localisation, stepSeconds } from '@blueprint/model';
import { duration } from './format.js';
import { escapeXml } from '@blueprint/escape';

const WIDTH = 720;
const ROW = 22;
const LABEL_WIDTH = 220;

export function renderTimelineChart(path: ProcessPath, model: BlueprintModel, visibleLanes: Set<string>,
    s: ServiceReportStrings = localisation(model.language).serviceReport): string {
    const steps = new Map(model.steps.map(step => [step.id, step]));
    const rows = path.steps.map(id => steps.get(id)!).filter(Boolean);
    const total = Math.max(path.totalSeconds, 1);
    const scale = (WIDTH - LABEL_WIDTH - 80) / total;
    const height = rows.length * ROW + 30;
    const parts: string[] = [];
    let offset = 0;
    rows.forEach((step, index) => {
        const seconds = stepSeconds(step);
        const y = index * ROW + 4;
        const x = LABEL_WIDTH + offset * scale;
        const kind = seconds === undefined ? 'unknown' : step.wait?.expected ? 'wait' : isStepCustomerVisible(step, visibleLanes) ? 'visible' : 'backstage';
        const w = seconds === undefined ? 0 : Math.max(seconds * scale, 2);
        parts.push(`<text class="tl-label" x="${LABEL_WIDTH - 8}" y="${y + 13}" text-anchor="end">${escapeXml(truncate(step.label, 32))}</text>`);
        if (seconds === undefined) {
            parts.push(`<text class="tl-unknown" x="${x + 4}" y="${y + 13}">${escapeXml(s.timeUnknown)}</text>`);
        } else {
            parts.push(`<rect class="tl-${kind}" x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${ROW - 8}" rx="3"><title>${escapeXml(`${step.label}: ${duration(seconds, s)}`)}</title></rect>`);
            parts.push(`<text class="tl-time" x="${(x + w + 4).toFixed(1)}" y="${y + 13}">${escapeXml(duration(seconds, s))}</text>`);
            offset += seconds;
        }
    });
    const axisY = rows.length * ROW + 12;
    parts.push(`<line class="tl-axis" x1="${LABEL_WIDTH}" y1="${axisY}" x2="${(LABEL_WIDTH + total * scale).toFixed(1)}" y2="${axisY}"/>`);
    parts.push(`<text class="tl-time" x="${LABEL_WIDTH}" y="${axisY + 14}">0</text>`);
    parts.push(`<text class="tl-time" x="${(LABEL_WIDTH + total * scale).toFixed(1)}" y="${axisY + 14}" text-anchor="end">${escapeXml(duration(path.totalSeconds, s))}</text>`);
    return `<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 ${WIDTH} ${height + 6}" width="${WIDTH}" height="${height + 6}" role="img" aria-label="${escapeXml(s.criticalPath)}">
<style>.tl-label,.tl-time,.tl-unknown{font:12px system-ui,sans-serif;fill:#333}.tl-unknown{fill:#999;font-style:italic}.tl-wait{fill:#e8a33d}.tl-visible{fill:#4c78a8}.tl-backstage{fill:#9aa5b1}.tl-axis{stroke:#999}</style>
${parts.join('\n')}
</svg>`;
}

/**
 * Shortens a label to about `max` Latin characters of width; CJK and Hangul characters are about
 * twice as wide at this font size, so they count double (a Korean label must fit the same column).
 */
function truncate(text: string, max: number): string {
    const characters = [...text];
    const width = (ch: string) => (/[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) ? 2 : 1);
    if (characters.reduce((sum, ch) => sum + width(ch), 0) <= max) return text;
    let used = 1; // the ellipsis
    let end = 0;
    while (end < characters.length && used + width(characters[end]) <= max) used += width(characters[end++]);
    return characters.slice(0, end).join('') + '…';
}
