/** @jsx svg */
/**
 * The legend, the numbered notes (fail points, service standards, notes) and the process time,
 * drawn where the layout placed them: the same geometry as the SVG, so the preview and every
 * export say the same. Text is passed as children (escaped by construction).
 */
import type { LaidOutFootnote, LaidOutFootnoteSection, LaidOutLegend, LaidOutLegendEntry, LaidOutProcessTime } from '@blueprint/diagram';
import { injectable } from 'inversify';
import type { VNode } from 'snabbdom';
import { svg, type IView, type RenderingContext } from 'sprotty';
import { onScreen } from './features/viewport/on-screen.js';
import { legendSample } from './badges.js';
import type { AnnotationsNode } from './model.js';
import { renderMark } from './views.js';

const FOOTNOTE_TONE: Readonly<Record<string, string>> = { fail: 'red', metric: 'blue', note: 'grey' };

@injectable()
export class AnnotationsView implements IView {
    render(node: Readonly<AnnotationsNode>, context: RenderingContext): VNode {
        // A long blueprint has hundreds of notes: only those on screen are drawn (see on-screen.ts).
        const drawn = (note: LaidOutFootnote) => onScreen(node.root, context, note);
        return <g class-annotations={true}>
            {node.processTime ? renderProcessTime(node.processTime) : undefined}
            {node.legend ? renderLegend(node.legend) : undefined}
            {(node.footnotes ?? []).map(section => renderSection(section, drawn))}
        </g>;
    }
}

function renderProcessTime(time: LaidOutProcessTime): VNode {
    return <text class={{ 'process-time': true, over: time.over }} x={time.x} y={time.y}>{time.text}</text>;
}

function renderLegend(legend: LaidOutLegend): VNode {
    return <g class-legend={true} aria-label={legend.title}>
        <text class-annotation-title={true} x={legend.x} y={legend.y + 15}>{legend.title}</text>
        {legend.entries.map(entry => <g class-legend-entry={true} data-key={entry.key}>
            {renderSample(entry)}
            <text class-legend-label={true} x={entry.x + entry.sampleWidth + 6} y={entry.y + 12}>{entry.label}</text>
        </g>)}
    </g>;
}

function renderSample(entry: LaidOutLegendEntry): VNode {
    const sample = legendSample(entry);
    const { x, y, sampleWidth: width, height } = entry;
    const middle = y + height / 2;
    switch (sample.shape) {
        case 'mark':
            return <g transform={`translate(${x},${y})`}>{renderMark(sample.mark)}</g>;
        case 'box':
            return sample.style === 'evidence'
                ? <rect class-evidence-box={true} x={x} y={y} width={width} height={height} />
                : <g class={{ 'legend-box': true, touchpoint: sample.style === 'touchpoint', independent: sample.style === 'independent' }}>
                    <rect class-step-box={true} x={x} y={y} width={width} height={height} rx={4} />
                </g>;
        case 'flow':
            return <g class={{ 'legend-flow': true, [`flow-${sample.kind}`]: true, loop: sample.loop }}>
                <path class-flow-line={true} d={`M ${x + 2},${middle} L ${x + width - 2},${middle}`} />
                {sample.kind === 'evidence' ? undefined
                    : <path class-flow-arrow={true} d={`M ${x + width - 2},${middle} l -9,-4.5 l 0,9 Z`} />}
                {sample.kind === 'two-way' ? <path class-flow-arrow={true} d={`M ${x + 2},${middle} l 9,-4.5 l 0,9 Z`} /> : undefined}
            </g>;
        case 'gateway': {
            const cx = x + width / 2;
            return <g class={{ gateway: true, [`gateway-${sample.kind}`]: true }}>
                <path class-gateway-shape={true} d={`M ${cx},${middle - 8} L ${cx + 6},${middle} L ${cx},${middle + 8} L ${cx - 6},${middle} Z`} />
                {sample.kind === 'parallel' ? <path class-gateway-plus={true} d={`M ${cx - 3},${middle} L ${cx + 3},${middle} M ${cx},${middle - 4} L ${cx},${middle + 4}`} /> : undefined}
            </g>;
        }
        default:
            return <g class={{ 'blueprint-line': true, [`line-${sample.kind ?? 'interaction'}`]: true }}>
                <line class-line-stroke={true} x1={x} y1={middle} x2={x + width} y2={middle} />
            </g>;
    }
}

function renderSection(section: LaidOutFootnoteSection, drawn: (note: LaidOutFootnote) => boolean): VNode {
    return <g class-footnote-section={true}>
        <text class-annotation-title={true} x={section.x} y={section.y + 15}>{section.title}</text>
        {section.entries.map(note => !drawn(note) ? undefined : <g class={{ footnote: true, [`footnote-${note.kind}`]: true }} data-step={note.step ?? ''} data-ref={note.ref}>
            <text class={{ 'footnote-ref': true, [`tone-${FOOTNOTE_TONE[note.kind]}`]: true }} x={note.x} y={note.y + 11}>{note.ref}</text>
            <text class-footnote-text={true}>
                {note.lines.map((line, index) => <tspan class={{ 'footnote-heading': index < note.headingLines }}
                    x={note.textX} y={note.y + index * note.lineHeight + 11}>{line}</tspan>)}
            </text>
        </g>)}
    </g>;
}
