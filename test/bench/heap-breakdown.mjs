/**
 * Where the memory of a document goes, from two heap snapshots of one process (the snapshot format:
 * nodes and edges in flat arrays, described by `snapshot.meta`): the objects the second has and
 * the first had not, by what they belong to. An object counts for the first thing it finds going
 * up its retainers: a CST node, an AST node, a cross-reference, a description of the index, the
 * document text, the model or an analysis; lists, strings and property stores count for their owner.
 */
import { readFileSync } from 'node:fs';

export function readHeapSnapshot(file) {
    return JSON.parse(readFileSync(file, 'utf8'));
}

const CATEGORY_OF_CLASS = new Map(Object.entries({
    LeafCstNodeImpl: 'CST', CompositeCstNodeImpl: 'CST', RootCstNodeImpl: 'CST',
    BlueprintReference: 'references (AST)', DefaultReferenceImpl: 'references (AST)', DefaultMultiReferenceImpl: 'references (AST)',
    LazyReferenceDescription: 'reference index', DefaultReferenceDescription: 'reference index',
    LazyNodeDescription: 'symbol index and scopes', MapScope: 'symbol index and scopes', StreamScope: 'symbol index and scopes',
    BlueprintModelProvider: 'model', BlueprintAnalysisProvider: 'analysis',
    TextDocument: 'document text', FullTextDocument: 'document text'
}));
const CATEGORY_OF_EDGE = new Map(Object.entries({
    _text: 'document text', _content: 'document text', referenceIndex: 'reference index',
    symbolIndex: 'symbol index and scopes', localSymbols: 'symbol index and scopes', symbolByTypeIndex: 'symbol index and scopes',
    diagnostics: 'diagnostics'
}));

/** Bytes per category of the objects in `after` that are not in `before`. */
export function heapBreakdown(before, after) {
    const meta = after.snapshot.meta;
    const NF = meta.node_fields.length, EF = meta.edge_fields.length;
    const T = meta.node_fields.indexOf('type'), N = meta.node_fields.indexOf('name'), I = meta.node_fields.indexOf('id');
    const S = meta.node_fields.indexOf('self_size'), EC = meta.node_fields.indexOf('edge_count');
    const ET = meta.edge_fields.indexOf('type'), EN = meta.edge_fields.indexOf('name_or_index'), ETO = meta.edge_fields.indexOf('to_node');
    const nodeTypes = meta.node_types[0], edgeTypes = meta.edge_types[0];
    const { nodes, edges, strings } = after;
    const old = new Set();
    {
        const bf = before.snapshot.meta.node_fields.length, bi = before.snapshot.meta.node_fields.indexOf('id');
        for (let i = 0; i < before.nodes.length; i += bf) old.add(before.nodes[i + bi]);
    }
    const count = nodes.length / NF;
    const isNew = i => !old.has(nodes[i * NF + I]);
    const type = i => nodeTypes[nodes[i * NF + T]];
    const name = i => strings[nodes[i * NF + N]];
    const firstEdge = new Uint32Array(count + 1);
    for (let i = 0, e = 0; i < count; i++) { firstEdge[i] = e; e += nodes[i * NF + EC] * EF; }
    firstEdge[count] = edges.length;
    // One retainer per object, a new one where there is one (what the document added holds it).
    const retainer = new Int32Array(count).fill(-1);
    const retainerEdge = new Array(count);
    for (let i = 0; i < count; i++) {
        for (let e = firstEdge[i]; e < firstEdge[i + 1]; e += EF) {
            const edgeType = edgeTypes[edges[e + ET]];
            if (edgeType === 'weak' || edgeType === 'shortcut') continue;
            const to = edges[e + ETO] / NF;
            const current = retainer[to];
            if (current === -1 || (!isNew(current) && isNew(i))) {
                retainer[to] = i;
                retainerEdge[to] = edgeType === 'element' || edgeType === 'hidden' ? '' : String(strings[edges[e + EN]]);
            }
        }
    }
    const properties = i => {
        const found = new Map();
        for (let e = firstEdge[i]; e < firstEdge[i + 1]; e += EF) {
            if (edgeTypes[edges[e + ET]] === 'property') found.set(strings[edges[e + EN]], edges[e + ETO] / NF);
        }
        return found;
    };
    /** AST nodes by their `$type`; the cached model and analyses by the fields only they have. */
    const categoryOfShape = i => {
        const own = properties(i);
        if (own.has('$type') && type(own.get('$type')) === 'string') return 'AST';
        if (own.has('lanes') && own.has('steps') && own.has('flows')) return 'model';
        if ((own.has('touchpoints') && own.has('counts')) || (own.has('criticalPath') && own.has('mostLikelyPath'))) return 'analysis';
        return undefined;
    };
    const categoryOf = new Array(count);
    const classify = start => {
        const path = [];
        let category = 'other';
        for (let i = start, depth = 0; i >= 0 && depth < 64; i = retainer[i], depth++) {
            if (categoryOf[i] !== undefined) { category = categoryOf[i]; break; }
            path.push(i);
            const t = type(i);
            if (t === 'code' || (t === 'native' && depth === 0)) { category = 'compiled code and modules'; break; }
            const byClass = t === 'object' ? CATEGORY_OF_CLASS.get(name(i)) : undefined;
            if (byClass) { category = byClass; break; }
            const byShape = t === 'object' ? categoryOfShape(i) : undefined;
            if (byShape) { category = byShape; break; }
            const byEdge = CATEGORY_OF_EDGE.get(retainerEdge[i]);
            if (byEdge) { category = byEdge; break; }
        }
        for (const i of path) categoryOf[i] = category;
        return category;
    };
    const bytes = new Map();
    for (let i = 0; i < count; i++) {
        if (!isNew(i) || type(i) === 'synthetic') continue;
        const category = classify(i);
        bytes.set(category, (bytes.get(category) ?? 0) + nodes[i * NF + S]);
    }
    return bytes;
}
