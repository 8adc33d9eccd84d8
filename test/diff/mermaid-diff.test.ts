/**
 * The diff's Mermaid block: the hotline iteration (steps added and changed) and a removal, parsed
 * by Mermaid; the changed steps carry added/changed/removed classes, their direct neighbours are
 * there for context, nothing else is; the block sits in the Markdown only when asked for.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mermaidId } from '@blueprint/escape';
import { diffBlueprints, renderDiffMermaid, type ChangeSet } from '@blueprint/diff';
import type { BlueprintModel } from '@blueprint/model';
import { renderMarkdown } from '@blueprint/report';
import { describe, expect, it } from 'vitest';
import { parseFlowchart } from '../export/mermaid-parser.js';
import { base, modelOf } from './helpers.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`fixtures/${name}`, import.meta.url)), 'utf8');
const node = (id: string) => mermaidId('s', id);

function stepIds(changeSet: ChangeSet, kind: 'added' | 'removed' | 'changed'): string[] {
    const steps = changeSet.changes.filter(change => change.subject === 'step');
    const ids = kind === 'changed' ? steps.filter(change => change.kind !== 'added' && change.kind !== 'removed') : steps.filter(change => change.kind === kind);
    return [...new Set(ids.map(change => change.id))];
}

/** Steps one flow away from a step, in either model. */
function neighbours(models: readonly BlueprintModel[], ids: Iterable<string>): Set<string> {
    const wanted = new Set(ids);
    const result = new Set<string>();
    for (const model of models) {
        for (const flow of model.flows) {
            if (wanted.has(flow.from)) result.add(flow.to);
            if (wanted.has(flow.to)) result.add(flow.from);
        }
    }
    return result;
}

describe('diff --mermaid', { timeout: 120_000 }, async () => {
    const before = await modelOf(fixture('hotline-v1.blueprint'));
    const after = await modelOf(fixture('hotline-v2.blueprint'));
    const changeSet = diffBlueprints(before, after);

    it('draws the added and changed steps of the hotline iteration with their neighbours, and nothing else', async () => {
        const text = (await renderDiffMermaid(before, after, changeSet))!;
        const parsed = await parseFlowchart(text);
        expect(parsed.type).toBe('flowchart-v2');
        const vertices = new Map(parsed.vertices.filter(vertex => vertex.id.startsWith('s_')).map(vertex => [vertex.id, vertex]));
        const added = stepIds(changeSet, 'added');
        const changed = stepIds(changeSet, 'changed').filter(id => !added.includes(id));
        expect(added.length).toBeGreaterThan(0);
        expect(changed.length).toBeGreaterThan(0);
        for (const id of added) expect(vertices.get(node(id))?.classes, id).toContain('added');
        for (const id of changed) expect(vertices.get(node(id))?.classes, id).toContain('changed');
        for (const id of added) expect(vertices.get(node(id))!.text).toContain(after.steps.find(step => step.id === id)!.label);

        // The region: what changed (and both ends of a changed flow), plus one flow of context around it.
        const addedFlows = changeSet.changes.filter(change => change.subject === 'flow' && change.kind === 'added').map(change => after.flows.find(flow => flow.id === change.id)!);
        const core = new Set([...added, ...changed, ...addedFlows.flatMap(flow => [flow.from, flow.to])]);
        const expected = new Set([...core, ...neighbours([after], core)]);
        expect([...vertices.keys()].sort()).toEqual([...expected].map(node).sort());
        for (const id of expected) if (!core.has(id)) expect(vertices.get(node(id))!.classes, id).toContain('context');
        const unchanged = after.steps.filter(step => !expected.has(step.id));
        expect(unchanged.length, 'the hotline has steps far from the change').toBeGreaterThan(0);

        // Every flow between two drawn steps is drawn; the added ones are green.
        const flows = after.flows.filter(flow => expected.has(flow.from) && expected.has(flow.to));
        expect(parsed.edges.length).toBeGreaterThanOrEqual(flows.length);
        for (const flow of addedFlows) {
            const edge = parsed.edges.find(candidate => candidate.start === node(flow.from) && candidate.end === node(flow.to));
            expect(edge, flow.id).toBeDefined();
        }
        expect(text).toMatch(/linkStyle [\d,]+ stroke:#1a7f37/);
        expect(parsed.classes.get('added')?.styles.join(',')).toContain('fill:#dafbe1');
        const legend = parsed.subgraphs.find(subgraph => subgraph.id === 'legend')!;
        expect(legend.nodes).toEqual(expect.arrayContaining(['legend_added', 'legend_changed', 'legend_context']));
    });

    it('draws a removed step where it was, red, with the steps around it', async () => {
        const old = await modelOf(base());
        const removed = await modelOf(base('', [['    support Charge "Charge the card" by Till\n', ''], ['    flow Take ~> Charge -> Hand\n', '']]));
        const diff = diffBlueprints(old, removed);
        expect(stepIds(diff, 'removed')).toEqual(['Charge']);
        const parsed = await parseFlowchart((await renderDiffMermaid(old, removed, diff))!);
        const charge = parsed.vertices.find(vertex => vertex.id === node('Charge'))!;
        expect(charge.classes).toContain('removed');
        expect(charge.text).toContain('Charge the card');
        for (const id of neighbours([old], ['Charge'])) expect(parsed.vertices.find(vertex => vertex.id === node(id)), id).toBeDefined();
        expect(parsed.subgraphs.find(subgraph => subgraph.id === mermaidId('lane', 'support'))?.nodes).toContain(node('Charge'));
    });

    it('is left out when nothing a picture could show changed, and of the Markdown unless asked for', async () => {
        const model = await modelOf(base());
        const same = await modelOf(base().replace('blueprint Coffee "Buy a coffee"', 'blueprint Coffee "Buy a coffee at the bar"'));
        const titleOnly = diffBlueprints(model, same);
        expect(titleOnly.changes.length).toBeGreaterThan(0);
        expect(await renderDiffMermaid(model, same, titleOnly)).toBeUndefined();

        const block = (await renderDiffMermaid(before, after, changeSet))!;
        const markdown = renderMarkdown(changeSet, { path: 'hotline.blueprint', mermaid: block });
        expect(markdown).toContain('#### The changed region\n\n```mermaid\n');
        expect(markdown).toContain(block.trimEnd() + '\n```\n');
        // Risks still follow; the fence is closed before them.
        expect(markdown.indexOf('```\n')).toBeLessThan(markdown.indexOf('#### ⚠️'));
        expect(renderMarkdown(changeSet, { path: 'hotline.blueprint' })).not.toContain('```mermaid');
    });
});
