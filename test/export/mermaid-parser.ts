/**
 * Mermaid's own parser, run in Node for the tests. `@mermaid-js/parser` (2.0.1, the latest) has no
 * flowchart grammar, so the text is checked by the `mermaid` package's `parse()` and read back from
 * the flowchart's database (vertices, edges, subgraphs, classes). Mermaid sanitises labels with
 * DOMPurify, which needs a window when it is first imported: a jsdom one is made for it (vitest's
 * jsdom environment would replace Node's URL, which the example loader needs).
 */
import { JSDOM } from 'jsdom';

type Mermaid = typeof import('mermaid').default;
let loaded: Promise<Mermaid> | undefined;

function loadMermaid(): Promise<Mermaid> {
    loaded ??= (async () => {
        const globals = globalThis as { window?: unknown; document?: unknown };
        if (globals.window === undefined) {
            const { window } = new JSDOM('');
            globals.window = window;
            globals.document = window.document;
        }
        const { default: mermaid } = await import('mermaid');
        mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
        return mermaid;
    })();
    return loaded;
}

export interface ParsedVertex { readonly id: string; readonly text: string; readonly classes: readonly string[] }
/** `styles`: what `linkStyle` gave the edge (`stroke:#0f766e`…). */
export interface ParsedEdge { readonly start: string; readonly end: string; readonly text: string; readonly type: string; readonly stroke: string; readonly styles: readonly string[] }
export interface ParsedSubgraph { readonly id: string; readonly title: string; readonly nodes: readonly string[] }

export interface ParsedFlowchart {
    readonly type: string;
    readonly vertices: readonly ParsedVertex[];
    readonly edges: readonly ParsedEdge[];
    readonly subgraphs: readonly ParsedSubgraph[];
    readonly classes: ReadonlyMap<string, { readonly styles: readonly string[] }>;
}

interface FlowDb {
    getVertices(): Map<string, { id: string; text?: string; classes: string[] }>;
    getEdges(): { start: string; end: string; text?: string; type?: string; stroke?: string; style?: string[] }[];
    getSubGraphs(): { id: string; title: string; nodes: string[] }[];
    getClasses(): Map<string, { styles: string[] }>;
}

/** Throws Mermaid's own error (line, what it expected) when the text does not parse. */
export async function parseFlowchart(text: string): Promise<ParsedFlowchart> {
    const mermaid = await loadMermaid();
    await mermaid.parse(text);
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    const db = diagram.db as unknown as FlowDb;
    return {
        type: diagram.type,
        vertices: [...db.getVertices().values()].map(vertex => ({ id: vertex.id, text: readable(vertex.text ?? ''), classes: vertex.classes })),
        edges: db.getEdges().map(edge => ({ start: edge.start, end: edge.end, text: readable(edge.text ?? ''), type: edge.type ?? '', stroke: edge.stroke ?? '', styles: edge.style ?? [] })),
        subgraphs: db.getSubGraphs().map(subgraph => ({ id: subgraph.id, title: readable(subgraph.title), nodes: subgraph.nodes })),
        classes: db.getClasses()
    };
}

/**
 * What a reader sees once Mermaid draws a label: its entity codes (kept in the database as
 * placeholders until drawing) as characters, the writer's own tags as line breaks or nothing.
 */
export function readable(text: string): string {
    const named: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', nbsp: '\u00a0' };
    // Tags first: a `<` in the user's text is still an entity code here, so only the writer's tags go.
    return text
        .replace(/<br\/?>/g, '\n')
        .replace(/<\/?(b|i|small)>/g, '')
        .replace(/ﬂ°°(\d+)¶ß/g, (_match, code: string) => String.fromCodePoint(Number(code)))
        .replace(/ﬂ°(\w+)¶ß/g, (_match, name: string) => named[name] ?? `&${name};`);
}
