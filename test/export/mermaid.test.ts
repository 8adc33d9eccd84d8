/**
 * Mermaid export: every example, as a flowchart and as a swimlane diagram, parsed by Mermaid's own
 * parser and read back: one subgraph per lane in lane order holding exactly its steps, one node per
 * step with its label, one edge per flow with its label, the fail/wait/moment classes. Hostile
 * labels come back as the text they were and never as markup or Mermaid syntax.
 */
import { describe, expect, it } from 'vitest';
import { escapeMermaid, mermaidId } from '@blueprint/escape';
import { exportMermaid } from '@blueprint/export';
import type { BlueprintLayout, LaidOutStep } from '@blueprint/diagram';
import { listExamples } from '../diagram/diagram-helpers.js';
import { EXAMPLES_ROOT, layoutOf } from './export-helpers.js';
import { parseFlowchart, type ParsedFlowchart } from './mermaid-parser.js';

const node = (step: { id: string }) => mermaidId('s', step.id);

function checkFlowchart(layout: BlueprintLayout, parsed: ParsedFlowchart, dialect: 'flowchart' | 'swimlane'): void {
    expect(parsed.type).toBe(dialect === 'flowchart' ? 'flowchart-v2' : 'swimlane');
    // A flowchart writes evidence on its step; the swimlane diagram draws the evidence lane.
    const drawn = layout.steps.filter(step => dialect === 'swimlane' || step.evidenceFor === undefined);
    const lanes = layout.lanes.filter(lane => drawn.some(step => step.lane === lane.id));
    // The flowchart declares its lanes bottom-up (Mermaid's layout then mostly stacks them top-down).
    const declared = dialect === 'flowchart' ? [...parsed.subgraphs].reverse() : parsed.subgraphs;
    const laneGraphs = declared.filter(subgraph => subgraph.id.startsWith('lane_'));
    expect(laneGraphs.map(subgraph => subgraph.id)).toEqual(lanes.map(lane => mermaidId('lane', lane.id)));
    for (const [index, lane] of lanes.entries()) {
        expect(laneGraphs[index].title.split('\n')[0]).toBe(lane.label);
        expect([...laneGraphs[index].nodes].sort()).toEqual(drawn.filter(step => step.lane === lane.id).map(node).sort());
    }
    // The lines sit on the lanes right below them.
    for (const line of layout.lines) {
        const below = lanes.find(lane => lane.y === line.y);
        if (below) expect(laneGraphs.find(subgraph => subgraph.id === mermaidId('lane', below.id))!.title).toContain(line.label);
    }

    const steps = parsed.vertices.filter(vertex => vertex.id.startsWith('s_'));
    expect(steps).toHaveLength(drawn.length);
    const byId = new Map(steps.map(vertex => [vertex.id, vertex]));
    for (const step of drawn) {
        const vertex = byId.get(node(step));
        expect(vertex, step.id).toBeDefined();
        expect(vertex!.text.split('\n')[0]).toContain(step.label);
        expect(vertex!.classes.includes('fail'), `${step.id} fail`).toBe(step.failPoint);
        expect(vertex!.classes.includes('moment'), `${step.id} moment`).toBe(step.moment);
        expect(vertex!.classes.includes('wait'), `${step.id} wait`).toBe(step.waitPoint);
        if (step.actor) expect(vertex!.text).toContain(step.actor);
        if (dialect === 'flowchart') {
            for (const evidence of layout.steps.filter(item => item.evidenceFor === step.id)) expect(vertex!.text).toContain(`▭ ${evidence.label}`);
        }
    }
    const legend = parsed.subgraphs.find(subgraph => subgraph.id === 'legend');
    if (dialect === 'flowchart' && layout.steps.some(step => step.failPoint || step.moment || step.waitPoint)) {
        expect(legend).toBeDefined();
        for (const name of legend!.nodes) expect(parsed.vertices.find(vertex => vertex.id === name)!.classes).toContain(name.replace('legend_', ''));
    }
    expect(parsed.subgraphs).toHaveLength(lanes.length + (legend ? 1 : 0));

    const flows = layout.flows.filter(flow => dialect === 'swimlane' || flow.kind !== 'evidence');
    // The flowchart links each lane to the next with an invisible link, to keep them in order.
    const chain = parsed.edges.filter(edge => edge.stroke === 'invisible');
    expect(chain.map(edge => `${edge.start} ${edge.end}`)).toEqual(dialect === 'flowchart'
        ? laneGraphs.slice(1).map((lane, index) => `${lane.id} ${laneGraphs[index].id}`).reverse() : []);
    expect(parsed.edges.length - chain.length).toBe(flows.length);
    for (const flow of flows) {
        const [from, to] = flow.kind === 'evidence' ? [flow.to, flow.from] : [flow.from, flow.to];
        const edge = parsed.edges.find(candidate => candidate.start === mermaidId('s', from) && candidate.end === mermaidId('s', to));
        expect(edge, flow.id).toBeDefined();
        if (flow.label) expect(edge!.text).toContain(flow.label);
        if (flow.kind === 'hand-off') expect(edge!.stroke).toBe('dotted');
        if (flow.kind === 'escalation') expect(edge!.stroke).toBe('thick');
        if (flow.kind === 'two-way') expect(edge!.type).toBe('double_arrow_point');
    }
}

