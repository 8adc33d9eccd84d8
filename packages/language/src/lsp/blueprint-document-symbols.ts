/**
 * The outline of a blueprint file, laid out the way a blueprint is read: the blueprint, its stages
 * (columns) with their steps, steps without a stage grouped under their lane, then groups for the
 * declarations, the flows and the metrics. Declarations outside the blueprint and imports come first.
 */
import { AstUtils, GrammarUtils, type AstNode, type CstNode, type LangiumDocument, type MaybePromise } from 'langium';
import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams, type Range } from 'vscode-languageserver';
import type { BlueprintServices } from '../blueprint-module.js';
import * as ast from '../generated/ast.js';
import { computeLaneOrder, laneIdOf } from '../model/model-builder.js';
import { cstRange } from '../util/cst-range.js';

const DECLARATION_KINDS: Readonly<Record<ast.Declaration['$type'], SymbolKind>> = {
    Actor: SymbolKind.Object,
    System: SymbolKind.Class,
    Stage: SymbolKind.Namespace,
    Channel: SymbolKind.Interface,
    Segment: SymbolKind.Enum,
    Persona: SymbolKind.Struct,
    CustomLane: SymbolKind.Package
};

export class BlueprintDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    constructor(services: BlueprintServices) {
        super(services);
    }

    override getSymbols(document: LangiumDocument, _params?: DocumentSymbolParams): MaybePromise<DocumentSymbol[]> {
        const file = document.parseResult.value as ast.BlueprintFile;
        const symbols: DocumentSymbol[] = [];
        for (const imp of file.imports) {
            if (imp.$cstNode && imp.path) {
                symbols.push({ name: imp.path, kind: SymbolKind.File, detail: 'import', range: imp.$cstNode.range, selectionRange: imp.$cstNode.range });
            }
        }
        for (const element of file.elements) {
            const symbol = ast.isBlueprint(element) ? this.blueprintSymbol(element) : this.declarationSymbol(element);
            if (symbol) symbols.push(symbol);
        }
        return symbols;
    }

    private blueprintSymbol(blueprint: ast.Blueprint): DocumentSymbol | undefined {
        const steps = blueprint.members.filter(ast.isStep);
        const children: DocumentSymbol[] = [];

        // Stages in the order they are declared (or first used), each with its steps.
        const stages: ast.Stage[] = [];
        for (const stage of blueprint.members.filter(ast.isStage)) stages.push(stage);
        for (const step of steps) {
            const stage = step.stages[0]?.ref;
            if (stage && !stages.includes(stage)) stages.push(stage);
        }
        for (const stage of stages) {
            const stageSteps = steps.filter(step => step.stages[0]?.ref === stage).map(step => this.stepSymbol(step)).filter(isDefined);
            const local = AstUtils.getDocument(stage) === AstUtils.getDocument(blueprint) ? this.declarationSymbol(stage) : undefined;
            if (local) {
                children.push({ ...local, range: union([local.range, ...stageSteps.map(s => s.range)]), children: stageSteps });
            } else if (stageSteps.length > 0) {
                children.push(group(stage.name, SymbolKind.Namespace, stageSteps, stage.label));
            }
        }

        // Steps without a (resolved) stage, by lane.
        const laneGroups = new Map<string, DocumentSymbol[]>();
        for (const step of steps) {
            if (step.stages[0]?.ref) continue;
            const symbol = this.stepSymbol(step);
            if (!symbol) continue;
            const lane = laneIdOf(step);
            laneGroups.set(lane, [...laneGroups.get(lane) ?? [], symbol]);
        }
        // Lane names as the blueprint states them (its language, relabelled standard lanes, custom lanes).
        const laneLabels = new Map(computeLaneOrder(blueprint).map(lane => [lane.id, lane.label]));
        for (const [lane, laneSteps] of laneGroups) {
            const label = laneLabels.get(lane);
            children.push(group(lane, SymbolKind.Package, laneSteps, label));
        }

        const declarations = blueprint.members.filter(ast.isDeclaration).filter(d => !ast.isStage(d))
            .map(d => this.declarationSymbol(d)).filter(isDefined);
        const evidence = blueprint.members.filter(ast.isEvidenceItem).map(item => this.namedSymbol(item, SymbolKind.Field, item.label)).filter(isDefined);
        if (declarations.length > 0) children.push(group('Declarations', SymbolKind.Namespace, declarations));
        if (evidence.length > 0) children.push(group('Evidence', SymbolKind.Namespace, evidence));

        const flows = blueprint.members.filter(ast.isFlow).map(flow => this.flowSymbol(flow)).filter(isDefined);
        if (flows.length > 0) children.push(group('Flows', SymbolKind.Namespace, flows));
        const metrics = blueprint.members.filter(ast.isMetric).map(metric => this.namedSymbol(metric, SymbolKind.Number, metric.label)).filter(isDefined);
        if (metrics.length > 0) children.push(group('Metrics', SymbolKind.Namespace, metrics));

        const symbol = this.namedSymbol(blueprint, SymbolKind.Module, blueprint.title);
        return symbol ? { ...symbol, children } : undefined;
    }

    private stepSymbol(step: ast.Step): DocumentSymbol | undefined {
        return this.namedSymbol(step, SymbolKind.Function, step.label);
    }

    private declarationSymbol(declaration: ast.Declaration): DocumentSymbol | undefined {
        return this.namedSymbol(declaration, DECLARATION_KINDS[declaration.$type], declaration.label);
    }

    private flowSymbol(flow: ast.Flow): DocumentSymbol | undefined {
        if (!flow.$cstNode) return undefined;
        const name = [flow.source?.$refText ?? '?', ...flow.links.flatMap(link => [link.arrow ?? '', link.target?.$refText ?? '?'])].join(' ');
        const range = cstRange(flow.$cstNode);
        return { name, kind: SymbolKind.Event, detail: flow.label, range, selectionRange: range };
    }

    private namedSymbol(node: AstNode & { name: string }, kind: SymbolKind, label: string | undefined): DocumentSymbol | undefined {
        const cst = node.$cstNode;
        if (!cst || !node.name) return undefined;
        const nameNode: CstNode = GrammarUtils.findNodeForProperty(cst, 'name') ?? cst;
        // Read through to the leaves: the outline asks for every step on every edit, and cached ranges would stay with the document.
        return { name: node.name, kind, detail: label, range: cstRange(cst), selectionRange: cstRange(nameNode) };
    }
}

/** A grouping symbol that spans its children. */
function group(name: string, kind: SymbolKind, children: DocumentSymbol[], detail?: string): DocumentSymbol {
    const range = union(children.map(child => child.range));
    return { name, kind, detail, range, selectionRange: children[0]?.selectionRange ?? range, children };
}

function union(ranges: Range[]): Range {
    const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);
    let start = ranges[0].start;
    let end = ranges[0].end;
    for (const range of ranges) {
        if (before(range.start, start)) start = range.start;
        if (before(end, range.end)) end = range.end;
    }
    return { start, end };
}

function isDefined<T>(value: T | undefined): value is T {
    return value !== undefined;
}
