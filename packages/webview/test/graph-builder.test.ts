import type { BlueprintLayout } from '@blueprint/diagram';
import { describe, expect, it } from 'vitest';
import { buildGraph, elementId } from '../src/graph-builder.js';
import { BlueprintElementType, type FlowSchema, type StageSchema, type StepSchema } from '../src/schema.js';
import { loadFixtureLayout } from '../../../test/webview/layout-source.js';

describe('buildGraph', () => {
    it('keeps every coordinate of the layout', () => {
        const layout = loadFixtureLayout();
        const graph = buildGraph(layout);
        expect(graph.type).toBe(BlueprintElementType.graph);
        expect(graph.diagramWidth).toBe(layout.width);
        expect(graph.diagramHeight).toBe(layout.height);
        for (const step of layout.steps) {
            const node = graph.children.find(child => child.id === step.id) as StepSchema;
            expect(node.position).toEqual({ x: step.x, y: step.y });
            expect(node.size).toEqual({ width: step.width, height: step.height });
            expect(node.type).toBe(step.evidenceFor ? BlueprintElementType.evidence : BlueprintElementType.step);
        }
        for (const flow of layout.flows) {
            const edge = graph.children.find(child => child.id === elementId.flow(flow.id)) as FlowSchema;
            expect(edge.routingPoints).toEqual(flow.points);
            expect([edge.sourceId, edge.targetId, edge.kind]).toEqual([flow.from, flow.to, flow.kind]);
        }
        for (const lane of layout.lanes) {
            const node = graph.children.find(child => child.id === elementId.lane(lane.id))!;
            expect(node).toMatchObject({ position: { x: 0, y: lane.y }, size: { width: layout.width, height: lane.height } });
        }
    });

    it('draws background first and steps last, so steps stay on top', () => {
        const layout = loadFixtureLayout();
        const types = buildGraph(layout).children.map(child => child.type);
        expect(types.lastIndexOf(BlueprintElementType.lane)).toBeLessThan(types.indexOf(BlueprintElementType.flow));
        expect(types.lastIndexOf(BlueprintElementType.flow)).toBeLessThan(types.indexOf(BlueprintElementType.step));
    });

    it('marks the selected steps and gives stage headers room above the first lane', () => {
        const layout = loadFixtureLayout();
        const graph = buildGraph(layout, { selected: new Set(['Wait']) });
        const selected = graph.children.filter(child => (child as StepSchema).selected).map(child => child.id);
        expect(selected).toEqual(['Wait']);
        const stage = graph.children.find(child => child.type === BlueprintElementType.stage) as StageSchema;
        expect(stage.headerHeight).toBe(Math.min(...layout.lanes.map(lane => lane.y)));
        expect(stage.first).toBe(true);
    });

    it('passes a recovery\'s fail point on to its flows, and nothing to the main flow', () => {
        const layout = loadFixtureLayout();
        const [first, ...rest] = layout.flows;
        const graph = buildGraph({ ...layout, flows: [{ ...first, recovery: 'F1' }, ...rest] });
        const edges = graph.children.filter(child => child.type === BlueprintElementType.flow) as FlowSchema[];
        expect(edges.find(edge => edge.id === elementId.flow(first.id))!.recovery).toBe('F1');
        expect(edges.filter(edge => edge.recovery !== undefined)).toHaveLength(1);
        expect(rest.length).toBeGreaterThan(0);
    });

    it('handles an empty layout and a step without wrapped lines', () => {
        const layout: BlueprintLayout = {
            id: 'Tiny', title: 'Tiny', width: 300, height: 100, lanes: [], lines: [], stages: [], flows: [],
            steps: [{
                id: 'A', lane: 'customer', label: 'Alone', lines: [], x: 10, y: 10, width: 100, height: 40,
                failPoint: false, waitPoint: false, moment: false, metrics: 0, segments: [], touchpoint: false,
                labelTop: 0, lineHeight: 14, fontSize: 12, marks: [],
                details: { lane: 'customer', segments: [], failPoints: [], metrics: [], notes: [] }
            }]
        };
        const graph = buildGraph(layout);
        expect(graph.children).toHaveLength(1);
        expect((graph.children[0] as StepSchema).lines).toEqual(['Alone']);
    });
});