describe('Mermaid export', { timeout: 180_000 }, () => {
    it('exports every example as a flowchart and a swimlane diagram that Mermaid parses, with every lane, step and flow', async () => {
        const examples = listExamples().filter(file => !file.endsWith('shared.blueprint'));
        expect(examples.length).toBeGreaterThan(5);
        for (const file of examples) {
            const layout = await layoutOf(file);
            for (const dialect of ['flowchart', 'swimlane'] as const) {
                const text = exportMermaid(layout, { dialect });
                checkFlowchart(layout, await parseFlowchart(text).catch(error => {
                    throw new Error(`${file} (${dialect}) does not parse: ${error}\n${text}`);
                }), dialect);
            }
        }
    });

    it('keeps flow shares and labels on the edges (the hotline\'s 95 % / 5 %)', async () => {
        const layout = await layoutOf(EXAMPLES_ROOT + 'credit-card-hotline.blueprint');
        const shared = layout.flows.filter(flow => flow.label?.includes('%'));
        expect(shared.length).toBeGreaterThan(1);
        const parsed = await parseFlowchart(exportMermaid(layout));
        for (const flow of shared) {
            expect(parsed.edges.find(edge => edge.start === mermaidId('s', flow.from) && edge.end === mermaidId('s', flow.to))!.text).toBe(flow.label);
        }
    });

    it('writes CJK labels as they are', async () => {
        const layout = await layoutOf(EXAMPLES_ROOT + 'zh-bank-deposit.blueprint');
        const text = exportMermaid(layout);
        expect(text).toContain(layout.steps.find(step => step.evidenceFor === undefined)!.label);
        checkFlowchart(layout, await parseFlowchart(text), 'flowchart');
    });

    const HOSTILE = ['<script>alert(1)</script>', '"]]> end', 'a | b', '#quot; #35; #', '`code` ```', 'line\nbreak\r\nagain',
        '%%{init: {"theme":"dark"}}%%', 'back\\nslash', 'x --> y', '[[x]] (y) {z}', '<img src=x onerror=alert(1)>', 'end', 'subgraph'];

    it('escapes hostile labels: Mermaid parses them and reads back exactly the text (line breaks as spaces)', async () => {
        const layout = await layoutOf(EXAMPLES_ROOT + 'bank-deposit.blueprint');
        const steps = layout.steps.filter(step => step.evidenceFor === undefined);
        const relabelled = new Map<string, string>(steps.slice(0, HOSTILE.length).map((step, index) => [step.id, HOSTILE[index]]));
        const hostileLayout: BlueprintLayout = {
            ...layout,
            title: HOSTILE.join(' '),
            lanes: layout.lanes.map((lane, index) => ({ ...lane, label: HOSTILE[index] })),
            lines: layout.lines.map((line, index) => ({ ...line, label: HOSTILE[HOSTILE.length - 1 - index] })),
            steps: layout.steps.map((step): LaidOutStep => relabelled.has(step.id) ? { ...step, label: relabelled.get(step.id)!, actor: HOSTILE[0] } : step),
            flows: layout.flows.map((flow, index) => ({ ...flow, label: HOSTILE[index % HOSTILE.length] }))
        };
        for (const dialect of ['flowchart', 'swimlane'] as const) {
            const text = exportMermaid(hostileLayout, { dialect });
            // No raw markup, quote, pipe, backtick or directive from a label reaches the text.
            const body = text.split('\n').filter(line => !line.startsWith('    classDef') && !line.startsWith('    style'));
            expect(body.join('\n')).not.toMatch(/<script|<img|%%\{|`/);
            const parsed = await parseFlowchart(text);
            const plain = (label: string) => label.replace(/\r\n|\n/g, ' ');
            for (const [id, label] of relabelled) {
                const vertex = parsed.vertices.find(candidate => candidate.id === mermaidId('s', id))!;
                expect(vertex.text.split('\n')[0]).toContain(plain(label));
            }
            const laneGraphs = parsed.subgraphs.filter(subgraph => subgraph.id.startsWith('lane_'));
            for (const subgraph of laneGraphs) {
                const lane = hostileLayout.lanes.find(candidate => mermaidId('lane', candidate.id) === subgraph.id)!;
                expect(subgraph.title.split('\n')[0]).toBe(plain(lane.label));
            }
            for (const flow of hostileLayout.flows.filter(item => dialect === 'swimlane' || item.kind !== 'evidence')) {
                const [from, to] = flow.kind === 'evidence' ? [flow.to, flow.from] : [flow.from, flow.to];
                const edges = parsed.edges.filter(edge => edge.start === mermaidId('s', from) && edge.end === mermaidId('s', to));
                expect(edges.map(edge => edge.text)).toContain(plain(flow.label!));
            }
            // The directive in a label configured nothing.
            expect(text).not.toContain('"theme"');
        }
    });

    it('still writes a parsable diagram for a half-typed file: a step of an unknown lane, a flow to a missing step, no lines', async () => {
        const layout = await layoutOf(EXAMPLES_ROOT + 'bank-deposit.blueprint');
        const [first, second] = layout.steps.filter(step => step.evidenceFor === undefined);
        const partial: BlueprintLayout = {
            ...layout,
            lines: [],
            steps: layout.steps.map(step => step.id === first.id ? { ...step, lane: 'nowhere', label: '' } : step),
            flows: [...layout.flows, { ...layout.flows[0], id: 'ghost', from: second.id, to: 'Missing', label: undefined }]
        };
        for (const dialect of ['flowchart', 'swimlane'] as const) {
            const parsed = await parseFlowchart(exportMermaid(partial, { dialect }));
            expect(parsed.vertices.some(vertex => vertex.id === mermaidId('s', first.id))).toBe(true);
            expect(parsed.vertices.some(vertex => vertex.id === mermaidId('s', 'Missing'))).toBe(false);
            expect(parsed.subgraphs.flatMap(subgraph => subgraph.nodes)).not.toContain(mermaidId('s', first.id));
        }
    });

    it('escapeMermaid encodes what ends a quoted label or reads as markup, and keeps text that looks like a code as text', () => {
        expect(escapeMermaid('"a" <b> & | `c` # \\n %')).toBe('#quot;a#quot; #lt;b#gt; #amp; #124; #96;c#96; #35; #92;n #37;');
        expect(escapeMermaid('#quot;')).toBe('#35;quot;');
        expect(escapeMermaid('a\nb\u2028c\u202ed\u0007')).toBe('a b cd');
        expect(escapeMermaid(undefined)).toBe('');
        expect(escapeMermaid('顾客 → 柜员')).toBe('顾客 → 柜员');
        expect(mermaidId('s', 'end')).toBe('s_end');
        expect(mermaidId('s', 'a.b')).not.toBe(mermaidId('s', 'a_b'));
        expect(mermaidId('s', '取号')).toMatch(/^s_[A-Za-z0-9_]+$/);
    });
});
