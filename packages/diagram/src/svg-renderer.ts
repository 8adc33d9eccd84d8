/**
 * A standalone SVG of a laid-out blueprint: no scripts, no external fonts or images, every text
 * escaped. Elements carry CSS classes by kind (`bp-step`, `bp-flow`, `bp-lane`...) so a diff view
 * can recolour them, e.g. by adding `bp-added` through `extraClasses`.
 */
import type { BlueprintLayout, LaidOutFlow, LaidOutStep } from './geometry.js';
import { DEFAULT_BOX_METRICS } from './diagram-input.js';

export type SvgTheme = 'light' | 'dark';

export interface SvgOptions {
    readonly theme?: SvgTheme;
    /** Extra classes per step or flow id, e.g. `bp-added`, `bp-removed`, `bp-changed` for diffs. */
    readonly extraClasses?: ReadonlyMap<string, readonly string[]>;
    /** CSS font-family list; exports name their bundled fonts here so output is the same on every machine. */
    readonly fontFamily?: string;
}

const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

interface Palette {
    readonly background: string;
    readonly text: string;
    readonly muted: string;
    readonly laneFill: readonly [string, string];
    readonly laneHeader: string;
    readonly stageFill: string;
    readonly line: string;
    readonly stepFill: string;
    readonly stepStroke: string;
    readonly evidenceFill: string;
    readonly flow: string;
    readonly fail: string;
    readonly wait: string;
    readonly moment: string;
    readonly metric: string;
}

const PALETTES: Readonly<Record<SvgTheme, Palette>> = {
    light: {
        background: '#ffffff', text: '#1f2328', muted: '#59636e', laneFill: ['#f6f8fa', '#ffffff'], laneHeader: '#eaeef2',
        stageFill: '#ddf4ff', line: '#8c959f', stepFill: '#ffffff', stepStroke: '#57606a', evidenceFill: '#fff8c5',
        flow: '#424a53', fail: '#cf222e', wait: '#9a6700', moment: '#8250df', metric: '#0969da'
    },
    dark: {
        background: '#0d1117', text: '#e6edf3', muted: '#9198a1', laneFill: ['#161b22', '#0d1117'], laneHeader: '#21262d',
        stageFill: '#12263a', line: '#6e7681', stepFill: '#161b22', stepStroke: '#8b949e', evidenceFill: '#2e2a16',
        flow: '#c9d1d9', fail: '#f85149', wait: '#d29922', moment: '#a371f7', metric: '#4493f8'
    }
};

const EMOTION_COLOURS: Readonly<Record<string, string>> = {
    delighted: '#1a7f37', positive: '#2da44e', neutral: '#8c959f', negative: '#d1242f', frustrated: '#a40e26'
};

