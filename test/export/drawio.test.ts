/**
 * draw.io export: parsed back as the mxGraph model draw.io reads, every lane, stage, step and flow
 * is there with its label and the geometry of `render --format json`; labels are escaped.
 */
import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { listExamples } from '../diagram/diagram-helpers.js';
import { exportDrawio } from '@blueprint/export';
import { EXAMPLES_ROOT, layoutOf } from './export-helpers.js';
import type { BlueprintLayout } from '@blueprint/diagram';

interface Cell {
    id: string; value?: string; style?: string; parent?: string; vertex?: string; edge?: string; source?: string; target?: string;
    mxGeometry?: { x?: string; y?: string; width?: string; height?: string; Array?: { mxPoint: { x: string; y: string }[] | { x: string; y: string } } };
}

function cellsOf(xml: string): Cell[] {
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: name => name === 'mxCell' }).parse(xml);
    return parsed.mxfile.diagram.mxGraphModel.root.mxCell as Cell[];
}

/** draw.io labels are HTML: what a user reads once draw.io renders it. */
function visibleText(html: string): string {
    return html.replace(/<br>/g, '\n').replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, '\'').replace(/&amp;/g, '&');
}

function checkRoundTrip(layout: BlueprintLayout, xml: string): void {
    const cells = cellsOf(xml);
    const byId = new Map(cells.map(cell => [cell.id, cell]));
    expect(byId.size, 'ids are unique').toBe(cells.length);
    for (const cell of cells) if (cell.parent !== undefined) expect(byId.has(cell.parent), `${cell.id}'s parent`).toBe(true);
    const lanes = cells.filter(cell => cell.style?.startsWith('swimlane'));
    expect(lanes.map(cell => visibleText(cell.value ?? ''))).toEqual(layout.lanes.map(lane => lane.label));
    for (const stage of layout.stages) expect(cells.some(cell => cell.value === undefined ? false : visibleText(cell.value) === stage.label)).toBe(true);
    const stepCells = cells.filter(cell => cell.vertex === '1' && cell.id.startsWith('step-'));
    expect(stepCells).toHaveLength(layout.steps.length);
    for (const step of layout.steps) {
        const cell = stepCells.find(candidate => candidate.id === `step-${step.id}`)!;
        expect(cell, step.id).toBeDefined();
        expect(visibleText(cell.value ?? '')).toContain(step.label);
        const lane = byId.get(cell.parent!)!;
        const origin = lane.mxGeometry ? { x: Number(lane.mxGeometry.x), y: Number(lane.mxGeometry.y) } : { x: 0, y: 0 };
        expect(Number(cell.mxGeometry!.x) + origin.x).toBe(step.x);
        expect(Number(cell.mxGeometry!.y) + origin.y).toBe(step.y);
        expect(Number(cell.mxGeometry!.width)).toBe(step.width);
        expect(Number(cell.mxGeometry!.height)).toBe(step.height);
    }
    const edges = cells.filter(cell => cell.edge === '1' && cell.id.startsWith('flow-'));
    expect(edges).toHaveLength(layout.flows.length);
    for (const flow of layout.flows) {
        const cell = edges.find(candidate => candidate.source === `step-${flow.from}` && candidate.target === `step-${flow.to}`);
        expect(cell, flow.id).toBeDefined();
        if (flow.label) expect(visibleText(cell!.value ?? '')).toBe(flow.label);
        const points = cell!.mxGeometry?.Array?.mxPoint;
        const list = points === undefined ? [] : Array.isArray(points) ? points : [points];
        expect(list.map(point => ({ x: Number(point.x), y: Number(point.y) }))).toEqual(flow.points.slice(1, -1));
    }
    expect(cells.filter(cell => cell.id.startsWith('line-')).map(cell => visibleText(cell.value ?? ''))).toEqual(layout.lines.map(line => line.label));
}

describe('draw.io export', { timeout: 120_000 }, () => {
    it('round-trips every example: lanes, stages, lines, steps and flows with labels and geometry', async () => {
        const examples = listExamples().filter(file => !file.endsWith('shared.blueprint'));
        expect(examples.length).toBeGreaterThan(5);
        for (const file of examples) {
            const layout = await layoutOf(file);
            checkRoundTrip(layout, exportDrawio(layout));
        }
    });

    it('escapes hostile labels once as HTML and once as XML', async () => {
        const layout = await layoutOf(EXAMPLES_ROOT + 'bank-deposit.blueprint');
        const hostile = '<script>alert(1)</script> ]]> | =1+1 & "q"';
        const evil: BlueprintLayout = {
            ...layout,
            title: hostile,
            lanes: layout.lanes.map((lane, index) => index === 0 ? { ...lane, label: hostile } : lane),
            steps: layout.steps.map((step, index) => index === 0 ? { ...step, label: hostile, actor: hostile } : step),
            flows: layout.flows.map((flow, index) => index === 0 ? { ...flow, label: hostile } : flow)
        };
        const xml = exportDrawio(evil);
        expect(xml).not.toContain('<script>');
        // Cell values are HTML in draw.io: escaped twice, so its HTML sees text, not a tag. (The page
        // name is plain text and escaped once.)
        expect(xml.match(/value="[^"]*"/g)!.join('\n')).not.toContain('&lt;script&gt;alert');
        expect(xml).toContain('&amp;lt;script&amp;gt;');
        const cells = cellsOf(xml);
        expect(visibleText(cells.find(cell => cell.id === `step-${layout.steps[0].id}`)!.value!)).toContain(hostile);
        checkRoundTrip(evil, xml);
    });
});
