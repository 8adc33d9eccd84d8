/**
 * A standalone SVG of a laid-out blueprint: no scripts, no external fonts or images, every text
 * escaped. Elements carry CSS classes by kind (`bp-step`, `bp-flow`, `bp-lane`...) so a diff view
 * can recolour them, e.g. by adding `bp-added` through `extraClasses`.
 */
import { escapeXml } from '@blueprint/escape';
import { longestHorizontal } from './flow-geometry.js';
import { wrapText } from './line-breaking.js';
import { reservedTextWidth } from './text-measure.js';
import type {
    BlueprintLayout, LaidOutFlow, LaidOutFootnoteSection, LaidOutGateway, LaidOutLegend, LaidOutLegendEntry, LaidOutMark, LaidOutProcessTime, LaidOutStep, Tone
} from './geometry.js';

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
    /** The flows of a fail point's corrective sub-process: a teal with at least 4.5:1 against every lane band. */
    readonly recovery: string;
    readonly fail: string;
    readonly wait: string;
    readonly moment: string;
    readonly metric: string;
    readonly tones: Readonly<Record<Exclude<Tone, 'plain'>, string>>;
    readonly chipFill: string;
    /** Customer-independent steps (before or apart from any order). */
    readonly independentFill: string;
}

const PALETTES: Readonly<Record<SvgTheme, Palette>> = {
    light: {
        background: '#ffffff', text: '#1f2328', muted: '#59636e', laneFill: ['#f6f8fa', '#ffffff'], laneHeader: '#eaeef2',
        stageFill: '#ddf4ff', line: '#8c959f', stepFill: '#ffffff', stepStroke: '#57606a', evidenceFill: '#fff8c5',
        flow: '#424a53', recovery: '#0f766e', fail: '#cf222e', wait: '#9a6700', moment: '#8250df', metric: '#0969da',
        tones: { red: '#cf222e', orange: '#bc4c00', purple: '#8250df', blue: '#0969da', green: '#1a7f37', grey: '#59636e' },
        chipFill: '#f6f8fa', independentFill: '#eaeef2'
    },
    dark: {
        background: '#0d1117', text: '#e6edf3', muted: '#9198a1', laneFill: ['#161b22', '#0d1117'], laneHeader: '#21262d',
        stageFill: '#12263a', line: '#6e7681', stepFill: '#161b22', stepStroke: '#8b949e', evidenceFill: '#2e2a16',
        flow: '#c9d1d9', recovery: '#2dd4bf', fail: '#f85149', wait: '#d29922', moment: '#a371f7', metric: '#4493f8',
        tones: { red: '#da3633', orange: '#bd561d', purple: '#8957e5', blue: '#1f6feb', green: '#238636', grey: '#6e7681' },
        chipFill: '#21262d', independentFill: '#262c36'
    }
};


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
    if (layout.processTime) out.push(renderProcessTime(layout.processTime));

    const top = layout.lanes[0]?.y ?? 0;
    const bottom = layout.lanes.length > 0 ? layout.lanes[layout.lanes.length - 1].y + layout.lanes[layout.lanes.length - 1].height : top;
    out.push('<g class="bp-lanes">');
    layout.lanes.forEach((lane, index) => {
        out.push(`<g class="bp-lane bp-lane-${lane.kind}" data-id="${escapeXml(lane.id)}">`
            + `<rect class="bp-lane-band bp-lane-band-${index % 2}" x="16" y="${lane.y}" width="${layout.width - 32}" height="${lane.height}"/>`
            + `<rect class="bp-lane-header" x="16" y="${lane.y}" width="150" height="${lane.height}"/>`
            + textLines(laneLabelLines(lane.label), 24, lane.y + lane.height / 2, 'bp-lane-label', 14, 'start', true)
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
    // On the boxes' borders, over the flows' first and last millimetres: the branches fan out of them.
    if (layout.gateways && layout.gateways.length > 0) {
        out.push('<g class="bp-gateways">');
        for (const gateway of layout.gateways) out.push(renderGateway(gateway));
        out.push('</g>');
    }
    if (layout.legend) out.push(renderLegend(layout.legend));
    if (layout.footnotes && layout.footnotes.length > 0) out.push(renderFootnotes(layout.footnotes));
    out.push('</svg>');
    return out.join('\n') + '\n';
}

function renderFlow(flow: LaidOutFlow, extraClasses: string): string {
    const path = flow.points.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x} ${point.y}`).join(' ');
    const kind = flow.kind;
    const { startMarker, endMarker } = flowMarkers(kind, flow.recovery !== undefined);
    let label = '';
    if (flow.labelBox) {
        // The layout placed the label clear of boxes and other labels; a leader line joins a label moved away from its flow.
        const box = flow.labelBox;
        const leader = box.anchor
            ? `<line class="bp-flow-leader" x1="${box.anchor.x}" y1="${box.anchor.y}" x2="${clampTo(box.anchor.x, box.x, box.x + box.width)}" y2="${clampTo(box.anchor.y, box.y, box.y + box.height)}"/>`
            : '';
        const centerX = box.x + box.width / 2;
        const spans = box.lines.map((line, index) => `<tspan x="${centerX}" y="${box.y + 10 + index * 12}">${escapeXml(line)}</tspan>`).join('');
        label = `${leader}<text class="bp-flow-label" text-anchor="middle">${spans}</text>`;
    } else if (flow.label) {
        // The label sits on the longest horizontal segment, where it has room.
        const [a, b] = longestHorizontal(flow);
        label = `<text class="bp-flow-label" x="${(a.x + b.x) / 2}" y="${a.y - 4}" text-anchor="middle">${escapeXml(flow.label)}</text>`;
    }
    // A recovery's flows say whose: the class draws them in the recovery colour, `data-recovery` names the fail point.
    const recoveryClass = flow.recovery === undefined ? '' : ' bp-flow-recovery';
    const recoveryOf = flow.recovery === undefined ? '' : ` data-recovery="${escapeXml(flow.recovery)}"`;
    return `<g class="bp-flow bp-flow-${kind}${flow.loop ? ' bp-flow-loop' : ''}${recoveryClass}${extraClasses}" data-id="${escapeXml(flow.id)}"${recoveryOf}>`
        + `<path class="bp-flow-path" d="${path}"${startMarker}${endMarker}/>${label}</g>`;
}

/** Arrowheads of a flow: at the end (none for evidence), also at the start of a two-way flow; a recovery's in its colour. */
function flowMarkers(kind: LaidOutFlow['kind'], recovery: boolean): { startMarker: string; endMarker: string } {
    const end = recovery ? 'recovery' : kind === 'escalation' ? 'escalation' : 'end';
    return {
        startMarker: kind === 'two-way' ? ` marker-start="url(#bp-arrow-${recovery ? 'recovery-start' : 'start'})"` : '',
        endMarker: kind === 'evidence' ? '' : ` marker-end="url(#bp-arrow-${end})"`
    };
}

/** A branch point: an empty diamond (one branch is taken) or a diamond with a plus (parallel work). */
export function renderGateway(gateway: Pick<LaidOutGateway, 'kind' | 'role' | 'x' | 'y' | 'halfWidth' | 'halfHeight' | 'description'> & { step?: string }): string {
    const { x, y, halfWidth: w, halfHeight: h } = gateway;
    const plus = gateway.kind === 'parallel'
        ? `<path class="bp-gateway-plus" d="M${x - w / 2} ${y} L${x + w / 2} ${y} M${x} ${y - h / 2} L${x} ${y + h / 2}"/>`
        : '';
    return `<g class="bp-gateway bp-gateway-${gateway.kind} bp-gateway-${gateway.role}"${gateway.step ? ` data-step="${escapeXml(gateway.step)}"` : ''}>`
        + `<title>${escapeXml(gateway.description)}</title>`
        + `<path class="bp-gateway-shape" d="M${x} ${y - h} L${x + w} ${y} L${x} ${y + h} L${x - w} ${y} Z"/>${plus}</g>`;
}

function clampTo(value: number, low: number, high: number): number {
    return Math.max(low, Math.min(high, value));
}

function renderStep(step: LaidOutStep, extraClasses: string): string {
    const kindClass = step.evidenceFor !== undefined ? 'bp-evidence' : `bp-step bp-step-${step.lane.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    const variant = (step.segments.length > 0 ? ' bp-variant' : '') + (step.independent ? ' bp-independent' : '');
    const touchpoint = step.touchpoint ? ' bp-touchpoint' : '';
    const parts: string[] = [];
    parts.push(`<g class="${kindClass}${variant}${touchpoint}${extraClasses}" data-id="${escapeXml(step.id)}">`);
    parts.push(`<title>${escapeXml(step.label)}</title>`);
    parts.push(`<rect class="bp-box" x="${step.x}" y="${step.y}" width="${step.width}" height="${step.height}" rx="${step.evidenceFor ? 2 : 6}"/>`);
    const centerX = step.x + step.width / 2;
    const spans = step.lines.map((line, index) =>
        `<tspan x="${centerX}" y="${round(step.y + labelBaseline(step, index))}">${escapeXml(line)}</tspan>`).join('');
    parts.push(`<text class="bp-label" text-anchor="middle">${spans}</text>`);
    for (const mark of step.marks ?? []) parts.push(renderMark(mark, step.x, step.y));
    parts.push('</g>');
    return parts.join('');
}

/** Baseline of the label's n-th line, relative to the box: the line's middle plus a third of the font size. */
export function labelBaseline(step: Pick<LaidOutStep, 'labelTop' | 'lineHeight' | 'fontSize'>, index: number): number {
    return step.labelTop + index * step.lineHeight + step.lineHeight / 2 + step.fontSize * 0.35;
}

function round(value: number): number {
    return Math.round(value * 10) / 10;
}

const CHIP_KINDS = new Set(['actor', 'channel', 'segment']);

/** A badge (filled pill in its tone) or a chip (outlined), with its description as tooltip. */
function renderMark(mark: LaidOutMark, originX: number, originY: number): string {
    const x = originX + mark.x;
    const y = originY + mark.y;
    const chip = CHIP_KINDS.has(mark.kind);
    const variant = mark.variant ? ` bp-mark-${escapeXml(mark.variant)}` : '';
    const centerX = x + mark.width / 2;
    const spans = mark.lines.map((line, index) =>
        `<tspan x="${round(centerX)}" y="${round(mark.lines.length === 1 ? y + mark.height / 2 + 3.5 : y + 12 + index * 12)}">${escapeXml(line)}</tspan>`).join('');
    return `<g class="bp-mark bp-mark-${mark.kind} bp-tone-${mark.tone}${variant}">`
        + `<title>${escapeXml(mark.description)}</title>`
        + `<rect class="${chip ? 'bp-chip' : 'bp-badge'}" x="${x}" y="${y}" width="${mark.width}" height="${mark.height}" rx="${chip ? 3 : Math.min(8, mark.height / 2)}"/>`
        + `<text class="${chip ? 'bp-chip-text' : 'bp-badge-text'}" text-anchor="middle">${spans}</text></g>`;
}

function renderProcessTime(time: LaidOutProcessTime): string {
    return `<text class="bp-process-time${time.over ? ' bp-over' : ''}" x="${time.x}" y="${time.y}">${escapeXml(time.text)}</text>`;
}

function renderLegend(legend: LaidOutLegend): string {
    const parts = [`<g class="bp-legend"><text class="bp-annotation-title" x="${legend.x}" y="${legend.y + 15}">${escapeXml(legend.title)}</text>`];
    for (const entry of legend.entries) {
        parts.push(`<g class="bp-legend-entry" data-key="${escapeXml(entry.key)}">${legendSample(entry)}`
            + `<text class="bp-legend-label" x="${entry.x + entry.sampleWidth + 6}" y="${entry.y + 12}">${escapeXml(entry.label)}</text></g>`);
    }
    parts.push('</g>');
    return parts.join('');
}

/** The legend's sample of a badge, chip, box style, flow style or line, drawn as in the diagram. */
function legendSample(entry: LaidOutLegendEntry): string {
    const { x, y, sampleWidth: width, height } = entry;
    const [group, kind] = entry.key.split(':');
    if (group === 'badge' || group === 'chip') {
        const variant = kind.startsWith('emotion-') ? kind.slice('emotion-'.length) : kind.endsWith('-over') ? 'over' : undefined;
        const markKind = kind.replace(/-over$/, '').replace(/^emotion-.*/, 'emotion') as LaidOutMark['kind'];
        return renderMark({ kind: markKind, lines: [entry.sample ?? ''], tone: entry.tone, variant, description: entry.label, x, y, width, height }, 0, 0);
    }
    if (group === 'gateway') {
        return renderGateway({ kind: kind === 'parallel' ? 'parallel' : 'exclusive', role: 'split', x: x + width / 2, y: y + height / 2, halfWidth: 6, halfHeight: 8, description: entry.label });
    }
    if (group === 'box') {
        const className = `bp-legend-sample bp-${kind}`;
        return `<g class="${className}"><rect class="bp-box" x="${x}" y="${y}" width="${width}" height="${height}" rx="${kind === 'evidence' ? 2 : 4}"/></g>`;
    }
    const lineY = y + height / 2;
    if (group === 'flow') {
        const flowKind = kind === 'loop' || kind === 'recovery' ? 'sequence' : kind as LaidOutFlow['kind'];
        const { startMarker, endMarker } = flowMarkers(flowKind, kind === 'recovery');
        return `<g class="bp-legend-sample bp-flow-${flowKind}${kind === 'loop' ? ' bp-flow-loop' : ''}${kind === 'recovery' ? ' bp-flow-recovery' : ''}">`
            + `<path class="bp-flow-path" d="M${x + 2} ${lineY} L${x + width - 2} ${lineY}"${startMarker}${endMarker}/></g>`;
    }
    const lineKind = kind ? ` bp-line-${escapeXml(kind)}` : '';
    return `<g class="bp-line${lineKind}"><line class="bp-line-stroke bp-legend-sample" x1="${x}" y1="${lineY}" x2="${x + width}" y2="${lineY}"/></g>`;
}

const FOOTNOTE_TONES: Readonly<Record<string, Tone>> = { fail: 'red', metric: 'blue', note: 'grey' };

function renderFootnotes(sections: readonly LaidOutFootnoteSection[]): string {
    const parts = ['<g class="bp-footnotes">'];
    for (const section of sections) {
        parts.push(`<g class="bp-footnote-section"><text class="bp-annotation-title" x="${section.x}" y="${section.y + 15}">${escapeXml(section.title)}</text>`);
        for (const note of section.entries) {
            const lines = note.lines.map((line, index) =>
                `<tspan class="${index < note.headingLines ? 'bp-footnote-heading' : 'bp-footnote-body'}" x="${note.textX}" y="${note.y + index * note.lineHeight + 11}">${escapeXml(line)}</tspan>`).join('');
            parts.push(`<g class="bp-footnote bp-footnote-${note.kind}"${note.step ? ` data-step="${escapeXml(note.step)}"` : ''}>`
                + `<text class="bp-footnote-ref bp-tone-${FOOTNOTE_TONES[note.kind]}" x="${note.x}" y="${note.y + 11}">${escapeXml(note.ref)}</text>`
                + `<text class="bp-footnote-text">${lines}</text></g>`);
        }
        parts.push('</g>');
    }
    parts.push('</g>');
    return parts.join('');
}

function textLines(lines: readonly string[], x: number, centerY: number, className: string, lineHeight: number,
    anchor: 'start' | 'middle', vertical: boolean): string {
    const firstY = vertical ? centerY - (lines.length - 1) * lineHeight / 2 + 4 : centerY;
    const spans = lines.map((line, index) => `<tspan x="${x}" y="${firstY + index * lineHeight}">${escapeXml(line)}</tspan>`).join('');
    return `<text class="${className}" text-anchor="${anchor}">${spans}</text>`;
}

/** Width the lane header leaves its name (x 24 to 162), in 13 px bold. */
const LANE_LABEL_WIDTH = 138;

/**
 * A lane's name in the header: on one line when it fits, else wrapped (balanced) to the header. A
 * name is never cut by its word count: "후방 직원 행동" fits, and a split would tear "직원 행동" apart.
 */
function laneLabelLines(label: string): string[] {
    if (reservedTextWidth(label, 13, true) <= LANE_LABEL_WIDTH) return [label];
    // wrapText measures regular text: leave the bold face its extra width.
    return wrapText(label, LANE_LABEL_WIDTH * reservedTextWidth('x', 13) / reservedTextWidth('x', 13, true), 13);
}

/**
 * Arrowheads. Each head's path has its own class (no `marker path` selector): the PDF's SVG reader
 * styles only by class, so the recovery's heads come out in its colour there too.
 */
function markers(): string {
    const marker = (id: string, kind: 'flow' | 'escalation' | 'recovery', size: number, refX: number, shape: string) =>
        `<marker id="${id}" class="bp-marker" viewBox="0 0 10 10" refX="${refX}" refY="5" markerWidth="${size}" markerHeight="${size}" orient="auto"><path class="bp-arrowhead-${kind}" d="${shape}"/></marker>`;
    return '<defs>'
        + marker('bp-arrow-end', 'flow', 8, 10, 'M0 0 L10 5 L0 10 z')
        + marker('bp-arrow-start', 'flow', 8, 0, 'M10 0 L0 5 L10 10 z')
        + marker('bp-arrow-escalation', 'escalation', 9, 10, 'M0 0 L10 5 L0 10 L3 5 z')
        // The recovery's line is wider and a marker grows with it: a smaller size draws the same head.
        + marker('bp-arrow-recovery', 'recovery', 6, 10, 'M0 0 L10 5 L0 10 z')
        + marker('bp-arrow-recovery-start', 'recovery', 6, 0, 'M10 0 L0 5 L10 10 z')
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
.bp-line-order-penetration .bp-line-stroke { stroke: ${p.text}; stroke-width: 2; stroke-dasharray: 12 4 2 4; }
.bp-line-order-penetration .bp-line-label { fill: ${p.text}; font-weight: 600; }
.bp-box { fill: ${p.stepFill}; stroke: ${p.stepStroke}; stroke-width: 1.2; }
.bp-evidence .bp-box { fill: ${p.evidenceFill}; }
.bp-evidence .bp-label { font-size: 11px; }
.bp-touchpoint .bp-box { stroke-width: 2; }
.bp-variant .bp-box { stroke-dasharray: 5 3; }
.bp-independent .bp-box { fill: ${p.independentFill}; }
.bp-gateway-shape { fill: ${p.background}; stroke: ${p.text}; stroke-width: 1.5; stroke-linejoin: round; }
.bp-gateway-plus { stroke: ${p.text}; stroke-width: 1.8; }
.bp-label { fill: ${p.text}; }
.bp-badge-text { font-size: 10px; font-weight: 700; fill: #ffffff; }
.bp-chip { fill: ${p.chipFill}; stroke: ${p.stepStroke}; stroke-width: 0.8; }
.bp-chip-text { font-size: 10px; fill: ${p.text}; }
.bp-mark-segment .bp-chip { stroke-dasharray: 3 2; }
.bp-mark-segment .bp-chip-text { font-style: italic; }
.bp-mark-actor .bp-chip { stroke: none; }
${(Object.entries(p.tones) as Array<[string, string]>).map(([tone, colour]) => `.bp-tone-${tone} .bp-badge { fill: ${colour}; }\n.bp-footnote-ref.bp-tone-${tone} { fill: ${colour}; }`).join('\n')}
.bp-process-time { font-size: 13px; fill: ${p.muted}; }
.bp-process-time.bp-over { fill: ${p.fail}; font-weight: 700; }
.bp-annotation-title { font-size: 13px; font-weight: 600; fill: ${p.text}; }
.bp-legend-label { font-size: 11px; fill: ${p.text}; }
.bp-footnote-ref { font-size: 11px; font-weight: 700; }
.bp-footnote-text { font-size: 11px; fill: ${p.text}; }
.bp-footnote-heading { font-weight: 600; }
.bp-flow-path { fill: none; stroke: ${p.flow}; stroke-width: 1.4; }
.bp-flow-hand-off .bp-flow-path { stroke-dasharray: 6 4; }
.bp-flow-escalation .bp-flow-path { stroke: ${p.fail}; stroke-width: 2; }
.bp-flow-evidence .bp-flow-path { stroke: ${p.line}; stroke-dasharray: 2 3; }
.bp-flow-loop .bp-flow-path { stroke-dasharray: 2 4; }
.bp-flow-label { font-size: 10px; fill: ${p.muted}; paint-order: stroke; stroke: ${p.background}; stroke-width: 3px; stroke-linejoin: round; }
.bp-flow-leader { stroke: ${p.muted}; stroke-width: 0.8; stroke-dasharray: 1 2; }
.bp-arrowhead-flow { fill: ${p.flow}; }
.bp-arrowhead-escalation { fill: ${p.fail}; }
.bp-arrowhead-recovery { fill: ${p.recovery}; }
.bp-flow-recovery .bp-flow-path { stroke: ${p.recovery}; stroke-width: 2; }
.bp-flow-recovery .bp-flow-label { fill: ${p.recovery}; font-weight: 700; }
.bp-added .bp-box, .bp-added .bp-flow-path { stroke: #1a7f37; stroke-width: 2.5; }
.bp-removed .bp-box, .bp-removed .bp-flow-path { stroke: #cf222e; stroke-width: 2.5; opacity: 0.6; }
.bp-changed .bp-box, .bp-changed .bp-flow-path { stroke: #9a6700; stroke-width: 2.5; }
.bp-added .bp-flow-label { fill: #1a7f37; font-weight: 600; }
.bp-changed .bp-flow-label { fill: #9a6700; font-weight: 600; }
</style>`;
}