/** Escapes text for element content and attribute values alike. */
export function escapeXml(text: string): string {
    return text.replace(/[&<>"']/g, character => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' })[character]!)
        // Characters XML 1.0 forbids would make the whole file unreadable.
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

export function renderSvg(layout: BlueprintLayout, options: SvgOptions = {}): string {
    const theme = options.theme ?? 'light';
    const palette = PALETTES[theme];
    const extra = (id: string) => (options.extraClasses?.get(id) ?? []).map(name => ` ${escapeXml(name)}`).join('');
    const out: string[] = [];
    out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="bp-diagram bp-theme-${theme}" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="img" aria-label="${escapeXml(layout.title)}">`);
    out.push(`<title>${escapeXml(layout.title)}</title>`);
    out.push(style(palette, options.fontFamily ?? FONT_FAMILY));
    out.push(markers());
    out.push(`<rect class="bp-background" x="0" y="0" width="${layout.width}" height="${layout.height}"/>`);
    out.push(`<text class="bp-title" x="16" y="34">${escapeXml(layout.title)}</text>`);

    const top = layout.lanes[0]?.y ?? 0;
    const bottom = layout.lanes.length > 0 ? layout.lanes[layout.lanes.length - 1].y + layout.lanes[layout.lanes.length - 1].height : top;
    out.push('<g class="bp-lanes">');
    layout.lanes.forEach((lane, index) => {
        out.push(`<g class="bp-lane bp-lane-${lane.kind}" data-id="${escapeXml(lane.id)}">`
            + `<rect class="bp-lane-band bp-lane-band-${index % 2}" x="16" y="${lane.y}" width="${layout.width - 32}" height="${lane.height}"/>`
            + `<rect class="bp-lane-header" x="16" y="${lane.y}" width="150" height="${lane.height}"/>`
            + textLines(lane.label.split(' ').length > 2 ? splitInTwo(lane.label) : [lane.label], 24, lane.y + lane.height / 2, 'bp-lane-label', 14, 'start', true)
            + '</g>');
    });
    out.push('</g>');

    out.push('<g class="bp-stages">');
    for (const stage of layout.stages) {
        out.push(`<g class="bp-stage" data-id="${escapeXml(stage.id)}">`
            + `<rect class="bp-stage-header" x="${stage.x}" y="${top - 30}" width="${stage.width}" height="26" rx="4"/>`
            + `<text class="bp-stage-label" x="${stage.x + stage.width / 2}" y="${top - 12}" text-anchor="middle">${escapeXml(stage.label)}</text>`
            + `<line class="bp-stage-divider" x1="${stage.x + stage.width}" y1="${top}" x2="${stage.x + stage.width}" y2="${bottom}"/>`
            + '</g>');
    }
    out.push('</g>');

    out.push('<g class="bp-lines">');
    for (const line of layout.lines) {
        out.push(`<g class="bp-line bp-line-${line.kind}">`
            + `<line class="bp-line-stroke" x1="16" y1="${line.y}" x2="${layout.width - 16}" y2="${line.y}"/>`
            + `<text class="bp-line-label" x="${layout.width - 20}" y="${line.y - 4}" text-anchor="end">${escapeXml(line.label)}</text>`
            + '</g>');
    }
    out.push('</g>');

    out.push('<g class="bp-flows">');
    for (const flow of layout.flows) out.push(renderFlow(flow, extra(flow.id)));
    out.push('</g>');

    out.push('<g class="bp-steps">');
    for (const step of layout.steps) out.push(renderStep(step, extra(step.id)));
    out.push('</g>');
    out.push('</svg>');
    return out.join('\n') + '\n';
}

function renderFlow(flow: LaidOutFlow, extraClasses: string): string {
    const path = flow.points.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x} ${point.y}`).join(' ');
    const kind = flow.kind;
    const startMarker = kind === 'two-way' ? ' marker-start="url(#bp-arrow-start)"' : '';
    const endMarker = kind === 'evidence' ? '' : ` marker-end="url(#bp-arrow-${kind === 'escalation' ? 'escalation' : 'end'})"`;
    let label = '';
    if (flow.label) {
        // The label sits on the longest horizontal segment, where it has room.
        const [a, b] = longestHorizontal(flow);
        label = `<text class="bp-flow-label" x="${(a.x + b.x) / 2}" y="${a.y - 4}" text-anchor="middle">${escapeXml(flow.label)}</text>`;
    }
    return `<g class="bp-flow bp-flow-${kind}${flow.loop ? ' bp-flow-loop' : ''}${extraClasses}" data-id="${escapeXml(flow.id)}">`
        + `<path class="bp-flow-path" d="${path}"${startMarker}${endMarker}/>${label}</g>`;
}

function longestHorizontal(flow: LaidOutFlow): [{ x: number; y: number }, { x: number; y: number }] {
    let best: [{ x: number; y: number }, { x: number; y: number }] = [flow.points[0], flow.points[flow.points.length - 1]];
    let length = -1;
    for (let i = 1; i < flow.points.length; i++) {
        const a = flow.points[i - 1];
        const b = flow.points[i];
        if (a.y === b.y && Math.abs(b.x - a.x) > length) {
            length = Math.abs(b.x - a.x);
            best = [a, b];
        }
    }
    return best;
}

function renderStep(step: LaidOutStep, extraClasses: string): string {
    const metrics = DEFAULT_BOX_METRICS;
    const kindClass = step.evidenceFor !== undefined ? 'bp-evidence' : `bp-step bp-step-${step.lane.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    const variant = step.segments.length > 0 ? ' bp-variant' : '';
    const touchpoint = step.touchpoint ? ' bp-touchpoint' : '';
    const parts: string[] = [];
    parts.push(`<g class="${kindClass}${variant}${touchpoint}${extraClasses}" data-id="${escapeXml(step.id)}">`);
    parts.push(`<title>${escapeXml(step.label)}</title>`);
    parts.push(`<rect class="bp-box" x="${step.x}" y="${step.y}" width="${step.width}" height="${step.height}" rx="${step.evidenceFor ? 2 : 6}"/>`);
    let y = step.y + metrics.padding;
    const centerX = step.x + step.width / 2;
    if (step.actor) {
        parts.push(`<text class="bp-actor" x="${centerX}" y="${y + 10}" text-anchor="middle">${escapeXml(step.actor)}</text>`);
        y += metrics.metaRowHeight;
    }
    parts.push(textLines(step.lines, centerX, y + metrics.lineHeight / 2 + (step.lines.length - 1) * metrics.lineHeight / 2,
        'bp-label', metrics.lineHeight, 'middle', true));
    y += step.lines.length * metrics.lineHeight;
    const tags = tagRow(step);
    if (tags) parts.push(`<text class="bp-tags" x="${centerX}" y="${y + 11}" text-anchor="middle">${tags}</text>`);
    parts.push('</g>');
    return parts.join('');
}

/** Channel, segment tags and the badges, as tspans so each can be coloured. */
function tagRow(step: LaidOutStep): string {
    const parts: string[] = [];
    if (step.channel) parts.push(`<tspan class="bp-channel">${escapeXml(step.channel)}</tspan>`);
    for (const segment of step.segments) parts.push(`<tspan class="bp-segment">[${escapeXml(segment)}]</tspan>`);
    if (step.failPoint) parts.push('<tspan class="bp-badge bp-badge-fail">F</tspan>');
    if (step.waitPoint) parts.push(`<tspan class="bp-badge bp-badge-wait">W${step.waitTime ? ` ${escapeXml(step.waitTime)}` : ''}</tspan>`);
    if (step.moment) parts.push('<tspan class="bp-badge bp-badge-moment">MOT</tspan>');
    if (step.emotion) {
        const colour = EMOTION_COLOURS[step.emotion] ?? '#8c959f';
        parts.push(`<tspan class="bp-badge bp-emotion bp-emotion-${escapeXml(step.emotion)}" fill="${colour}">●<title>${escapeXml(step.emotion)}</title></tspan>`);
    }
    if (step.metrics > 0) parts.push(`<tspan class="bp-badge bp-badge-metric">M${step.metrics}</tspan>`);
    return parts.join(' ');
}

function textLines(lines: readonly string[], x: number, centerY: number, className: string, lineHeight: number,
    anchor: 'start' | 'middle', vertical: boolean): string {
    const firstY = vertical ? centerY - (lines.length - 1) * lineHeight / 2 + 4 : centerY;
    const spans = lines.map((line, index) => `<tspan x="${x}" y="${firstY + index * lineHeight}">${escapeXml(line)}</tspan>`).join('');
    return `<text class="${className}" text-anchor="${anchor}">${spans}</text>`;
}

function splitInTwo(label: string): string[] {
    const words = label.split(' ');
    const half = Math.ceil(words.length / 2);
    return [words.slice(0, half).join(' '), words.slice(half).join(' ')];
}

function markers(): string {
    return '<defs>'
        + '<marker id="bp-arrow-end" class="bp-marker" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M0 0 L10 5 L0 10 z"/></marker>'
        + '<marker id="bp-arrow-start" class="bp-marker" viewBox="0 0 10 10" refX="0" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M10 0 L0 5 L10 10 z"/></marker>'
        + '<marker id="bp-arrow-escalation" class="bp-marker bp-marker-escalation" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" orient="auto"><path d="M0 0 L10 5 L0 10 L3 5 z"/></marker>'
        + '</defs>';
}

function style(p: Palette, fontFamily: string): string {
    return `<style>
.bp-diagram { font-family: ${fontFamily}; font-size: 12px; }
.bp-background { fill: ${p.background}; }
.bp-title { font-size: 18px; font-weight: 600; fill: ${p.text}; }
.bp-lane-band-0 { fill: ${p.laneFill[0]}; }
.bp-lane-band-1 { fill: ${p.laneFill[1]}; }
.bp-lane-header { fill: ${p.laneHeader}; }
.bp-lane-label { font-size: 13px; font-weight: 600; fill: ${p.text}; }
.bp-stage-header { fill: ${p.stageFill}; }
.bp-stage-label { font-weight: 600; fill: ${p.text}; }
.bp-stage-divider { stroke: ${p.line}; stroke-opacity: 0.35; }
.bp-line-stroke { stroke: ${p.line}; stroke-width: 1.5; stroke-dasharray: 8 5; }
.bp-line-label { font-size: 11px; font-style: italic; fill: ${p.muted}; }
.bp-box { fill: ${p.stepFill}; stroke: ${p.stepStroke}; stroke-width: 1.2; }
.bp-evidence .bp-box { fill: ${p.evidenceFill}; }
.bp-evidence .bp-label { font-size: 11px; }
.bp-touchpoint .bp-box { stroke-width: 2; }
.bp-variant .bp-box { stroke-dasharray: 5 3; }
.bp-label { fill: ${p.text}; }
.bp-actor { font-size: 10px; fill: ${p.muted}; }
.bp-tags { font-size: 10px; fill: ${p.muted}; }
.bp-segment { font-style: italic; }
.bp-badge { font-weight: 700; }
.bp-badge-fail { fill: ${p.fail}; }
.bp-badge-wait { fill: ${p.wait}; }
.bp-badge-moment { fill: ${p.moment}; }
.bp-badge-metric { fill: ${p.metric}; }
.bp-flow-path { fill: none; stroke: ${p.flow}; stroke-width: 1.4; }
.bp-flow-hand-off .bp-flow-path { stroke-dasharray: 6 4; }
.bp-flow-escalation .bp-flow-path { stroke: ${p.fail}; stroke-width: 2; }
.bp-flow-evidence .bp-flow-path { stroke: ${p.line}; stroke-dasharray: 2 3; }
.bp-flow-loop .bp-flow-path { stroke-dasharray: 2 4; }
.bp-flow-label { font-size: 10px; fill: ${p.muted}; }
.bp-marker path { fill: ${p.flow}; }
.bp-marker-escalation path { fill: ${p.fail}; }
.bp-added .bp-box, .bp-added .bp-flow-path { stroke: #1a7f37; stroke-width: 2.5; }
.bp-removed .bp-box, .bp-removed .bp-flow-path { stroke: #cf222e; stroke-width: 2.5; opacity: 0.6; }
.bp-changed .bp-box, .bp-changed .bp-flow-path { stroke: #9a6700; stroke-width: 2.5; }
</style>`;
}
